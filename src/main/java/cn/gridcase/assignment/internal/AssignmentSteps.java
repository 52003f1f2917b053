package cn.gridcase.assignment.internal;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.worklist.WorkItem;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What the assignment process's beans share: the assignment by the process's business key ({@code
 * assignment-<id>}), the time, and the checked step a listener handed to its recording task.
 */
@Component
public class AssignmentSteps {

  private final AssignmentRepository assignments;
  private final Clock clock;

  AssignmentSteps(AssignmentRepository assignments, Clock clock) {
    this.assignments = assignments;
    this.clock = clock;
  }

  /** The business key of an assignment's process instance. */
  public static String businessKey(long id) {
    return WorkItem.ASSIGNMENT_KEY + id;
  }

  /** The id in an assignment's business key. */
  public static long id(String businessKey) {
    Long id = WorkItem.idIn(businessKey, WorkItem.ASSIGNMENT_KEY);
    if (id == null) {
      throw new IllegalStateException("not an assignment's business key: " + businessKey);
    }
    return id;
  }

  public AssignmentRecord assignment(String businessKey) {
    long id = id(businessKey);
    return assignments.find(id).orElseThrow(() -> new IllegalStateException("no assignment " + id));
  }

  public AssignmentRecord assignment(DelegateExecution execution) {
    return assignment(execution.getProcessBusinessKey());
  }

  public OffsetDateTime now() {
    return GridCaseTime.now(clock);
  }

  /**
   * The checked step the user task's listener handed over in this transaction, read explicitly;
   * missing (a Cockpit "start before", an async continuation added later) it fails loudly.
   */
  public <T extends CheckedStep> T handedOver(
      DelegateExecution execution, Class<T> type, String step) {
    TypedValue present = execution.getVariableTyped(AssignmentVariables.COMMAND);
    Object value = present == null || !present.isTransient() ? null : present.getValue();
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "「" + step + "」的提交未交接到记录步骤，请重新提交此步骤 (the submission did not reach its record step)");
    }
    execution.removeVariable(AssignmentVariables.COMMAND);
    return type.cast(value);
  }
}
