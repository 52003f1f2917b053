package cn.gridcase.routine.internal;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.MeetingAttendanceStatus;
import cn.gridcase.routine.MeetingKind;
import cn.gridcase.routine.MeetingPeriod;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The meeting tables: settings, obligations, meetings and their attendance (Flyway V14). */
@Repository
public class MeetingRepository {

  private static final String OBLIGATION_COLUMNS =
      "id, unit_code, township_code, village_code, grid_code, kind, period, period_start,"
          + " period_end, due_at, due_provisional, opened_at, status, overdue, overdue_at,"
          + " meeting_id, held_late, process_instance_id";

  private static final String MEETING_COLUMNS =
      "id, unit_code, township_code, village_code, grid_code, kind, held_at, minutes,"
          + " obligation_id, held_late, recorded_by, recorded_at";

  private final JdbcTemplate jdbc;

  MeetingRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Where a unit lies: its own code and its township, village and grid (null above its level). */
  public record Place(String unitCode, String townshipCode, String villageCode, String gridCode) {}

  /** One obligation row. */
  public record Obligation(
      long id,
      Place place,
      MeetingKind kind,
      MeetingPeriod period,
      OffsetDateTime dueAt,
      boolean dueProvisional,
      OffsetDateTime openedAt,
      String status,
      boolean overdue,
      OffsetDateTime overdueAt,
      Long meetingId,
      boolean heldLate,
      String processInstanceId) {

    public boolean open() {
      return OPEN.equals(status);
    }
  }

  public static final String OPEN = "OPEN";
  public static final String HELD = "HELD";

  /** One meeting row with its attendance. */
  public record Meeting(
      long id,
      Place place,
      MeetingKind kind,
      OffsetDateTime heldAt,
      String minutes,
      Long obligationId,
      boolean heldLate,
      String recordedBy,
      OffsetDateTime recordedAt,
      List<Attendance> attendance) {}

  public record Attendance(
      String username, MeetingAttendanceStatus status, boolean reportMissing) {}

  // settings

  /** The kinds the township switched on or off; kinds without a row are on. */
  public Map<MeetingKind, Boolean> settings(String townshipCode) {
    Map<MeetingKind, Boolean> set = new LinkedHashMap<>();
    jdbc.query(
        "select kind, enabled from meeting_setting where township_code = ?",
        rs -> {
          set.put(MeetingKind.valueOf(rs.getString(1)), rs.getBoolean(2));
        },
        townshipCode);
    return set;
  }

  /** Who changed the township's setting last, and when; empty when never. */
  public Optional<Map.Entry<String, OffsetDateTime>> settingChanged(String townshipCode) {
    return jdbc
        .query(
            "select updated_by, updated_at from meeting_setting where township_code = ?"
                + " order by updated_at desc limit 1",
            (rs, i) -> Map.entry(rs.getString(1), GridCaseTime.at(rs.getTimestamp(2))),
            townshipCode)
        .stream()
        .findFirst();
  }

  public void saveSettings(
      String townshipCode, Set<MeetingKind> enabled, String by, OffsetDateTime at) {
    jdbc.update("delete from meeting_setting where township_code = ?", townshipCode);
    List<Object[]> rows = new ArrayList<>();
    for (MeetingKind kind : MeetingKind.obligations()) {
      rows.add(
          new Object[] {
            townshipCode, kind.name(), enabled.contains(kind), by, Timestamp.from(at.toInstant())
          });
    }
    jdbc.batchUpdate(
        "insert into meeting_setting (township_code, kind, enabled, updated_by, updated_at)"
            + " values (?, ?, ?, ?, ?)",
        rows);
  }

  // obligations

  public Optional<Obligation> obligation(long id) {
    return jdbc
        .query(
            "select " + OBLIGATION_COLUMNS + " from meeting_obligation where id = ?",
            MeetingRepository::obligation,
            id)
        .stream()
        .findFirst();
  }

  /** The obligation of a unit, kind and period, if one was opened. */
  public Optional<Obligation> obligation(String unitCode, MeetingKind kind, String period) {
    return jdbc
        .query(
            "select "
                + OBLIGATION_COLUMNS
                + " from meeting_obligation where unit_code = ? and kind = ? and period = ?",
            MeetingRepository::obligation,
            unitCode,
            kind.name(),
            period)
        .stream()
        .findFirst();
  }

