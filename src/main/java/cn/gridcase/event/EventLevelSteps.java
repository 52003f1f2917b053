package cn.gridcase.event;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * What the user tasks and timers of {@code event-level-handling.bpmn} (一级事件处置) read: the
 * tasks' candidate group and assignee, whether the acceptance was made on reporting (the gateway
 * 网格员本人上报？), and the deadlines of the due dates and boundary timers (E4) as stored on the
 * step when it opened or was accepted ({@link StepDeadlines}). The steps themselves are
 * {@link ReceiveEvent}, {@link RecordAcceptance} and {@link RecordHandling}.
 */
@Component
public class EventLevelSteps {

  private final EventProcessSupport support;
  private final StepDeadlines stepDeadlines;

  EventLevelSteps(EventProcessSupport support, StepDeadlines stepDeadlines) {
    this.support = support;
    this.stepDeadlines = stepDeadlines;
  }

  /** The candidate group of this level's tasks: the unit that has the event. */
  public String unit(String number) {
    return support.eventOf(number).unitCode();
  }

  /** Whether the acceptance was recorded on reporting (the grid's own worker reported it). */
  public boolean acceptedOnReporting(String number) {
    return support.eventOf(number).step().acceptedAt() != null;
  }

  /** The acceptance deadline, N working days after receipt (E4), as stored when the step opened. */
  public Date acceptBy(String number) {
    return stepDeadlines.acceptBy(support.eventOf(number));
  }

  /** One working day before the acceptance deadline, as stored. */
  public Date acceptReminder(String number) {
    return stepDeadlines.acceptReminder(support.eventOf(number));
  }

  /** The handling deadline, the level's limit after acceptance (E4, E6), as stored at acceptance. */
  public Date handleBy(String number) {
    return stepDeadlines.handleBy(support.eventOf(number));
  }

  /** One working day before the handling deadline, as stored. */
  public Date handleReminder(String number) {
    return stepDeadlines.handleReminder(support.eventOf(number));
  }

  /** Who accepted: the handling task is assigned to them. */
  public String acceptor(String number) {
    return support.eventOf(number).step().acceptedBy();
  }
}
