package cn.gridcase.supervision.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.StoredDeadlines;
import cn.gridcase.event.SupervisedSteps;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A 督办's deadline (S1) is computed once, when it is given, and kept on its order ({@code
 * step_supervision.deadline}); the supervision process's timer reads it from there. A holiday
 * schedule load (T3) moves it here with the timer and the task's due date, so 督办超期 records the
 * deadline that was in force.
 */
@Component
public class SupervisionDeadlines implements StoredDeadlines {

  static final String PREFIX = "supervision:";
  private static final Logger log = LoggerFactory.getLogger(SupervisionDeadlines.class);

  private final SupervisionOrders orders;
  private final SupervisedSteps steps;
  private final TransactionTemplate transaction;

  SupervisionDeadlines(
      SupervisionOrders orders, SupervisedSteps steps, TransactionTemplate transaction) {
    this.orders = orders;
    this.steps = steps;
    this.transaction = transaction;
  }

  static String key(long orderId) {
    return PREFIX + orderId;
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public Map<String, Long> current(Collection<String> keys) {
    Map<Long, Long> pending =
        orders.pendingDeadlines(keys.stream().map(SupervisionDeadlines::orderId).toList());
    Map<String, Long> current = new HashMap<>();
    pending.forEach((id, due) -> current.put(key(id), due));
    return current;
  }

  @Override
  public void move(Map<String, Deadline> moved) {
    Map<Long, Deadline> byId = new HashMap<>();
    moved.forEach((key, deadline) -> byId.put(orderId(key), deadline));
    orders.moveDeadlines(byId);
  }

  /**
   * Once at start-up: a 督办 given before its deadline was kept on the event's open step (Flyway V8)
   * is put there while its step is still open, so the supervisors' lists count against its limit.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void keepInForceOnTheirSteps() {
    Integer kept =
        transaction.execute(
            status -> {
              int count = 0;
              for (SupervisionOrders.Order order : orders.latestUnsettled()) {
                if (steps.isOpen(order.taskId())
                    && steps.keepInForce(
                        order.eventNumber(),
                        new Deadline(
                            order.at(),
                            order.workingDays(),
                            order.deadline(),
                            order.provisional()))) {
                  count++;
                }
              }
              return count;
            });
    if (kept != null && kept > 0) {
      log.info("Kept the deadline of {} 督办 given before V8 on their open steps", kept);
    }
  }

  private static long orderId(String key) {
    return Long.parseLong(key.substring(PREFIX.length()));
  }
}
