package cn.gridcase.accountability.internal;

import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/** 标记告知超期 (C7): the person was not told within 3 working days of the decision. */
@Component("markNotificationOverdue")
public class MarkNotificationOverdue {

  private final CaseRepository cases;
  private final CaseDeadlines deadlines;
  private final CaseOverdue overdue;

  MarkNotificationOverdue(CaseRepository cases, CaseDeadlines deadlines, CaseOverdue overdue) {
    this.cases = cases;
    this.deadlines = deadlines;
    this.overdue = overdue;
  }

  public void mark(String businessKey) {
    CaseRecord c = cases.byKey(businessKey);
    OffsetDateTime deadline = deadlines.notice(c);
    cases.markOverdueNotification(c.id());
    overdue.record(
        c,
        "OVERDUE_NOTIFICATION",
        deadline,
        "告知超期：期限 " + deadline.toLocalDate(),
        "责任追究案件 " + c.id() + " 告知超期",
        "处理决定应于 " + deadline.toLocalDate() + " 前告知被追究人。");
  }
}
