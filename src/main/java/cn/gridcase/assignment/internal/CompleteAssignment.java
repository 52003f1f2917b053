package cn.gridcase.assignment.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** 交办完成 (S4): every grid's task is done, the assignment is DONE. */
@Component("completeAssignment")
public class CompleteAssignment {

  private final AssignmentSteps steps;
  private final AssignmentRepository assignments;

  CompleteAssignment(AssignmentSteps steps, AssignmentRepository assignments) {
    this.steps = steps;
    this.assignments = assignments;
  }

  public void complete(DelegateExecution execution) {
    assignments.done(AssignmentSteps.id(execution.getProcessBusinessKey()), steps.now());
  }
}
