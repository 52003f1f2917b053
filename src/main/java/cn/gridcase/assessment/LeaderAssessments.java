package cn.gridcase.assessment;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.assessment.internal.LeaderAccess;
import cn.gridcase.assessment.internal.LeaderAccess.LeaderPost;
import cn.gridcase.assessment.internal.LeaderRepository;
import cn.gridcase.assessment.internal.LeaderRepository.ReviewRow;
import cn.gridcase.assessment.internal.LeaderRepository.SurveyRow;
import cn.gridcase.assessment.internal.SurveyRule;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.InvalidRequest;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.Text;
import cn.gridcase.platform.TextRules;
import cn.gridcase.security.UserAccounts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grid leaders' (网格长) half-year performance reviews and year-end satisfaction surveys (rule
 * A8). The township — its center's staff and its supervisors — records both for the leaders of its
 * villages; one survey per leader and year, one review per leader and half: a correction is a new
 * version with its reason and the old one stays readable. A survey with more than one third 不满意
 * raises a proposal to replace the leader in accountability (once per leader and year), the survey
 * as its evidence. Surveys are published: everyone appointed in the township reads its results;
 * reviews are read by the township's staff and by the leader reviewed.
 */
@Service
public class LeaderAssessments {

  /** The earliest year a survey or review may be about. */
  static final int FIRST_YEAR = 2000;

  private final LeaderRepository repository;
  private final LeaderAccess access;
  private final AccountabilityProposals proposals;
  private final UserAccounts accounts;
  private final Clock clock;

  LeaderAssessments(
      LeaderRepository repository,
      LeaderAccess access,
      AccountabilityProposals proposals,
      UserAccounts accounts,
      Clock clock) {
    this.repository = repository;
    this.access = access;
    this.proposals = proposals;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** A survey to record: the counts of answers; {@code reason} for a correction. */
  public record SurveyCommand(
      @Text(max = 64) String leader,
      Integer year,
      Integer satisfied,
      Integer basicallySatisfied,
      Integer dissatisfied,
      @Text(max = TextRules.NOTE_MAX, multiLine = true) String reason) {}

  /**
   * A review to record: year, half (1 or 2), result and reasoning; {@code reason} for a correction.
   */
  public record ReviewCommand(
      @Text(max = 64) String leader,
      Integer year,
      Integer half,
      ReviewResult result,
      @Text(max = TextRules.LONG_MAX, multiLine = true) String reasoning,
      @Text(max = TextRules.NOTE_MAX, multiLine = true) String reason) {}

  // ---- surveys

  /**
   * Records a leader's year-end survey (version 1), or a correction (the next version, {@code
   * reason} required: 409 without one when the year has a survey already). 403 unless the caller is
   * township staff of the leader's township; 422 naming every problem of the input.
   */
  @Transactional
  public LeaderSurvey recordSurvey(SurveyCommand command, String caller) {
    if (!access.isAnyTownshipStaff(caller)) {
      throw new AccessDeniedException("只有乡镇综治中心的工作人员和督办人员录入网格长满意度测评");
    }
    List<ApiError> errors = new ArrayList<>();
    Optional<LeaderPost> post = leader(command.leader(), command.year(), errors);
    count("satisfied", "满意", command.satisfied(), errors);
    count("basicallySatisfied", "基本满意", command.basicallySatisfied(), errors);
    count("dissatisfied", "不满意", command.dissatisfied(), errors);
    int satisfied = value(command.satisfied());
    int basically = value(command.basicallySatisfied());
    int dissatisfied = value(command.dissatisfied());
    if (errors.stream().noneMatch(e -> e.code().equals("A8.survey.count"))
        && (long) satisfied + basically + dissatisfied == 0) {
      errors.add(new ApiError("satisfied", "A8.survey.answers", "测评至少应有一份答卷（三项合计大于0）"));
    }
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("满意度测评不符合要求", errors);
    }
    LeaderPost p = post.orElseThrow();
    access.requireTownshipStaff(caller, p.townshipCode());
    int year = command.year();
    List<SurveyRow> versions = repository.surveyVersions(p.leader(), year);
    SurveyRow before = versions.isEmpty() ? null : versions.get(0);
    String reason = blankToNull(command.reason());
    if (before != null && reason == null) {
      throw new StateConflict(
          accounts.nameOf(p.leader())
              + " 的 "
              + year
              + " 年度满意度测评已录入（第 "
              + before.version()
              + " 版）：更正须写明理由，原记录保留");
    }
    boolean proposedBefore = versions.stream().anyMatch(SurveyRow::proposalRaised);
    boolean over = SurveyRule.overOneThird(satisfied, basically, dissatisfied);
    OffsetDateTime now = GridCaseTime.now(clock);
    String village = before == null ? p.villageCode() : before.villageCode();
    String township = before == null ? p.townshipCode() : before.townshipCode();
    boolean raise = over && !proposedBefore;
    long id =
        repository.insertSurvey(
            new SurveyRow(
                0,
                p.leader(),
                village,
                township,
                year,
                before == null ? 1 : before.version() + 1,
                satisfied,
                basically,
                dissatisfied,
                caller,
                now,
                before == null ? null : before.id(),
                before == null ? null : reason,
                raise));
    if (raise) {
      SurveyRow row = repository.survey(id).orElseThrow();
      proposals.raise(
          AccountabilityProposals.LEADER_SURVEY_DISSATISFIED,
          p.leader(),
          AppointmentRole.GRID_LEADER.name(),
          village,
          township,
          evidence(row));
    }
    return survey(id, caller);
  }

