package cn.gridcase.event.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} listener of 受理事件 ({@code AcceptEventTask}): acceptance carries no data, so
 * it only hands who accepted and under which deadline to {@link RecordAcceptance}.
 */
@Component
public class SubmitAcceptance implements TaskListener {

  private final EventProcessSupport support;
  private final TaskCompletions completions;

  public SubmitAcceptance(EventProcessSupport support, TaskCompletions completions) {
    this.support = support;
    this.completions = completions;
  }

  @Override
  public void notify(DelegateTask task) {
    Event event = support.eventOf(task.getExecution());
    HandOver.COMPLETED_STEP.handOver(task, completions.completed(task, event, "ACCEPT"));
  }
}
