package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.AssessmentQuarters;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
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
  private final QuarterProcess process;
  private final Clock clock;

  OpenQuarterAssessments(AssessmentQuarters quarters, QuarterProcess process, Clock clock) {
    this.quarters = quarters;
    this.process = process;
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

  /** Starts one township's quarter unless it is there already (an instance or a draft). */
  public boolean start(String township, String quarter) {
    return !quarters.exists(township, quarter) && process.start(township, quarter);
  }
}