  /**
   * The latest open obligation of the unit and kind whose period began on or before {@code day} and
   * whose deadline has passed (an overdue one, to be held late).
   */
  public Optional<Obligation> latestOverdue(
      String unitCode, MeetingKind kind, LocalDate day, OffsetDateTime now) {
    return jdbc
        .query(
            "select "
                + OBLIGATION_COLUMNS
                + " from meeting_obligation where unit_code = ? and kind = ? and status = 'OPEN'"
                + " and period_start <= ? and (overdue or due_at < ?)"
                + " order by period_start desc limit 1",
            MeetingRepository::obligation,
            unitCode,
            kind.name(),
            Date.valueOf(day),
            Timestamp.from(now.toInstant()))
        .stream()
        .findFirst();
  }

  /** Which of these units already have the obligation of that kind and period. */
  public Set<String> unitsWithObligation(
      Collection<String> unitCodes, MeetingKind kind, String period) {
    if (unitCodes.isEmpty()) {
      return Set.of();
    }
    String marks = unitCodes.stream().map(c -> "?").collect(Collectors.joining(", "));
    List<Object> args = new ArrayList<>(unitCodes);
    args.add(kind.name());
    args.add(period);
    return Set.copyOf(
        jdbc.queryForList(
            "select unit_code from meeting_obligation where unit_code in ("
                + marks
                + ") and kind = ? and period = ?",
            String.class,
            args.toArray()));
  }

