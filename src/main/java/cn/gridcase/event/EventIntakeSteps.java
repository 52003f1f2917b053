package cn.gridcase.event;

import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The service tasks of the main event process ({@code event-handling.bpmn}, 事件处置) outside the levels. */
@Component("eventProcess")
public class EventIntakeSteps {

  private final EventProcessSupport support;
  private final EventRepository events;
  private final EventStaff staff;
  private final Notifications notifications;
  private final TaskDescription description;

  EventIntakeSteps(EventProcessSupport support, EventRepository events, EventStaff staff, Notifications notifications,
      TaskDescription description) {
    this.support = support;
    this.events = events;
    this.staff = staff;
    this.notifications = notifications;
    this.description = description;
  }

  /** 研判预警 (E8): a major event goes to the township center at once; the center and the supervisors are warned. */
  public void earlyWarning(DelegateExecution execution) {
    Event event = support.eventOf(execution);
    events.addStep(event.id(), new EventStep("EARLY_WARNING", EventLevel.TOWNSHIP, event.townshipCode(),
        EventProcessSupport.SYSTEM, support.now(), null, false, "重大突发事件，越级直报镇中心"));
    List<String> recipients = new ArrayList<>(staff.centerStaffOf(event.townshipCode()));
    recipients.addAll(staff.supervisorsOf(event.townshipCode()));
    notifications.send(new Notice(NoticeKind.EARLY_WARNING, "预警：重大事件 " + event.number(),
        "重大突发事件「" + event.title() + "」（" + event.location() + "）已直报镇中心，请立即研判处置。", event.number()),
        recipients);
  }

  /** 记录反馈 (E9): the residents' satisfaction closes the event. */
  public void feedbackRecorded(DelegateExecution execution) {
    Event event = support.eventOf(execution);
    OffsetDateTime now = support.now();
    Satisfaction satisfaction = Satisfaction.valueOf(EventRules.text(execution.getVariable("satisfaction")));
    String comment = EventRules.text(execution.getVariable("comment"));
    String actor = (String) execution.getVariable(EventProcessSupport.COMPLETED_BY);
    events.close(event.id(), satisfaction, comment, now);
    events.addStep(event.id(), new EventStep("FEEDBACK", event.level(), event.gridCode(), actor, now, null, false,
        satisfaction.name() + (comment == null ? "" : "：" + comment)));
    for (String field : EventRules.FEEDBACK_FIELDS) {
      execution.removeVariable(field);
    }
    EventLevelSteps.clearCompletion(execution);
  }

  /** Whether the event is major (E8): the gateway after reporting sends it straight to the township center. */
  public boolean major(DelegateExecution execution) {
    return support.eventOf(execution).major();
  }

  /** The event's category, handed to each level for its forms (the dispute fields show for DISPUTE). */
  public String category(DelegateExecution execution) {
    return support.eventOf(execution).category().name();
  }

  /** Feedback (回访) is the reporting grid's: its queue is the grid's candidate group. */
  public String feedbackQueue(DelegateExecution execution) {
    return support.eventOf(execution).gridCode();
  }

  /** The text of a task's description in Tasklist: the event, one element per line ({@link TaskDescription}). */
  public String summary(DelegateExecution execution) {
    String eventNumber = execution.getProcessBusinessKey();
    return events.find(eventNumber).map(e -> description.of(e,
        e.level() == EventLevel.TOWNSHIP && e.status() != EventStatus.RESOLVED
            ? staff.departmentNamesOf(e.townshipCode()) : null)).orElse(eventNumber);
  }
}
