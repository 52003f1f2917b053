package cn.gridcase.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.accountability.AccountabilityCases;
import cn.gridcase.accountability.OpenCase;
import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.Events;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.test.ProcessTestSupport;
import cn.gridcase.test.WorkQueueState;
import cn.gridcase.worklist.internal.WorklistIndex;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The work list: the caller's assigned tasks and the unassigned tasks of their groups, soonest due
 * first.
 */
class WorklistTests extends ProcessTestSupport {

  @Autowired Worklist worklist;
  @Autowired Events events;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;
  @Autowired AccountabilityCases cases;

  @Autowired WorklistIndex index;

  @Test
  @DisplayName(
      "the work list's index on the engine's task table exists after start; a second start finds it"
          + " and leaves it")
  void assignedTasksIndex() throws Exception {
    String tasks = processEngine.getManagementService().getTableName(Task.class);
    assertThat(index.exists(tasks)).isTrue();
    index.postProcessEngineBuild(processEngine);
    assertThat(index.exists(tasks)).isTrue();
  }

  static EventReport hazard(String grid) {
    return new EventReport(
        EventCategory.HAZARD,
        grid,
        "井盖缺失",
        OffsetDateTime.parse("2026-09-29T09:00:00+08:00"),
        "村口",
        "无",
        "巡查发现",
        "井盖缺失，已设置警示",
        List.of(),
        false);
  }

  @Test
  @DisplayName("assigned and claimable tasks together, nobody else's, soonest due first")
  void assignedAndClaimable() {
    clock.set("2026-11-02T09:00");
    String own =
        events
            .report(hazard("GS-V01-G01"), "worker1")
            .number(); // self-accepted: assigned to worker1
    clock.set("2026-11-03T09:00");
    String offered =
        events.report(hazard("GS-V01-G01"), "station1").number(); // acceptance offered to the grid
    String elsewhere = events.report(hazard("GS-V02-G02"), "center1").number();

    List<WorkItem> items = worklist.of("worker1", 1000);

    assertThat(items)
        .filteredOn(i -> own.equals(i.eventNumber()))
        .singleElement()
        .satisfies(i -> assertThat(i.assignee()).isEqualTo("worker1"))
        .satisfies(i -> assertThat(i.claimable()).isFalse());
    assertThat(items)
        .filteredOn(i -> offered.equals(i.eventNumber()))
        .singleElement()
        .satisfies(i -> assertThat(i.claimable()).isTrue());
    assertThat(items).noneMatch(i -> elsewhere.equals(i.eventNumber()));
    assertThat(items)
        .extracting(WorkItem::due)
        .isSortedAccordingTo(Comparator.nullsLast(Comparator.naturalOrder()));
  }

  @Test
  @DisplayName(
      "the same tasks as the single OR query of assignee and candidate groups, also when cut at"
          + " `limit`, and the count says how many")
  void sameAsTheOrQuery() {
    clock.set("2026-11-02T09:00");
    events.report(hazard("GS-V01-G01"), "worker1");
    // resolved: the feedback task has no due date (databases sort NULL first or last)
    String resolved = events.report(hazard("GS-V01-G01"), "worker1").number();
    events.resolve(resolved, "worker1", Map.of("result", "已补装井盖"));
    clock.set("2026-11-03T09:00");
    events.report(hazard("GS-V01-G01"), "station1");
    events.report(hazard("GS-V01-G02"), "station1");
    clock.set("2026-11-04T09:00");
    events.report(hazard("GS-V03-G01"), "center1");

    cases.open(new OpenCase("worker2", "GRID_WORKER", "第四条（一）6", "漏巡", null, null), "supervisor1");
    for (String user : List.of("worker1", "station1", "center1", "supervisor1", "investigator1")) {
      List<String> groups =
          identityService.createGroupQuery().groupMember(user).list().stream()
              .map(Group::getId)
              .toList();
      List<Task> all =
          new ArrayList<>(
              taskService
                  .createTaskQuery()
                  .active()
                  .or()
                  .taskAssignee(user)
                  .taskCandidateUser(user)
                  .taskCandidateGroupIn(groups.isEmpty() ? List.of("-") : groups)
                  .endOr()
                  .list());
      // soonest due first, tasks without a due date last (on every database), then oldest first
      all.sort(
          Comparator.comparing(
                  Task::getDueDate, Comparator.nullsLast(Comparator.<Date>naturalOrder()))
              .thenComparing(Task::getCreateTime));
      for (int limit : List.of(1, 2, 3, 5, 1000)) {
        List<Task> expected = all.subList(0, Math.min(limit, all.size()));
        List<WorkItem> items = worklist.of(user, limit);
        // ties in due date and creation time may come in either order: compare those, and the ids
        // in full
        assertThat(items)
            .as(user + ", limit " + limit)
            .extracting(WorkItem::due, WorkItem::created)
            .containsExactlyInAnyOrderElementsOf(
                expected.stream()
                    .map(t -> Tuple.tuple(at(t.getDueDate()), at(t.getCreateTime())))
                    .toList());
        if (limit == 1000) {
          assertThat(items)
              .as(user)
              .extracting(WorkItem::taskId)
              .containsExactlyInAnyOrderElementsOf(expected.stream().map(Task::getId).toList());
          assertThat(worklist.count(user)).as(user + "'s count").isEqualTo(all.size());
        }
      }
    }
  }

