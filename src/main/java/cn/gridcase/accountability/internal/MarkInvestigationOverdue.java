package cn.gridcase.accountability.internal;

import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * 标记调查超期 (C6): the investigation ran past its limit; flagged for ever, the supervisors and
 * investigators told.
 */
@Component("markInvestigationOverdue")
public class MarkInvestigationOverdue {

  private final CaseRepository cases;
  private final CaseDeadlines deadlines;
  private final CaseOverdue overdue;

  MarkInvestigationOverdue(CaseRepository cases, CaseDeadlines deadlines, CaseOverdue overdue) {
    this.cases = cases;
    this.deadlines = deadlines;
    this.overdue = overdue;
  }

  public void mark(String businessKey) {
    CaseRecord c = cases.byKey(businessKey);
    OffsetDateTime deadline = deadlines.investigation(c);
    cases.markOverdueInvestigation(c.id());
    overdue.record(
        c,
        "OVERDUE_INVESTIGATION",
        deadline,
        "调查超期：期限 " + deadline.toLocalDate(),
        "责任追究案件 " + c.id() + " 调查超期",
        "调查期限 " + deadline.toLocalDate() + " 已过。");
  }
}
