package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.Assignments;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The {@code create} listener of the assignment's user tasks: the task is kept on the assignment
 * (the approval's, or its grid's — the grid read from the instance's element variable as the task
 * is created, so the task, not a later variable, says whose it is) and its people are notified.
 */
@Component("assignmentTaskOpened")
public class AssignmentTaskOpened implements TaskListener {

  private final AssignmentSteps steps;
  private final AssignmentRepository assignments;
  private final AssignmentNotices notices;

  AssignmentTaskOpened(
      AssignmentSteps steps, AssignmentRepository assignments, AssignmentNotices notices) {
    this.steps = steps;
    this.assignments = assignments;
    this.notices = notices;
  }

  @Override
  public void notify(DelegateTask task) {
    AssignmentRecord a = steps.assignment(task.getExecution().getProcessBusinessKey());
    if (Assignments.APPROVE_TASK.equals(task.getTaskDefinitionKey())) {
      assignments.setApprovalTask(a.id(), task.getId());
      notices.awaitingApproval(a);
    } else {
      String grid = (String) task.getVariable(AssignmentVariables.GRID_CODE);
      assignments.setGridTask(a.id(), grid, task.getId());
      notices.received(a, grid);
    }
  }
}
