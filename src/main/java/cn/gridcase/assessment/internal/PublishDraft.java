package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.AssessmentQuarters;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The service task 公示考核结果: the draft to the grid workers, the objection window opens. */
@Component("publishDraft")
public class PublishDraft {

  private final AssessmentQuarters quarters;

  PublishDraft(AssessmentQuarters quarters) {
    this.quarters = quarters;
  }

  public void publish(DelegateExecution execution) {
    QuarterKey key = QuarterKey.of(execution.getProcessBusinessKey());
    quarters.publish(key.township(), key.quarter());
  }
}
