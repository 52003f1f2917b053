package cn.gridcase.routine.internal;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.MeetingCadence;
import cn.gridcase.routine.MeetingObligations;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code meeting-schedule-*.bpmn} (开启本周/本月/本季度例会): each of the three timer
 * start events opens the obligations of its cadence for the period of the moment it fires.
 */
@Component("meetingOpening")
public class MeetingOpening {

  private final MeetingObligations obligations;
  private final Clock clock;

  MeetingOpening(MeetingObligations obligations, Clock clock) {
    this.obligations = obligations;
    this.clock = clock;
  }

  /** {@code ${meetingOpening.open('WEEKLY')}}: how many obligations it opened. */
  public int open(String cadence) {
    return obligations
        .openPeriod(MeetingCadence.valueOf(cadence), GridCaseTime.now(clock).toLocalDate())
        .size();
  }
}
