package cn.gridcase.supervision;

import cn.gridcase.calendar.Workdays;
import cn.gridcase.event.SupervisedSteps;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The expressions of the supervision process ({@code bpmn/event-supervision.bpmn}, 督办): its
 * timer's date, the gateway "督办的步骤已办完？" and the service task "督办超期". Each reads the
 * 督办 order by the process's one id variable.
 */
@Component("supervisionWatch")
public class SupervisionWatch {

  private final SupervisionOrders orders;
  private final SupervisedSteps steps;
  private final Workdays workdays;
  private final Clock clock;

  SupervisionWatch(SupervisionOrders orders, SupervisedSteps steps, Workdays workdays, Clock clock) {
    this.orders = orders;
    this.steps = steps;
    this.workdays = workdays;
    this.clock = clock;
  }

  /**
   * The 督办's deadline as a working-day expression (N working days from the moment it was given),
   * so the calendar registers the timer and recomputes it from that moment and N (T3).
   */
  public String deadline(DelegateExecution execution) {
    SupervisionOrders.Order order = order(execution);
    return workdays.from(order.at(), order.workingDays());
  }

  /**
   * 督办的步骤已办完？ Yes when the step it was for is no longer open, or a later 督办 of the event
   * replaced it (only the latest is watched); the order records which.
   */
  public boolean settled(DelegateExecution execution) {
    SupervisionOrders.Order order = order(execution);
    if (!steps.isOpen(order.taskId())) {
      orders.settle(order.id(), "DONE", GridCaseTime.now(clock));
      return true;
    }
    if (orders.superseded(order)) {
      orders.settle(order.id(), "SUPERSEDED", GridCaseTime.now(clock));
      return true;
    }
    return false;
  }

  /** 督办超期: the step is still open at the 督办's deadline. */
  public void overdue(DelegateExecution execution) {
    SupervisionOrders.Order order = order(execution);
    orders.settle(order.id(), "OVERDUE", GridCaseTime.now(clock));
    steps.supervisionOverdue(order.eventNumber(), order.stage(), order.deadline(), order.supervisedBy());
  }

  private SupervisionOrders.Order order(DelegateExecution execution) {
    Object id = execution.getVariable(SupervisionProcessVariables.SUPERVISION_ID);
    return orders.find(((Number) id).longValue())
        .orElseThrow(() -> new IllegalStateException("no 督办 order " + id));
  }
}