  public long insertObligation(
      Place place,
      MeetingKind kind,
      MeetingPeriod period,
      OffsetDateTime dueAt,
      boolean provisional,
      OffsetDateTime openedAt) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into meeting_obligation (unit_code, township_code, village_code,"
                      + " grid_code, kind, period, period_start, period_end, due_at,"
                      + " due_provisional, opened_at, status, overdue, held_late)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', false, false)",
                  new String[] {"id"});
          int i = 0;
          insert.setString(++i, place.unitCode());
          insert.setString(++i, place.townshipCode());
          insert.setString(++i, place.villageCode());
          insert.setString(++i, place.gridCode());
          insert.setString(++i, kind.name());
          insert.setString(++i, period.code());
          insert.setDate(++i, Date.valueOf(period.start()));
          insert.setDate(++i, Date.valueOf(period.end()));
          insert.setTimestamp(++i, Timestamp.from(dueAt.toInstant()));
          insert.setBoolean(++i, provisional);
          insert.setTimestamp(++i, Timestamp.from(openedAt.toInstant()));
          return insert;
        },
        key);
    return generatedId(key);
  }

  public void setProcessInstance(long obligationId, String processInstanceId) {
    jdbc.update(
        "update meeting_obligation set process_instance_id = ? where id = ?",
        processInstanceId,
        obligationId);
  }

  /** Marks an open obligation overdue (once: a second call changes nothing); true if it did. */
  public boolean markOverdue(long obligationId, OffsetDateTime at) {
    return jdbc.update(
            "update meeting_obligation set overdue = true, overdue_at = ?"
                + " where id = ? and status = 'OPEN' and not overdue",
            Timestamp.from(at.toInstant()),
            obligationId)
        == 1;
  }

  public void moveDue(long obligationId, OffsetDateTime dueAt, boolean provisional) {
    jdbc.update(
        "update meeting_obligation set due_at = ?, due_provisional = ? where id = ?",
        Timestamp.from(dueAt.toInstant()),
        provisional,
        obligationId);
  }

  /** The due moments of the open obligations among these ids. */
  public Map<Long, OffsetDateTime> openDue(Collection<Long> ids) {
    Map<Long, OffsetDateTime> due = new HashMap<>();
    if (ids.isEmpty()) {
      return due;
    }
    String marks = ids.stream().map(c -> "?").collect(Collectors.joining(", "));
    jdbc.query(
        "select id, due_at from meeting_obligation where status = 'OPEN' and id in (" + marks + ")",
        rs -> {
          due.put(rs.getLong(1), GridCaseTime.at(rs.getTimestamp(2)));
        },
        ids.toArray());
    return due;
  }

  /**
   * Obligations of these units (all when {@code unitCodes} is null), optionally only open ones,
   * soonest due first.
   */
  public List<Obligation> obligations(Collection<String> unitCodes, String status, int limit) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("select " + OBLIGATION_COLUMNS + " from meeting_obligation where 1 = 1");
    if (unitCodes != null) {
      if (unitCodes.isEmpty()) {
        return List.of();
      }
      sql.append(" and unit_code in (")
          .append(unitCodes.stream().map(c -> "?").collect(Collectors.joining(", ")))
          .append(")");
      args.addAll(unitCodes);
    }
    if (status != null) {
      sql.append(" and status = ?");
      args.add(status);
    }
    sql.append(" order by due_at desc, id desc limit ?");
    args.add(limit);
    return jdbc.query(sql.toString(), MeetingRepository::obligation, args.toArray());
  }

  /**
   * The open obligations past their deadline (marked overdue, or the deadline passed while the
   * timer's job has not run yet), filtered in SQL by township, village and grid, oldest first.
   */
  public List<Obligation> overdue(
      String townshipCode, String villageCode, String gridCode, OffsetDateTime now) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder(
            "select "
                + OBLIGATION_COLUMNS
                + " from meeting_obligation where status = 'OPEN' and (overdue or due_at < ?)");
    args.add(Timestamp.from(now.toInstant()));
    if (townshipCode != null) {
      sql.append(" and township_code = ?");
      args.add(townshipCode);
    }
    if (villageCode != null) {
      sql.append(" and village_code = ?");
      args.add(villageCode);
    }
    if (gridCode != null) {
      sql.append(" and grid_code = ?");
      args.add(gridCode);
    }
    sql.append(" order by due_at, id");
    return jdbc.query(sql.toString(), MeetingRepository::obligation, args.toArray());
  }

  /** Marks the obligation held by the meeting; false when it was not open any more. */
  public boolean markHeld(long obligationId, long meetingId, boolean heldLate) {
    return jdbc.update(
            "update meeting_obligation set status = 'HELD', meeting_id = ?, held_late = ?"
                + " where id = ? and status = 'OPEN'",
            meetingId,
            heldLate,
            obligationId)
        == 1;
  }

  // meetings

  public long insertMeeting(
      Place place,
      MeetingKind kind,
      OffsetDateTime heldAt,
      String minutes,
      Long obligationId,
      boolean heldLate,
      String recordedBy,
      OffsetDateTime recordedAt,
      List<Attendance> attendance) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into meeting (unit_code, township_code, village_code, grid_code, kind,"
                      + " held_at, minutes, obligation_id, held_late, recorded_by, recorded_at)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          int i = 0;
          insert.setString(++i, place.unitCode());
          insert.setString(++i, place.townshipCode());
          insert.setString(++i, place.villageCode());
          insert.setString(++i, place.gridCode());
          insert.setString(++i, kind.name());
          insert.setTimestamp(++i, Timestamp.from(heldAt.toInstant()));
          insert.setString(++i, minutes);
          insert.setObject(++i, obligationId);
          insert.setBoolean(++i, heldLate);
          insert.setString(++i, recordedBy);
          insert.setTimestamp(++i, Timestamp.from(recordedAt.toInstant()));
          return insert;
        },
        key);
    long id = generatedId(key);
    List<Object[]> rows = new ArrayList<>();
    for (Attendance a : attendance) {
      rows.add(new Object[] {id, a.username(), a.status().name(), a.reportMissing()});
    }
    jdbc.batchUpdate(
        "insert into meeting_attendance (meeting_id, username, status, report_missing)"
            + " values (?, ?, ?, ?)",
        rows);
    return id;
  }

  public Optional<Meeting> meeting(long id) {
    List<Meeting> found =
        withAttendance(
            jdbc.query(
                "select " + MEETING_COLUMNS + " from meeting where id = ?",
                MeetingRepository::meeting,
                id));
    return found.stream().findFirst();
  }

  /**
   * Meetings of these units (all when null) held in [from, to), plus those {@code attendee} was
   * expected at (when not null), newest first.
   */
  public List<Meeting> meetings(
      Collection<String> unitCodes,
      String attendee,
      OffsetDateTime from,
      OffsetDateTime to,
      int limit) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("select " + MEETING_COLUMNS + " from meeting m where (");
    List<String> who = new ArrayList<>();
    if (unitCodes == null) {
      who.add("1 = 1");
    } else if (!unitCodes.isEmpty()) {
      who.add(
          "m.unit_code in ("
              + unitCodes.stream().map(c -> "?").collect(Collectors.joining(", "))
              + ")");
      args.addAll(unitCodes);
    }
    if (attendee != null) {
      who.add(
          "exists (select 1 from meeting_attendance a where a.meeting_id = m.id and a.username"
              + " = ?)");
      args.add(attendee);
    }
    if (who.isEmpty()) {
      return List.of();
    }
    sql.append(String.join(" or ", who)).append(")");
    if (from != null) {
      sql.append(" and m.held_at >= ?");
      args.add(Timestamp.from(from.toInstant()));
    }
    if (to != null) {
      sql.append(" and m.held_at < ?");
      args.add(Timestamp.from(to.toInstant()));
    }
    sql.append(" order by m.held_at desc, m.id desc limit ?");
    args.add(limit);
    return withAttendance(jdbc.query(sql.toString(), MeetingRepository::meeting, args.toArray()));
  }

  /**
   * The attendance rows A4 item 7 deducts for (late, left early, absent without leave, report
   * missing) of these people at meetings held in [from, to), oldest first.
   */
  public record PersonAttendance(
      String username,
      long meetingId,
      MeetingKind kind,
      String unitCode,
      OffsetDateTime heldAt,
      MeetingAttendanceStatus status,
      boolean reportMissing) {}

  public List<PersonAttendance> attendanceOf(
      Collection<String> usernames, OffsetDateTime from, OffsetDateTime to) {
    if (usernames.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(usernames);
    args.add(Timestamp.from(from.toInstant()));
    args.add(Timestamp.from(to.toInstant()));
    return jdbc.query(
        "select a.username, m.id, m.kind, m.unit_code, m.held_at, a.status, a.report_missing"
            + " from meeting_attendance a join meeting m on m.id = a.meeting_id"
            + " where a.username in ("
            + usernames.stream().map(c -> "?").collect(Collectors.joining(", "))
            + ") and m.held_at >= ? and m.held_at < ?"
            + " and (a.status in ('LATE', 'LEFT_EARLY', 'ABSENT') or a.report_missing)"
            + " order by m.held_at, m.id",
        (rs, i) ->
            new PersonAttendance(
                rs.getString(1),
                rs.getLong(2),
                MeetingKind.valueOf(rs.getString(3)),
                rs.getString(4),
                GridCaseTime.at(rs.getTimestamp(5)),
                MeetingAttendanceStatus.valueOf(rs.getString(6)),
                rs.getBoolean(7)),
        args.toArray());
  }

  private List<Meeting> withAttendance(List<Meeting> meetings) {
    if (meetings.isEmpty()) {
      return meetings;
    }
    Map<Long, List<Attendance>> byMeeting = new HashMap<>();
    String marks = meetings.stream().map(m -> "?").collect(Collectors.joining(", "));
    jdbc.query(
        "select meeting_id, username, status, report_missing from meeting_attendance"
            + " where meeting_id in ("
            + marks
            + ") order by meeting_id, username",
        rs -> {
          byMeeting
              .computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
              .add(
                  new Attendance(
                      rs.getString(2),
                      MeetingAttendanceStatus.valueOf(rs.getString(3)),
                      rs.getBoolean(4)));
        },
        meetings.stream().map(Meeting::id).toArray());
    return meetings.stream()
        .map(
            m ->
                new Meeting(
                    m.id(),
                    m.place(),
                    m.kind(),
                    m.heldAt(),
                    m.minutes(),
                    m.obligationId(),
                    m.heldLate(),
                    m.recordedBy(),
                    m.recordedAt(),
                    List.copyOf(byMeeting.getOrDefault(m.id(), List.of()))))
        .toList();
  }

  private static Obligation obligation(ResultSet rs, int row) throws SQLException {
    long meeting = rs.getLong("meeting_id");
    Long meetingId = rs.wasNull() ? null : meeting;
    MeetingKind kind = MeetingKind.valueOf(rs.getString("kind"));
    LocalDate start = rs.getDate("period_start").toLocalDate();
    return new Obligation(
        rs.getLong("id"),
        new Place(
            rs.getString("unit_code"),
            rs.getString("township_code"),
            rs.getString("village_code"),
            rs.getString("grid_code")),
        kind,
        MeetingPeriod.containing(kind.cadence(), start),
        GridCaseTime.at(rs.getTimestamp("due_at")),
        rs.getBoolean("due_provisional"),
        GridCaseTime.at(rs.getTimestamp("opened_at")),
        rs.getString("status"),
        rs.getBoolean("overdue"),
        GridCaseTime.at(rs.getTimestamp("overdue_at")),
        meetingId,
        rs.getBoolean("held_late"),
        rs.getString("process_instance_id"));
  }

  private static Meeting meeting(ResultSet rs, int row) throws SQLException {
    long obligation = rs.getLong("obligation_id");
    Long obligationId = rs.wasNull() ? null : obligation;
    return new Meeting(
        rs.getLong("id"),
        new Place(
            rs.getString("unit_code"),
            rs.getString("township_code"),
            rs.getString("village_code"),
            rs.getString("grid_code")),
        MeetingKind.valueOf(rs.getString("kind")),
        GridCaseTime.at(rs.getTimestamp("held_at")),
        rs.getString("minutes"),
        obligationId,
        rs.getBoolean("held_late"),
        rs.getString("recorded_by"),
        GridCaseTime.at(rs.getTimestamp("recorded_at")),
        List.of());
  }

  private static long generatedId(KeyHolder key) {
    Number id = key.getKey();
    if (id == null) {
      throw new IllegalStateException("no id generated");
    }
    return id.longValue();
  }
}
