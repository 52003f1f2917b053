package cn.gridcase.worklist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.Events;
import cn.gridcase.test.ProcessTestSupport;
import cn.gridcase.test.WorkQueueState;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The work list's queues against the engine's open tasks, and their rebuild. */
class WorkQueueRebuildTests extends ProcessTestSupport {

  @Autowired WorkQueueListeners listeners;
  @Autowired Events events;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName(
      "every open task's queue rows are what the engine says, after everything the tests before"
          + " did in this JVM; the first start after the upgrade builds them, later starts leave"
          + " them")
  void queuesMatchTheEngineAndRebuild() {
    clock.set("2026-11-02T09:00");
    events.report(
        new EventReport(
            EventCategory.HAZARD,
            "GS-V01-G02",
            "路灯损坏",
            OffsetDateTime.parse("2026-11-02T08:00:00+08:00"),
            "村道",
            "无",
            "巡查发现",
            "路灯不亮",
            List.of(),
            false),
        "station1");
    List<String> open = taskService.createTaskQuery().list().stream().map(Task::getId).toList();
    assertThat(open).isNotEmpty();
    assertThat(WorkQueueState.stored(jdbc, open))
        .as("kept by the listeners")
        .isEqualTo(WorkQueueState.expected(taskService, open));
    assertThat(listeners.rebuildIfNeeded()).as("already built at this start").isZero();

    // as after the migration, and with rows gone astray: a stale row and a missing one
    String first = open.get(0);
    jdbc.update("delete from work_queue_entry where task_id = ?", first);
    jdbc.update(
        "insert into work_queue_entry (queue, task_id, due_sort, created_at) values"
            + " ('u:nobody', 'no-such-task', current_timestamp, current_timestamp)");
    jdbc.update("update work_list_state set rebuild_needed = true where id = 1");

    assertThat(listeners.rebuildIfNeeded()).isPositive();
    assertThat(WorkQueueState.stored(jdbc, open))
        .isEqualTo(WorkQueueState.expected(taskService, open));
    assertThat(jdbc.queryForObject("select count(*) from work_queue_entry", Integer.class))
        .as("nothing but the open tasks' rows")
        .isEqualTo(WorkQueueState.expected(taskService, open).size());
    assertThat(
            jdbc.queryForObject(
                "select rebuild_needed from work_list_state where id = 1", Boolean.class))
        .isFalse();
  }
}
