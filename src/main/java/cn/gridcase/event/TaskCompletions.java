package cn.gridcase.event;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.StepRefused;
import cn.gridcase.platform.TaskActor;
import cn.gridcase.platform.TransientValue;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What the event tasks' {@code complete} listeners share: how the task was completed (who, under
 * which deadline) and handing a step's values to the service task after it, for this transaction
 * only.
 */
@Component
class TaskCompletions {

  private final TaskActor actor;
  private final EventDeadlineWatch deadlines;

  TaskCompletions(TaskActor actor, EventDeadlineWatch deadlines) {
    this.actor = actor;
    this.deadlines = deadlines;
  }

  /** Who completes {@code task} and the deadline of its {@code stage} (ACCEPT, HANDLE; null: the task's due date). */
  CompletedStep completed(DelegateTask task, Event event, String stage) {
    OffsetDateTime due = stage == null ? GridCaseTime.at(task.getDueDate()) : statutoryDue(task, event, stage);
    return new CompletedStep(actor.of(task), due);
  }

  /** The value {@code /api} handed over under {@code name}, if it did. */
  <T> Optional<T> given(DelegateTask task, String name, Class<T> type) {
    Object value = task.getVariable(name);
    return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
  }

  /**
   * Hands {@code value} to the service task after the user task: a transient variable of the
   * process instance (the task's own scope ends with it), never stored.
   */
  void handOver(DelegateTask task, String name, Object value) {
    if (task.hasVariable(name) && !handedOver(task.getVariableTyped(name), value)) {
      // a stored variable of that name (sent through /engine-rest), even a null, would stand in the way
      throw new StepRefused("The step is refused", List.of(new ApiError(name, "E10.variable",
          "变量名 " + name + " 由系统使用，不能提交")));
    }
    task.getExecution().setVariable(name, TransientValue.of(value));
  }

  /** Only {@code /api}'s own transient value of the same type may already be under the name. */
  private static boolean handedOver(TypedValue present, Object value) {
    return present != null && present.isTransient() && present.getValue() != null
        && present.getValue().getClass().equals(value.getClass());
  }

  /**
   * The step's E4/E6 deadline, by which it is late or not: the task's due date unless a 督办 (S1)
   * gave the task another one — a 督办 does not excuse lateness against the statutory limit.
   */
  private OffsetDateTime statutoryDue(DelegateTask task, Event event, String stage) {
    Event.Step step = event.step();
    boolean known = stage.equals("ACCEPT") ? step.receivedAt() != null && step.acceptDays() != null
        : step.acceptedAt() != null && step.handleDays() != null;
    return known ? deadlines.deadlineOf(event, stage)
        : task.getDueDate() == null ? null : GridCaseTime.at(task.getDueDate());
  }
}
