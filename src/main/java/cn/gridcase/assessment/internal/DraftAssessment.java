package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.AssessmentQuarters;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The service task 生成考核草稿: the township's draft of the quarter (A4), once. */
@Component("draftAssessment")
public class DraftAssessment {

  private final AssessmentQuarters quarters;

  DraftAssessment(AssessmentQuarters quarters) {
    this.quarters = quarters;
  }

  public long draft(DelegateExecution execution) {
    QuarterKey key = QuarterKey.of(execution.getProcessBusinessKey());
    return quarters.draft(key.township(), key.quarter(), execution.getProcessInstanceId());
  }
}
