package cn.gridcase.event.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} listener of 回访反馈 ({@code FeedbackTask}): the command {@code /api} handed
 * over, or the one {@link FeedbackVariables} makes of the form's fields, is checked by {@link
 * RecordFeedback} (E9) and handed to it with who completed the task.
 */
@Component
public class SubmitFeedback implements TaskListener {

  private final TaskCompletions completions;
  private final RecordFeedback recordFeedback;

  public SubmitFeedback(TaskCompletions completions, RecordFeedback recordFeedback) {
    this.completions = completions;
    this.recordFeedback = recordFeedback;
  }

  @Override
  public void notify(DelegateTask task) {
    Submitted<Feedback> submitted =
        HandOver.FEEDBACK.given(task).orElseGet(() -> FeedbackVariables.read(task::getVariable));
    recordFeedback.check(submitted);
    FeedbackVariables.clear(task.getExecution());
    HandOver.FEEDBACK.handOver(task, submitted);
    HandOver.COMPLETED_STEP.handOver(task, completions.completed(task, null, null));
  }
}
