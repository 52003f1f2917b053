package cn.gridcase.assessment.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.platform.GridCaseTime;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The assessment tables (Flyway V17): quarters and their versions, workers, deductions, objections.
 */
@Repository
public class QuarterRepository {

  private final JdbcTemplate jdbc;

  QuarterRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One version of one township's quarter. */
  public record QuarterRow(
      long id,
      String townshipCode,
      String quarter,
      int version,
      String status,
      String processInstanceId,
      OffsetDateTime draftedAt,
      OffsetDateTime stageDue,
      OffsetDateTime reviewDue,
      OffsetDateTime objectionDue,
      OffsetDateTime finalizeDue,
      String reviewedBy,
      OffsetDateTime reviewedAt,
      String reviewNote,
      OffsetDateTime publishedAt,
      String finalizedBy,
      OffsetDateTime finalizedAt,
      Long subsidyFen,
      String rulebook,
      Integer excellentQuota,
      Long poolFen,
      Long rewardEachFen,
      Long unallocatedFen,
      Long correctsId,
      String correctionReason,
      String correctedBy,
      boolean superseded,
      boolean reviewProvisional,
      boolean objectionProvisional,
      boolean finalizeProvisional) {}

  /** One grid worker of a version. */
  public record WorkerRow(
      String username,
      String gridCode,
      String villageCode,
      Integer satisfactionTenths,
      String satisfactionBy,
      OffsetDateTime satisfactionAt,
      Integer countedEntries,
      OffsetDateTime lastEntryAt,
      Integer scoreHundredths,
      String grade,
      String gradeNote,
      Integer rank,
      Long subsidyFen,
      Long rewardFen) {

    /** A grid worker as the draft lists them: nothing entered or computed yet. */
    public static WorkerRow drafted(String username, String gridCode, String villageCode) {
      return new WorkerRow(
          username,
          gridCode,
          villageCode,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
  }

  /** One stored deduction. */
  public record DeductionRow(
      long id,
      String username,
      int item,
      int tenths,
      String reason,
      String evidence,
      String source,
      String recordedBy,
      OffsetDateTime recordedAt) {}

  /** One objection. */
  public record ObjectionRow(
      long id,
      long assessmentId,
      String username,
      String text,
      OffsetDateTime raisedAt,
      OffsetDateTime answerDue,
      boolean answerProvisional,
      String taskId,
      String answer,
      String answeredBy,
      OffsetDateTime answeredAt) {}

  public static Timestamp ts(OffsetDateTime at) {
    return at == null ? null : Timestamp.from(at.toInstant());
  }

  static OffsetDateTime at(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant().atZone(GridCaseTime.ZONE).toOffsetDateTime();
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column) == null ? null : rs.getInt(column);
  }

  private static Long number(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column) == null ? null : rs.getLong(column);
  }

  private QuarterRow quarter(ResultSet rs, int i) throws SQLException {
    return new QuarterRow(
        rs.getLong("id"),
        rs.getString("township_code"),
        rs.getString("quarter"),
        rs.getInt("version"),
        rs.getString("status"),
        rs.getString("process_instance_id"),
        at(rs, "drafted_at"),
        at(rs, "stage_due"),
        at(rs, "review_due"),
        at(rs, "objection_due"),
        at(rs, "finalize_due"),
        rs.getString("reviewed_by"),
        at(rs, "reviewed_at"),
        rs.getString("review_note"),
        at(rs, "published_at"),
        rs.getString("finalized_by"),
        at(rs, "finalized_at"),
        number(rs, "subsidy_fen"),
        rs.getString("rulebook"),
        integer(rs, "excellent_quota"),
        number(rs, "pool_fen"),
        number(rs, "reward_each_fen"),
        number(rs, "unallocated_fen"),
        number(rs, "corrects_id"),
        rs.getString("correction_reason"),
        rs.getString("corrected_by"),
        rs.getBoolean("superseded"),
        rs.getBoolean("review_provisional"),
        rs.getBoolean("objection_provisional"),
        rs.getBoolean("finalize_provisional"));
  }

