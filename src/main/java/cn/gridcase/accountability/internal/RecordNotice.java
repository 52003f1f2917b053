package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.CaseStep;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 记录告知 ({@code RecordNoticeTask}, C7): when and how the person was told; a notice after the limit
 * is late for ever.
 */
@Component("recordNotice")
public class RecordNotice {

  private final CaseRepository cases;
  private final CaseDeadlines deadlines;
  private final Notifications notifications;

  RecordNotice(CaseRepository cases, CaseDeadlines deadlines, Notifications notifications) {
    this.cases = cases;
    this.deadlines = deadlines;
    this.notifications = notifications;
  }

  /** {@code ${recordNotice.record(execution, caseStepCommand, completedBy)}}. */
  public void record(DelegateExecution execution, SubjectNotice notice, String actor) {
    CaseRecord c = cases.byKey(execution.getProcessBusinessKey());
    OffsetDateTime at = CaseRules.moment(notice.notifiedAt());
    String channel = CaseRules.text(notice.channel());
    OffsetDateTime deadline = deadlines.notice(c);
    boolean late = at.isAfter(deadline);
    if (late) {
      cases.markOverdueNotification(c.id());
    }
    cases.notified(c.id(), at, channel);
    cases.addStep(c.id(), new CaseStep("NOTIFIED", actor, at, deadline, late, channel));
    notifications.send(
        new Notice(
            NoticeKind.CASE_UPDATED,
            "责任追究处理决定（案件 " + c.id() + "）",
            "您的责任追究案件已作出处理决定，已于 " + at.toLocalDate() + " 以" + channel + "方式告知。",
            null),
        List.of(c.subject()));
    execution.removeVariable(CaseVariables.NOTIFIED_AT);
    execution.removeVariable(CaseVariables.CHANNEL);
  }
}
