package cn.gridcase.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gridcase.calendar.internal.DeadlineHousekeeping;
import cn.gridcase.calendar.internal.HolidayScheduleLoading;
import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.Events;
import cn.gridcase.test.ControlledClock;
import cn.gridcase.test.ProcessTestSupport;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Working days inside the engine (rules T2, T3): timers and user task dates written in working days
 * in the test model {@code bpmn/test/working-days-probe.bpmn}, driven with the controlled clock.
 */
class WorkingDayProcessTests extends ProcessTestSupport {

  static final String PROBE = "WorkingDaysProbe";

  @Autowired JdbcTemplate jdbc;

  @Autowired HolidayScheduleLoading loading;

  @Autowired DeadlineHousekeeping housekeeping;

  @Autowired Events events;

  @Test
  @DisplayName(
      "T2 a user task due in 2 working days gets the end of the 2nd working day as due date, its"
          + " follow-up the 1st")
  void userTaskDueDate() {
    clock.set("2026-09-30T10:00");
    ProcessInstance instance = start();
    Task task = task(instance);
    assertThat(task.getDueDate()).isEqualTo(endOf("2026-10-09"));
    assertThat(task.getFollowUpDate()).isEqualTo(endOf("2026-10-08"));
    assertThat(task(instance)).hasCandidateGroup("GS-V01-G01");
  }

  @Test
  @DisplayName(
      "T2 a boundary timer of 2 working days fires at the end of the 2nd working day across"
          + " National Day, not a second earlier")
  void boundaryTimerFiresOnTime() {
    clock.set("2026-09-30T10:00");
    ProcessInstance instance = start();
    Job timer = timerOf(instance);
    assertThat(timer.getDuedate()).isEqualTo(endOf("2026-10-09"));

    clock.set("2026-10-09T23:59:58");
    assertThat(clock.executeDueJobs()).isZero();
    assertThat(instance).hasNotPassed("OverdueMarkedEndEvent");

    clock.set("2026-10-10T00:00");
    assertThat(clock.executeDueJobs()).isEqualTo(1);
    assertThat(instance).hasPassed("OverdueMarkedEndEvent").isWaitingAt("AcceptProbeUserTask");
  }

  @Test
  @DisplayName(
      "T2 an intermediate timer date counts from a moment held in a variable:"
          + " ${workdays.from(acceptedAt, 1)}")
  void timerDateFromVariable() {
    clock.set("2026-09-30T10:00");
    ProcessInstance instance = start();
    clock.set("2026-10-09T15:00");
    complete(
        task(instance),
        withVariables(
            "acceptedAt", Date.from(ControlledClock.shanghai("2026-10-09T15:00").toInstant())));
    assertThat(instance).isWaitingAt("HandlingLimitTimerEvent");
    // the 1st working day after Friday Oct 9 is the make-up Saturday Oct 10
    assertThat(timerOf(instance).getDuedate()).isEqualTo(endOf("2026-10-10"));
    clock.set("2026-10-11T00:00");
    clock.executeDueJobs();
    assertThat(instance).isEnded().hasPassed("ProbeDoneEndEvent");
  }

