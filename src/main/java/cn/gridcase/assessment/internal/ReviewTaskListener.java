package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.AssessmentQuarters;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.StepRefused;
import cn.gridcase.platform.TaskActor;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} listener of 审核季度考核: from Tasklist it records the review (who, when, the
 * note); findings are added on the review page or with {@code POST .../findings} before.
 */
@Component("reviewTaskListener")
public class ReviewTaskListener implements TaskListener {

  private final AssessmentQuarters quarters;
  private final TaskActor actor;

  ReviewTaskListener(AssessmentQuarters quarters, TaskActor actor) {
    this.quarters = quarters;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!QuarterProcess.fromApi(task)) {
      QuarterKey key = QuarterKey.of(task.getExecution().getProcessBusinessKey());
      List<ApiError> running = quarters.weekStillRunning(key.quarter());
      if (!running.isEmpty()) {
        throw new StepRefused("暂不能完成审核", running);
      }
      Object note = task.getVariable(QuarterVariables.NOTE);
      quarters.recordReview(
          quarters.row(key.township(), key.quarter()),
          note == null ? null : note.toString(),
          actor.of(task));
    }
    task.removeVariable(QuarterVariables.NOTE);
  }
}
