package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.AssignmentStatus;
import cn.gridcase.assignment.MatterStatus;
import cn.gridcase.assignment.Matters;
import cn.gridcase.calendar.EngineDeadlines;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.StepRefused;
import cn.gridcase.platform.TextRules;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 审批交办任务 (S4): who decides — the township's supervisors (政法委), candidate group {@code
 * <township>.SUPERVISOR} — by when, and the check of their decision (a reason to reject, a known
 * decision), the same for {@code /api}, Tasklist and {@code /engine-rest}.
 */
@Component("approveAssignment")
public class ApproveAssignment {

  private final AssignmentSteps steps;
  private final EngineDeadlines engineDeadlines;
  private final Matters matters;

  ApproveAssignment(AssignmentSteps steps, EngineDeadlines engineDeadlines, Matters matters) {
    this.matters = matters;
    this.steps = steps;
    this.engineDeadlines = engineDeadlines;
  }

  /** The candidate group of the approval: the township's supervisors. */
  public String group(String businessKey) {
    return AssignmentPeople.supervisorGroup(steps.assignment(businessKey).townshipCode());
  }

  /**
   * The approval's deadline as computed when the assignment was given (N working days, a setting)
   * and kept on it; the calendar remembers it for the task and the timer, and the stored copy, so a
   * holiday schedule load moves them together (T3).
   */
  public Date dueBy(DelegateExecution execution) {
    AssignmentRecord a = steps.assignment(execution);
    engineDeadlines.rememberStored(
        AssignmentDeadlines.approvalKey(a.id()),
        execution.getProcessInstanceId(),
        a.approvalDeadline());
    return engineDeadlines.dueDate(a.approvalDeadline());
  }

  /** The decision checked: every problem named, or the step to record. */
  public CheckedStep.Approval check(
      AssignmentRecord a, ApprovalDecision decision, String by, OffsetDateTime at) {
    List<ApiError> errors = new ArrayList<>();
    if (a.status() != AssignmentStatus.AWAITING_APPROVAL) {
      errors.add(new ApiError(null, "S4.state", "交办任务 " + a.id() + " 不在待审批状态"));
    }
    String choice = decision.decision();
    boolean approve = ApprovalDecision.APPROVE.equals(choice);
    if (!approve && !ApprovalDecision.REJECT.equals(choice)) {
      errors.add(
          new ApiError(AssignmentVariables.DECISION, "S4.decision", "请选择同意（APPROVE）或退回（REJECT）"));
    }
    String reason = decision.reason() == null ? null : decision.reason().trim();
    if (reason != null && reason.isEmpty()) {
      reason = null;
    }
    if (ApprovalDecision.REJECT.equals(choice) && reason == null) {
      errors.add(new ApiError(AssignmentVariables.REASON, "S4.reason", "退回须写明理由，理由将发给交办人"));
    }
    // the matter may have been made prohibited (禁入) while the assignment waited: S4 refuses it then
    // as it would have at the start; rejecting it stays possible
    if (approve
        && a.matterCode() != null
        && matters
            .find(a.townshipCode(), a.matterCode())
            .filter(m -> m.status() == MatterStatus.PROHIBITED)
            .isPresent()) {
      errors.add(
          new ApiError(
              AssignmentVariables.DECISION,
              "S4.prohibited",
              "事项 " + a.matterCode() + " 已列入禁入清单，不得交办网格员；请退回并写明理由"));
    }
    if (reason != null) {
      TextRules.check(AssignmentVariables.REASON, reason, TextRules.LONG_MAX, true)
          .ifPresent(errors::add);
    }
    if (!errors.isEmpty()) {
      throw new StepRefused("审批未提交", errors);
    }
    return new CheckedStep.Approval(approve, reason, by, at);
  }
}
