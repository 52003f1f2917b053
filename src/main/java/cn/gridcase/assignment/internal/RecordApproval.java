package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.AssignmentStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 记录审批 (S4): the supervisor's decision with who, when and the reason; late when decided after the
 * approval's deadline. A rejection ends the assignment (REJECTED) and sends the reason back to the
 * assigner; an approval goes on to 下达网格员. The form's fields leave the process here.
 */
@Component("recordApproval")
public class RecordApproval {

  private final AssignmentSteps steps;
  private final AssignmentRepository assignments;
  private final AssignmentNotices notices;

  RecordApproval(
      AssignmentSteps steps, AssignmentRepository assignments, AssignmentNotices notices) {
    this.steps = steps;
    this.assignments = assignments;
    this.notices = notices;
  }

  public void record(DelegateExecution execution) {
    CheckedStep.Approval step = steps.handedOver(execution, CheckedStep.Approval.class, "审批交办任务");
    execution.removeVariable(AssignmentVariables.DECISION);
    execution.removeVariable(AssignmentVariables.REASON);
    AssignmentRecord a = steps.assignment(execution);
    boolean late = a.approvalDue() != null && step.at().isAfter(a.approvalDue());
    assignments.decided(
        a.id(),
        step.approved() ? AssignmentStatus.AWAITING_APPROVAL : AssignmentStatus.REJECTED,
        step.by(),
        step.at(),
        late,
        step.reason());
    if (!step.approved()) {
      notices.rejected(a, step.reason());
    }
  }
}
