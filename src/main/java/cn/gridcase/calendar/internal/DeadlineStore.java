package cn.gridcase.calendar.internal;

import cn.gridcase.platform.EngineTables;
import cn.gridcase.platform.GridCaseTime;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The remembered working-day deadlines (table {@code working_day_deadline}, Flyway V3) and the due
 * dates of the timers and tasks they belong to.
 *
 * <p>Why plain SQL on the engine's {@code ACT_RU_JOB}/{@code ACT_RU_TASK} when a schedule is
 * loaded: moving 100,000 due dates through the engine API (one command each) takes minutes; batched
 * updates take seconds. Each update bumps {@code REV_}, so a command that loaded the row before
 * fails its optimistic lock and is retried, and only a due date that still is the computed one is
 * moved (one changed by hand stays as it is).
 */
@Repository
public class DeadlineStore {

  /**
   * A timer, a task's due or follow-up date, or a copy kept on a feature's row ({@link
   * StoredDeadlines}).
   */
  public enum TargetType {
    TIMER,
    TASK_DUE,
    TASK_FOLLOW_UP,
    STORED
  }

  public record Row(
      long id,
      TargetType targetType,
      String targetId,
      String processInstanceId,
      OffsetDateTime startAt,
      int workingDays,
      OffsetDateTime dueAt,
      boolean provisional) {}

  private final JdbcTemplate jdbc;

  DeadlineStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Remembers deadlines; one row per timer or task date (a recalculated one replaces the old). */
  public void remember(List<Row> rows, long calendarVersion, OffsetDateTime now) {
    // one statement per kind of target rather than one per row: a report remembers three at once
    rows.stream()
        .collect(
            Collectors.groupingBy(
                Row::targetType, Collectors.mapping(Row::targetId, Collectors.toList())))
        .forEach(
            (type, ids) -> {
              for (int from = 0; from < ids.size(); from += 500) {
                List<String> some = ids.subList(from, Math.min(ids.size(), from + 500));
                List<Object> arguments = new ArrayList<>(some.size() + 1);
                arguments.add(type.name());
                arguments.addAll(some);
                jdbc.update(
                    "delete from working_day_deadline where target_type = ? and target_id in ("
                        + String.join(", ", Collections.nCopies(some.size(), "?"))
                        + ")",
                    arguments.toArray());
              }
            });
    jdbc.batchUpdate(
        "insert into working_day_deadline (target_type, target_id, process_instance_id, start_at,"
            + " start_date, working_days, due_at, due_date, provisional, calendar_version,"
            + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
        500,
        (statement, row) -> {
          statement.setString(1, row.targetType().name());
          statement.setString(2, row.targetId());
          statement.setString(3, row.processInstanceId());
          statement.setObject(4, row.startAt());
          statement.setDate(5, Date.valueOf(localDate(row.startAt())));
          statement.setInt(6, row.workingDays());
          statement.setObject(7, row.dueAt());
          statement.setDate(8, Date.valueOf(localDate(row.dueAt())));
          statement.setBoolean(9, row.provisional());
          statement.setLong(10, calendarVersion);
          statement.setObject(11, now);
        });
  }

  /**
   * Deadlines whose counted days touch {@code [first, last]}: due on or after {@code first} and
   * counted from a day before or on {@code last}; page by id.
   */
  List<Row> touching(
      LocalDate first, LocalDate last, OffsetDateTime createdSince, long afterId, int limit) {
    return jdbc.query(
        "select id, target_type, target_id, process_instance_id, start_at, working_days, due_at,"
            + " provisional from working_day_deadline where due_date >= ? and start_date <= ? and"
            + " id > ? and created_at >= ? order by id fetch first "
            + limit
            + " rows only",
        statement -> {
          statement.setDate(1, Date.valueOf(first));
          statement.setDate(2, Date.valueOf(last));
          statement.setLong(3, afterId);
          statement.setObject(4, createdSince);
        },
        DeadlineStore::row);
  }

  /** Current due dates of the targets that still exist, by target id. */
  Map<String, Long> currentDueDates(TargetType type, Collection<String> ids) {
    Map<String, Long> due = new HashMap<>();
    if (ids.isEmpty()) {
      return due;
    }
    String in = ids.stream().map(id -> "?").collect(Collectors.joining(","));
    String sql =
        switch (type) {
          case TIMER ->
              "select ID_, DUEDATE_ from " + EngineTables.JOB + " where ID_ in (" + in + ")";
          case TASK_DUE ->
              "select ID_, DUE_DATE_ from " + EngineTables.TASK + " where ID_ in (" + in + ")";
          case TASK_FOLLOW_UP ->
              "select ID_, FOLLOW_UP_DATE_ from "
                  + EngineTables.TASK
                  + " where ID_ in ("
                  + in
                  + ")";
          case STORED ->
              throw new IllegalArgumentException("stored deadlines are read by their feature");
        };
    jdbc.query(
        sql,
        rs -> {
          Timestamp value = rs.getTimestamp(2);
          due.put(rs.getString(1), value == null ? null : value.getTime());
        },
        ids.toArray());
    return due;
  }

