package cn.gridcase.event.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} listener of 办理事件 ({@code HandleEventTask}): the command {@code /api} handed
 * over, or the one {@link HandlingVariables} makes of the form's fields (Tasklist, {@code
 * /engine-rest}), is checked by {@link RecordHandling} — so no door bypasses E3/E5/E6 — and handed
 * to it with who completed the task.
 */
@Component
public class SubmitHandling implements TaskListener {

  private final EventProcessSupport support;
  private final TaskCompletions completions;
  private final RecordHandling recordHandling;

  public SubmitHandling(
      EventProcessSupport support, TaskCompletions completions, RecordHandling recordHandling) {
    this.support = support;
    this.completions = completions;
    this.recordHandling = recordHandling;
  }

  @Override
  public void notify(DelegateTask task) {
    Event event = support.eventOf(task.getExecution());
    Submitted<Handling> submitted =
        HandOver.HANDLING
            .given(task)
            .orElseGet(
                () -> HandlingVariables.read(task::getVariable, event.category(), event.level()));
    CompletedStep completed = completions.completed(task, event, "HANDLE");
    recordHandling.check(event, submitted, completed);
    HandlingVariables.route(task.getExecution(), submitted.command());
    HandOver.HANDLING.handOver(task, submitted);
    HandOver.COMPLETED_STEP.handOver(task, completed);
  }
}
