package cn.gridcase.routine.internal;

import cn.gridcase.organisation.SpecialGroup;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.WorkRecord;
import cn.gridcase.routine.WorkRecordKind;
import cn.gridcase.routine.WorkRecordRequest.TrackPoint;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The work records (Flyway V13): {@code work_record}, one narrow row per record with what the
 * counts read; {@code work_record_detail}, positions and texts; {@code work_patrol_point}, tracks.
 */
@Repository
public class WorkRecordRepository {

  /** A record with its detail and the special person's name, as listed. */
  private static final String SELECT =
      "select r.id, r.kind, r.username, r.grid_code, r.work_date, r.occurred_at, r.ended_at,"
          + " r.minutes, r.visit_group, r.special_person_id, r.household, r.open_by,"
          + " r.corrects_id, r.corrected_by, r.recorded_at, d.latitude, d.longitude, d.info_kind,"
          + " d.body, d.correction_reason, p.name as person_name from work_record r"
          + " left join work_record_detail d on d.record_id = r.id"
          + " left join special_person p on p.id = r.special_person_id";

  /**
   * The shortfalls' read of a person's period (username, first and last day): every column it names
   * is in the key of {@code work_record_by_person}.
   */
  public static final String COUNTED_SQL =
      "select id, kind, work_date, minutes, visit_group, special_person_id, household"
          + " from work_record where username = ? and work_date between ? and ?"
          + " and corrected_by is null and open_by is null and kind <> 'WITHDRAWAL'";

  private final JdbcTemplate jdbc;

  WorkRecordRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The row of a new record. */
  public record NewRecord(
      String username,
      WorkRecordKind kind,
      String gridCode,
      LocalDate date,
      OffsetDateTime at,
      OffsetDateTime endedAt,
      Integer minutes,
      String group,
      Long personId,
      String household,
      boolean open,
      Long corrects,
      OffsetDateTime recordedAt) {}

  /** The detail of a new record (null fields are left out; nothing stored when all are null). */
  public record Detail(
      BigDecimal latitude,
      BigDecimal longitude,
      String infoKind,
      String body,
      String correctionReason) {

    boolean isEmpty() {
      return latitude == null
          && longitude == null
          && infoKind == null
          && body == null
          && correctionReason == null;
    }
  }

