package cn.gridcase.event;

import cn.gridcase.calendar.Workdays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the user tasks and timers of {@code event-level-handling.bpmn} (一级事件处置) read: the
 * tasks' candidate group and assignee, whether the acceptance was made on reporting (the gateway
 * 网格员本人上报？), and the deadlines of the due dates and boundary timers (E4). The steps
 * themselves are {@link ReceiveEvent}, {@link RecordAcceptance} and {@link RecordHandling}.
 */
@Component
public class EventLevelSteps {

  private final EventProcessSupport support;
  private final Workdays workdays;

  EventLevelSteps(EventProcessSupport support, Workdays workdays) {
    this.support = support;
    this.workdays = workdays;
  }

  /** The candidate group of this level's tasks: the unit that has the event. */
  public String unit(String number) {
    return support.eventOf(number).unitCode();
  }

  /** Whether the acceptance was recorded on reporting (the grid's own worker reported it). */
  public boolean acceptedOnReporting(String number) {
    return support.eventOf(number).step().acceptedAt() != null;
  }

  /** The acceptance deadline: N working days after receipt (E4), as a working-day expression. */
  public String acceptBy(DelegateExecution execution) {
    Event.Step step = support.eventOf(execution).step();
    return workdays.from(step.receivedAt(), step.acceptDays());
  }

  /** One working day before the acceptance deadline. */
  public Object acceptReminder(DelegateExecution execution) {
    Event.Step step = support.eventOf(execution).step();
    return workdays.oneBefore(step.receivedAt(), step.acceptDays());
  }

  /** The handling deadline: the level's limit after acceptance (E4, E6). */
  public String handleBy(DelegateExecution execution) {
    Event.Step step = support.eventOf(execution).step();
    return workdays.from(step.acceptedAt(), step.handleDays());
  }

  /** One working day before the handling deadline. */
  public Object handleReminder(DelegateExecution execution) {
    Event.Step step = support.eventOf(execution).step();
    return workdays.oneBefore(step.acceptedAt(), step.handleDays());
  }

  /** Who accepted: the handling task is assigned to them. */
  public String acceptor(String number) {
    return support.eventOf(number).step().acceptedBy();
  }
}
