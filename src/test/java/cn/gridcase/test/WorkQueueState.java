package cn.gridcase.test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The work list's queue rows as they are, and as the engine's API says they should be: a held task
 * in its assignee's queue, a task nobody holds in each candidate user's and group's queue, each
 * with the task's due date (or the far-future sort key) and creation time; tasks of process
 * instances only (a standalone task has no model to carry the listeners). Derived here from the
 * engine's API, not from the SQL that writes the rows, so a wrong derivation shows.
 */
public final class WorkQueueState {

  private WorkQueueState() {}

  /** The rows of these tasks as stored: {@code queue|taskId|due millis|created millis}. */
  public static Set<String> stored(JdbcTemplate jdbc, Collection<String> taskIds) {
    Set<String> rows = new TreeSet<>();
    for (String taskId : taskIds) {
      jdbc.query(
          "select queue, task_id, due_sort, created_at from work_queue_entry where task_id = ?",
          rs -> {
            rows.add(
                row(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getTimestamp(3).getTime(),
                    rs.getTimestamp(4).getTime()));
          },
          taskId);
    }
    return rows;
  }

  /** The rows the engine's current state of these tasks calls for (none for an ended task). */
  public static Set<String> expected(TaskService taskService, Collection<String> taskIds) {
    Set<String> rows = new TreeSet<>();
    for (String taskId : taskIds) {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null || task.getProcessInstanceId() == null) {
        continue;
      }
      long due =
          task.getDueDate() == null
              ? Timestamp.from(Instant.parse("9999-12-31T00:00:00Z")).getTime()
              : task.getDueDate().getTime();
      long created = task.getCreateTime().getTime();
      if (task.getAssignee() != null) {
        rows.add(row("u:" + task.getAssignee(), taskId, due, created));
        continue;
      }
      for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        rows.add(
            link.getUserId() != null
                ? row("u:" + link.getUserId(), taskId, due, created)
                : row("g:" + link.getGroupId(), taskId, due, created));
      }
    }
    return rows;
  }

  private static String row(String queue, String taskId, long due, long created) {
    return queue + "|" + taskId + "|" + due + "|" + created;
  }
}