  void moveTargets(TargetType type, List<Object[]> newDueAndId) {
    if (newDueAndId.isEmpty()) {
      return;
    }
    switch (type) {
      case TIMER ->
          jdbc.batchUpdate(
              "update " + EngineTables.JOB + " set DUEDATE_ = ?, REV_ = REV_ + 1 where ID_ = ?",
              newDueAndId);
      case TASK_DUE -> {
        jdbc.batchUpdate(
            "update " + EngineTables.TASK + " set DUE_DATE_ = ?, REV_ = REV_ + 1 where ID_ = ?",
            newDueAndId);
        jdbc.batchUpdate(
            "update " + EngineTables.TASK_HISTORY + " set DUE_DATE_ = ? where ID_ = ?",
            newDueAndId);
      }
      case TASK_FOLLOW_UP -> {
        jdbc.batchUpdate(
            "update "
                + EngineTables.TASK
                + " set FOLLOW_UP_DATE_ = ?, REV_ = REV_ + 1 where ID_ = ?",
            newDueAndId);
        jdbc.batchUpdate(
            "update " + EngineTables.TASK_HISTORY + " set FOLLOW_UP_DATE_ = ? where ID_ = ?",
            newDueAndId);
      }
      case STORED ->
          throw new IllegalArgumentException("stored deadlines are moved by their feature");
    }
  }

  void updateRows(List<Row> rows, long calendarVersion) {
    jdbc.batchUpdate(
        "update working_day_deadline set due_at = ?, due_date = ?, provisional = ?,"
            + " calendar_version = ? where id = ?",
        rows,
        500,
        (statement, row) -> {
          statement.setObject(1, row.dueAt());
          statement.setDate(2, Date.valueOf(localDate(row.dueAt())));
          statement.setBoolean(3, row.provisional());
          statement.setLong(4, calendarVersion);
          statement.setLong(5, row.id());
        });
  }

  /** Deadlines whose timer fired or whose task ended are no longer pending. */
  void forget(List<Long> ids) {
    jdbc.batchUpdate(
        "delete from working_day_deadline where id = ?",
        ids,
        500,
        (statement, id) -> statement.setLong(1, id));
  }

  /**
   * Forgets the deadlines whose timer fired or was cancelled, or whose task ended; returns how
   * many.
   */
  int forgetEnded() {
    return jdbc.update(
        "delete from working_day_deadline where (target_type = 'TIMER' and not exists"
            + " (select 1 from "
            + EngineTables.JOB
            + " j where j.ID_ = working_day_deadline.target_id))"
            + " or (target_type in ('TASK_DUE', 'TASK_FOLLOW_UP') and not exists"
            + " (select 1 from "
            + EngineTables.TASK
            + " t where t.ID_ = working_day_deadline.target_id))");
  }

  /**
   * The stored copies ({@link StoredDeadlines}) whose key starts with {@code prefix}, a page by id.
   */
  List<Row> stored(String prefix, long afterId, int limit) {
    return jdbc.query(
        "select id, target_type, target_id, process_instance_id, start_at, working_days, due_at,"
            + " provisional from working_day_deadline where target_type = 'STORED' and target_id"
            + " like ? and id > ? order by id fetch first "
            + limit
            + " rows only",
        DeadlineStore::row,
        prefix + "%",
        afterId);
  }

  /** Of these tasks, those whose registered due date is provisional (T3). */
  public Set<String> provisionalTasks(Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return Set.of();
    }
    List<Object> arguments = new ArrayList<>(taskIds);
    return Set.copyOf(
        jdbc.queryForList(
            "select target_id from working_day_deadline where target_type = 'TASK_DUE'"
                + " and provisional = true and target_id in ("
                + String.join(", ", Collections.nCopies(taskIds.size(), "?"))
                + ")",
            String.class,
            arguments.toArray()));
  }

  long startAudit(int year, String loadedBy, OffsetDateTime now) {
    var key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var statement =
              connection.prepareStatement(
                  "insert into calendar_recompute_audit (schedule_year, loaded_by, loaded_at,"
                      + " deadlines_checked, deadlines_moved, batches) values (?, ?, ?, 0, 0, 0)",
                  new String[] {"id"});
          statement.setInt(1, year);
          statement.setString(2, loadedBy);
          statement.setObject(3, now);
          return statement;
        },
        key);
    return key.getKey().longValue();
  }

  void addToAudit(long auditId, int checked, int moved) {
    jdbc.update(
        "update calendar_recompute_audit set deadlines_checked = deadlines_checked + ?,"
            + " deadlines_moved = deadlines_moved + ?, batches = batches + 1 where id = ?",
        checked,
        moved,
        auditId);
  }

  void finishAudit(long auditId, OffsetDateTime now) {
    jdbc.update("update calendar_recompute_audit set finished_at = ? where id = ?", now, auditId);
  }

  /** The latest schedule load: year and moment, for nodes catching up with it. */
  Map<String, Object> latestLoad() {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select id, schedule_year, loaded_at from calendar_recompute_audit order by id desc"
                + " fetch first 1 rows only");
    return rows.isEmpty() ? null : rows.get(0);
  }

  Row find(TargetType type, String targetId) {
    List<Row> rows =
        jdbc.query(
            "select id, target_type, target_id, process_instance_id, start_at, working_days,"
                + " due_at, provisional from working_day_deadline where target_type = ? and"
                + " target_id = ?",
            DeadlineStore::row,
            type.name(),
            targetId);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static Row row(ResultSet rs, int index) throws SQLException {
    return new Row(
        rs.getLong("id"),
        TargetType.valueOf(rs.getString("target_type")),
        rs.getString("target_id"),
        rs.getString("process_instance_id"),
        rs.getObject("start_at", OffsetDateTime.class),
        rs.getInt("working_days"),
        rs.getObject("due_at", OffsetDateTime.class),
        rs.getBoolean("provisional"));
  }

  private static LocalDate localDate(OffsetDateTime moment) {
    return moment.atZoneSameInstant(GridCaseTime.ZONE).toLocalDate();
  }
}
