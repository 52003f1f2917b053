package cn.gridcase.event.internal;

import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventStep;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 研判预警 ({@code EarlyWarningTask} of {@code event-handling.bpmn}, E8): a major event goes to the
 * township center at once; the center and the supervisors are warned.
 */
@Component
public class IssueEarlyWarning {

  private final EventProcessSupport support;
  private final EventRepository events;
  private final EventStaff staff;
  private final Notifications notifications;

  public IssueEarlyWarning(
      EventProcessSupport support,
      EventRepository events,
      EventStaff staff,
      Notifications notifications) {
    this.support = support;
    this.events = events;
    this.staff = staff;
    this.notifications = notifications;
  }

  /** {@code ${issueEarlyWarning.issue(execution.processBusinessKey)}}. */
  public void issue(String number) {
    Event event = support.eventOf(number);
    events.addStep(
        event.id(),
        new EventStep(
            "EARLY_WARNING",
            EventLevel.TOWNSHIP,
            event.townshipCode(),
            EventProcessSupport.SYSTEM,
            support.now(),
            null,
            false,
            "重大突发事件，越级直报镇中心"));
    List<String> recipients = new ArrayList<>(staff.centerStaffOf(event.townshipCode()));
    recipients.addAll(staff.supervisorsOf(event.townshipCode()));
    notifications.send(
        new Notice(
            NoticeKind.EARLY_WARNING,
            "预警：重大事件 " + event.number(),
            "重大突发事件「" + event.title() + "」（" + event.location() + "）已直报镇中心，请立即研判处置。",
            event.number()),
        recipients);
  }
}
