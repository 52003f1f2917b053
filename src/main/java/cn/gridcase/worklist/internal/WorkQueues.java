package cn.gridcase.worklist.internal;

import cn.gridcase.platform.Databases;
import cn.gridcase.platform.EngineTables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The work list's queues ({@code work_queue_entry}, V22): one row per open task and queue it waits
 * in, kept in step with the engine's tasks in the engine's own transaction. A queue is {@code u:} +
 * a username (tasks they hold, or offered to them by name) or {@code g:} + a group id (tasks nobody
 * holds, offered to the group).
 *
 * <p>Why a copy at all: the engine's candidate-task query reads every candidate task of a user's
 * groups to sort them (73 ms at 2,000–11,000 such tasks, docs/benchmarks.md); here the first N of a
 * queue are an index range, whatever the database holds. Why rows are re-derived from the engine's
 * tables rather than written from the listener's arguments: the listeners only mark a task as
 * changed; just before the transaction commits, after the engine has flushed, the task's rows are
 * read back from {@code ACT_RU_TASK} and {@code ACT_RU_IDENTITYLINK}. That is right whatever order
 * the engine's and the models' own listeners ran in and however many changes one transaction made.
 */
@Repository
public class WorkQueues {

  /** The sort key of a task without a due date: after every dated task. */
  static final Timestamp NO_DUE_DATE = Timestamp.from(Instant.parse("9999-12-31T00:00:00Z"));

  static final String USER_QUEUE = "u:";
  static final String GROUP_QUEUE = "g:";

  private static final int CHUNK = 500;

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;

  private volatile Boolean postgres;

