package cn.gridcase.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gridcase.event.OverdueStepFilter;
import cn.gridcase.notification.InboxEntry;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.supervision.OverdueWork;
import cn.gridcase.supervision.OverdueWorkItem;
import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ProcessTestSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The assignment process (bpmn/assignment.bpmn, rule S4) with a controlled clock across the 2026
 * National Day holiday (Oct 1-7 off; Sat Oct 10 a make-up working day).
 */
class AssignmentProcessTests extends ProcessTestSupport {

  private static final AtomicInteger UNIQUE = new AtomicInteger();

  @Autowired Assignments assignments;
  @Autowired Matters matters;
  @Autowired Notifications notifications;
  @Autowired List<OverdueWork> overdueWork;
  @Autowired AccessScopes accessScopes;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  /** A matter of GS's list with a fresh code, in the status given. */
  private String matter(MatterStatus status) {
    String code = "PT-" + UNIQUE.incrementAndGet();
    matters.record(
        "supervisor1",
        new MatterRequest(
            "GS",
            code,
            "流程测试事项" + code,
            status == MatterStatus.WITHDRAWN ? MatterStatus.LISTED : status,
            new Approval("县委政法委", "古政法〔2026〕" + UNIQUE.get() + "号", LocalDate.of(2026, 1, 5))));
    if (status == MatterStatus.WITHDRAWN) {
      matters.withdraw(
          "supervisor1",
          "GS",
          code,
          new Approval("县委政法委", "古政法〔2026〕退" + UNIQUE.get() + "号", LocalDate.of(2026, 2, 2)));
    }
    return code;
  }

  private AssignmentView assign(String matterCode, int days, String... grids) {
    return assignments.assign(
        "center1",
        new NewAssignment(List.of(grids), matterCode, "入户核查常住人口", "逐户核对人口信息并更新台账", days));
  }

