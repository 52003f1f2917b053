package cn.gridcase.accountability;

import cn.gridcase.accountability.internal.AccountabilityDecisions;
import cn.gridcase.accountability.internal.CasePeople;
import cn.gridcase.accountability.internal.CaseRepository;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.event.LateStepEnded;
import cn.gridcase.event.StepRanOverdue;
import cn.gridcase.event.StepStage;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.security.UserAccounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals for accountability (责任追究建议) raised from facts the system holds (rule C3): late event
 * steps (the event feature's {@link StepRanOverdue}, heard by {@link LateStepProposals}), a grid
 * leader whose grid workers were held accountable 3 or more times, an instructor whose grid leader
 * was held accountable 2 or more times. Other features report facts here ({@link #raise} — the
 * entry point for the quarterly assessment); supervisors accept a proposal (which opens a linked
 * case) or reject it with a reason.
 */
@Service
public class AccountabilityProposals {

  public static final String LATE_ACCEPTANCE = "OVERDUE_ACCEPTANCE";
  public static final String LATE_HANDLING = "OVERDUE_HANDLING";

  /** A step not done by the limit a 督办 named (S1); graded like a late step (C3). */
  public static final String LATE_SUPERVISION = "OVERDUE_SUPERVISION";

  public static final String GRID_WORKERS_HELD_ACCOUNTABLE = "GRID_WORKERS_HELD_ACCOUNTABLE";
  public static final String GRID_LEADER_HELD_ACCOUNTABLE = "GRID_LEADER_HELD_ACCOUNTABLE";

  /**
   * A grid leader's year-end satisfaction survey with more than one third 不满意 (A8): the assessment
   * feature raises it through {@link #raise}, the survey as its evidence.
   */
  public static final String LEADER_SURVEY_DISSATISFIED = "LEADER_SURVEY_DISSATISFIED";

  /**
   * A finalized quarter 不合格 (C3 with A4–A6), raised by the assessment through {@link #raise} by the
   * township's rulebook: the 1st 不合格 quarter under S0 (通报批评, and by the circumstances 约谈, 待岗培训 or
   * 诫勉谈话)...
   */
  public static final String ASSESSMENT_FAILED_CRITICISM = "ASSESSMENT_FAILED_CRITICISM";

  /** ... two consecutive under S0 (the dismissal procedure) ... */
  public static final String ASSESSMENT_FAILED_DISMISSAL = "ASSESSMENT_FAILED_DISMISSAL";

  /** ... two consecutive under S1 (通报批评) ... */
  public static final String ASSESSMENT_FAILED_S1_CRITICISM = "ASSESSMENT_FAILED_S1_CRITICISM";

  /** ... three or more consecutive under S1 (not renewed for the next year). */
  public static final String ASSESSMENT_FAILED_NOT_RENEWED = "ASSESSMENT_FAILED_NOT_RENEWED";

  /** The clause a grid worker's late step is filed under (C3, S0 第四条(一)2). */
  static final String GRID_WORKER_LATE_STEP = "第四条（一）2 日常考核不合格的专职网格员：约谈、待岗培训、诫勉谈话（事件未按期受理、办结）";

  /** The clause an event handler's or section head's late step is filed under (C3, S0 第四条(四)1). */
  static final String EVENT_HANDLER_LATE_STEP = "第四条（四）1 网格事件经办人员：不受理、不交办、不催办、不结案、不统计反馈";

  private final JdbcTemplate jdbc;
  private final Notifications notifications;
  private final CasePeople people;
  private final WorkingDays workingDays;
  private final AccountabilityDecisions decisions;
  private final UserAccounts accounts;
  private final Clock clock;

  AccountabilityProposals(
      JdbcTemplate jdbc,
      Notifications notifications,
      CasePeople people,
      WorkingDays workingDays,
      AccountabilityDecisions decisions,
      UserAccounts accounts,
      Clock clock) {
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.people = people;
    this.workingDays = workingDays;
    this.decisions = decisions;
    this.clock = clock;
  }

  /**
   * One proposal per person who answers for a late event step (C3, S0 第四条(四)1). Delivered again
   * after a failure, so a proposal already raised for the same person, step and deadline is not
   * raised twice.
   */
  public void raiseForLateStep(StepRanOverdue late) {
    String trigger = trigger(late.limit());
    String evidence =
        "事件 "
            + late.eventNumber()
            + " 的"
            + stepName(late.stage())
            + "（"
            + late.level().label()
            + "，"
            + late.unitCode()
            + "）"
            + (late.limit() == StepRanOverdue.Limit.SUPERVISION ? "督办期限 " : "期限 ")
            + late.deadline().toLocalDate()
            + "，至 "
            + GridCaseTime.minute(late.detectedAt())
            + " 仍未完成";
    for (StepRanOverdue.Answerable who : late.answerable()) {
      String role = who.role() == null ? null : who.role().name();
      if (!raisedForStep(trigger, who.username(), late)) {
        // a second delivery at the same moment (another node) meets the key's unique index: its
        // listener fails, and the delivery after it finds the proposal raised
        insert(
            stepKey(trigger, who.username(), late),
            trigger,
            who.username(),
            role,
            late.unitCode(),
            late.townshipCode(),
            late.eventNumber(),
            late.stage().name(),
            late.level().name(),
            late.deadline(),
            late.detectedAt(),
            evidence);
      }
    }
  }

  /**
   * The proposal's trigger as stored and shown (the API's {@code trigger}) for the limit that ran
   * out.
   */
  static String trigger(StepRanOverdue.Limit limit) {
    return switch (limit) {
      case ACCEPTANCE -> LATE_ACCEPTANCE;
      case HANDLING -> LATE_HANDLING;
      case SUPERVISION -> LATE_SUPERVISION;
    };
  }

  private boolean raisedForStep(String trigger, String subject, StepRanOverdue late) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from accountability_proposal where trigger = ? and subject is not"
                + " distinct from ? and event_number = ? and step_action = ? and step_level = ? and"
                + " deadline = ?",
            Integer.class,
            trigger,
            subject,
            late.eventNumber(),
            late.stage().name(),
            late.level().name(),
            Timestamp.from(late.deadline().toInstant()));
    return count != null && count > 0;
  }

  /**
   * The late step has ended (accepted, or handled): how late it ran is now fixed. The step's
   * proposal is raised before (the same or an earlier transaction published {@link
   * StepRanOverdue}); when that delivery failed and waits to be delivered again, this one is
   * refused so that it is delivered again after it, and the end is not lost.
   */
  public void lateStepEnded(LateStepEnded ended) {
    int updated =
        jdbc.update(
            "update accountability_proposal set step_ended_at = ? where event_number = ?"
                + " and step_action = ? and step_ended_at is null",
            Timestamp.from(ended.endedAt().toInstant()),
            ended.eventNumber(),
            ended.stage().name());
    if (updated == 0 && !proposalExists(ended)) {
      throw new IllegalStateException(
          "No proposal yet for the late "
              + ended.stage()
              + " of "
              + ended.eventNumber()
              + " at "
              + ended.level()
              + ": its end is delivered again after the proposal");
    }
  }

  private boolean proposalExists(LateStepEnded ended) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from accountability_proposal where event_number = ?"
                + " and step_action = ? and step_level = ?",
            Integer.class,
            ended.eventNumber(),
            ended.stage().name(),
            ended.level().name());
    return count != null && count > 0;
  }

  /**
   * Raises a proposal from facts another feature holds — the entry point for the quarterly
   * assessment (a grid worker failing a quarter: {@link #ASSESSMENT_FAILED_CRITICISM} and the
   * others beside it; a grid leader's survey: {@link #LEADER_SURVEY_DISSATISFIED}).
   */
  public void raise(
      String trigger,
      String subject,
      String subjectRole,
      String unitCode,
      String townshipCode,
      String evidence) {
    insert(
        null,
        trigger,
        subject,
        subjectRole,
        unitCode,
        townshipCode,
        null,
        null,
        null,
        null,
        GridCaseTime.now(clock),
        evidence);
  }

  /**
   * After a case was decided (someone held accountable): a grid leader whose village's grid workers
   * were held accountable 3 or more times, an instructor whose village's grid leader was 2 or more
   * times (S0 第四条(二)8, (三)2). S0 sets no time window: the cases counted are those decided while the
   * leader (instructor) holds the post, and each holder gets one proposal for the post.
   */
  public void afterDecision(
      String subject, String subjectRole, String subjectUnit, String township, OffsetDateTime now) {
    String village = people.villageOf(subjectUnit).orElse(null);
    if (village == null) {
      return;
    }
    if (AppointmentRole.GRID_WORKER.name().equals(subjectRole)) {
      raiseForVillage(
          GRID_WORKERS_HELD_ACCOUNTABLE,
          AppointmentRole.GRID_WORKER,
          3,
          AppointmentRole.GRID_LEADER,
          village,
          township,
          now,
          "网格员在其任网格长期间被追究责任 %d 次（%s）：网格长对专职网格员指导督促不力");
    } else if (AppointmentRole.GRID_LEADER.name().equals(subjectRole)) {
      raiseForVillage(
          GRID_LEADER_HELD_ACCOUNTABLE,
          AppointmentRole.GRID_LEADER,
          2,
          AppointmentRole.GRID_INSTRUCTOR,
          village,
          township,
          now,
          "网格长在其任网格指导员期间被追责 %d 次（%s）：网格指导员对网格长指导督促不力");
    }
  }

  private void raiseForVillage(
      String trigger,
      AppointmentRole heldAccountable,
      int threshold,
      AppointmentRole answers,
      String village,
      String township,
      OffsetDateTime now,
      String evidence) {
    for (Appointment holder : people.appointmentsOf(village, answers)) {
      OffsetDateTime since = holder.startsOn().atStartOfDay(GridCaseTime.ZONE).toOffsetDateTime();
      long count = decidedInVillage(heldAccountable.name(), village, since);
      if (count >= threshold && !raisedFor(trigger, holder.username(), village, since)) {
        insert(
            null,
            trigger,
            holder.username(),
            answers.name(),
            village,
            township,
            null,
            null,
            null,
            null,
            now,
            String.format(evidence, count, village));
      }
    }
  }

  private long decidedInVillage(String role, String village, OffsetDateTime since) {
    List<String> units =
        jdbc.queryForList(
            "select subject_unit from accountability_case where subject_role = ?"
                + " and status <> 'DISMISSED' and decided_at is not null and decided_at >= ?",
            String.class,
            role,
            Timestamp.from(since.toInstant()));
    return units.stream().filter(u -> village.equals(people.villageOf(u).orElse(null))).count();
  }

  private boolean raisedFor(String trigger, String subject, String unit, OffsetDateTime since) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from accountability_proposal where trigger = ? and subject = ?"
                + " and unit_code = ? and detected_at >= ?",
            Integer.class,
            trigger,
            subject,
            unit,
            Timestamp.from(since.toInstant()));
    return count != null && count > 0;
  }

  /**
   * What identifies a late step's proposal: one per trigger, subject, event, stage, level and
   * deadline.
   */
  private static String stepKey(String trigger, String subject, StepRanOverdue late) {
    return String.join(
        "|",
        trigger,
        subject == null ? "-" : subject,
        late.eventNumber(),
        late.stage().name(),
        late.level().name(),
        late.deadline() == null ? "-" : late.deadline().toInstant().toString());
  }

  private void insert(
      String stepKey,
      String trigger,
      String subject,
      String subjectRole,
      String unitCode,
      String townshipCode,
      String eventNumber,
      String stepAction,
      String stepLevel,
      OffsetDateTime deadline,
      OffsetDateTime detectedAt,
      String evidence) {
    jdbc.update(
        "insert into accountability_proposal (step_key, trigger, subject, subject_role, unit_code,"
            + " township_code, event_number, step_action, step_level, deadline, detected_at,"
            + " evidence, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')",
        stepKey,
        trigger,
        subject,
        subjectRole,
        unitCode,
        townshipCode,
        eventNumber,
        stepAction,
        stepLevel,
        deadline == null ? null : Timestamp.from(deadline.toInstant()),
        Timestamp.from(detectedAt.toInstant()),
        evidence);
    notifications.send(
        new Notice(
            NoticeKind.PROPOSAL_RAISED,
            "责任追究建议："
                + (subject == null ? unitCode : accounts.nameOf(subject) + "（" + subject + "）"),
            evidence,
            eventNumber),
        people.supervisorsOf(townshipCode));
  }

  /** The proposals raised about one event, oldest first. */
  public List<Proposal> forEvent(String eventNumber) {
    return query("where event_number = ? order by id", eventNumber);
  }

  /** The proposals of the given townships (all when null), newest first. */
  public List<Proposal> inTownships(Collection<String> townships, String status) {
    StringBuilder where = new StringBuilder("where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (townships != null) {
      if (townships.isEmpty()) {
        return List.of();
      }
      where
          .append(" and township_code in (")
          .append(String.join(",", Collections.nCopies(townships.size(), "?")))
          .append(")");
      args.addAll(townships);
    }
    if (status != null) {
      where.append(" and status = ?");
      args.add(status);
    }
    return query(where + " order by id desc", args.toArray());
  }

  Proposal get(long id) {
    return query("where id = ?", id).stream()
        .findFirst()
        .orElseThrow(() -> new NotFound("No proposal " + id));
  }

  /** Marks an open proposal accepted and linked to the case it opened. */
  void accepted(long id, long caseId, String by) {
    if (jdbc.update(
            "update accountability_proposal set status = 'ACCEPTED', case_id = ?, decided_by = ?,"
                + " decided_at = ? where id = ? and status = 'OPEN'",
            caseId,
            by,
            Timestamp.from(GridCaseTime.now(clock).toInstant()),
            id)
        == 0) {
      throw new StateConflict("Proposal " + id + " is not open");
    }
  }

  @Transactional
  void reject(long id, String by, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new DomainRuleViolation(
          "A rejection gives its reason",
          List.of(new ApiError("reason", "C3.reason", "请填写不采纳的理由")));
    }
    if (jdbc.update(
            "update accountability_proposal set status = 'REJECTED', decided_by = ?, decided_at ="
                + " ?, decision_reason = ? where id = ? and status = 'OPEN'",
            by,
            Timestamp.from(GridCaseTime.now(clock).toInstant()),
            reason.trim(),
            id)
        == 0) {
      throw new StateConflict("Proposal " + id + " is not open");
    }
  }

  /** The township's grading of late steps (C3). */
  public Grading grading(String township) {
    List<Grading> rows =
        jdbc.query(
            "select * from accountability_grading where township_code = ?",
            (rs, i) ->
                new Grading(
                    rs.getInt("serious_days"),
                    rs.getInt("grave_days"),
                    rs.getInt("serious_count"),
                    rs.getInt("grave_count")),
            township);
    return rows.isEmpty() ? Grading.DEFAULTS : rows.get(0);
  }

  @Transactional
  public Grading setGrading(String township, Grading grading) {
    List<ApiError> errors = new ArrayList<>();
    if (grading.seriousDays() < 1 || grading.graveDays() <= grading.seriousDays()) {
      errors.add(new ApiError("graveDays", "C3.grading", "1 ≤ seriousDays < graveDays"));
    }
    if (grading.seriousCount() < 2 || grading.graveCount() <= grading.seriousCount()) {
      errors.add(new ApiError("graveCount", "C3.grading", "2 ≤ seriousCount < graveCount"));
    }
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("Invalid grading", errors);
    }
    jdbc.update("delete from accountability_grading where township_code = ?", township);
    jdbc.update(
        "insert into accountability_grading (township_code, serious_days, grave_days,"
            + " serious_count, grave_count) values (?, ?, ?, ?, ?)",
        township,
        grading.seriousDays(),
        grading.graveDays(),
        grading.seriousCount(),
        grading.graveCount());
    return grading(township);
  }

  private List<Proposal> query(String where, Object... args) {
    return jdbc.query("select * from accountability_proposal " + where, this::proposal, args);
  }

  private Proposal proposal(ResultSet rs, int row) throws SQLException {
    String trigger = rs.getString("trigger");
    OffsetDateTime deadline = CaseRepository.at(rs, "deadline");
    OffsetDateTime detected = CaseRepository.at(rs, "detected_at");
    OffsetDateTime ended = CaseRepository.at(rs, "step_ended_at");
    String subject = rs.getString("subject");
    String subjectRole = rs.getString("subject_role");
    Integer daysLate = null;
    Integer inYear = null;
    Severity severity = null;
    List<Measure> suggested = List.of();
    String clause;
    boolean lateStep =
        LATE_ACCEPTANCE.equals(trigger)
            || LATE_HANDLING.equals(trigger)
            || LATE_SUPERVISION.equals(trigger);
    if (lateStep && deadline != null) {
      daysLate =
          workingDays.workingDaysAfter(
              deadline.toLocalDate(),
              (ended == null ? GridCaseTime.now(clock) : ended).toLocalDate());
      inYear = subject == null ? 1 : lateStepsInYear(subject, detected);
      severity = grading(rs.getString("township_code")).grade(daysLate, inYear);
      if (AppointmentRole.GRID_WORKER.name().equals(subjectRole)) {
        // a grid worker answers under (一), the grid workers' clause, not the event handlers' (四)1
        suggested = decisions.gridWorkerMeasures(severity);
        clause = GRID_WORKER_LATE_STEP;
      } else {
        suggested =
            decisions.eventHandlerMeasures(
                severity, AppointmentRole.SECTION_HEAD.name().equals(subjectRole));
        clause = EVENT_HANDLER_LATE_STEP;
      }
    } else if (GRID_WORKERS_HELD_ACCOUNTABLE.equals(trigger)) {
      clause = "第四条（二）8 对专职网格员指导督促不力，所在村专职网格员被追究责任三次以上";
    } else if (GRID_LEADER_HELD_ACCOUNTABLE.equals(trigger)) {
      clause = "第四条（三）2 对网格长指导督促不力，所驻村网格长被追责二次及以上";
    } else if (LEADER_SURVEY_DISSATISFIED.equals(trigger)) {
      clause = "A8 网格长年度满意度测评不满意超过三分之一：建议撤换网格长";
    } else if (ASSESSMENT_FAILED_CRITICISM.equals(trigger)) {
      clause = "第四条（一） 专职网格员季度考核不合格：通报批评，视情节约谈、待岗培训或诫勉谈话";
      suggested =
          List.of(
              Measure.CIRCULATED_CRITICISM,
              Measure.TALK,
              Measure.SUSPENSION_FOR_TRAINING,
              Measure.ADMONISHMENT);
    } else if (ASSESSMENT_FAILED_DISMISSAL.equals(trigger)) {
      clause = "第四条（一） 专职网格员连续两个季度考核不合格：启动辞退程序";
      suggested = List.of(Measure.DISMISSAL);
    } else if (ASSESSMENT_FAILED_S1_CRITICISM.equals(trigger)) {
      clause = "《乡镇网格员考核管理办法》五（一）3 连续两个季度考核不合格：通报批评";
      suggested = List.of(Measure.CIRCULATED_CRITICISM);
    } else if (ASSESSMENT_FAILED_NOT_RENEWED.equals(trigger)) {
      // not renewing the contract is no measure of 第三条: nothing to suggest, the clause says it
      clause = "《乡镇网格员考核管理办法》五（一）3 连续三个季度考核不合格：下一年不予续用";
    } else {
      clause = "第四条（一） 专职网格员考核";
    }
    Long caseId = rs.getObject("case_id", Long.class);
    return new Proposal(
        rs.getLong("id"),
        trigger,
        subject,
        subjectRole,
        rs.getString("unit_code"),
        rs.getString("township_code"),
        rs.getString("event_number"),
        rs.getString("step_action"),
        rs.getString("step_level"),
        deadline,
        detected,
        ended,
        daysLate,
        inYear,
        severity,
        suggested,
        clause,
        rs.getString("evidence"),
        rs.getString("status"),
        caseId,
        rs.getString("decided_by"),
        CaseRepository.at(rs, "decided_at"),
        rs.getString("decision_reason"));
  }

  private int lateStepsInYear(String subject, OffsetDateTime detected) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from accountability_proposal where subject = ? and trigger in"
                + " ('OVERDUE_ACCEPTANCE', 'OVERDUE_HANDLING', 'OVERDUE_SUPERVISION') and status <>"
                + " 'REJECTED' and detected_at > ? and detected_at <= ?",
            Integer.class,
            subject,
            Timestamp.from(detected.minusYears(1).toInstant()),
            Timestamp.from(detected.toInstant()));
    return count == null ? 1 : count;
  }

  private static String stepName(StepStage stage) {
    return stage == StepStage.ACCEPT ? "受理" : "办理";
  }

  /** The level of a late step in Chinese, as the evidence and the proposals page name it. */
  public static String levelName(String level) {
    if (level == null) {
      return "";
    }
    return switch (level) {
      case "GRID" -> "网格";
      case "VILLAGE" -> "村级工作站";
      case "TOWNSHIP" -> "镇中心";
      case "DEPARTMENT" -> "部门";
      case "COUNTY" -> "县级部门";
      default -> level;
    };
  }
}
