package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.Assignments;
import cn.gridcase.assignment.internal.AssignmentRepository.GridRow;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.StepRefused;
import cn.gridcase.platform.TaskActor;
import cn.gridcase.platform.TransientValue;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} listener of the assignment's user tasks: it only maps and delegates. The
 * step's command is the one {@code /api} handed over (transient) or, from Tasklist and {@code
 * /engine-rest}, the form's fields; the step's bean checks it (a refusal is the StepRefused the
 * caller sees) and the checked step — who, when, and for a grid's task the grid the task belongs to
 * — goes on to the recording service task, transiently (same transaction, no async boundary).
 */
@Component("assignmentStepCompletion")
public class AssignmentStepCompletion implements TaskListener {

  private final AssignmentSteps steps;
  private final AssignmentRepository assignments;
  private final ApproveAssignment approve;
  private final DoAssignment doAssignment;
  private final TaskActor actor;

  AssignmentStepCompletion(
      AssignmentSteps steps,
      AssignmentRepository assignments,
      ApproveAssignment approve,
      DoAssignment doAssignment,
      TaskActor actor) {
    this.steps = steps;
    this.assignments = assignments;
    this.approve = approve;
    this.doAssignment = doAssignment;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateTask task) {
    TypedValue present = task.getVariableTyped(AssignmentVariables.COMMAND);
    if (task.hasVariable(AssignmentVariables.COMMAND)
        && (present == null || !present.isTransient())) {
      throw new StepRefused(
          "此步骤的提交被拒绝",
          List.of(
              new ApiError(
                  AssignmentVariables.COMMAND,
                  "E10.variable",
                  "变量名 " + AssignmentVariables.COMMAND + " 由系统使用，不能提交")));
    }
    Object given = present == null ? null : present.getValue();
    String by = actor.of(task);
    OffsetDateTime at = steps.now();
    AssignmentRecord a = steps.assignment(task.getExecution().getProcessBusinessKey());
    CheckedStep checked;
    if (Assignments.APPROVE_TASK.equals(task.getTaskDefinitionKey())) {
      ApprovalDecision decision =
          given instanceof ApprovalDecision d
              ? d
              : new ApprovalDecision(
                  text(task.getVariable(AssignmentVariables.DECISION)),
                  text(task.getVariable(AssignmentVariables.REASON)));
      CheckedStep.Approval step = approve.check(a, decision, by, at);
      task.getExecution().setVariable(AssignmentVariables.APPROVED, step.approved());
      checked = step;
    } else {
      GridRow grid =
          assignments
              .gridOfTask(task.getId())
              .orElseThrow(
                  () -> new IllegalStateException("task " + task.getId() + " has no grid"));
      Completion completion =
          given instanceof Completion c
              ? c
              : new Completion(text(task.getVariable(AssignmentVariables.NOTE)));
      checked = doAssignment.check(grid, completion, by, at);
    }
    task.getExecution().setVariable(AssignmentVariables.COMMAND, TransientValue.of(checked));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
