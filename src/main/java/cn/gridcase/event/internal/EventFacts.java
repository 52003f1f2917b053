package cn.gridcase.event.internal;

import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventStatus;
import org.springframework.stereotype.Component;

/**
 * What the models of the event processes read about the event, by its number (the business key):
 * the feedback queue and the text of every user task's description in Tasklist.
 */
@Component
public class EventFacts {

  private final EventProcessSupport support;
  private final EventRepository events;
  private final EventStaff staff;
  private final TaskDescription description;

  public EventFacts(
      EventProcessSupport support,
      EventRepository events,
      EventStaff staff,
      TaskDescription description) {
    this.support = support;
    this.events = events;
    this.staff = staff;
    this.description = description;
  }

  /** Feedback (回访) is the reporting grid's: its queue is the grid's candidate group. */
  public String feedbackQueue(String number) {
    return support.eventOf(number).gridCode();
  }

  /**
   * The text of a task's description in Tasklist: the event, one element per line ({@link
   * TaskDescription}).
   */
  public String summary(String number) {
    return events
        .find(number)
        .map(
            e ->
                description.of(
                    e,
                    e.level() == EventLevel.TOWNSHIP && e.status() != EventStatus.RESOLVED
                        ? staff.departmentNamesOf(e.townshipCode())
                        : null))
        .orElse(number);
  }
}