  @Test
  @DisplayName("T3 every working-day deadline the engine sets is remembered with its moment and N")
  void deadlinesRemembered() {
    clock.set("2026-09-30T10:00");
    ProcessInstance instance = start();
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select target_type, target_id, working_days, provisional"
                + " from working_day_deadline where process_instance_id = ? order by target_type",
            instance.getId());
    assertThat(rows)
        .extracting(row -> row.get("target_type") + "/" + row.get("working_days"))
        .containsExactly("TASK_DUE/2", "TASK_FOLLOW_UP/1", "TIMER/2");
    assertThat(rows.get(2).get("target_id")).isEqualTo(timerOf(instance).getId());
    assertThat(rows.get(0).get("target_id")).isEqualTo(task(instance).getId());
    OffsetDateTime start =
        jdbc.queryForObject(
            "select start_at from working_day_deadline where target_type = 'TIMER'"
                + " and process_instance_id = ?",
            OffsetDateTime.class,
            instance.getId());
    assertThat(start.toInstant())
        .isEqualTo(ControlledClock.shanghai("2026-09-30T10:00").toInstant());
  }

  @Test
  @DisplayName(
      "T3 loading a year recomputes pending deadlines: a timer due on a day that became a holiday"
          + " moves and fires once, at its new time")
  void loadRecomputes() {
    // 2031 has no schedule: Tue Sep 30 + 2 working days counted Mon–Fri = Thu Oct 2, provisional
    clock.set("2031-09-30T10:00");
    ProcessInstance instance = start();
    ProcessInstance changedByHand = start();
    Date handPicked = endOf("2031-12-01");
    Task manual = task(changedByHand);
    manual.setDueDate(handPicked);
    processEngine.getTaskService().saveTask(manual);
    assertThat(timerOf(instance).getDuedate()).isEqualTo(endOf("2031-10-02"));
    assertThat(provisionalOf(instance, "TIMER")).isTrue();

    HolidayScheduleLoading.Result result =
        loading.load(
            2031,
            2031,
            List.of(
                day("2031-10-01"),
                day("2031-10-02"),
                day("2031-10-03"),
                day("2031-10-04"),
                day("2031-10-05"),
                day("2031-10-06"),
                day("2031-10-07"),
                new HolidayScheduleLoading.DayInput("2031-10-11", "国庆节", false)),
            "admin");

    assertThat(result.recompute().moved()).isGreaterThanOrEqualTo(3);
    // Oct 1–7 off: Wed Oct 8 is the 1st working day, Thu Oct 9 the 2nd
    assertThat(timerOf(instance).getDuedate()).isEqualTo(endOf("2031-10-09"));
    assertThat(task(instance).getDueDate()).isEqualTo(endOf("2031-10-09"));
    assertThat(task(instance).getFollowUpDate()).isEqualTo(endOf("2031-10-08"));
    assertThat(
            processEngine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .taskId(task(instance).getId())
                .singleResult()
                .getDueDate())
        .as("history (Cockpit) shows the new due date")
        .isEqualTo(endOf("2031-10-09"));
    assertThat(provisionalOf(instance, "TIMER")).isFalse();
    assertThat(task(changedByHand).getDueDate())
        .as("a due date changed by hand stays")
        .isEqualTo(handPicked);
    assertThat(
            jdbc.queryForObject(
                "select deadlines_moved from calendar_recompute_audit where id = ?",
                Integer.class,
                result.recompute().auditId()))
        .isEqualTo(result.recompute().moved());

    clock.set("2031-10-03T00:00");
    clock.executeDueJobs();
    assertThat(instance).as("not at the old due date").hasNotPassed("OverdueMarkedEndEvent");
    clock.set("2031-10-09T23:59:58");
    clock.executeDueJobs();
    assertThat(instance).hasNotPassed("OverdueMarkedEndEvent");
    clock.set("2031-10-10T00:00");
    clock.executeDueJobs();
    assertThat(instance).hasPassed("OverdueMarkedEndEvent").isWaitingAt("AcceptProbeUserTask");
    clock.set("2031-10-20T00:00");
    clock.executeDueJobs();
    assertThat(
            processEngine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId("OverdueMarkedEndEvent")
                .count())
        .as("fired once")
        .isEqualTo(1);
  }

  @Test
  @DisplayName(
      "T3 the registry keeps only pending deadlines: the nightly housekeeping forgets fired timers"
          + " and ended tasks")
  void housekeeping() {
    clock.set("2026-09-30T10:00");
    ProcessInstance instance = start();
    assertThat(rowsOf(instance)).isEqualTo(3);
    clock.set("2026-10-10T00:00");
    clock.executeDueJobs(); // the boundary timer fires; the task stays
    housekeeping.forgetEnded();
    assertThat(rowsOf(instance)).as("task due and follow-up stay").isEqualTo(2);
    complete(task(instance), withVariables("acceptedAt", new Date()));
    housekeeping.forgetEnded();
    assertThat(rowsOf(instance)).as("only the new intermediate timer").isEqualTo(1);
  }

  @Test
  @DisplayName(
      "T3 (issue 12 A4) a step's stored deadlines are remembered as STORED; once the step moves on"
          + " the housekeeping forgets them")
  void storedCopiesForgottenWhenTheStepMovesOn() {
    clock.set("2026-11-02T09:00");
    String number =
        events
            .report(
                new EventReport(
                    EventCategory.HAZARD,
                    "GS-V01-G01",
                    "井盖缺失",
                    OffsetDateTime.parse("2026-11-01T09:00:00+08:00"),
                    "村口",
                    "村民",
                    "井盖被盗",
                    "巡查发现",
                    List.of(),
                    false),
                "station1")
            .number();
    Long id = jdbc.queryForObject("select id from event where number = ?", Long.class, number);
    assertThat(storedOf(id)).containsExactlyInAnyOrder("ACCEPT_BY/2", "ACCEPT_REMIND/1");

    events.accept(number, "worker1");
    housekeeping.forgetEnded();
    assertThat(storedOf(id))
        .as("the acceptance's are no longer pending; the handling's are")
        .containsExactlyInAnyOrder("HANDLE_BY/5", "HANDLE_REMIND/4");
  }

  private List<String> storedOf(long eventId) {
    return jdbc
        .queryForList(
            "select target_id, working_days from working_day_deadline where target_type = 'STORED'"
                + " and target_id like ?",
            "event:" + eventId + ":%")
        .stream()
        .map(
            row ->
                row.get("target_id").toString().substring(("event:" + eventId + ":").length())
                    + "/"
                    + row.get("working_days"))
        .toList();
  }

  private long rowsOf(ProcessInstance instance) {
    return jdbc.queryForObject(
        "select count(*) from working_day_deadline where process_instance_id = ?",
        Long.class,
        instance.getId());
  }

  private ProcessInstance start() {
    return processEngine.getRuntimeService().startProcessInstanceByKey(PROBE);
  }

  private Job timerOf(ProcessInstance instance) {
    return processEngine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .timers()
        .singleResult();
  }

  private boolean provisionalOf(ProcessInstance instance, String type) {
    return jdbc.queryForObject(
        "select provisional from working_day_deadline where process_instance_id = ?"
            + " and target_type = ?",
        Boolean.class,
        instance.getId(),
        type);
  }

  private static HolidayScheduleLoading.DayInput day(String date) {
    return new HolidayScheduleLoading.DayInput(date, "国庆节", true);
  }

  private static Date endOf(String day) {
    return Date.from(OffsetDateTime.parse(day + "T23:59:59+08:00").toInstant());
  }
}