  private String evidence(SurveyRow s) {
    int total = s.satisfied() + s.basicallySatisfied() + s.dissatisfied();
    return access.unitName(s.villageCode())
        + "网格长 "
        + accounts.nameOf(s.leader())
        + " "
        + s.year()
        + " 年度满意度测评（党员和村民代表，测评记录 "
        + s.id()
        + " 第 "
        + s.version()
        + " 版）：满意 "
        + s.satisfied()
        + "、基本满意 "
        + s.basicallySatisfied()
        + "、不满意 "
        + s.dissatisfied()
        + "，共 "
        + total
        + " 份；不满意 "
        + SurveyRule.dissatisfiedPercent(s.satisfied(), s.basicallySatisfied(), s.dissatisfied())
        + "% 超过三分之一，建议撤换网格长";
  }

  /** One survey version by id: 404 unknown, 403 unless the caller is of its township. */
  @Transactional(readOnly = true)
  public LeaderSurvey survey(long id, String caller) {
    SurveyRow row = repository.survey(id).orElseThrow(() -> new NotFound("没有测评记录 " + id));
    if (!access.isOfTownship(caller, row.townshipCode())) {
      throw new AccessDeniedException("测评记录 " + id + " 不在您的查看范围内");
    }
    List<SurveyRow> versions = repository.surveyVersions(row.leader(), row.year());
    boolean proposed =
        versions.stream().anyMatch(v -> v.version() <= row.version() && v.proposalRaised());
    List<LeaderSurvey> earlier =
        versions.stream()
            .filter(v -> v.version() < row.version())
            .map(v -> view(v, versions, List.of()))
            .toList();
    return view(row, versions, earlier, proposed);
  }

  /**
   * The township's published survey results of a year: per leader the newest version, with the
   * earlier ones. 404 unknown township, 403 unless the caller is appointed in the township.
   */
  @Transactional(readOnly = true)
  public List<LeaderSurvey> surveys(String townshipCode, int year, String caller) {
    String township = access.township(townshipCode).code();
    if (!access.isOfTownship(caller, township)) {
      throw new AccessDeniedException("只有本乡镇的人员查看 " + township + " 的网格长满意度测评");
    }
    Map<String, List<SurveyRow>> byLeader = new LinkedHashMap<>();
    for (SurveyRow row : repository.surveysOf(township, year)) {
      byLeader.computeIfAbsent(row.leader(), k -> new ArrayList<>()).add(row);
    }
    List<LeaderSurvey> out = new ArrayList<>();
    byLeader.forEach(
        (leader, versions) -> {
          List<LeaderSurvey> earlier =
              versions.subList(1, versions.size()).stream()
                  .map(v -> view(v, versions, List.of()))
                  .toList();
          out.add(view(versions.get(0), versions, earlier));
        });
    return out;
  }

