package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.AssessmentQuarters;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The service task 开启各乡镇季度考核 after the timer start event 每季度结束: for the quarter that has just ended
 * (as of the moment it fires, Asia/Shanghai), one instance of the quarter's process per township
 * with grid workers, business key {@code assessment-<township>-<quarter>} — none for a township
 * whose quarter has an instance or a draft already.
 */
@Component("openQuarterAssessments")
public class OpenQuarterAssessments {

  private final AssessmentQuarters quarters;
  private final RuntimeService runtimeService;
  private final Clock clock;

  OpenQuarterAssessments(AssessmentQuarters quarters, RuntimeService runtimeService, Clock clock) {
    this.quarters = quarters;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** {@code ${openQuarterAssessments.open()}}: how many townships' quarters it opened. */
  public int open() {
    return open(AssessmentQuarters.quarterBefore(GridCaseTime.now(clock).toLocalDate()));
  }

  /** Opens one quarter for every township with grid workers (the demo data calls it too). */
  public int open(String quarter) {
    int opened = 0;
    for (String township : quarters.townshipsToAssess(quarter)) {
      if (start(township, quarter)) {
        opened++;
      }
    }
    return opened;
  }

  /** Starts one township's quarter unless it is there already. */
  public boolean start(String township, String quarter) {
    String key = QuarterVariables.businessKey(township, quarter);
    boolean exists =
        runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(QuarterVariables.PROCESS)
                .processInstanceBusinessKey(key)
                .count()
            > 0;
    if (exists || quarters.exists(township, quarter)) {
      return false;
    }
    runtimeService
        .createMessageCorrelation(QuarterVariables.TOWNSHIP_MESSAGE)
        .processInstanceBusinessKey(key)
        .setVariable(QuarterVariables.TOWNSHIP, township)
        .setVariable(QuarterVariables.QUARTER, quarter)
        .correlateStartMessage();
    return true;
  }
}
