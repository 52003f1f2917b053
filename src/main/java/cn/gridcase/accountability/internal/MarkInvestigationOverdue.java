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
 * 标记调查超期 (C6): the investigation ran past its limit; flagged for ever, the supervisors and
 * investigators told.
 */
@Component("markInvestigationOverdue")
public class MarkInvestigationOverdue {

  private final CaseRepository cases;
  private final CaseDeadlines deadlines;
  private final CasePeople people;
  private final Notifications notifications;
  private final Clock clock;

  MarkInvestigationOverdue(
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
    OffsetDateTime deadline = deadlines.investigation(c);
    cases.markOverdueInvestigation(c.id());
    cases.addStep(
        c.id(),
        new CaseStep(
            "OVERDUE_INVESTIGATION",
            "system",
            GridCaseTime.now(clock),
            deadline,
            true,
            "调查超期：期限 " + deadline.toLocalDate()));
    List<String> recipients = new ArrayList<>(people.supervisorsOf(c.townshipCode()));
    recipients.addAll(c.investigators());
    notifications.send(
        new Notice(
            NoticeKind.CASE_OVERDUE,
            "责任追究案件 " + c.id() + " 调查超期",
            "调查期限 " + deadline.toLocalDate() + " 已过。",
            null),
        recipients);
  }
}