  private LeaderSurvey view(SurveyRow s, List<SurveyRow> versions, List<LeaderSurvey> earlier) {
    boolean proposed =
        versions.stream().anyMatch(v -> v.version() <= s.version() && v.proposalRaised());
    return view(s, versions, earlier, proposed);
  }

  private LeaderSurvey view(
      SurveyRow s, List<SurveyRow> versions, List<LeaderSurvey> earlier, boolean proposed) {
    return new LeaderSurvey(
        s.id(),
        s.leader(),
        accounts.nameOf(s.leader()),
        s.villageCode(),
        access.unitName(s.villageCode()),
        s.townshipCode(),
        s.year(),
        s.version(),
        s.satisfied(),
        s.basicallySatisfied(),
        s.dissatisfied(),
        s.satisfied() + s.basicallySatisfied() + s.dissatisfied(),
        SurveyRule.dissatisfiedPercent(s.satisfied(), s.basicallySatisfied(), s.dissatisfied()),
        SurveyRule.overOneThird(s.satisfied(), s.basicallySatisfied(), s.dissatisfied()),
        proposed,
        s.recordedBy(),
        accounts.nameOf(s.recordedBy()),
        s.recordedAt(),
        s.correctsId(),
        s.correctionReason(),
        earlier);
  }

  // ---- reviews

