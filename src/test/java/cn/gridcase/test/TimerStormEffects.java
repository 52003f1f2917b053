package cn.gridcase.test;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a storm of handling deadlines (E4 超期办结, C3) must leave on PostgreSQL for each of the given
 * events, however many nodes ran the timers and whichever of them was killed: exactly one {@code
 * OVERDUE_HANDLING} step, exactly one 超期 notice for each person told (and at least one), exactly
 * one accountability proposal; with {@code reminders} exactly one 临期提醒 for each person reminded;
 * and no event number stored twice. Shared by the two-node test and the timer-storm benchmark.
 */
public final class TimerStormEffects {

  /** The counts behind {@link #problems()}: events with not exactly one of each effect. */
  public record Report(
      int events,
      int stepsNotOne,
      int eventsWithoutNotice,
      int noticesTwice,
      int proposalsNotOne,
      int eventsWithoutReminder,
      int remindersTwice,
      int numbersTwice,
      List<String> examples) {

    /** Empty when every effect is there exactly once. */
    public List<String> problems() {
      List<String> problems = new ArrayList<>();
      add(problems, stepsNotOne, "events without exactly one OVERDUE_HANDLING step");
      add(problems, eventsWithoutNotice, "events without an OVERDUE notice");
      add(problems, noticesTwice, "(event, recipient) pairs with the OVERDUE notice twice or more");
      add(problems, proposalsNotOne, "events without exactly one accountability proposal");
      add(problems, eventsWithoutReminder, "events without a reminder");
      add(problems, remindersTwice, "(event, recipient) pairs reminded twice or more");
      add(problems, numbersTwice, "event numbers stored more than once");
      if (!problems.isEmpty()) {
        problems.add("examples: " + examples);
      }
      return problems;
    }

    private static void add(List<String> problems, int count, String what) {
      if (count > 0) {
        problems.add(count + " " + what);
      }
    }
  }

  private TimerStormEffects() {}

  /**
   * The jobs due at {@code at} that the job executors may still run (the history cleanup's job
   * aside): what is left of a storm.
   */
  public static int dueJobs(Connection db, OffsetDateTime at) throws SQLException {
    try (PreparedStatement statement =
        db.prepareStatement(
            "select count(*) from act_ru_job where duedate_ <= ? and retries_ > 0"
                + " and handler_type_ <> 'history-cleanup'")) {
      // as the engine writes DUEDATE_: a timestamp in the JVM's zone
      statement.setTimestamp(1, Timestamp.from(at.toInstant()));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  public static Report check(Connection connection, Collection<String> numbers, boolean reminders)
      throws SQLException {
    Array array = connection.createArrayOf("varchar", numbers.toArray());
    List<String> examples = new ArrayList<>();
    int steps =
        count(
            connection,
            array,
            examples,
            "select e.number, count(s.id) from event e left join event_step s on s.event_id = e.id"
                + " and s.action = 'OVERDUE_HANDLING' where e.number = any(?) group by e.number"
                + " having count(s.id) <> 1");
    int withoutNotice = without(connection, array, examples, "OVERDUE");
    int noticesTwice = twice(connection, array, examples, "OVERDUE");
    int proposals =
        count(
            connection,
            array,
            examples,
            "select e.number, count(p.id) from event e left join accountability_proposal p on"
                + " p.event_number = e.number where e.number = any(?) group by e.number having"
                + " count(p.id) <> 1");
    int withoutReminder = reminders ? without(connection, array, examples, "DEADLINE_REMINDER") : 0;
    int remindersTwice = reminders ? twice(connection, array, examples, "DEADLINE_REMINDER") : 0;
    int numbersTwice =
        count(
            connection,
            null,
            examples,
            "select number, count(*) from event group by number having count(*) > 1");
    return new Report(
        numbers.size(),
        steps,
        withoutNotice,
        noticesTwice,
        proposals,
        withoutReminder,
        remindersTwice,
        numbersTwice,
        examples);
  }

  private static int without(
      Connection connection, Array numbers, List<String> examples, String kind)
      throws SQLException {
    return count(
        connection,
        numbers,
        examples,
        "select e.number, 0 from event e where e.number = any(?) and not exists (select 1 from"
            + " notification n where n.event_number = e.number and n.kind = '"
            + kind
            + "')");
  }

  private static int twice(Connection connection, Array numbers, List<String> examples, String kind)
      throws SQLException {
    return count(
        connection,
        numbers,
        examples,
        "select event_number || ' ' || recipient, count(*) from notification where event_number ="
            + " any(?) and kind = '"
            + kind
            + "' group by event_number, recipient having count(*) > 1");
  }

  /** The rows the query returns; the first few go to {@code examples} ("key: count"). */
  private static int count(Connection connection, Array numbers, List<String> examples, String sql)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (numbers != null) {
        statement.setArray(1, numbers);
      }
      int rows = 0;
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          if (rows++ < 3 && examples.size() < 12) {
            examples.add(rs.getString(1) + ": " + rs.getInt(2));
          }
        }
      }
      return rows;
    }
  }
}