  public long insert(NewRecord record, Detail detail) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into work_record (username, kind, grid_code, work_date, occurred_at,"
                      + " ended_at, minutes, visit_group, special_person_id, household, open_by,"
                      + " corrects_id, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          int i = 0;
          insert.setString(++i, record.username());
          insert.setString(++i, record.kind().name());
          insert.setString(++i, record.gridCode());
          insert.setDate(++i, Date.valueOf(record.date()));
          setTime(insert, ++i, record.at());
          setTime(insert, ++i, record.endedAt());
          if (record.minutes() == null) {
            insert.setNull(++i, Types.INTEGER);
          } else {
            insert.setInt(++i, record.minutes());
          }
          insert.setString(++i, record.group());
          if (record.personId() == null) {
            insert.setNull(++i, Types.BIGINT);
          } else {
            insert.setLong(++i, record.personId());
          }
          insert.setString(++i, record.household());
          insert.setString(++i, record.open() ? record.username() : null);
          if (record.corrects() == null) {
            insert.setNull(++i, Types.BIGINT);
          } else {
            insert.setLong(++i, record.corrects());
          }
          setTime(insert, ++i, record.recordedAt());
          return insert;
        },
        keys);
    long id = keys.getKey().longValue();
    if (detail != null && !detail.isEmpty()) {
      jdbc.update(
          "insert into work_record_detail (record_id, latitude, longitude, info_kind, body,"
              + " correction_reason) values (?, ?, ?, ?, ?, ?)",
          id,
          detail.latitude(),
          detail.longitude(),
          detail.infoKind(),
          detail.body(),
          detail.correctionReason());
    }
    return id;
  }

  public void insertTrack(long recordId, List<TrackPoint> points) {
    if (points.isEmpty()) {
      return;
    }
    int first =
        jdbc.queryForObject(
            "select coalesce(max(seq), 0) from work_patrol_point where record_id = ?",
            Integer.class,
            recordId);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      TrackPoint p = points.get(i);
      rows.add(
          new Object[] {
            recordId, first + i + 1, Timestamp.from(p.at().toInstant()), p.latitude(), p.longitude()
          });
    }
    jdbc.batchUpdate(
        "insert into work_patrol_point (record_id, seq, at_time, latitude, longitude)"
            + " values (?, ?, ?, ?, ?)",
        rows);
  }

  public List<TrackPoint> track(long recordId) {
    return jdbc.query(
        "select at_time, latitude, longitude from work_patrol_point where record_id = ?"
            + " order by seq",
        (rs, row) ->
            new TrackPoint(
                GridCaseTime.at(rs.getTimestamp("at_time")),
                rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude")),
        recordId);
  }

  /**
   * Marks a record as corrected (or withdrawn) by a newer one: the only change a kept record ever
   * gets. False when it had been corrected meanwhile.
   */
  public boolean markCorrected(long id, long by) {
    return jdbc.update(
            "update work_record set corrected_by = ? where id = ? and corrected_by is null", by, id)
        == 1;
  }

  /** Ends the worker's open patrol; false when it was no longer open. */
  public boolean endPatrol(long id, String username, OffsetDateTime endedAt, int minutes) {
    return jdbc.update(
            "update work_record set ended_at = ?, minutes = ?, open_by = null"
                + " where id = ? and open_by = ?",
            Timestamp.from(endedAt.toInstant()),
            minutes,
            id,
            username)
        == 1;
  }

  /** A patrol's note given when it ends. */
  public void setNote(long recordId, String note) {
    if (jdbc.update("update work_record_detail set body = ? where record_id = ?", note, recordId)
        == 0) {
      jdbc.update("insert into work_record_detail (record_id, body) values (?, ?)", recordId, note);
    }
  }

  public Optional<WorkRecord> find(long id) {
    return jdbc.query(SELECT + " where r.id = ?", WorkRecordRepository::record, id).stream()
        .findFirst();
  }

  public Optional<WorkRecord> openPatrol(String username) {
    return jdbc
        .query(SELECT + " where r.open_by = ?", WorkRecordRepository::record, username)
        .stream()
        .findFirst();
  }

  /**
   * The ids of the person's patrols (kept, not corrected) whose time overlaps {@code [start, end)}
   * (an open patrol runs on), other than {@code except}.
   */
  public List<Long> overlappingPatrols(
      String username, OffsetDateTime start, OffsetDateTime end, Long except) {
    LocalDate first = start.atZoneSameInstant(GridCaseTime.ZONE).toLocalDate().minusDays(1);
    LocalDate last = end.atZoneSameInstant(GridCaseTime.ZONE).toLocalDate();
    return jdbc.queryForList(
        "select id from work_record where username = ? and work_date between ? and ?"
            + " and kind = 'PATROL' and corrected_by is null and occurred_at < ?"
            + " and (ended_at is null or ended_at > ?) and id <> ? order by occurred_at",
        Long.class,
        username,
        Date.valueOf(first),
        Date.valueOf(last),
        Timestamp.from(end.toInstant()),
        Timestamp.from(start.toInstant()),
        except == null ? -1L : except);
  }

  /** What a list asks for: one person or some grids, a period, a kind, newest first. */
  public record Query(
      String username,
      Collection<String> grids,
      WorkRecordKind kind,
      LocalDate from,
      LocalDate to,
      int limit) {}

  public List<WorkRecord> list(Query query) {
    StringBuilder sql = new StringBuilder(SELECT).append(" where ");
    List<Object> args = new ArrayList<>();
    if (query.username() != null) {
      sql.append("r.username = ?");
      args.add(query.username());
    } else {
      sql.append("1 = 1");
    }
    if (query.grids() != null) {
      if (query.grids().isEmpty()) {
        return List.of();
      }
      sql.append(" and r.grid_code in (")
          .append(String.join(", ", query.grids().stream().map(g -> "?").toList()))
          .append(')');
      args.addAll(query.grids());
    }
    sql.append(" and r.work_date between ? and ?");
    args.add(Date.valueOf(query.from()));
    args.add(Date.valueOf(query.to()));
    if (query.kind() != null) {
      sql.append(" and r.kind = ?");
      args.add(query.kind().name());
    }
    sql.append(" order by r.work_date desc, r.occurred_at desc, r.id desc")
        .append(" fetch first ")
        .append(query.limit())
        .append(" rows only");
    return jdbc.query(sql.toString(), WorkRecordRepository::record, args.toArray());
  }

  /**
   * The records a person's counts read from {@code from} to {@code to}: one query on {@code
   * work_record_by_person}, the newest versions only, patrols once ended, no withdrawals.
   */
  public List<CountedRecord> counted(String username, LocalDate from, LocalDate to) {
    return jdbc.query(
        COUNTED_SQL,
        (rs, row) ->
            new CountedRecord(
                rs.getLong("id"),
                WorkRecordKind.valueOf(rs.getString("kind")),
                rs.getDate("work_date").toLocalDate(),
                (Integer) rs.getObject("minutes", Integer.class),
                rs.getString("visit_group"),
                (Long) rs.getObject("special_person_id", Long.class),
                rs.getString("household")),
        username,
        Date.valueOf(from),
        Date.valueOf(to));
  }

  private static void setTime(PreparedStatement statement, int index, OffsetDateTime time)
      throws SQLException {
    if (time == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setTimestamp(index, Timestamp.from(time.toInstant()));
    }
  }

  private static WorkRecord record(ResultSet rs, int row) throws SQLException {
    WorkRecordKind kind = WorkRecordKind.valueOf(rs.getString("kind"));
    String group = rs.getString("visit_group");
    Long correctedBy = (Long) rs.getObject("corrected_by", Long.class);
    return new WorkRecord(
        rs.getLong("id"),
        kind,
        kind.label(),
        rs.getString("username"),
        rs.getString("grid_code"),
        rs.getDate("work_date").toLocalDate(),
        GridCaseTime.at(rs.getTimestamp("occurred_at")),
        GridCaseTime.at(rs.getTimestamp("ended_at")),
        (Integer) rs.getObject("minutes", Integer.class),
        rs.getBigDecimal("latitude"),
        rs.getBigDecimal("longitude"),
        group,
        groupLabel(group),
        (Long) rs.getObject("special_person_id", Long.class),
        rs.getString("person_name"),
        rs.getString("household"),
        rs.getString("info_kind"),
        rs.getString("body"),
        (Long) rs.getObject("corrects_id", Long.class),
        rs.getString("correction_reason"),
        correctedBy,
        correctedBy != null,
        rs.getString("open_by") != null,
        GridCaseTime.at(rs.getTimestamp("recorded_at")),
        null);
  }

  /** 家庭 for FAMILY, the special group's label otherwise. */
  public static String groupLabel(String group) {
    if (group == null) {
      return null;
    }
    if (VisitGroups.FAMILY.equals(group)) {
      return "家庭";
    }
    return SpecialGroup.of(group).map(SpecialGroup::label).orElse(group);
  }
}