  /**
   * Records a leader's half-year review (version 1), or a correction ({@code reason} required: 409
   * without one when the half has a review already). 403 unless the caller is township staff of the
   * leader's township; 422 naming every problem of the input (a half that has not begun yet cannot
   * be reviewed).
   */
  @Transactional
  public LeaderReview recordReview(ReviewCommand command, String caller) {
    if (!access.isAnyTownshipStaff(caller)) {
      throw new AccessDeniedException("只有乡镇综治中心的工作人员和督办人员录入网格长半年考评");
    }
    List<ApiError> errors = new ArrayList<>();
    Optional<LeaderPost> post = leader(command.leader(), command.year(), errors);
    Integer half = command.half();
    if (half == null || (half != 1 && half != 2)) {
      errors.add(new ApiError("half", "A8.review.half", "半年应为 1（上半年）或 2（下半年）"));
    } else if (command.year() != null
        && LocalDate.of(command.year(), half == 1 ? 1 : 7, 1).isAfter(today())) {
      errors.add(new ApiError("half", "A8.review.half", "该半年尚未开始，不能考评"));
    }
    if (command.result() == null) {
      errors.add(
          new ApiError(
              "result",
              "A8.review.result",
              "请选择考评结果："
                  + ReviewResult.COMPETENT.label()
                  + "、"
                  + ReviewResult.BASICALLY_COMPETENT.label()
                  + "或"
                  + ReviewResult.INCOMPETENT.label()));
    }
    String reasoning = blankToNull(command.reasoning());
    if (reasoning == null) {
      errors.add(new ApiError("reasoning", "A8.review.reasoning", "请写明考评的依据和理由"));
    } else if (reasoning.length() > 4000) {
      errors.add(new ApiError("reasoning", "A8.review.reasoning", "考评理由最多4000字"));
    }
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("半年考评不符合要求", errors);
    }
    LeaderPost p = post.orElseThrow();
    access.requireTownshipStaff(caller, p.townshipCode());
    List<ReviewRow> versions = repository.reviewVersions(p.leader(), command.year(), half);
    ReviewRow before = versions.isEmpty() ? null : versions.get(0);
    String reason = blankToNull(command.reason());
    if (before != null && reason == null) {
      throw new StateConflict(
          accounts.nameOf(p.leader())
              + " 的 "
              + command.year()
              + " 年"
              + (half == 1 ? "上" : "下")
              + "半年考评已录入（第 "
              + before.version()
              + " 版）：更正须写明理由，原记录保留");
    }
    long id =
        repository.insertReview(
            new ReviewRow(
                0,
                p.leader(),
                before == null ? p.villageCode() : before.villageCode(),
                before == null ? p.townshipCode() : before.townshipCode(),
                command.year(),
                half,
                before == null ? 1 : before.version() + 1,
                command.result().name(),
                reasoning,
                caller,
                GridCaseTime.now(clock),
                before == null ? null : before.id(),
                before == null ? null : reason));
    List<ReviewRow> after = repository.reviewVersions(p.leader(), command.year(), half);
    return review(after.get(0), after.subList(1, after.size()));
  }

  /**
   * The township's reviews of a year, per leader and half the newest version with the earlier ones:
   * the township's staff see all, a grid leader their own (403 for anyone else); 404 unknown
   * township.
   */
  @Transactional(readOnly = true)
  public List<LeaderReview> reviews(String townshipCode, int year, String caller) {
    String township = access.township(townshipCode).code();
    boolean all = access.isTownshipStaff(caller, township);
    if (!all && access.leaderIn(caller, year).isEmpty()) {
      throw new AccessDeniedException("只有本乡镇综治中心、督办人员和网格长本人查看网格长半年考评");
    }
    Map<String, List<ReviewRow>> byLeaderAndHalf = new LinkedHashMap<>();
    for (ReviewRow row : repository.reviewsOf(township, year)) {
      if (all || row.leader().equals(caller)) {
        byLeaderAndHalf
            .computeIfAbsent(row.leader() + "|" + row.half(), k -> new ArrayList<>())
            .add(row);
      }
    }
    List<LeaderReview> out = new ArrayList<>();
    byLeaderAndHalf.forEach((k, v) -> out.add(review(v.get(0), v.subList(1, v.size()))));
    return out;
  }

  private LeaderReview review(ReviewRow r, List<ReviewRow> earlier) {
    return new LeaderReview(
        r.id(),
        r.leader(),
        accounts.nameOf(r.leader()),
        r.villageCode(),
        access.unitName(r.villageCode()),
        r.townshipCode(),
        r.year(),
        r.half(),
        r.version(),
        ReviewResult.valueOf(r.result()),
        ReviewResult.valueOf(r.result()).label(),
        r.reasoning(),
        r.recordedBy(),
        accounts.nameOf(r.recordedBy()),
        r.recordedAt(),
        r.correctsId(),
        r.correctionReason(),
        earlier.stream().map(e -> review(e, List.of())).toList());
  }

  // ---- input

  private Optional<LeaderPost> leader(String leader, Integer year, List<ApiError> errors) {
    int thisYear = today().getYear();
    if (year == null || year < FIRST_YEAR || year > thisYear) {
      errors.add(
          new ApiError("year", "A8.year", "年度应为 " + FIRST_YEAR + " 至 " + thisYear + " 之间的年份"));
    }
    if (leader == null || leader.isBlank()) {
      errors.add(new ApiError("leader", "A8.leader", "请指定网格长"));
      return Optional.empty();
    }
    if (year == null) {
      return Optional.empty();
    }
    Optional<LeaderPost> post = access.leaderIn(leader, year);
    if (post.isEmpty()) {
      errors.add(
          new ApiError("leader", "A8.leader", person(leader) + "在 " + year + " 年不是任何村（社区）的网格长"));
    }
    return post;
  }

  /**
   * A person named in a message: the name with the account in brackets (two people may share a
   * name), or the text as given in quotes when no account has it.
   */
  private String person(String username) {
    String account = username.trim();
    String name = accounts.nameOf(account);
    return name.equals(account) ? "“" + account + "”" : name + "（" + account + "）";
  }

  private static void count(String field, String label, Integer value, List<ApiError> errors) {
    if (value == null || value < 0) {
      errors.add(new ApiError(field, "A8.survey.count", label + "票数应为不小于0的整数"));
    }
  }

  private static int value(Integer v) {
    return v == null || v < 0 ? 0 : v;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(GridCaseTime.ZONE));
  }

  /** The year of a path or query parameter: 400 naming it unless a year from 2000 to 9999. */
  public static int year(String value) {
    try {
      int year = Integer.parseInt(value == null ? "" : value.trim());
      if (year >= FIRST_YEAR && year <= 9999) {
        return year;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new InvalidRequest(
        "年度无效", List.of(new ApiError("year", "format", "年度应写作四位年份，例如 2026（收到 " + value + "）")));
  }
}