  private ProcessInstance instance(long id) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey("assignment-" + id)
        .singleResult();
  }

  private List<Task> gridTasks(long id) {
    return processEngine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey("assignment-" + id)
        .taskDefinitionKey(Assignments.DO_TASK)
        .list();
  }

  private List<InboxEntry> inbox(String user, NoticeKind kind, long id) {
    return notifications.inbox(user, false, 500).stream()
        .filter(n -> n.kind() == kind && n.title().contains(" " + id + "："))
        .toList();
  }

  private List<OverdueWorkItem> overdueFor(String user) {
    return overdueWork.stream()
        .flatMap(
            w -> w.overdue(accessScopes.of(user), OverdueStepFilter.NONE, clock.now()).stream())
        .filter(i -> "ASSIGNMENT".equals(i.kind()))
        .toList();
  }

  private static List<String> codes(Runnable action) {
    try {
      action.run();
    } catch (DomainRuleViolation e) {
      return e.errors().stream().map(ApiError::code).toList();
    }
    throw new AssertionError("not refused");
  }

  @Test
  @DisplayName(
      "S4 T2 a listed matter reaches each grid's worker at once: 2 working days from 2026-09-30 are"
          + " due at the end of 2026-10-09; both done, one late, the assignment is DONE")
  void listedMatterReachesGridWorkersAtOnce() {
    clock.set("2026-09-30T10:00");
    AssignmentView assigned = assign(matter(MatterStatus.LISTED), 2, "GS-V01-G01", "GS-V01-G02");
    assertThat(assigned.status()).isEqualTo(AssignmentStatus.ASSIGNED);
    assertThat(assigned.matterListed()).isTrue();
    assertThat(assigned.dueBy()).isEqualTo("2026-10-09T23:59:59+08:00");
    assertThat(assigned.grids())
        .extracting(GridTask::gridCode, GridTask::gridWorker)
        .containsExactly(
            Tuple.tuple("GS-V01-G01", "worker1"), Tuple.tuple("GS-V01-G02", "worker2"));
    ProcessInstance instance = instance(assigned.id());
    assertThat(instance).isWaitingAt(Assignments.DO_TASK);
    List<Task> tasks = gridTasks(assigned.id());
    assertThat(tasks).hasSize(2);
    assertThat(tasks)
        .allSatisfy(
            t ->
                assertThat(t.getDueDate().toInstant())
                    .isEqualTo(OffsetDateTime.parse("2026-10-09T23:59:59+08:00").toInstant()));
    assertThat(inbox("worker1", NoticeKind.ASSIGNMENT_RECEIVED, assigned.id())).hasSize(1);
    assertThat(inbox("worker2", NoticeKind.ASSIGNMENT_RECEIVED, assigned.id())).hasSize(1);

    clock.set("2026-10-09T16:00");
    AssignmentView one = assignments.done(assigned.id(), "worker1", null, "已逐户核查 126 户");
    assertThat(one.status()).isEqualTo(AssignmentStatus.ASSIGNED);
    assertThat(one.grids().get(0).done()).isTrue();
    assertThat(one.grids().get(0).late()).isFalse();
    assertThat(one.grids().get(0).note()).isEqualTo("已逐户核查 126 户");

    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-10T09:00:00+08:00"));
    AssignmentView overdue = assignments.get(assigned.id(), "supervisor1");
    assertThat(overdue.grids().get(1).overdue()).as("GS-V01-G02 still open").isTrue();
    assertThat(overdue.grids().get(0).overdue()).isFalse();
    assertThat(inbox("worker2", NoticeKind.ASSIGNMENT_OVERDUE, assigned.id())).hasSize(1);
    assertThat(inbox("center1", NoticeKind.ASSIGNMENT_OVERDUE, assigned.id())).hasSize(1);
    assertThat(overdueFor("supervisor1"))
        .filteredOn(i -> i.reference().equals("交办 " + assigned.id()))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.gridCode()).isEqualTo("GS-V01-G02");
              assertThat(i.villageCode()).isEqualTo("GS-V01");
              assertThat(i.candidates()).containsExactly("worker2");
              assertThat(i.taskName()).endsWith("【已超期】");
            });
    assertThat(overdueFor("worker3")).noneMatch(i -> i.reference().equals("交办 " + assigned.id()));

    AssignmentView done = assignments.done(assigned.id(), "worker2", null, "补录完毕");
    assertThat(done.status()).isEqualTo(AssignmentStatus.DONE);
    assertThat(done.grids().get(1).late()).isTrue();
    assertThat(done.grids().get(1).overdue()).as("for ever").isTrue();
    assertThat(instance).isEnded();
    assertThat(overdueFor("supervisor1"))
        .noneMatch(i -> i.reference().equals("交办 " + assigned.id()));
  }

  @Test
  @DisplayName(
      "S4 a matter not on the list waits for the township's supervisors (2 working days), then"
          + " reaches the grid worker with the deadline counted from the approval")
  void unlistedMatterNeedsApproval() {
    clock.set("2026-09-30T10:00");
    AssignmentView waiting = assign(null, 3, "GS-V02-G01");
    assertThat(waiting.status()).isEqualTo(AssignmentStatus.AWAITING_APPROVAL);
    assertThat(waiting.approvalDue()).isEqualTo("2026-10-09T23:59:59+08:00");
    assertThat(waiting.dueBy()).isNull();
    assertThat(instance(waiting.id()))
        .isWaitingAt(Assignments.APPROVE_TASK)
        .task()
        .hasCandidateGroup("GS.SUPERVISOR");
    assertThat(gridTasks(waiting.id())).isEmpty();
    assertThat(inbox("supervisor1", NoticeKind.ASSIGNMENT_AWAITING_APPROVAL, waiting.id()))
        .hasSize(1);
    assertThat(assignments.list("worker3", null, null))
        .as("not yet the grid worker's")
        .noneMatch(a -> a.id() == waiting.id());

    clock.set("2026-10-08T15:00");
    AssignmentView approved = assignments.approve(waiting.id(), "supervisor1", "同意，注意保护隐私");
    assertThat(approved.status()).isEqualTo(AssignmentStatus.ASSIGNED);
    assertThat(approved.decidedBy()).isEqualTo("supervisor1");
    assertThat(approved.approvalLate()).isFalse();
    // Oct 9, Sat Oct 10 (make-up), Mon Oct 12
    assertThat(approved.dueBy()).isEqualTo("2026-10-12T23:59:59+08:00");
    assertThat(gridTasks(waiting.id()))
        .singleElement()
        .satisfies(t -> assertThat(t).hasCandidateGroup("GS-V02-G01"));
    assertThat(inbox("worker3", NoticeKind.ASSIGNMENT_RECEIVED, waiting.id())).hasSize(1);
    assertThat(assignments.list("worker3", null, null)).anyMatch(a -> a.id() == waiting.id());
  }

  @Test
  @DisplayName(
      "S4 a withdrawn matter needs approval too; rejected with a reason, it is REJECTED and the"
          + " reason goes back to the assigner")
  void withdrawnMatterRejected() {
    clock.set("2026-11-02T09:00");
    AssignmentView waiting = assign(matter(MatterStatus.WITHDRAWN), 5, "GS-V01-G01");
    assertThat(waiting.status()).isEqualTo(AssignmentStatus.AWAITING_APPROVAL);
    assertThat(waiting.matterListed()).isFalse();
    ProcessInstance instance = instance(waiting.id());
    assertThat(codes(() -> assignments.reject(waiting.id(), "supervisor1", " ")))
        .containsExactly("S4.reason");
    AssignmentView rejected = assignments.reject(waiting.id(), "supervisor1", "属招商引资范畴，不宜交办网格员");
    assertThat(rejected.status()).isEqualTo(AssignmentStatus.REJECTED);
    assertThat(rejected.decisionReason()).isEqualTo("属招商引资范畴，不宜交办网格员");
    assertThat(instance).isEnded();
    assertThat(inbox("center1", NoticeKind.ASSIGNMENT_REJECTED, waiting.id()))
        .singleElement()
        .satisfies(n -> assertThat(n.body()).contains("属招商引资范畴，不宜交办网格员"));
    assertThat(gridTasks(waiting.id())).isEmpty();
  }

  @Test
  @DisplayName(
      "S4 an approval nobody gives by its deadline is marked overdue for ever, on the supervisors'"
          + " overdue list, and notified; decided late, it is recorded as late")
  void approvalOverdue() {
    clock.set("2026-09-30T10:00");
    AssignmentView waiting = assign(null, 2, "GS-V01-G01");
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-09T23:59:58+08:00"));
    assertThat(assignments.get(waiting.id(), "supervisor1").approvalOverdue()).isFalse();
    assertThat(overdueFor("supervisor1"))
        .noneMatch(i -> i.reference().equals("交办 " + waiting.id()));
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-10T00:00:01+08:00"));
    assertThat(assignments.get(waiting.id(), "supervisor1").approvalOverdue()).isTrue();
    assertThat(inbox("supervisor1", NoticeKind.ASSIGNMENT_OVERDUE, waiting.id())).hasSize(1);
    assertThat(inbox("center1", NoticeKind.ASSIGNMENT_OVERDUE, waiting.id())).hasSize(1);
    assertThat(overdueFor("supervisor1"))
        .filteredOn(i -> i.reference().equals("交办 " + waiting.id()))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.step()).isEqualTo("APPROVE");
              assertThat(i.unitCode()).isEqualTo("GS");
              assertThat(i.gridCode()).isNull();
              assertThat(i.candidates()).containsExactly("supervisor1");
            });
    assertThat(overdueFor("leader1"))
        .as("a village's grid leader does not see the township's approvals")
        .noneMatch(i -> i.reference().equals("交办 " + waiting.id()));

    clock.set("2026-10-12T09:00");
    AssignmentView approved = assignments.approve(waiting.id(), "supervisor1", null);
    assertThat(approved.approvalLate()).isTrue();
    assertThat(approved.approvalOverdue()).isTrue();
    assertThat(approved.dueBy()).isEqualTo("2026-10-14T23:59:59+08:00");
    assertThat(overdueFor("supervisor1"))
        .noneMatch(i -> i.reference().equals("交办 " + waiting.id()));
  }

  @Test
  @DisplayName("S4 a prohibited matter is refused (S4.prohibited) and nothing is written")
  void prohibitedMatterRefused() {
    String prohibited = matter(MatterStatus.PROHIBITED);
    long assignmentsBefore = count("select count(*) from assignment");
    long instancesBefore =
        processEngine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(Assignments.PROCESS_KEY)
            .count();
    assertThat(codes(() -> assign(prohibited, 3, "GS-V01-G01"))).containsExactly("S4.prohibited");
    assertThat(count("select count(*) from assignment")).isEqualTo(assignmentsBefore);
    assertThat(
            processEngine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(Assignments.PROCESS_KEY)
                .count())
        .isEqualTo(instancesBefore);
  }

  @Test
  @DisplayName(
      "S4 a refused assignment names every problem at once: unknown matter, a grid of another"
          + " township, a grid without a grid worker, working days out of 1..30, no title")
  void everyProblemNamed() {
    try {
      assignments.assign(
          "center1",
          new NewAssignment(
              List.of("GS-V03-G01", "XX-V01-G01", "GS-V01-G01"), "NO-SUCH-MATTER", " ", "核查", 31));
      throw new AssertionError("not refused");
    } catch (DomainRuleViolation e) {
      assertThat(e.errors())
          .extracting(ApiError::field, ApiError::code)
          .containsExactlyInAnyOrder(
              Tuple.tuple("gridCodes[0]", "S4.gridWorker"),
              Tuple.tuple("gridCodes[1]", "S4.grid"),
              Tuple.tuple("matterCode", "S4.matter"),
              Tuple.tuple("title", "S4.title"),
              Tuple.tuple("workingDays", "S4.workingDays"));
    }
    assertThat(codes(() -> assign(null, 0, "GS-V01-G01"))).containsExactly("S4.workingDays");
    assertThatThrownBy(
            () ->
                assignments.assign(
                    "worker1", new NewAssignment(List.of("GS-V01-G01"), null, "t", "i", 1)))
        .as("a grid worker does not assign")
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @DisplayName(
      "S4 Tasklist's forms: the approval refuses a rejection without a reason (S4.reason), then"
          + " approves; the grid worker's form needs the note (S4.note)")
  void tasklistForms() {
    clock.set("2026-11-02T09:00");
    AssignmentView waiting = assign(null, 1, "GS-V01-G01");
    Task approval =
        processEngine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey("assignment-" + waiting.id())
            .singleResult();
    assertThat(approval.getName()).isEqualTo("审批交办任务 " + waiting.id());
    processEngine.getTaskService().claim(approval.getId(), "supervisor1");
    assertThatThrownBy(
            () ->
                processEngine
                    .getTaskService()
                    .complete(approval.getId(), Map.of("decision", "REJECT", "reason", "")))
        .hasMessageContaining("S4.reason");
    assertThatThrownBy(
            () ->
                processEngine
                    .getTaskService()
                    .complete(approval.getId(), Map.of("decision", "MAYBE")))
        .hasMessageContaining("S4.decision");
    processEngine.getTaskService().complete(approval.getId(), Map.of("decision", "APPROVE"));
    assertThat(assignments.get(waiting.id(), "center1").status())
        .isEqualTo(AssignmentStatus.ASSIGNED);
    ProcessInstance instance = instance(waiting.id());
    assertThat(processEngine.getRuntimeService().getVariables(instance.getId()))
        .as("the form's fields left the process")
        .doesNotContainKeys("decision", "reason");

    Task work = gridTasks(waiting.id()).get(0);
    assertThat(work.getName()).isEqualTo("办理交办任务 " + waiting.id());
    processEngine.getTaskService().claim(work.getId(), "worker1");
    assertThatThrownBy(
            () -> processEngine.getTaskService().complete(work.getId(), Map.of("note", " ")))
        .hasMessageContaining("S4.note");
    assertThatThrownBy(
            () ->
                processEngine
                    .getTaskService()
                    .complete(work.getId(), Map.of("note", "x", "assignmentStepCommand", "伪造")))
        .as("a client's variable under the hand-over's name is refused, naming it")
        .hasMessageContaining("E10.variable");
    processEngine.getTaskService().complete(work.getId(), Map.of("note", "已张贴通知"));
    AssignmentView done = assignments.get(waiting.id(), "center1");
    assertThat(done.status()).isEqualTo(AssignmentStatus.DONE);
    assertThat(done.grids().get(0).doneBy()).isEqualTo("worker1");
    assertThat(done.grids().get(0).note()).isEqualTo("已张贴通知");
    assertThat(instance).isEnded();
    assertThat(
            processEngine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .list())
        .as("history keeps the catalogued ids and flags only, never what the forms said")
        .extracting(v -> v.getName())
        .doesNotContain("decision", "reason", "note", "assignmentStepCommand")
        .contains("assignmentId", "needsApproval", "approved", "gridCode");
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  @Test
  @DisplayName(
      "T3 S4 loading a year's schedule moves an assignment's stored deadlines (the grid workers'"
          + " and the approval's) with their tasks' due dates and timers, and clears the"
          + " provisional flag")
  void scheduleLoadMovesAssignmentDeadlines() {
    // Wed 2043-09-30, no schedule for 2043: 2 working days counted Mon-Fri end on Fri Oct 2
    clock.set("2043-09-30T10:00");
    AssignmentView listed = assign(matter(MatterStatus.LISTED), 2, "GS-V01-G01");
    AssignmentView waiting = assign(null, 2, "GS-V01-G02");
    assertThat(listed.dueBy()).isEqualTo("2043-10-02T23:59:59+08:00");
    assertThat(listed.dueProvisional()).isTrue();
    assertThat(waiting.approvalDue()).isEqualTo("2043-10-02T23:59:59+08:00");

    StringBuilder days = new StringBuilder();
    for (int day = 1; day <= 7; day++) {
      days.append(days.isEmpty() ? "" : ", ")
          .append("{\"date\": \"2043-10-0" + day + "\", \"name\": \"国庆节\", \"isOffDay\": true}");
    }
    Reply loaded =
        ApiClient.anonymous(port)
            .as("admin")
            .put("/api/calendar/years/2043", "{\"year\": 2043, \"days\": [" + days + "]}");
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);

    OffsetDateTime moved = OffsetDateTime.parse("2043-10-09T23:59:59+08:00");
    AssignmentView after = assignments.get(listed.id(), "center1");
    assertThat(after.dueBy()).as("the stored deadline moved").isEqualTo(moved);
    assertThat(after.dueProvisional()).isFalse();
    assertThat(gridTasks(listed.id()).get(0).getDueDate().toInstant()).isEqualTo(moved.toInstant());
    assertThat(timerDue(listed.id())).containsExactly(moved.toInstant());
    assertThat(assignments.get(waiting.id(), "supervisor1").approvalDue()).isEqualTo(moved);
    assertThat(timerDue(waiting.id())).containsExactly(moved.toInstant());

    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2043-10-05T09:00:00+08:00"));
    assertThat(assignments.get(listed.id(), "center1").grids().get(0).overdue())
        .as("the old deadline no longer marks it")
        .isFalse();
  }

  private List<Instant> timerDue(long id) {
    String instance = instance(id).getId();
    return processEngine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance)
        .timers()
        .list()
        .stream()
        .map(job -> job.getDuedate().toInstant())
        .toList();
  }
}
