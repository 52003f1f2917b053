package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.AssessmentQuarters;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.StepRefused;
import cn.gridcase.platform.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} listener of 确定季度考核结果: from Tasklist it finalizes the quarter (A5 grades, A6
 * subsidies, C3 proposals, the grid workers told), refused with every missing piece named.
 */
@Component("finalizeTaskListener")
public class FinalizeTaskListener implements TaskListener {

  /** The form's check box (已核对). */
  static final String CONFIRMED = "confirmed";

  private final AssessmentQuarters quarters;
  private final TaskActor actor;

  FinalizeTaskListener(AssessmentQuarters quarters, TaskActor actor) {
    this.quarters = quarters;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateTask task) {
    task.removeVariable(CONFIRMED);
    if (QuarterProcess.fromApi(task)) {
      return;
    }
    QuarterKey key = QuarterKey.of(task.getExecution().getProcessBusinessKey());
    try {
      quarters.finalizeNow(quarters.row(key.township(), key.quarter()), actor.of(task));
    } catch (DomainRuleViolation e) {
      throw new StepRefused(e.getMessage(), e.errors());
    }
  }
}