  @Test
  @DisplayName(
      "the work list follows every way a task changes: claimed, released, offered to another group"
          + " or to a user by name, due date set, suspended, completed, its instance deleted")
  void followsEveryChange() {
    clock.set("2026-11-02T09:00");
    String offered = events.report(hazard("GS-V01-G02"), "station1").number();
    String other = events.report(hazard("GS-V01-G02"), "station1").number();
    Task task = taskOf(offered);
    Task second = taskOf(other);
    List<String> ids = List.of(task.getId(), second.getId());
    assertQueuesMatchEngine(ids);
    assertThat(listed("worker2")).contains(task.getId(), second.getId());
    assertThat(listed("worker1")).doesNotContain(task.getId());

    // Tasklist's and /engine-rest's doors are the engine's API
    taskService.claim(task.getId(), "worker2");
    assertQueuesMatchEngine(ids);
    assertThat(worklist.of("worker2", 1000))
        .filteredOn(i -> i.taskId().equals(task.getId()))
        .singleElement()
        .satisfies(i -> assertThat(i.claimable()).isFalse());
    taskService.setAssignee(task.getId(), null);
    assertQueuesMatchEngine(ids);

    taskService.addCandidateGroup(task.getId(), "GS-V01-G01");
    taskService.addCandidateUser(second.getId(), "worker1");
    assertQueuesMatchEngine(ids);
    assertThat(listed("worker1")).contains(task.getId(), second.getId());
    taskService.deleteCandidateGroup(task.getId(), "GS-V01-G01");
    taskService.deleteCandidateUser(second.getId(), "worker1");
    assertQueuesMatchEngine(ids);
    assertThat(listed("worker1")).doesNotContain(task.getId(), second.getId());

    Date earlier = Date.from(OffsetDateTime.parse("2026-11-02T12:00:00+08:00").toInstant());
    taskService.setDueDate(second.getId(), earlier);
    assertQueuesMatchEngine(ids);
    assertThat(worklist.of("worker2", 1000).get(0).taskId())
        .as("due soonest of worker2's tasks")
        .isEqualTo(second.getId());

    runtimeService.suspendProcessInstanceById(second.getProcessInstanceId());
    assertThat(listed("worker2")).as("a suspended task").doesNotContain(second.getId());
    runtimeService.activateProcessInstanceById(second.getProcessInstanceId());
    assertThat(listed("worker2")).contains(second.getId());

    events.accept(offered, "worker2");
    assertQueuesMatchEngine(ids);
    assertThat(listed("worker2")).doesNotContain(task.getId());
    String handling = taskOf(offered).getId();
    assertQueuesMatchEngine(List.of(handling));
    assertThat(listed("worker2")).contains(handling);

    runtimeService.deleteProcessInstance(rootOf(other), "撤销");
    assertQueuesMatchEngine(ids);
    assertThat(WorkQueueState.stored(jdbc, List.of(second.getId()))).isEmpty();
    assertThat(listed("worker2")).doesNotContain(second.getId());
  }

  private Task taskOf(String number) {
    return taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
  }

  private String rootOf(String number) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(number)
        .list()
        .stream()
        .filter(p -> p.getRootProcessInstanceId().equals(p.getId()))
        .findFirst()
        .orElseThrow()
        .getId();
  }

  private List<String> listed(String user) {
    return worklist.of(user, 1000).stream().map(WorkItem::taskId).toList();
  }

  private void assertQueuesMatchEngine(List<String> taskIds) {
    assertThat(WorkQueueState.stored(jdbc, taskIds))
        .isEqualTo(WorkQueueState.expected(taskService, taskIds));
  }

  private static OffsetDateTime at(Date date) {
    return date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), GridCaseTime.ZONE);
  }
}
