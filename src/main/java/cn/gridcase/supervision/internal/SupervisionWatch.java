package cn.gridcase.supervision.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.EngineDeadlines;
import cn.gridcase.event.SupervisedSteps;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The expressions of the supervision process ({@code bpmn/event-supervision.bpmn}, 督办): its timer's
 * date, the gateway "督办的步骤已办完？" and the service task "督办超期". Each reads the 督办 order by the
 * process's one id variable.
 */
@Component("supervisionWatch")
public class SupervisionWatch {

  private final SupervisionOrders orders;
  private final SupervisedSteps steps;
  private final EngineDeadlines engineDeadlines;
  private final Clock clock;

  SupervisionWatch(
      SupervisionOrders orders,
      SupervisedSteps steps,
      EngineDeadlines engineDeadlines,
      Clock clock) {
    this.orders = orders;
    this.steps = steps;
    this.engineDeadlines = engineDeadlines;
    this.clock = clock;
  }

  /**
   * The 督办's deadline as computed when it was given and kept on its order (N working days from that
   * moment); the calendar registers the timer with that moment and N and recomputes it (T3).
   */
  public Date deadline(DelegateExecution execution) {
    SupervisionOrders.Order order = order(execution);
    return engineDeadlines.dueDate(
        new Deadline(order.at(), order.workingDays(), order.deadline(), order.provisional()));
  }

  /**
   * 督办的步骤已办完？ Yes when the step it was for is no longer open, or a later 督办 of the event replaced
   * it (only the latest is watched); the order records which.
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
    steps.supervisionOverdue(
        order.eventNumber(), order.stage(), order.deadline(), order.supervisedBy());
  }

  private SupervisionOrders.Order order(DelegateExecution execution) {
    Object id = execution.getVariable(SupervisionProcessVariables.SUPERVISION_ID);
    return orders
        .find(((Number) id).longValue())
        .orElseThrow(() -> new IllegalStateException("no 督办 order " + id));
  }
}
