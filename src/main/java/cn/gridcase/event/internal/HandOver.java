package cn.gridcase.event.internal;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.StepRefused;
import cn.gridcase.platform.TransientValue;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A typed key for a value a step hands on for one transaction only — {@code /api}'s command to the
 * task listener, the listener's command and {@link CompletedStep} to the recording service task —
 * as a transient variable (never stored). Reading checks the type, so nothing is cast unchecked.
 */
final class HandOver<T> {

  /**
   * A {@code Submitted<Handling>}: set by {@code /api}, or by the listener from the form's fields.
   */
  static final HandOver<Submitted<Handling>> HANDLING =
      new HandOver<>(EventVariables.HANDLING, value -> Submitted.as(value, Handling.class));

  /** A {@code Submitted<Feedback>}, likewise. */
  static final HandOver<Submitted<Feedback>> FEEDBACK =
      new HandOver<>(EventVariables.FEEDBACK, value -> Submitted.as(value, Feedback.class));

  /** Who completed the user task, when, and the deadline it ran under. */
  static final HandOver<CompletedStep> COMPLETED_STEP =
      new HandOver<>(
          EventVariables.COMPLETED_STEP,
          value -> value instanceof CompletedStep step ? step : null);

  private final String name;
  private final Function<Object, T> typed;

  private HandOver(String name, Function<Object, T> typed) {
    this.name = name;
    this.typed = typed;
  }

  String name() {
    return name;
  }

  /** The value {@code /api} handed over with the task's completion, if it did. */
  Optional<T> given(DelegateTask task) {
    return Optional.ofNullable(typed.apply(task.getVariable(name)));
  }

  /**
   * Hands {@code value} to the service task after the user task: a transient variable of the
   * process instance (the task's own scope ends with it). A variable a client sent under the name
   * (through {@code /engine-rest}, even a null) is refused: it would stand in the way.
   */
  void handOver(DelegateTask task, T value) {
    if (task.hasVariable(name) && !isTransientOne(task.getVariableTyped(name))) {
      throw new StepRefused(
          "The step is refused",
          List.of(new ApiError(name, "E10.variable", "变量名 " + name + " 由系统使用，不能提交")));
    }
    task.getExecution().setVariable(name, TransientValue.of(value));
  }

  /**
   * The value handed over in this transaction, read explicitly (a bare name in an expression would
   * fall back to a Spring bean of that name). Missing when something ran between the user task and
   * its service task in another transaction — an async continuation, a Cockpit "start before" —
   * which loses a transient value: then this fails loudly (an incident, when it runs as a job).
   */
  T from(VariableScope execution, String step) {
    TypedValue present = execution.getVariableTyped(name);
    T value = present == null || !present.isTransient() ? null : typed.apply(present.getValue());
    if (value == null) {
      throw new IllegalStateException(
          "「"
              + step
              + "」的提交未交接到记录步骤，请重新提交此步骤 (the submission of "
              + step
              + " was not handed over as the transient '"
              + name
              + "': something ran between the user task "
              + "and its recording task in another transaction; submit the step again)");
    }
    return value;
  }

  private boolean isTransientOne(TypedValue present) {
    return present != null && present.isTransient() && typed.apply(present.getValue()) != null;
  }
}
