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

/** 标记告知超期 (C7): the person was not told within 3 working days of the decision. */
@Component("markNotificationOverdue")
public class MarkNotificationOverdue {

  private final CaseRepository cases;
  private final CaseDeadlines deadlines;
  private final CasePeople people;
  private final Notifications notifications;
  private final Clock clock;

  MarkNotificationOverdue(
      CaseRepository cases,
      CaseDeadlines deadlines,
      CasePeople people,
      Notifications notifications,
      Clock clock) {
    this.cases = cases;
    this.deadlines = deadlines;
    this.people = people;
    this.notifications = notifications;
    this.clock = clock;
  }

  public void mark(String businessKey) {
    CaseRecord c = cases.byKey(businessKey);
    OffsetDateTime deadline = deadlines.notice(c);
    cases.markOverdueNotification(c.id());
    cases.addStep(
        c.id(),
        new CaseStep(
            "OVERDUE_NOTIFICATION",
            "system",
            GridCaseTime.now(clock),
            deadline,
            true,
            "告知超期：期限 " + deadline.toLocalDate()));
    List<String> recipients = new ArrayList<>(people.supervisorsOf(c.townshipCode()));
    recipients.addAll(c.investigators());
    notifications.send(
        new Notice(
            NoticeKind.CASE_OVERDUE,
            "责任追究案件 " + c.id() + " 告知超期",
            "处理决定应于 " + deadline.toLocalDate() + " 前告知被追究人。",
            null),
        recipients);
  }
}