  public long insertQuarter(
      String township,
      String quarter,
      int version,
      String status,
      OffsetDateTime draftedAt,
      Long correctsId,
      String reason,
      String by) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        c -> {
          var ps =
              c.prepareStatement(
                  "insert into assessment_quarter (township_code, quarter, version, status,"
                      + " drafted_at, corrects_id, correction_reason, corrected_by, superseded)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, false)",
                  new String[] {"id"});
          ps.setString(1, township);
          ps.setString(2, quarter);
          ps.setInt(3, version);
          ps.setString(4, status);
          ps.setTimestamp(5, ts(draftedAt));
          ps.setObject(6, correctsId);
          ps.setString(7, reason);
          ps.setString(8, by);
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  /** The newest version (the one in force), or a given one. */
  public Optional<QuarterRow> find(String township, String quarter, Integer version) {
    List<QuarterRow> rows =
        version == null
            ? jdbc.query(
                "select * from assessment_quarter where township_code = ? and quarter = ?"
                    + " order by version desc",
                this::quarter,
                township,
                quarter)
            : jdbc.query(
                "select * from assessment_quarter where township_code = ? and quarter = ?"
                    + " and version = ?",
                this::quarter,
                township,
                quarter,
                version);
    return rows.stream().findFirst();
  }

  public QuarterRow get(long id) {
    return jdbc.queryForObject("select * from assessment_quarter where id = ?", this::quarter, id);
  }

  public List<QuarterRow> versions(String township, String quarter) {
    return jdbc.query(
        "select * from assessment_quarter where township_code = ? and quarter = ? order by version",
        this::quarter,
        township,
        quarter);
  }

  /** The townships that have a version of the quarter. */
  public List<String> townshipsWith(String quarter) {
    return jdbc.queryForList(
        "select distinct township_code from assessment_quarter where quarter = ?",
        String.class,
        quarter);
  }

  // ---- stored deadlines (T3, QuarterDeadlines)

  /**
   * Of these quarters (ids), the stored deadline in {@code column} (epoch ms) of those where {@code
   * pendingWhen} holds: its stage is still open.
   */
  Map<Long, Long> pendingQuarterDeadlines(
      String column, String pendingWhen, Collection<Long> ids, OffsetDateTime now) {
    return pending(
        "select id, " + column + " from assessment_quarter where " + column + " is not null and ",
        pendingWhen + " and id",
        ids,
        now);
  }

  /**
   * Of these objections (ids), the answer deadline of those not yet answered, in a quarter open.
   */
  Map<Long, Long> pendingAnswerDeadlines(Collection<Long> ids) {
    return pending(
        "select o.id, o.answer_due from assessment_objection o join assessment_quarter q on q.id ="
            + " o.assessment_id where ",
        "o.answer is null and q.status <> 'FINAL' and o.id",
        ids,
        null);
  }

  private Map<Long, Long> pending(
      String select, String pendingWhen, Collection<Long> ids, OffsetDateTime now) {
    Map<Long, Long> pending = new HashMap<>();
    if (ids.isEmpty()) {
      return pending;
    }
    List<Object> args = new ArrayList<>();
    if (now != null) {
      args.add(ts(now));
    }
    args.addAll(ids);
    jdbc.query(
        select
            + pendingWhen
            + " in ("
            + String.join(", ", Collections.nCopies(ids.size(), "?"))
            + ")",
        rs -> {
          pending.put(rs.getLong(1), rs.getTimestamp(2).getTime());
        },
        args.toArray());
    return pending;
  }

  /** Keeps moved deadlines: each of {@code columns} gets the date, {@code flag} the provisional. */
  void moveDeadlines(String table, List<String> columns, String flag, Map<Long, Deadline> moved) {
    List<Object[]> rows = new ArrayList<>();
    moved.forEach(
        (id, deadline) -> {
          List<Object> row = new ArrayList<>();
          columns.forEach(c -> row.add(ts(deadline.deadline())));
          row.add(deadline.provisional());
          row.add(id);
          rows.add(row.toArray());
        });
    String sets = String.join(", ", columns.stream().map(c -> c + " = ?").toList());
    jdbc.batchUpdate("update " + table + " set " + sets + ", " + flag + " = ? where id = ?", rows);
  }

  public void update(long id, String columnsAssignments, Object... args) {
    Object[] all = new Object[args.length + 1];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = id;
    jdbc.update("update assessment_quarter set " + columnsAssignments + " where id = ?", all);
  }

  public void insertWorkers(long assessmentId, List<WorkerRow> workers) {
    List<Object[]> rows = new ArrayList<>();
    for (WorkerRow w : workers) {
      rows.add(
          new Object[] {
            assessmentId,
            w.username(),
            w.gridCode(),
            w.villageCode(),
            w.satisfactionTenths(),
            w.satisfactionBy(),
            ts(w.satisfactionAt())
          });
    }
    jdbc.batchUpdate(
        "insert into assessment_worker (assessment_id, username, grid_code, village_code,"
            + " satisfaction_tenths, satisfaction_by, satisfaction_at) values (?, ?, ?, ?, ?, ?,"
            + " ?)",
        rows);
  }

  public List<WorkerRow> workers(long assessmentId) {
    return jdbc.query(
        "select * from assessment_worker where assessment_id = ? order by village_code, grid_code,"
            + " username",
        (rs, i) ->
            new WorkerRow(
                rs.getString("username"),
                rs.getString("grid_code"),
                rs.getString("village_code"),
                integer(rs, "satisfaction_tenths"),
                rs.getString("satisfaction_by"),
                at(rs, "satisfaction_at"),
                integer(rs, "counted_entries"),
                at(rs, "last_entry_at"),
                integer(rs, "score_hundredths"),
                rs.getString("grade"),
                rs.getString("grade_note"),
                integer(rs, "rank_in_township"),
                number(rs, "subsidy_fen"),
                number(rs, "reward_fen")),
        assessmentId);
  }

  public void setSatisfaction(
      long assessmentId, String username, int tenths, String by, OffsetDateTime at) {
    jdbc.update(
        "update assessment_worker set satisfaction_tenths = ?, satisfaction_by = ?,"
            + " satisfaction_at = ? where assessment_id = ? and username = ?",
        tenths,
        by,
        ts(at),
        assessmentId,
        username);
  }

  /**
   * The outcome of finalizing, one array per grid worker: counted entries, last entry, score,
   * grade, note, rank, subsidy, reward, then the assessment's id and the username.
   */
  public void setOutcome(List<Object[]> rows) {
    jdbc.batchUpdate(
        "update assessment_worker set counted_entries = ?, last_entry_at = ?, score_hundredths = ?,"
            + " grade = ?, grade_note = ?, rank_in_township = ?, subsidy_fen = ?, reward_fen = ?"
            + " where assessment_id = ? and username = ?",
        rows);
  }

  public void insertDeductions(long assessmentId, List<Object[]> usernameAndDeduction) {
    List<Object[]> rows = new ArrayList<>();
    for (Object[] pair : usernameAndDeduction) {
      Deduction d = (Deduction) pair[1];
      rows.add(
          new Object[] {
            assessmentId,
            pair[0],
            d.item(),
            d.tenths(),
            d.reason(),
            d.evidence(),
            d.source(),
            d.recordedBy(),
            pair[2]
          });
    }
    jdbc.batchUpdate(
        "insert into assessment_deduction (assessment_id, username, item, tenths, reason,"
            + " evidence, source, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  /** Removes a version's deductions the system counted (the reviewers' findings stay). */
  public void deleteSystemDeductions(long assessmentId) {
    jdbc.update(
        "delete from assessment_deduction where assessment_id = ? and source = ?",
        assessmentId,
        Deduction.SYSTEM);
  }

  public List<DeductionRow> deductions(long assessmentId) {
    return jdbc.query(
        "select * from assessment_deduction where assessment_id = ? order by username, item, id",
        (rs, i) ->
            new DeductionRow(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getInt("item"),
                rs.getInt("tenths"),
                rs.getString("reason"),
                rs.getString("evidence"),
                rs.getString("source"),
                rs.getString("recorded_by"),
                at(rs, "recorded_at")),
        assessmentId);
  }

  /** Copies the workers (without the outcome) and deductions of one version into another. */
  public void copyInto(long from, long to) {
    jdbc.update(
        "insert into assessment_worker (assessment_id, username, grid_code, village_code,"
            + " satisfaction_tenths, satisfaction_by, satisfaction_at) select ?, username,"
            + " grid_code, village_code, satisfaction_tenths, satisfaction_by, satisfaction_at from"
            + " assessment_worker where assessment_id = ?",
        to,
        from);
    jdbc.update(
        "insert into assessment_deduction (assessment_id, username, item, tenths, reason, evidence,"
            + " source, recorded_by, recorded_at) select ?, username, item, tenths, reason,"
            + " evidence, source, recorded_by, recorded_at from assessment_deduction where"
            + " assessment_id = ? order by id",
        to,
        from);
  }

  private ObjectionRow objectionRow(ResultSet rs, int i) throws SQLException {
    return new ObjectionRow(
        rs.getLong("id"),
        rs.getLong("assessment_id"),
        rs.getString("username"),
        rs.getString("text"),
        at(rs, "raised_at"),
        at(rs, "answer_due"),
        rs.getBoolean("answer_provisional"),
        rs.getString("task_id"),
        rs.getString("answer"),
        rs.getString("answered_by"),
        at(rs, "answered_at"));
  }

  public long insertObjection(
      long assessmentId, String username, String text, OffsetDateTime at, Deadline due) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        c -> {
          var ps =
              c.prepareStatement(
                  "insert into assessment_objection (assessment_id, username, text, raised_at,"
                      + " answer_due, answer_provisional) values (?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, assessmentId);
          ps.setString(2, username);
          ps.setString(3, text);
          ps.setTimestamp(4, ts(at));
          ps.setTimestamp(5, ts(due.deadline()));
          ps.setBoolean(6, due.provisional());
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  public List<ObjectionRow> objections(long assessmentId) {
    return jdbc.query(
        "select * from assessment_objection where assessment_id = ? order by id",
        this::objectionRow,
        assessmentId);
  }

  public Optional<ObjectionRow> objection(long id) {
    return jdbc
        .query("select * from assessment_objection where id = ?", this::objectionRow, id)
        .stream()
        .findFirst();
  }

  /** The oldest objection of an assessment whose answer has no task yet. */
  public Optional<ObjectionRow> withoutTask(long assessmentId) {
    return jdbc
        .query(
            "select * from assessment_objection where assessment_id = ? and task_id is null"
                + " order by id",
            this::objectionRow,
            assessmentId)
        .stream()
        .findFirst();
  }

  public void objectionTask(long id, String taskId) {
    jdbc.update("update assessment_objection set task_id = ? where id = ?", taskId, id);
  }

  public int answer(long id, String answer, String by, OffsetDateTime at) {
    return jdbc.update(
        "update assessment_objection set answer = ?, answered_by = ?, answered_at = ? where id = ?"
            + " and answer is null",
        answer,
        by,
        ts(at),
        id);
  }

  /** The grades of a grid worker's final quarters (current versions), by quarter code. */
  public List<String[]> finalGrades(String username) {
    return jdbc.query(
        "select q.quarter, w.grade from assessment_worker w join assessment_quarter q on q.id ="
            + " w.assessment_id where w.username = ? and q.status = 'FINAL' and q.superseded ="
            + " false",
        (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
        username);
  }

  /** The township's settings rows, newest first. */
  public List<Object[]> settings(String township) {
    return jdbc.query(
        "select subsidy_fen, rulebook, changed_by, changed_at, reason from assessment_setting"
            + " where township_code = ? order by id desc",
        (rs, i) ->
            new Object[] {
              rs.getLong(1), rs.getString(2), rs.getString(3), at(rs, "changed_at"), rs.getString(5)
            },
        township);
  }

  public void insertSetting(
      String township, long subsidyFen, String rulebook, String by, OffsetDateTime at, String why) {
    jdbc.update(
        "insert into assessment_setting (township_code, subsidy_fen, rulebook, changed_by,"
            + " changed_at, reason) values (?, ?, ?, ?, ?, ?)",
        township,
        subsidyFen,
        rulebook,
        by,
        ts(at),
        why);
  }

  /** A grid worker's quarters: [quarter, township, version, status], newest quarter first. */
  public List<String[]> quartersOf(String username) {
    return jdbc.query(
        "select q.quarter, q.township_code, q.version, q.status from assessment_worker w join"
            + " assessment_quarter q on q.id = w.assessment_id where w.username = ? order by"
            + " q.quarter desc, q.version desc",
        (rs, i) ->
            new String[] {
              rs.getString(1), rs.getString(2), String.valueOf(rs.getInt(3)), rs.getString(4)
            },
        username);
  }

  /** The quarters a township has, newest first. */
  public List<String> townshipQuarters(String township) {
    return jdbc.queryForList(
        "select distinct quarter from assessment_quarter where township_code = ? order by quarter"
            + " desc",
        String.class,
        township);
  }
}
