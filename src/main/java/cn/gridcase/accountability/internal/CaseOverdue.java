package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.CaseStep;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a case's timer records when a step's deadline passed (C6, C7), the one way for both timers:
 * the late step, and a notice to the township's supervisors and the case's investigators.
 */
@Component
class CaseOverdue {

  private final CaseRepository cases;
  private final CasePeople people;
  private final Notifications notifications;
  private final Clock clock;

  CaseOverdue(CaseRepository cases, CasePeople people, Notifications notifications, Clock clock) {
    this.cases = cases;
    this.people = people;
    this.notifications = notifications;
    this.clock = clock;
  }

  /**
   * Records step {@code action} late against {@code deadline}, with its note, and tells who watches
   * the case.
   */
  void record(
      CaseRecord c,
      String action,
      OffsetDateTime deadline,
      String note,
      String title,
      String body) {
    cases.addStep(
        c.id(), new CaseStep(action, "system", GridCaseTime.now(clock), deadline, true, note));
    List<String> recipients = new ArrayList<>(people.supervisorsOf(c.townshipCode()));
    recipients.addAll(c.investigators());
    notifications.send(new Notice(NoticeKind.CASE_OVERDUE, title, body, null), recipients);
  }
}
