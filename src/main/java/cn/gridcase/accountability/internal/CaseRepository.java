package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.CaseRead;
import cn.gridcase.accountability.CaseStatus;
import cn.gridcase.accountability.CaseStep;
import cn.gridcase.accountability.Circumstance;
import cn.gridcase.accountability.Measure;
import cn.gridcase.accountability.OverdueCaseStep;
import cn.gridcase.platform.EngineTables;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The case tables: cases, their steps and the audit of reads. */
@Repository
public class CaseRepository {

  private final JdbcTemplate jdbc;

  CaseRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(
      String township,
      String subject,
      String subjectRole,
      String subjectUnit,
      String clause,
      String facts,
      String eventNumber,
      Long proposalId,
      String openedBy,
      OffsetDateTime openedAt,
      List<String> investigators,
      List<Circumstance> detectedAggravating) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into accountability_case (township_code, subject, subject_role,"
                      + " subject_unit, clause, facts, event_number, proposal_id, status,"
                      + " opened_by, opened_at, investigators, extended, overdue_investigation,"
                      + " overdue_notification, detected_aggravating) values (?, ?, ?, ?, ?, ?, ?,"
                      + " ?, 'INVESTIGATING', ?, ?, ?, false, false, false, ?)",
                  new String[] {"id"});
          int i = 0;
          insert.setString(++i, township);
          insert.setString(++i, subject);
          insert.setString(++i, subjectRole);
          insert.setString(++i, subjectUnit);
          insert.setString(++i, clause);
          insert.setString(++i, facts);
          insert.setString(++i, eventNumber);
          insert.setObject(++i, proposalId);
          insert.setString(++i, openedBy);
          insert.setTimestamp(++i, Timestamp.from(openedAt.toInstant()));
          insert.setString(++i, String.join(",", investigators));
          insert.setString(++i, join(detectedAggravating));
          return insert;
        },
        keys);
    return keys.getKey().longValue();
  }

  /** The case of a process instance: its business key is the case id. */
  public CaseRecord byKey(String businessKey) {
    long id = Long.parseLong(businessKey);
    return find(id).orElseThrow(() -> new NotFound("No case " + id));
  }

  public Optional<CaseRecord> find(long id) {
    return jdbc.query("select * from accountability_case where id = ?", this::row, id).stream()
        .findFirst();
  }

  public List<CaseRecord> inTownships(Collection<String> townships) {
    if (townships.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        "select * from accountability_case where township_code in ("
            + String.join(",", Collections.nCopies(townships.size(), "?"))
            + ") order by id desc",
        this::row,
        townships.toArray());
  }

  public List<CaseRecord> all() {
    return jdbc.query("select * from accountability_case order by id desc", this::row);
  }

  public List<CaseRecord> assignedTo(String investigator) {
    // the list is short; match the comma-separated names exactly in Java
    return jdbc
        .query(
            "select * from accountability_case where investigators like ? order by id desc",
            this::row,
            "%" + investigator + "%")
        .stream()
        .filter(c -> c.investigators().contains(investigator))
        .toList();
  }

  public List<CaseRecord> ofSubject(String subject) {
    return jdbc.query(
        "select * from accountability_case where subject = ? order by id desc", this::row, subject);
  }

  /**
   * The investigation and notice steps past their deadline at {@code now}, oldest first: of every
   * case ({@code townships} and {@code investigator} null), or of the cases in {@code townships} or
   * investigated by {@code investigator}; {@code township} and {@code assignee} filter (an assignee
   * matches the step they hold, and an unclaimed step they may take as the case's investigator).
   */
  public List<OverdueCaseStep> overdueSteps(
      Collection<String> townships,
      String investigator,
      String township,
      String assignee,
      OffsetDateTime now) {
    List<Object> args = new ArrayList<>();
    StringBuilder where =
        new StringBuilder(
            " where t.task_def_key_ in ('InvestigateCaseTask', 'NotifySubjectTask')"
                + " and t.due_date_ is not null and t.due_date_ < ?");
    args.add(Timestamp.from(now.toInstant()));
    if (townships != null || investigator != null) {
      List<String> visible = new ArrayList<>();
      if (townships != null && !townships.isEmpty()) {
        visible.add(
            "c.township_code in ("
                + String.join(",", Collections.nCopies(townships.size(), "?"))
                + ")");
        args.addAll(townships);
      }
      if (investigator != null) {
        visible.add("(',' || c.investigators || ',') like ? escape '\\'");
        args.add(memberPattern(investigator));
      }
      where.append(
          visible.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", visible) + ")");
    }
    if (township != null) {
      where.append(" and c.township_code = ?");
      args.add(township);
    }
    if (assignee != null) {
      where.append(
          " and (t.assignee_ = ? or (t.assignee_ is null and (',' || c.investigators || ',') like ?"
              + " escape '\\'))");
      args.add(assignee);
      args.add(memberPattern(assignee));
    }
    return jdbc.query(
        "select c.id, c.township_code, c.event_number, c.investigators, t.id_ as task_id, t.name_"
            + " as task_name, t.task_def_key_ as task_key, t.assignee_ as assignee, t.due_date_ as"
            + " due from accountability_case c join "
            + EngineTables.EXECUTION
            + " p on p.business_key_ = cast(c.id as varchar(64))"
            + " and p.id_ = p.proc_inst_id_"
            // a definition id is key:version:uuid only when that fits 64 characters: match the key
            // itself
            + " join "
            + EngineTables.PROCESS_DEFINITION
            + " d on d.id_ = p.proc_def_id_ and d.key_ = 'accountability-investigation'"
            + " join "
            + EngineTables.TASK
            + " t on t.proc_inst_id_ = p.id_"
            + where
            + " order by t.due_date_, c.id",
        (rs, i) ->
            new OverdueCaseStep(
                rs.getLong("id"),
                rs.getString("township_code"),
                rs.getString("event_number"),
                rs.getString("task_id"),
                rs.getString("task_name"),
                rs.getString("task_key"),
                rs.getString("assignee"),
                split(rs.getString("investigators"), Function.identity()),
                at(rs, "due")),
        args.toArray());
  }

  public void extend(long id, int days, String reason) {
    jdbc.update(
        "update accountability_case set extended = true, extension_days = ?, extension_reason = ?"
            + " where id = ?",
        days,
        reason,
        id);
  }

  public void decide(
      long id,
      String findings,
      List<Measure> measures,
      List<Circumstance> mitigating,
      List<Circumstance> aggravating,
      String reasoning,
      String talkConductor,
      OffsetDateTime at,
      String by) {
    jdbc.update(
        "update accountability_case set status = 'DECIDED', findings = ?, measures = ?, mitigating"
            + " = ?, aggravating = ?, reasoning = ?, talk_conductor = ?, decided_at = ?, decided_by"
            + " = ? where id = ?",
        findings,
        join(measures),
        join(mitigating),
        join(aggravating),
        reasoning,
        talkConductor,
        Timestamp.from(at.toInstant()),
        by,
        id);
  }

  /**
   * C5: who holds the decided talk (vacant: nobody holds the role, the investigators have the
   * task).
   */
  public void talkConductors(long id, List<String> conductors, boolean vacant) {
    jdbc.update(
        "update accountability_case set talk_conductors = ?, talk_conductors_vacant = ? where id ="
            + " ?",
        conductors.isEmpty() ? null : String.join(",", conductors),
        vacant,
        id);
  }

  /** C5: the talk was held on {@code heldOn}; what was said. */
  void talkHeld(long id, LocalDate heldOn, String record, String by, OffsetDateTime at) {
    jdbc.update(
        "update accountability_case set talk_held_on = ?, talk_record = ?, talk_recorded_by = ?,"
            + " talk_recorded_at = ? where id = ?",
        heldOn,
        record,
        by,
        Timestamp.from(at.toInstant()),
        id);
  }

  void dismiss(long id, String findings, String reasoning, OffsetDateTime at, String by) {
    jdbc.update(
        "update accountability_case set status = 'DISMISSED', findings = ?, reasoning = ?,"
            + " decided_at = ?, decided_by = ? where id = ?",
        findings,
        reasoning,
        Timestamp.from(at.toInstant()),
        by,
        id);
  }

  void notified(long id, OffsetDateTime at, String channel) {
    jdbc.update(
        "update accountability_case set status = 'NOTIFIED', notified_at = ?, notification_channel"
            + " = ? where id = ?",
        Timestamp.from(at.toInstant()),
        channel,
        id);
  }

  void archive(long id, String note, OffsetDateTime at) {
    jdbc.update(
        "update accountability_case set status = 'ARCHIVED', execution_note = ?, archived_at = ?"
            + " where id = ?",
        note,
        Timestamp.from(at.toInstant()),
        id);
  }

  void markOverdueInvestigation(long id) {
    jdbc.update("update accountability_case set overdue_investigation = true where id = ?", id);
  }

  void markOverdueNotification(long id) {
    jdbc.update("update accountability_case set overdue_notification = true where id = ?", id);
  }

  public void setDetectedAggravating(long id, List<Circumstance> detected) {
    jdbc.update(
        "update accountability_case set detected_aggravating = ? where id = ?", join(detected), id);
  }

  public void addStep(long caseId, CaseStep step) {
    jdbc.update(
        "insert into accountability_case_step (case_id, action, actor, at, deadline, late, note)"
            + " values (?, ?, ?, ?, ?, ?, ?)",
        caseId,
        step.action(),
        step.actor(),
        Timestamp.from(step.at().toInstant()),
        step.deadline() == null ? null : Timestamp.from(step.deadline().toInstant()),
        step.late(),
        step.note());
  }

  public List<CaseStep> steps(long caseId) {
    return jdbc.query(
        "select * from accountability_case_step where case_id = ? order by id",
        (rs, i) ->
            new CaseStep(
                rs.getString("action"),
                rs.getString("actor"),
                at(rs, "at"),
                at(rs, "deadline"),
                rs.getBoolean("late"),
                rs.getString("note")),
        caseId);
  }

  public void recordRead(long caseId, String reader, OffsetDateTime at) {
    jdbc.update(
        "insert into accountability_case_read (case_id, reader, at) values (?, ?, ?)",
        caseId,
        reader,
        Timestamp.from(at.toInstant()));
  }

  /** Who read the case and when, newest first. */
  public List<CaseRead> reads(long caseId) {
    return jdbc.query(
        "select reader, at from accountability_case_read where case_id = ? order by id desc",
        (rs, i) -> new CaseRead(rs.getString(1), at(rs, "at")),
        caseId);
  }

  private CaseRecord row(ResultSet rs, int i) throws SQLException {
    Integer extensionDays = (Integer) rs.getObject("extension_days", Integer.class);
    Long proposalId = rs.getObject("proposal_id", Long.class);
    return new CaseRecord(
        rs.getLong("id"),
        rs.getString("township_code"),
        rs.getString("subject"),
        rs.getString("subject_role"),
        rs.getString("subject_unit"),
        rs.getString("clause"),
        rs.getString("facts"),
        rs.getString("event_number"),
        proposalId,
        CaseStatus.valueOf(rs.getString("status")),
        rs.getString("opened_by"),
        at(rs, "opened_at"),
        split(rs.getString("investigators"), Function.identity()),
        rs.getBoolean("extended"),
        extensionDays,
        rs.getString("extension_reason"),
        rs.getBoolean("overdue_investigation"),
        rs.getBoolean("overdue_notification"),
        split(rs.getString("detected_aggravating"), Circumstance::valueOf),
        rs.getString("findings"),
        split(rs.getString("measures"), Measure::valueOf),
        split(rs.getString("mitigating"), Circumstance::valueOf),
        split(rs.getString("aggravating"), Circumstance::valueOf),
        rs.getString("reasoning"),
        rs.getString("talk_conductor"),
        at(rs, "decided_at"),
        rs.getString("decided_by"),
        at(rs, "notified_at"),
        rs.getString("notification_channel"),
        rs.getString("execution_note"),
        new CaseRecord.Talk(
            split(rs.getString("talk_conductors"), Function.identity()),
            rs.getBoolean("talk_conductors_vacant"),
            rs.getObject("talk_held_on", LocalDate.class),
            rs.getString("talk_record"),
            rs.getString("talk_recorded_by")));
  }

  private static String join(List<? extends Enum<?>> values) {
    return values == null || values.isEmpty()
        ? null
        : String.join(",", values.stream().map(Enum::name).toList());
  }

  private static <T> List<T> split(String text, Function<String, T> parse) {
    return text == null || text.isBlank()
        ? List.of()
        : Arrays.stream(text.split(",")).map(parse).toList();
  }

  public static OffsetDateTime at(ResultSet rs, String column) throws SQLException {
    return GridCaseTime.at(rs.getTimestamp(column));
  }

  /**
   * A LIKE pattern for one name of the comma-separated investigators, its wildcards ({@code _ %})
   * taken literally.
   */
  public static String memberPattern(String username) {
    return "%," + username.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ",%";
  }
}
