package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.AssignmentStatus;
import cn.gridcase.assignment.internal.AssignmentRepository.GridRow;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The deadline timers of the assignment process (S4): an approval or a grid's task still open at
 * its deadline is marked overdue for ever (the supervisors' overdue list reads the mark), the
 * people concerned are notified, and the open task's name says {@value #MARK} in Tasklist whatever
 * the browser's clock (its priority goes up, as the event steps' do).
 */
@Component("markAssignmentOverdue")
public class MarkAssignmentOverdue {

  static final String MARK = "【已超期】";
  static final int OVERDUE_PRIORITY = 100;

  private final AssignmentSteps steps;
  private final AssignmentRepository assignments;
  private final AssignmentNotices notices;

  MarkAssignmentOverdue(
      AssignmentSteps steps, AssignmentRepository assignments, AssignmentNotices notices) {
    this.steps = steps;
    this.assignments = assignments;
    this.notices = notices;
  }

  /** 标记审批超期. */
  public void approval(DelegateExecution execution) {
    AssignmentRecord a = steps.assignment(execution);
    if (a.status() != AssignmentStatus.AWAITING_APPROVAL || a.approvalOverdue()) {
      return;
    }
    assignments.approvalOverdue(a.id());
    mark(execution, a.approvalTaskId());
    notices.approvalOverdue(a);
  }

  /** 标记办理超期: the grid of this instance of 各网格办理. */
  public void gridTask(DelegateExecution execution) {
    AssignmentRecord a = steps.assignment(execution);
    String gridCode = (String) execution.getVariable(AssignmentVariables.GRID_CODE);
    GridRow grid =
        assignments.grids(a.id()).stream()
            .filter(g -> g.gridCode().equals(gridCode))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no grid " + gridCode));
    if (grid.doneAt() != null || grid.overdue()) {
      return;
    }
    assignments.gridOverdue(a.id(), gridCode);
    mark(execution, grid.taskId());
    notices.gridOverdue(a, gridCode);
  }

  private static void mark(DelegateExecution execution, String taskId) {
    if (taskId == null) {
      return;
    }
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task != null && (task.getName() == null || !task.getName().endsWith(MARK))) {
      task.setName((task.getName() == null ? "" : task.getName() + " ") + MARK);
      task.setPriority(OVERDUE_PRIORITY);
      tasks.saveTask(task);
    }
  }
}
