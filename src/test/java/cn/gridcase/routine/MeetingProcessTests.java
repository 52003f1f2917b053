package cn.gridcase.routine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gridcase.event.OverdueStepFilter;
import cn.gridcase.notification.InboxEntry;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.routine.internal.MeetingVariables;
import cn.gridcase.supervision.OverdueWork;
import cn.gridcase.supervision.OverdueWorkItem;
import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ControlledClock;
import cn.gridcase.test.ProcessTestSupport;
import cn.gridcase.worklist.WorkItem;
import cn.gridcase.worklist.Worklist;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The meeting models ({@code meeting-schedule-*.bpmn}, {@code meeting-obligation.bpmn}) with the
 * controlled clock (rules S2, S3, T1, T3): the timer start events fire by moving the clock and
 * running the due jobs, across the 2026 National Day week (Oct 1-7 off, Saturday Oct 10 a make-up
 * working day).
 */
class MeetingProcessTests extends ProcessTestSupport {

  @Autowired JdbcTemplate jdbc;
  @Autowired Meetings meetings;
  @Autowired MeetingSettings settings;
  @Autowired MeetingAttendance attendance;
  @Autowired Notifications notifications;
  @Autowired Worklist worklist;
  @Autowired List<OverdueWork> overdueWork;
  @Autowired AccessScopes scopes;

  @LocalServerPort int port;

  @BeforeEach
  void startClean() {
    MeetingTestState.reset(processEngine, jdbc);
  }

  @AfterEach
  void leaveNothingBehind() {
    MeetingTestState.reset(processEngine, jdbc);
  }

  static Instant endOf(String day) {
    return OffsetDateTime.parse(day + "T23:59:59+08:00").toInstant();
  }

  private OffsetDateTime fire(String startEvent, String before) {
    return MeetingTestState.fire(
        processEngine, clock, startEvent, ControlledClock.shanghai(before));
  }

  private MeetingObligationView obligation(String unit, MeetingKind kind) {
    List<MeetingObligationView> found =
        meetings.obligations("admin", unit, null).stream().filter(o -> o.kind() == kind).toList();
    assertThat(found).as(kind + " of " + unit).hasSize(1);
    return found.get(0);
  }

