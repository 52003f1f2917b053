package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.event.internal.StepDeadlineBackfill;
import cn.gridcase.event.internal.StepDeadlines;
import cn.gridcase.notification.InboxEntry;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ProcessTestSupport;
import cn.gridcase.test.WorkQueueState;
import cn.gridcase.worklist.WorkItem;
import cn.gridcase.worklist.Worklist;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The open step's deadlines are computed once and stored on the event (issue 12 A4): the timers,
 * the task's due date, the notice and the lateness of the completed step read the stored value, and
 * a holiday schedule load moves it with the timers and due dates (T3).
 */
class StepDeadlineTests extends ProcessTestSupport {

  @Autowired Events events;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired Notifications notifications;
  @Autowired Worklist worklist;
  @Autowired JdbcTemplate jdbc;
  @Autowired StepDeadlineBackfill backfill;
  @LocalServerPort int port;

  @Test
  @DisplayName(
      "E4 (issue 12 A4) the acceptance deadline stored when the step opens is what the task's due"
          + " date, the timers, the notice and the step's lateness use")
  void storedAcceptanceDeadlineIsUsed() {
    clock.set("2026-09-30T10:00");
    String number =
        events.report(EventProcessTests.hazard("GS-V01-G01", false), "station1").number();
    Map<String, Object> stored =
        jdbc.queryForMap(
            "select step_accept_by, step_accept_remind_at,"
                + " step_accept_provisional from event where number = ?",
            number);
    assertThat(instant(stored.get("step_accept_by"))).isEqualTo(endOf("2026-10-09"));
    assertThat(instant(stored.get("step_accept_remind_at"))).isEqualTo(endOf("2026-10-08"));
    assertThat(stored.get("step_accept_provisional")).isEqualTo(false);

    Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(task.getDueDate().toInstant()).isEqualTo(endOf("2026-10-09"));
    assertThat(timers(number))
        .extracting(job -> job.getDuedate().toInstant())
        .containsExactlyInAnyOrder(endOf("2026-10-08"), endOf("2026-10-09"));
    assertThat(notifications.inbox("worker1", false, 500))
        .filteredOn(n -> number.equals(n.eventNumber()))
        .filteredOn(n -> n.kind() == NoticeKind.EVENT_RECEIVED)
        .extracting(InboxEntry::body)
        .singleElement()
        .asString()
        .contains("2026-10-09");

    // the engine's copy is the level instance's variable, set from the stored value when the step
    // opened
    assertThat(levelVariable(number, "acceptBy")).isEqualTo(Date.from(endOf("2026-10-09")));
    // the step's lateness reads the stored value, not a formula: move it and the lateness follows
    jdbc.update(
        "update event set step_accept_by = ? where number = ?",
        Timestamp.from(endOf("2026-10-12")),
        number);
    clock.set("2026-10-12T09:00");
    EventView view = events.accept(number, "worker1");
    EventStep accepted =
        view.steps().stream().filter(s -> s.action().equals("ACCEPTED")).findFirst().orElseThrow();
    assertThat(accepted.deadline().toInstant()).isEqualTo(endOf("2026-10-12"));
    assertThat(accepted.late()).as("in time by the stored deadline, late by Oct 9's").isFalse();

    // accepted: the handling deadline is stored once, 5 working days (the grid's) from the
    // acceptance
    Map<String, Object> handling =
        jdbc.queryForMap(
            "select step_handle_by, step_handle_remind_at from event" + " where number = ?",
            number);
    assertThat(instant(handling.get("step_handle_by"))).isEqualTo(endOf("2026-10-19"));
    assertThat(instant(handling.get("step_handle_remind_at"))).isEqualTo(endOf("2026-10-16"));
    assertThat(view.handleBy().toInstant()).isEqualTo(endOf("2026-10-19"));
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(number)
                .singleResult()
                .getDueDate()
                .toInstant())
        .isEqualTo(endOf("2026-10-19"));
  }

  @Test
  @DisplayName(
      "T3 (issue 12 A4) loading a year's schedule moves the stored step deadline and its"
          + " provisional flag with the timer and the due date")
  void scheduleLoadMovesTheStoredDeadline() {
    // Wed 2037-09-30, no schedule for 2037: 2 working days counted Mon-Fri end on Fri Oct 2,
    // provisional
    clock.set("2037-09-30T10:00");
    String number =
        events.report(EventProcessTests.hazard("GS-V01-G01", false), "station1").number();
    EventView before = events.get(number, "worker1");
    assertThat(before.acceptBy().toInstant()).isEqualTo(endOf("2037-10-02"));
    assertThat(before.deadlineProvisional()).isTrue();
    assertThat(workItem(number).provisional()).isTrue();

    List<String> days = new ArrayList<>();
    for (int day = 1; day <= 7; day++) {
      days.add("{\"date\": \"2037-10-0" + day + "\", \"name\": \"国庆节\", \"isOffDay\": true}");
    }
    Reply loaded =
        ApiClient.anonymous(port)
            .as("admin")
            .put(
                "/api/calendar/years/2037",
                "{\"year\": 2037, \"days\": [" + String.join(", ", days) + "]}");
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);

    // Oct 1-7 off: Thu Oct 8 is the 1st working day, Fri Oct 9 the 2nd
    Map<String, Object> stored =
        jdbc.queryForMap(
            "select step_accept_by, step_accept_remind_at,"
                + " step_accept_provisional from event where number = ?",
            number);
    assertThat(instant(stored.get("step_accept_by")))
        .as("the stored value moved")
        .isEqualTo(endOf("2037-10-09"));
    assertThat(instant(stored.get("step_accept_remind_at"))).isEqualTo(endOf("2037-10-08"));
    assertThat(stored.get("step_accept_provisional")).isEqualTo(false);
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(number)
                .singleResult()
                .getDueDate()
                .toInstant())
        .isEqualTo(endOf("2037-10-09"));
    String taskId =
        taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult().getId();
    assertThat(WorkQueueState.stored(jdbc, List.of(taskId)))
        .as("the work list's copy of the due date moved too")
        .isEqualTo(WorkQueueState.expected(taskService, List.of(taskId)));
    assertThat(levelVariable(number, "acceptBy"))
        .as("the engine's copy moved too")
        .isEqualTo(Date.from(endOf("2037-10-09")));
    assertThat(timers(number))
        .extracting(job -> job.getDuedate().toInstant())
        .containsExactlyInAnyOrder(endOf("2037-10-08"), endOf("2037-10-09"));
    EventView after = events.get(number, "worker1");
    assertThat(after.acceptBy().toInstant()).isEqualTo(endOf("2037-10-09"));
    assertThat(after.deadlineProvisional()).isFalse();
    assertThat(workItem(number).provisional()).isFalse();

    // the reminder and the overdue mark fire at the moved times and read the moved value
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2037-10-09T23:59:58+08:00"));
    assertThat(events.get(number, "worker1").overdueAcceptance()).isFalse();
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2037-10-09T23:59:59+08:00"));
    EventView late = events.get(number, "worker1");
    assertThat(late.overdueAcceptance()).isTrue();
    assertThat(late.steps())
        .filteredOn(s -> s.action().equals("OVERDUE_ACCEPTANCE"))
        .singleElement()
        .satisfies(s -> assertThat(s.deadline().toInstant()).isEqualTo(endOf("2037-10-09")));
  }

  @Test
  @DisplayName(
      "E4/T3 (issue 12 A4) a step opened before the deadlines were stored (Flyway V8) gets them at"
          + " start-up, registered for the recompute")
  void backfillsStepsOpenedBeforeV8() {
    clock.set("2026-09-30T10:00");
    String number =
        events.report(EventProcessTests.hazard("GS-V01-G01", false), "station1").number();
    Long id = jdbc.queryForObject("select id from event where number = ?", Long.class, number);
    // as V8 leaves a step that was open when it ran
    jdbc.update(
        "update event set step_accept_by = null, step_accept_remind_at = null where id = ?", id);
    jdbc.update(
        "delete from working_day_deadline where target_type = 'STORED' and target_id like ?",
        "event:" + id + ":%");

    backfill.fillOpenSteps();

    Map<String, Object> stored =
        jdbc.queryForMap(
            "select step_accept_by, step_accept_remind_at from event" + " where id = ?", id);
    assertThat(instant(stored.get("step_accept_by"))).isEqualTo(endOf("2026-10-09"));
    assertThat(instant(stored.get("step_accept_remind_at"))).isEqualTo(endOf("2026-10-08"));
    assertThat(
            jdbc.queryForList(
                "select target_id from working_day_deadline where target_type = 'STORED'"
                    + " and target_id like ?",
                String.class,
                "event:" + id + ":%"))
        .containsExactlyInAnyOrder("event:" + id + ":ACCEPT_BY", "event:" + id + ":ACCEPT_REMIND");
    assertThat(events.get(number, "worker1").acceptBy().toInstant()).isEqualTo(endOf("2026-10-09"));
    backfill.fillOpenSteps();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from working_day_deadline where target_type = 'STORED'"
                    + " and target_id like ?",
                Integer.class,
                "event:" + id + ":%"))
        .as("once")
        .isEqualTo(2);
  }

  private WorkItem workItem(String number) {
    return worklist.of("worker1", 500).stream()
        .filter(item -> number.equals(item.eventNumber()))
        .findFirst()
        .orElseThrow();
  }

  private List<Job> timers(String number) {
    String level =
        processEngine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .processDefinitionKey("event-level-handling")
            .singleResult()
            .getId();
    return managementService.createJobQuery().processInstanceId(level).timers().list();
  }

  private static Instant instant(Object timestamp) {
    return timestamp instanceof OffsetDateTime offset
        ? offset.toInstant()
        : ((Date) timestamp).toInstant();
  }

  private static Instant endOf(String day) {
    return OffsetDateTime.parse(day + "T23:59:59+08:00").toInstant();
  }

  private Object levelVariable(String number, String name) {
    String instance =
        processEngine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(StepDeadlines.LEVEL_PROCESS)
            .processInstanceBusinessKey(number)
            .singleResult()
            .getId();
    return processEngine.getRuntimeService().getVariable(instance, name);
  }
}
