package cn.gridcase.routine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.test.ControlledClock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The meeting tests' hold on the shared test application: firing one of the schedule's timer start
 * events at a chosen moment, and leaving nothing behind — every test application shares one
 * database and engine, so the obligations, meetings, notices and process instances a meeting test
 * made are removed after it and the schedule's timers are set back to the real clock (so no other
 * test's clock moves fire them).
 */
public final class MeetingTestState {

  public static final String WEEKLY = "WeeklyMeetingsStartEvent";
  public static final String MONTHLY = "MonthlyMeetingsStartEvent";
  public static final String QUARTERLY = "QuarterlyMeetingsStartEvent";

  private MeetingTestState() {}

  /**
   * Moves the clock to {@code before}, lets the timer start event {@code startEvent} count its next
   * moment from there (as the engine does after each firing), moves the clock to that moment and
   * runs the jobs then due. The moment it fired.
   */
  public static OffsetDateTime fire(
      ProcessEngine engine, ControlledClock clock, String startEvent, OffsetDateTime before) {
    clock.set(before);
    Job timer = timer(engine.getManagementService(), startEvent);
    engine.getManagementService().recalculateJobDuedate(timer.getId(), false);
    Date due = timer(engine.getManagementService(), startEvent).getDuedate();
    OffsetDateTime at = GridCaseTime.at(due);
    assertThat(at).as(startEvent + " fires after " + before).isAfter(before);
    clock.moveToAndExecuteDueJobs(at);
    return at;
  }

  /** The next moment of the start event's timer. */
  public static OffsetDateTime next(ProcessEngine engine, String startEvent) {
    return GridCaseTime.at(timer(engine.getManagementService(), startEvent).getDuedate());
  }

  /** The schedule process of a start event: meeting-schedule-weekly, -monthly, -quarterly. */
  static String scheduleOf(String startEvent) {
    return "meeting-schedule-"
        + startEvent.substring(0, startEvent.indexOf("Meetings")).toLowerCase(Locale.ROOT);
  }

  static Job timer(ManagementService management, String startEvent) {
    List<Job> timers =
        management
            .createJobQuery()
            .processDefinitionKey(scheduleOf(startEvent))
            .activityId(startEvent)
            .timers()
            .list();
    assertThat(timers).as("the timer of " + startEvent).hasSize(1);
    return timers.get(0);
  }

  /** Removes what meeting tests made and sets the schedule's timers back to the real clock. */
  public static void reset(ProcessEngine engine, JdbcTemplate jdbc) {
    ClockUtil.reset();
    RuntimeService runtime = engine.getRuntimeService();
    for (ProcessInstance instance :
        runtime.createProcessInstanceQuery().processDefinitionKey("meeting-obligation").list()) {
      runtime.deleteProcessInstance(instance.getId(), "meeting test clean-up", true, true);
    }
    jdbc.update("delete from meeting_attendance");
    jdbc.update("update meeting_obligation set meeting_id = null");
    jdbc.update("delete from meeting");
    jdbc.update("delete from meeting_obligation");
    jdbc.update("delete from meeting_setting");
    jdbc.update("delete from working_day_deadline where target_id like 'meeting:%'");
    jdbc.update("delete from notification where kind in ('MEETING_DUE', 'MEETING_OVERDUE')");
    ManagementService management = engine.getManagementService();
    for (String start : List.of(WEEKLY, MONTHLY, QUARTERLY)) {
      management.recalculateJobDuedate(timer(management, start).getId(), false);
    }
  }
}
