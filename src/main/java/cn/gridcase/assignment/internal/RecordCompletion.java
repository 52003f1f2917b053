package cn.gridcase.assignment.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 记录完成 (S4): a grid's task done, by whom, when, with the note; late when done after the deadline
 * (the one instant the listener took). The form's note leaves the process here.
 */
@Component("recordCompletion")
public class RecordCompletion {

  private final AssignmentSteps steps;
  private final AssignmentRepository assignments;

  RecordCompletion(AssignmentSteps steps, AssignmentRepository assignments) {
    this.steps = steps;
    this.assignments = assignments;
  }

  public void record(DelegateExecution execution) {
    CheckedStep.Done step = steps.handedOver(execution, CheckedStep.Done.class, "办理交办任务");
    execution.removeVariable(AssignmentVariables.NOTE);
    AssignmentRecord a = steps.assignment(execution);
    boolean late = a.dueBy() != null && step.at().isAfter(a.dueBy());
    assignments.gridDone(a.id(), step.gridCode(), step.by(), step.at(), step.note(), late);
  }
}