  WorkQueues(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = Databases.isPostgres(dataSource);
    }
    return postgres;
  }

  /**
   * Marks a task as changed in the current transaction: its rows are derived anew just before the
   * transaction commits (after the engine's flush), once per task however often it changed.
   */
  void changed(Collection<String> taskIds) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      // every engine command runs in a Spring transaction here (SpringTransactionInterceptor): a
      // change outside one would leave the work list behind the engine, so refuse it loudly
      throw new IllegalStateException("The work list is kept in the engine's transaction only");
    }
    // the set belongs to the transaction's synchronization, so an inner REQUIRES_NEW transaction
    // (its synchronizations apart from the outer one's) resyncs its own tasks when it commits
    for (TransactionSynchronization registered :
        TransactionSynchronizationManager.getSynchronizations()) {
      if (registered instanceof PendingResync pending) {
        pending.taskIds.addAll(taskIds);
        return;
      }
    }
    PendingResync pending = new PendingResync();
    pending.taskIds.addAll(taskIds);
    TransactionSynchronizationManager.registerSynchronization(pending);
  }

  /** The tasks one transaction changed, resynced just before it commits. */
  private final class PendingResync implements TransactionSynchronization {

    final Set<String> taskIds = new LinkedHashSet<>();

    @Override
    public void beforeCommit(boolean readOnly) {
      resync(taskIds);
    }
  }

  /** Derives the rows of these tasks from the engine's tables: none for a task that has ended. */
  void resync(Collection<String> taskIds) {
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(taskIds));
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      String in = chunk.stream().map(id -> "?").collect(Collectors.joining(","));
      jdbc.update("delete from work_queue_entry where task_id in (" + in + ")", chunk.toArray());
      List<Object> arguments = new ArrayList<>();
      arguments.add(NO_DUE_DATE);
      arguments.addAll(chunk);
      arguments.add(NO_DUE_DATE);
      arguments.addAll(chunk);
      jdbc.update(entriesOf("t.ID_ in (" + in + ")", "t.ID_ in (" + in + ")"), arguments.toArray());
    }
  }

  /**
   * All rows anew from the engine's open tasks, in one transaction (the caller's). On PostgreSQL
   * the table is locked against the listeners' writes meanwhile, so that a task changed while the
   * rebuild reads is written after it, not beside it.
   */
  int rebuild() {
    if (postgres()) {
      jdbc.execute("lock table work_queue_entry in share row exclusive mode");
    }
    jdbc.update("delete from work_queue_entry");
    return jdbc.update(entriesOf("1 = 1", "1 = 1"), NO_DUE_DATE, NO_DUE_DATE);
  }

  /**
   * Insert of the rows of the tasks matching the conditions: a held task in its assignee's queue, a
   * task nobody holds in the queue of each candidate user and group.
   */
  private static String entriesOf(String heldTasks, String offeredTasks) {
    return "insert into work_queue_entry (queue, task_id, due_sort, created_at)"
        + " select distinct q.queue, q.task_id, q.due_sort, q.created_at from ("
        + " select '"
        + USER_QUEUE
        + "' || t.ASSIGNEE_ as queue, t.ID_ as task_id, coalesce(t.DUE_DATE_, ?) as due_sort,"
        + " t.CREATE_TIME_ as created_at from "
        + EngineTables.TASK
        + " t where t.ASSIGNEE_ is not null and t.PROC_INST_ID_ is not null and "
        + heldTasks
        + " union all select case when i.USER_ID_ is not null then '"
        + USER_QUEUE
        + "' || i.USER_ID_ else '"
        + GROUP_QUEUE
        + "' || i.GROUP_ID_ end, t.ID_, coalesce(t.DUE_DATE_, ?), t.CREATE_TIME_ from "
        + EngineTables.TASK
        + " t join "
        + EngineTables.IDENTITY_LINK
        + " i on i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate'"
        + " where t.ASSIGNEE_ is null and t.PROC_INST_ID_ is not null"
        + " and (i.USER_ID_ is not null or i.GROUP_ID_ is not null) and "
        + offeredTasks
        + ") q";
  }

  /** The queues a user's tasks wait in: their own, and those of their groups. */
  public static List<String> queuesOf(String user, Collection<String> groups) {
    List<String> queues = new ArrayList<>();
    queues.add(USER_QUEUE + user);
    groups.stream().sorted().forEach(group -> queues.add(GROUP_QUEUE + group));
    return queues;
  }

  /** One open task as the work list shows it. */
  public record Entry(
      String taskId,
      String name,
      String taskKey,
      String assignee,
      Date due,
      Date created,
      String businessKey) {}

  /**
   * The first {@code limit} active open tasks in these queues that the user may work (held by them,
   * or held by nobody), soonest due first, then oldest first; each queue is read as an index range
   * of at most {@code limit} rows.
   */
  public List<Entry> first(String user, List<String> queues, int limit) {
    if (queues.isEmpty()) {
      return List.of();
    }
    String queue =
        "(select task_id, due_sort, created_at from work_queue_entry where queue = ? order by"
            + " due_sort, created_at, task_id fetch first "
            + limit
            + " rows only)";
    String union = String.join(" union all ", Collections.nCopies(queues.size(), queue));
    List<Object> arguments = new ArrayList<>(queues);
    arguments.add(user);
    List<Entry> rows =
        jdbc.query(
            "select t.ID_, t.NAME_, t.TASK_DEF_KEY_, t.ASSIGNEE_, t.DUE_DATE_, t.CREATE_TIME_,"
                + " e.BUSINESS_KEY_ from ("
                + union
                + ") q join "
                + EngineTables.TASK
                + " t on t.ID_ = q.task_id left join "
                + EngineTables.EXECUTION
                + " e on e.ID_ = t.PROC_INST_ID_"
                // the rows say where a task waits; the task itself says whether it still does
                + " where t.SUSPENSION_STATE_ = 1 and (t.ASSIGNEE_ = ? or t.ASSIGNEE_ is null)"
                + " order by q.due_sort, q.created_at, q.task_id",
            WorkQueues::entry,
            arguments.toArray());
    // a task offered to the user and to their group, or to two of their groups, comes once
    Set<String> seen = new LinkedHashSet<>();
    List<Entry> first = new ArrayList<>();
    for (Entry row : rows) {
      if (seen.add(row.taskId()) && first.size() < limit) {
        first.add(row);
      }
    }
    return first;
  }

  /** How many open tasks wait in these queues (each task once). */
  public long count(List<String> queues) {
    if (queues.isEmpty()) {
      return 0;
    }
    String in = queues.stream().map(q -> "?").collect(Collectors.joining(","));
    String sql =
        queues.size() == 1
            ? "select count(*) from work_queue_entry where queue = ?"
            : "select count(distinct task_id) from work_queue_entry where queue in (" + in + ")";
    Long count = jdbc.queryForObject(sql, Long.class, queues.toArray());
    return count == null ? 0 : count;
  }

  private static Entry entry(ResultSet rs, int row) throws SQLException {
    return new Entry(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        date(rs.getTimestamp(5)),
        date(rs.getTimestamp(6)),
        rs.getString(7));
  }

  private static Date date(Timestamp value) {
    return value == null ? null : new Date(value.getTime());
  }
}
