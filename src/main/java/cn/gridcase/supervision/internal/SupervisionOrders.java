package cn.gridcase.supervision.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.platform.GridCaseTime;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The 督办 orders (table {@code step_supervision}, Flyway V7), kept for ever with how each ended. */
@Repository
public class SupervisionOrders {

  /** One 督办: the step (task) it is for, who gave it when, N working days and the deadline. */
  public record Order(
      long id,
      String eventNumber,
      String taskId,
      String stage,
      String supervisedBy,
      OffsetDateTime at,
      int workingDays,
      OffsetDateTime deadline,
      boolean provisional,
      String message,
      String outcome) {}

  private final JdbcTemplate jdbc;

  SupervisionOrders(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      String eventNumber,
      String taskId,
      String stage,
      String supervisedBy,
      OffsetDateTime at,
      int workingDays,
      OffsetDateTime deadline,
      boolean provisional,
      String message) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into step_supervision (event_number, task_id, stage, supervised_by,"
                      + " supervised_at, working_days, deadline, provisional, message) values (?,"
                      + " ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          insert.setString(1, eventNumber);
          insert.setString(2, taskId);
          insert.setString(3, stage);
          insert.setString(4, supervisedBy);
          insert.setTimestamp(5, Timestamp.from(at.toInstant()));
          insert.setInt(6, workingDays);
          insert.setTimestamp(7, Timestamp.from(deadline.toInstant()));
          insert.setBoolean(8, provisional);
          insert.setString(9, message);
          return insert;
        },
        keys);
    return keys.getKey().longValue();
  }

  Optional<Order> find(long id) {
    return jdbc
        .query(
            "select * from step_supervision where id = ?",
            (rs, i) ->
                new Order(
                    rs.getLong("id"),
                    rs.getString("event_number"),
                    rs.getString("task_id"),
                    rs.getString("stage"),
                    rs.getString("supervised_by"),
                    GridCaseTime.at(rs.getTimestamp("supervised_at")),
                    rs.getInt("working_days"),
                    GridCaseTime.at(rs.getTimestamp("deadline")),
                    rs.getBoolean("provisional"),
                    rs.getString("message"),
                    rs.getString("outcome")),
            id)
        .stream()
        .findFirst();
  }

  /** Whether a later 督办 of the same event replaced this one. */
  boolean superseded(Order order) {
    Integer later =
        jdbc.queryForObject(
            "select count(*) from step_supervision where event_number = ? and id > ?",
            Integer.class,
            order.eventNumber(),
            order.id());
    return later != null && later > 0;
  }

  void settle(long id, String outcome, OffsetDateTime at) {
    jdbc.update(
        "update step_supervision set outcome = ?, settled_at = ? where id = ?",
        outcome,
        Timestamp.from(at.toInstant()),
        id);
  }

  /** The deadlines of the orders still watched (no outcome yet), by id, as epoch milliseconds. */
  Map<Long, Long> pendingDeadlines(Collection<Long> ids) {
    Map<Long, Long> pending = new HashMap<>();
    if (ids.isEmpty()) {
      return pending;
    }
    jdbc.query(
        "select id, deadline from step_supervision where outcome is null and id in ("
            + String.join(", ", Collections.nCopies(ids.size(), "?"))
            + ")",
        rs -> {
          pending.put(rs.getLong("id"), rs.getTimestamp("deadline").getTime());
        },
        ids.toArray());
    return pending;
  }

  /** A holiday schedule load moved these orders' deadlines (T3). */
  void moveDeadlines(Map<Long, Deadline> moved) {
    List<Object[]> rows = new ArrayList<>();
    moved.forEach(
        (id, deadline) ->
            rows.add(
                new Object[] {
                  Timestamp.from(deadline.deadline().toInstant()), deadline.provisional(), id
                }));
    jdbc.batchUpdate(
        "update step_supervision set deadline = ?, provisional = ? where id = ?", rows);
  }

  /** The orders still watched, the latest of each event, oldest first. */
  List<Order> latestUnsettled() {
    return jdbc
        .query(
            "select id from step_supervision s where outcome is null and not exists (select 1 from"
                + " step_supervision later where later.event_number = s.event_number and later.id >"
                + " s.id) order by id",
            (rs, i) -> rs.getLong(1))
        .stream()
        .map(id -> find(id).orElseThrow())
        .toList();
  }

  List<Order> ofEvent(String eventNumber) {
    return jdbc
        .query(
            "select id from step_supervision where event_number = ? order by id",
            (rs, i) -> rs.getLong(1),
            eventNumber)
        .stream()
        .map(id -> find(id).orElseThrow())
        .toList();
  }
}
