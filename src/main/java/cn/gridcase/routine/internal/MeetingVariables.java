package cn.gridcase.routine.internal;

import cn.gridcase.platform.ProcessVariableCatalogue;
import cn.gridcase.platform.TransientValue;
import cn.gridcase.routine.MeetingKind;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The names of the meeting processes ({@code bpmn/meeting-schedule-*.bpmn}, {@code
 * bpmn/meeting-obligation.bpmn}): their keys, element ids and variables, in one place; and what of
 * them the engine's history may keep. An obligation's instance holds its id (also in the business
 * key {@code meeting-<id>}), kind, unit and period for the form's heading; deadlines, candidate
 * groups and names are read from the obligation's row by the beans. What the form submits is mapped
 * into a {@code MeetingCommand}, recorded in the meeting tables and removed from the process; the
 * command and the actor reach the recording task as transient values (never stored).
 */
@Component
public class MeetingVariables implements ProcessVariableCatalogue {

  /** The schedules, one per cadence: {@code meeting-schedule-weekly}, {@code -monthly}, … */
  public static final String SCHEDULE_PROCESS = "meeting-schedule-";

  public static final String OBLIGATION_PROCESS = "meeting-obligation";

  /** The user task 召开…例会 and its deadline timer (boundary, non-interrupting). */
  public static final String HOLD_TASK = "HoldMeetingTask";

  public static final String DEADLINE_EVENT = "MeetingDeadlineEvent";

  /** The schedule's timer start events, one per cadence. */
  public static final String WEEKLY_START = "WeeklyMeetingsStartEvent";

  public static final String MONTHLY_START = "MonthlyMeetingsStartEvent";
  public static final String QUARTERLY_START = "QuarterlyMeetingsStartEvent";

  public static final String OBLIGATION_ID = "obligationId";
  public static final String KIND = "kind";
  public static final String UNIT_CODE = "unitCode";
  public static final String PERIOD = "period";

  /** The task's name after 召开, set when the instance starts: 网格周例会（2026年第41周）. */
  public static final String MEETING_NAME = "meetingName";

  /** The form's fields (meeting-record.form); {@code attendance} is pre-filled when it opens. */
  static final String HELD_AT = "heldAt";

  static final String MINUTES = "minutes";
  public static final String ATTENDANCE = "attendance";
  static final String REPORTS_MISSING = "reportsMissing";

  /** Transient: the meeting to record and who completed the task. */
  public static final String COMMAND = "meetingCommand";

  static final String COMPLETED_BY = "completedBy";

  static final Pattern PERIOD_CODE = Pattern.compile("\\d{4}-(W\\d{2}|Q[1-4]|\\d{2})");

  public static TypedValue transientCommand(Object command) {
    return TransientValue.of(command);
  }

  @Override
  public Map<String, Map<String, HistoricValue>> historicVariables() {
    return Map.of(
        OBLIGATION_PROCESS,
        Map.of(
            OBLIGATION_ID, HistoricValue.number(),
            KIND, HistoricValue.oneOf(MeetingKind.class),
            UNIT_CODE, HistoricValue.identifier(),
            PERIOD, HistoricValue.matching(PERIOD_CODE)));
  }
}