  private ProcessInstance instance(long obligationId) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(WorkItem.MEETING_KEY + obligationId)
        .singleResult();
  }

  private Task task(long obligationId) {
    return processEngine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(WorkItem.MEETING_KEY + obligationId)
        .singleResult();
  }

  private static List<String> codes(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      DomainRuleViolation violation =
          DomainRuleViolation.in(e).orElseThrow(() -> new AssertionError("not refused", e));
      return violation.errors().stream().map(ApiError::code).toList();
    }
    throw new AssertionError("not refused");
  }

  /**
   * Everyone expected at the unit's meetings on the day, present but those named (other tests of
   * the run may have appointed more grid workers in GS).
   */
  private List<MeetingAttendee> everyone(
      String unit, String day, Map<String, MeetingAttendanceStatus> notPresent) {
    return meetings.expectedAttendees(unit, LocalDate.parse(day)).stream()
        .map(
            u ->
                new MeetingAttendee(u, notPresent.getOrDefault(u, MeetingAttendanceStatus.PRESENT)))
        .toList();
  }

  private List<OverdueWorkItem> overdueFor(String user, OverdueStepFilter filter) {
    List<OverdueWorkItem> items = new ArrayList<>();
    overdueWork.forEach(w -> items.addAll(w.overdue(scopes.of(user), filter, clock.now())));
    return items.stream().filter(i -> "MEETING".equals(i.kind())).toList();
  }

  @Test
  @DisplayName(
      "S2/S3 the weekly timer (Monday) opens 召开网格周例会 for each grid with a grid worker and"
          + " 召开网格员周例会 for the township, due at the end of the week's last working day: the"
          + " make-up Saturday of the National Day week (T1)")
  void weeklyAcrossNationalDay() {
    OffsetDateTime fired = fire(MeetingTestState.WEEKLY, "2026-10-04T12:00");
    assertThat(fired.toLocalDate()).as("Monday in Beijing time").hasToString("2026-10-05");

    MeetingObligationView grid = obligation("GS-V01-G01", MeetingKind.GRID_WEEKLY);
    assertThat(grid.period()).isEqualTo("2026-W41");
    assertThat(grid.due().toInstant()).isEqualTo(endOf("2026-10-10"));
    assertThat(grid.dueProvisional()).isFalse();
    assertThat(grid.status()).isEqualTo("OPEN");
    assertThat(grid.taskName()).isEqualTo("召开网格周例会（2026年第41周）");
    assertThat(instance(grid.id()))
        .isWaitingAt(MeetingVariables.HOLD_TASK)
        .task()
        .hasCandidateGroup("GS-V01-G01")
        .hasDueDate(Date.from(endOf("2026-10-10")));
    assertThat(task(grid.id()).getDescription())
        .contains("古山村第1网格（GS-V01-G01）")
        .contains("2026年第41周（10月5日至10月11日）")
        .contains("2026-10-10 23:59")
        .contains("张伟（worker1）");

    MeetingObligationView township = obligation("GS", MeetingKind.WORKERS_WEEKLY);
    assertThat(township.due().toInstant()).isEqualTo(endOf("2026-10-10"));
    assertThat(instance(township.id()))
        .task()
        .hasCandidateGroup("GS")
        .hasName("召开网格员周例会（2026年第41周）");
    assertThat(processEngine.getTaskService().createTaskQuery().taskCandidateUser("center1").list())
        .extracting(Task::getId)
        .contains(township.taskId());

    assertThat(meetings.obligations("admin", "GS-V03-G01", null))
        .as("a grid without a grid worker has nobody to meet")
        .isEmpty();
    assertThat(worklist.of("worker1", 200))
        .filteredOn(item -> Long.valueOf(grid.id()).equals(item.meetingId()))
        .singleElement()
        .satisfies(item -> assertThat(item.due().toInstant()).isEqualTo(endOf("2026-10-10")));
    assertThat(notifications.inbox("worker1", false, 50))
        .extracting(InboxEntry::kind, InboxEntry::title)
        .contains(tuple(NoticeKind.MEETING_DUE, "例会待召开：网格周例会"));
    assertThat(MeetingTestState.next(processEngine, MeetingTestState.WEEKLY).toLocalDate())
        .as("the next Monday")
        .hasToString("2026-10-12");
  }

  @Test
  @DisplayName(
      "S3/T1 the week before National Day ends on Wednesday; a week without any working day (the"
          + " Spring Festival week) holds no weekly meeting")
  void weekEndsBeforeTheHoliday() {
    fire(MeetingTestState.WEEKLY, "2026-09-27T12:00");
    assertThat(obligation("GS-V01-G01", MeetingKind.GRID_WEEKLY).due().toInstant())
        .isEqualTo(endOf("2026-09-30"));
    MeetingTestState.reset(processEngine, jdbc);

    fire(MeetingTestState.WEEKLY, "2026-02-15T12:00"); // Feb 16-22 all off
    assertThat(meetings.obligations("admin", null, null)).isEmpty();
  }

  @Test
  @DisplayName(
      "S3 a missed week turns overdue at the end of its last working day, not a second earlier:"
          + " the unit is told (例会超期), the supervisor's overdue list shows it, and the meeting"
          + " recorded late is held late")
  void missedWeekTurnsOverdue() {
    fire(MeetingTestState.WEEKLY, "2026-10-04T12:00");
    MeetingObligationView grid = obligation("GS-V01-G01", MeetingKind.GRID_WEEKLY);

    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-10T23:59:58+08:00"));
    assertThat(meetings.obligation(grid.id(), "worker1").overdue()).isFalse();
    assertThat(overdueFor("supervisor1", OverdueStepFilter.NONE)).isEmpty();

    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-10T23:59:59+08:00"));
    MeetingObligationView late = meetings.obligation(grid.id(), "worker1");
    assertThat(late.overdue()).isTrue();
    assertThat(late.status()).as("the task stays open").isEqualTo("OPEN");
    assertThat(instance(grid.id()))
        .hasPassed("MarkMeetingOverdueTask", "MeetingOverdueMarkedEndEvent")
        .isWaitingAt(MeetingVariables.HOLD_TASK);
    assertThat(notifications.inbox("worker1", false, 50))
        .extracting(InboxEntry::kind)
        .contains(NoticeKind.MEETING_OVERDUE);

    List<OverdueWorkItem> listed =
        overdueFor("supervisor1", new OverdueStepFilter(null, null, "GS-V01-G01", null, null));
    assertThat(listed)
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.reference()).isEqualTo("例会 " + grid.id());
              assertThat(item.title()).contains("网格周例会").contains("古山村第1网格");
              assertThat(item.villageCode()).isEqualTo("GS-V01");
              assertThat(item.candidates()).containsExactly("worker1");
              assertThat(item.due().toInstant()).isEqualTo(endOf("2026-10-10"));
              assertThat(item.href()).isEqualTo("/meetings/obligations/" + grid.id());
            });
    assertThat(overdueFor("leader1", OverdueStepFilter.NONE))
        .extracting(OverdueWorkItem::reference)
        .contains("例会 " + grid.id())
        .doesNotContain("例会 " + obligation("GS", MeetingKind.WORKERS_WEEKLY).id());
    assertThat(overdueFor("supervisor1", new OverdueStepFilter(null, "GS-V02", null, null, null)))
        .extracting(OverdueWorkItem::reference)
        .doesNotContain("例会 " + grid.id());
    assertThat(overdueFor("supervisor1", new OverdueStepFilter(null, null, null, null, "worker1")))
        .as("nobody holds the task yet")
        .isEmpty();

    clock.set("2026-10-12T10:00");
    MeetingView held =
        meetings.record(
            new MeetingCommand(
                "GS-V01-G01",
                MeetingKind.GRID_WEEKLY,
                OffsetDateTime.parse("2026-10-12T09:00:00+08:00"),
                "补开上周例会：排查节后安全隐患",
                List.of(new MeetingAttendee("worker1", MeetingAttendanceStatus.PRESENT)),
                List.of(),
                null),
            "worker1");
    assertThat(held.obligationId()).as("the overdue week's obligation").isEqualTo(grid.id());
    assertThat(held.period()).isEqualTo("2026-W41");
    assertThat(held.heldLate()).isTrue();
    MeetingObligationView done = meetings.obligation(grid.id(), "worker1");
    assertThat(done.status()).isEqualTo("HELD");
    assertThat(done.heldLate()).isTrue();
    assertThat(done.overdue()).as("for ever").isTrue();
    assertThat(instance(grid.id())).isNull();
    assertThat(overdueFor("supervisor1", OverdueStepFilter.NONE))
        .extracting(OverdueWorkItem::reference)
        .doesNotContain("例会 " + grid.id());
  }

  @Test
  @DisplayName(
      "S3 completing 召开网格员周例会 in Tasklist records minutes and attendance (present, late,"
          + " absent); a form with missing minutes, a time in the future or an unknown attendee is"
          + " refused naming each problem, and nothing is kept")
  void tasklistFormRecordsAttendance() {
    fire(MeetingTestState.WEEKLY, "2026-10-04T12:00");
    MeetingObligationView township = obligation("GS", MeetingKind.WORKERS_WEEKLY);
    String prefilled =
        (String)
            processEngine
                .getRuntimeService()
                .getVariable(instance(township.id()).getId(), "attendance");
    // other tests of the run may have appointed more grid workers in GS: one line each, 出席
    assertThat(prefilled.split("\n"))
        .as("the form's attendance is pre-filled, one line per grid worker")
        .contains("worker1 张伟 出席", "worker2 王芳 出席", "worker3 李娜 出席")
        .allSatisfy(line -> assertThat(line).endsWith(" 出席"));
    clock.set("2026-10-09T16:00");
    String taskId = township.taskId();
    processEngine.getTaskService().claim(taskId, "center1");

    Map<String, Object> form = new HashMap<>();
    form.put("heldAt", "2026-10-09T17:00");
    form.put("minutes", " ");
    form.put("attendance", "worker1 张伟 出席\nworker9 某某 出席\nworker3 李娜 缺席");
    assertThat(Set.copyOf(codes(() -> processEngine.getTaskService().complete(taskId, form))))
        .containsExactlyInAnyOrder(
            "S3.heldAt", "S3.minutes", "S3.attendee.unknown", "S3.attendee.missing");
    assertThat(task(township.id())).as("still open").isNotNull();
    assertThat(meetings.list("admin", "GS", null, null)).isEmpty();

    form.put("heldAt", "2026-10-09T14:30");
    form.put("minutes", "点评节前工作，部署节后矛盾纠纷排查");
    form.put(
        "attendance",
        prefilled
            .replace("worker2 王芳 出席", "worker2 王芳 迟到")
            .replace("worker3 李娜 出席", "worker3 李娜 缺席"));
    processEngine.getTaskService().complete(taskId, form);

    assertThat(instance(township.id())).isNull();
    MeetingView held = meetings.list("admin", "GS", null, null).get(0);
    assertThat(held.kind()).isEqualTo(MeetingKind.WORKERS_WEEKLY);
    assertThat(held.obligationId()).isEqualTo(township.id());
    assertThat(held.heldLate()).isFalse();
    assertThat(held.recordedBy()).isEqualTo("center1");
    assertThat(held.minutes()).isEqualTo("点评节前工作，部署节后矛盾纠纷排查");
    assertThat(held.attendance())
        .extracting(MeetingView.Attendance::username, MeetingView.Attendance::statusLabel)
        .contains(tuple("worker1", "出席"), tuple("worker2", "迟到"), tuple("worker3", "缺席"))
        .hasSize(prefilled.split("\n").length);
    assertThat(meetings.obligation(township.id(), "center1").status()).isEqualTo("HELD");

    MeetingAttendance.Quarter worker2 = attendance.of("worker2", "2026-Q4");
    assertThat(worker2.lateOrLeftEarly())
        .singleElement()
        .satisfies(
            mark -> {
              assertThat(mark.meetingId()).isEqualTo(held.id());
              assertThat(mark.heldOn()).hasToString("2026-10-09");
              assertThat(mark.status()).isEqualTo(MeetingAttendanceStatus.LATE);
            });
    assertThat(worker2.absentWithoutLeave()).isEmpty();
    assertThat(attendance.of("worker3", "2026-Q4").absentWithoutLeave())
        .extracting(MeetingAttendance.Mark::meetingId)
        .containsExactly(held.id());
    assertThat(attendance.of("worker3", "2026-Q3").absentWithoutLeave()).isEmpty();
  }

  @Test
  @DisplayName(
      "S3 the monthly timer opens 召开村（社区）月例会 for the village's station and grid leaders and"
          + " 召开网格员月度例会 with written reports; the quarterly one 召开乡镇季度例会, each due at"
          + " the end of the period's last working day")
  void monthlyAndQuarterly() {
    OffsetDateTime fired = fire(MeetingTestState.MONTHLY, "2026-09-30T12:00");
    assertThat(fired.toLocalDate()).hasToString("2026-10-01");
    MeetingObligationView village = obligation("GS-V01", MeetingKind.VILLAGE_MONTHLY);
    assertThat(village.period()).isEqualTo("2026-10");
    assertThat(village.due().toInstant()).as("Oct 31 is a Saturday").isEqualTo(endOf("2026-10-30"));
    assertThat(instance(village.id()))
        .task()
        .hasCandidateGroup("GS-V01")
        .hasCandidateGroup("GS-V01.GRID_LEADER")
        .hasCandidateUser("leader1");
    assertThat(
            processEngine.getTaskService().createTaskQuery().taskCandidateUser("station1").list())
        .extracting(Task::getId)
        .contains(village.taskId());
    MeetingObligationView workers = obligation("GS", MeetingKind.WORKERS_MONTHLY);
    assertThat(task(workers.id()).getDescription()).contains("书面汇报");
    assertThat(notifications.inbox("worker3", false, 50))
        .extracting(InboxEntry::title)
        .as("grid workers are told their written report is due")
        .contains("例会待召开：网格员月度例会");

    clock.set("2026-10-28T16:00");
    MeetingView monthly =
        meetings.record(
            new MeetingCommand(
                "GS",
                MeetingKind.WORKERS_MONTHLY,
                OffsetDateTime.parse("2026-10-28T15:00:00+08:00"),
                "听取网格员工作汇报，梳理问题，安排十一月工作",
                everyone(
                    "GS",
                    "2026-10-28",
                    Map.of(
                        "worker2", MeetingAttendanceStatus.LEFT_EARLY,
                        "worker3", MeetingAttendanceStatus.EXCUSED)),
                List.of("worker3"),
                null),
            "head1");
    assertThat(monthly.obligationId()).isEqualTo(workers.id());
    assertThat(monthly.reportsMissing()).containsExactly("worker3");
    MeetingAttendance.Quarter worker3 = attendance.of("worker3", "2026-Q4");
    assertThat(worker3.reportsMissing())
        .extracting(m -> m.meetingId())
        .containsExactly(monthly.id());
    assertThat(worker3.absentWithoutLeave()).as("excused is no absence without leave").isEmpty();
    assertThat(attendance.of("worker2", "2026-Q4").lateOrLeftEarly())
        .extracting(MeetingAttendance.Mark::status)
        .containsExactly(MeetingAttendanceStatus.LEFT_EARLY);

    fire(MeetingTestState.QUARTERLY, "2026-09-30T12:00");
    MeetingObligationView quarter = obligation("GS", MeetingKind.TOWNSHIP_QUARTERLY);
    assertThat(quarter.period()).isEqualTo("2026-Q4");
    assertThat(quarter.due().toInstant()).isEqualTo(endOf("2026-12-31"));
    assertThat(MeetingTestState.next(processEngine, MeetingTestState.QUARTERLY).toLocalDate())
        .hasToString("2027-01-01");
  }

  @Test
  @DisplayName(
      "S3 a township that switched its weekly meetings off holds none; the timer firing twice in"
          + " a week opens each obligation once, and the unique constraint refuses a second")
  void settingAndIdempotence() {
    settings.set("GS", List.of(MeetingKind.VILLAGE_MONTHLY), "admin");
    fire(MeetingTestState.WEEKLY, "2026-10-04T12:00");
    // other test classes' townships (with the default setting) may hold theirs meanwhile
    assertThat(meetings.obligations("admin", null, null))
        .filteredOn(o -> "GS".equals(o.townshipCode()))
        .isEmpty();

    settings.set("GS", MeetingKind.obligations(), "admin");
    fire(MeetingTestState.WEEKLY, "2026-10-04T12:00");
    List<MeetingObligationView> all = meetings.obligations("admin", null, null);
    int opened = all.size();
    List<MeetingObligationView> first =
        all.stream().filter(o -> "GS".equals(o.townshipCode())).toList();
    assertThat(first)
        .extracting(MeetingObligationView::unitCode)
        .as("the grids with a grid worker and the township, once each")
        .contains("GS-V01-G01", "GS-V01-G02", "GS-V02-G01", "GS")
        .doesNotHaveDuplicates();
    fire(MeetingTestState.WEEKLY, "2026-10-04T12:00");
    assertThat(meetings.obligations("admin", null, null)).hasSize(opened);
    assertThat(
            processEngine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("meeting-obligation")
                .count())
        .isEqualTo(opened);
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "insert into meeting_obligation (unit_code, township_code, kind, period,"
                        + " period_start, period_end, due_at, due_provisional, opened_at, status,"
                        + " overdue, held_late) select unit_code, township_code, kind, period,"
                        + " period_start, period_end, due_at, due_provisional, opened_at, status,"
                        + " overdue, held_late from meeting_obligation where unit_code ="
                        + " 'GS-V01-G01'"))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  @DisplayName(
      "T3/S3 a week in a year without a schedule is due on its Friday, provisional; loading that"
          + " year moves the obligation, its task and its timer to the new last working day")
  void provisionalWeekMovesWhenTheYearIsLoaded() {
    fire(MeetingTestState.WEEKLY, "2038-09-26T12:00"); // Monday 2038-09-27
    MeetingObligationView grid = obligation("GS-V01-G01", MeetingKind.GRID_WEEKLY);
    assertThat(grid.due().toInstant()).isEqualTo(endOf("2038-10-01"));
    assertThat(grid.dueProvisional()).isTrue();
    assertThat(worklist.of("worker1", 200))
        .filteredOn(item -> Long.valueOf(grid.id()).equals(item.meetingId()))
        .singleElement()
        .satisfies(item -> assertThat(item.provisional()).isTrue());

    List<String> days = new ArrayList<>();
    for (int day = 1; day <= 7; day++) {
      days.add("{\"date\": \"2038-10-0" + day + "\", \"name\": \"国庆节\", \"isOffDay\": true}");
    }
    Reply loaded =
        ApiClient.anonymous(port)
            .as("admin")
            .put(
                "/api/calendar/years/2038",
                "{\"year\": 2038, \"days\": [" + String.join(", ", days) + "]}");
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);

    MeetingObligationView moved = meetings.obligation(grid.id(), "worker1");
    assertThat(moved.due().toInstant())
        .as("Friday Oct 1 is off now")
        .isEqualTo(endOf("2038-09-30"));
    assertThat(moved.dueProvisional()).isFalse();
    assertThat(task(grid.id()).getDueDate().toInstant()).isEqualTo(endOf("2038-09-30"));
    List<Job> timers =
        processEngine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance(grid.id()).getId())
            .timers()
            .list();
    assertThat(timers)
        .extracting(job -> job.getDuedate().toInstant())
        .containsExactly(endOf("2038-09-30"));
  }
}
