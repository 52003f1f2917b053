package cn.gridcase.assessment;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.assessment.QuarterView.WorkerAssessment;
import cn.gridcase.assessment.internal.QuarterDeadlines;
import cn.gridcase.assessment.internal.QuarterDeadlines.Stage;
import cn.gridcase.assessment.internal.QuarterEntries;
import cn.gridcase.assessment.internal.QuarterProcess;
import cn.gridcase.assessment.internal.QuarterRepository;
import cn.gridcase.assessment.internal.QuarterRepository.ObjectionRow;
import cn.gridcase.assessment.internal.QuarterRepository.QuarterRow;
import cn.gridcase.assessment.internal.QuarterRepository.WorkerRow;
import cn.gridcase.assessment.internal.QuarterRules;
import cn.gridcase.assessment.internal.QuarterRules.Finalized;
import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.InvalidRequest;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.Text;
import cn.gridcase.routine.MeetingAttendance;
import cn.gridcase.routine.ShortfallPeriod;
import cn.gridcase.routine.Shortfalls;
import cn.gridcase.security.UserAccounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarterly assessment (季度考核, rules A4–A6, C3's quarterly part): one township's quarter is
 * drafted at the end of the quarter from the routine's records (A4's system deductions), the
 * villages enter residents' satisfaction, the township's assessment group — the 镇网格化管理工作领导小组 办公室
 * set up in the township center (S1 四), i.e. the township center's staff who work its queue
 * (Camunda group = the township's code) — adds reviewers' findings and reviews, the grid workers
 * see their drafts and may object within 3 working days, and the group finalizes: A5 grades, A6
 * subsidies and the reward pool, C3 proposals, the grid workers notified. A final version is never
 * changed; a correction is a new version with a reason. The process ({@code
 * bpmn/assessment-quarter.bpmn}) holds the stages and their deadlines; {@code /api} and Tasklist
 * act through the same methods.
 */
@Service
public class AssessmentQuarters {

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  /** Working days of each stage: satisfaction and review, the objection window, finalizing. */
  public static final int REVIEW_DAYS = 5;

  public static final int OBJECTION_DAYS = 3;
  public static final int ANSWER_DAYS = 2;
  public static final int FINALIZE_DAYS = 2;

  private final QuarterRepository repository;
  private final QuarterRules rules;
  private final QuarterProcess process;
  private final Shortfalls shortfalls;
  private final MeetingAttendance attendance;
  private final QuarterEntries entries;
  private final Organisation organisation;
  private final AccessScopes scopes;
  private final UserAccounts accounts;
  private final WorkingDays workingDays;
  private final Notifications notifications;
  private final AccountabilityProposals proposals;
  private final QuarterDeadlines deadlines;
  private final Clock clock;

  AssessmentQuarters(
      QuarterRepository repository,
      QuarterRules rules,
      QuarterProcess process,
      Shortfalls shortfalls,
      MeetingAttendance attendance,
      QuarterEntries entries,
      Organisation organisation,
      AccessScopes scopes,
      UserAccounts accounts,
      WorkingDays workingDays,
      Notifications notifications,
      AccountabilityProposals proposals,
      QuarterDeadlines deadlines,
      Clock clock) {
    this.repository = repository;
    this.rules = rules;
    this.process = process;
    this.shortfalls = shortfalls;
    this.attendance = attendance;
    this.entries = entries;
    this.organisation = organisation;
    this.scopes = scopes;
    this.accounts = accounts;
    this.workingDays = workingDays;
    this.notifications = notifications;
    this.proposals = proposals;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  // ---- quarters and townships

  /** {@code 2026-Q3} → [2026, 3]; 400 naming the parameter otherwise. */
  public static int[] parseQuarter(String quarter) {
    Matcher m = QUARTER.matcher(quarter == null ? "" : quarter.trim());
    if (!m.matches()) {
      throw new InvalidRequest(
          "无法识别的季度",
          List.of(new ApiError("quarter", "quarter", "“" + quarter + "”不是季度，应写作 2026-Q3")));
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  /** The quarter that ended before the day: on 2026-10-01 → 2026-Q3. */
  public static String quarterBefore(LocalDate day) {
    LocalDate last = day.withDayOfMonth(1).minusMonths((day.getMonthValue() - 1) % 3).minusDays(1);
    return last.getYear() + "-Q" + ((last.getMonthValue() - 1) / 3 + 1);
  }

  /** The quarter before a quarter ({@code 2026-Q1} → {@code 2025-Q4}). */
  public static String previous(String quarter) {
    int[] yq = parseQuarter(quarter);
    return yq[1] == 1 ? (yq[0] - 1) + "-Q4" : yq[0] + "-Q" + (yq[1] - 1);
  }

  /** A grid worker of a township's quarter: their last grid in the quarter and its village. */
  public record QuarterWorker(String username, String gridCode, String villageCode) {}

  /**
   * The grid workers of the township in the quarter: everyone appointed grid worker of one of its
   * grids on any day of the quarter, with the grid held last (a worker who moved within the
   * township is assessed once, in their last grid).
   */
  public List<QuarterWorker> workersOf(String township, String quarter) {
    ShortfallPeriod period = period(quarter);
    Set<String> villages = new LinkedHashSet<>();
    for (Unit v : organisation.units(UnitKind.VILLAGE)) {
      if (township.equals(v.parentCode())) {
        villages.add(v.code());
      }
    }
    Map<String, Appointment> last = new LinkedHashMap<>();
    Map<String, String> villageOf = new HashMap<>();
    for (Unit grid : organisation.units(UnitKind.GRID)) {
      if (!villages.contains(grid.parentCode())) {
        continue;
      }
      for (Appointment a : organisation.appointmentsIn(grid.code())) {
        boolean overlaps =
            !a.startsOn().isAfter(period.to())
                && (a.endsOn() == null || !a.endsOn().isBefore(period.from()));
        if (a.role() != AppointmentRole.GRID_WORKER || a.username() == null || !overlaps) {
          continue;
        }
        Appointment before = last.get(a.username());
        if (before == null || a.startsOn().isAfter(before.startsOn())) {
          last.put(a.username(), a);
          villageOf.put(a.username(), grid.parentCode());
        }
      }
    }
    List<QuarterWorker> workers = new ArrayList<>();
    last.forEach(
        (user, a) -> workers.add(new QuarterWorker(user, a.unitCode(), villageOf.get(user))));
    workers.sort(
        (x, y) ->
            x.villageCode().equals(y.villageCode())
                ? x.gridCode().equals(y.gridCode())
                    ? x.username().compareTo(y.username())
                    : x.gridCode().compareTo(y.gridCode())
                : x.villageCode().compareTo(y.villageCode()));
    return workers;
  }

  /** The townships with at least one grid worker in the quarter (each gets a process instance). */
  public List<String> townshipsToAssess(String quarter) {
    List<String> out = new ArrayList<>();
    for (Unit t : organisation.units(UnitKind.TOWNSHIP)) {
      if (!workersOf(t.code(), quarter).isEmpty()) {
        out.add(t.code());
      }
    }
    return out;
  }

  private static ShortfallPeriod period(String quarter) {
    int[] yq = parseQuarter(quarter);
    return ShortfallPeriod.quarter(yq[0], yq[1]);
  }

  // ---- the draft (A4)

  /**
   * Drafts version 1 of the township's quarter — once: a second call finds it and returns it. Each
   * grid worker's system deductions come from the routine's shortfalls of the quarter and the
   * meeting attendance; the satisfaction and review stage is due in {@value #REVIEW_DAYS} working
   * days.
   */
  @Transactional
  public long draft(String township, String quarter, String processInstanceId) {
    Optional<QuarterRow> existing = repository.find(township, quarter, 1);
    if (existing.isPresent()) {
      return existing.get().id();
    }
    parseQuarter(quarter);
    OffsetDateTime now = GridCaseTime.now(clock);
    List<QuarterWorker> workers = workersOf(township, quarter);
    long id = repository.insertQuarter(township, quarter, 1, "DRAFT", now, null, null, null);
    Deadline due = workingDays.deadline(now, REVIEW_DAYS);
    repository.update(
        id,
        "process_instance_id = ?, stage_due = ?, review_due = ?, review_provisional = ?",
        processInstanceId,
        QuarterRepository.ts(due.deadline()),
        QuarterRepository.ts(due.deadline()),
        due.provisional());
    deadlines.remember(id, Stage.REVIEW, processInstanceId, due);
    List<WorkerRow> rows = new ArrayList<>();
    for (QuarterWorker w : workers) {
      rows.add(WorkerRow.drafted(w.username(), w.gridCode(), w.villageCode()));
    }
    repository.insertWorkers(id, rows);
    countSystemDeductions(id, workers.stream().map(QuarterWorker::username).toList(), quarter, now);
    return id;
  }

  /**
   * The deductions the system counts (A4) of a version's grid workers from the routine's records
   * and the meetings' attendance as they stand now, in place of those counted before: the draft
   * counts them at the quarter's end, publication once more when the quarter's last ISO week is
   * over and the corrections made meanwhile are in. The reviewers' findings stay.
   */
  private void countSystemDeductions(
      long id, List<String> usernames, String quarter, OffsetDateTime now) {
    int[] yq = parseQuarter(quarter);
    repository.deleteSystemDeductions(id);
    Map<String, MeetingAttendance.Quarter> marks = attendance.of(usernames, quarter);
    List<Object[]> deductions = new ArrayList<>();
    for (String username : usernames) {
      rules
          .systemDeductions(shortfalls.quarter(username, yq[0], yq[1]), marks.get(username))
          .forEach(d -> deductions.add(new Object[] {username, d, QuarterRepository.ts(now)}));
      if (deductions.size() >= 5000) {
        repository.insertDeductions(id, deductions);
        deductions.clear();
      }
    }
    repository.insertDeductions(id, deductions);
  }

  /**
   * A4: the quarter's counts are complete once its last ISO week is over (the week that begins in
   * the quarter may end in the next one: 2026-Q3's last week runs to Sunday 4 October). Until then
   * the review cannot be completed, since publication counts the deductions once more.
   */
  public List<ApiError> weekStillRunning(String quarter) {
    LocalDate until = period(quarter).countedUntil();
    LocalDate today = GridCaseTime.now(clock).toLocalDate();
    if (!today.isAfter(until)) {
      return List.of(
          new ApiError(
              null,
              "A4.weekRunning",
              "本季度最后一周至 "
                  + until
                  + " 才结束，该周的走访、日志、排查和信息采集须计入考核；请于 "
                  + until.plusDays(1)
                  + " 起完成审核"));
    }
    return List.of();
  }

  /** The villages of a version's grid workers (one satisfaction task each), in order. */
  public List<String> villagesOf(String township, String quarter) {
    QuarterRow q = latest(township, quarter);
    Set<String> villages = new LinkedHashSet<>();
    repository.workers(q.id()).forEach(w -> villages.add(w.villageCode()));
    return List.copyOf(villages);
  }

  /**
   * Opens one township's quarter as the timer start event would (the process, whose first job
   * drafts it); false when it is open already. The demo data opens its quarter so.
   */
  public boolean open(String township, String quarter) {
    parseQuarter(quarter);
    return !exists(township, quarter) && process.start(township, quarter);
  }

  // ---- reading

  public boolean exists(String township, String quarter) {
    return repository.find(township, quarter, null).isPresent();
  }

  /** The newest version's row (404 when the quarter has none). */
  public QuarterRow row(String township, String quarter) {
    return latest(township, quarter);
  }

  private QuarterRow latest(String township, String quarter) {
    return repository
        .find(township, quarter, null)
        .orElseThrow(() -> new NotFound("No assessment of " + township + " for " + quarter));
  }

  /**
   * The quarter as the caller may see it (the newest version, or {@code version}): the township's
   * staff, supervisors and the leaders over it see every row, a village's staff their village's, a
   * grid worker only their own (403 when the caller sees none).
   */
  @Transactional(readOnly = true)
  public QuarterView view(String quarter, String township, Integer version, String caller) {
    parseQuarter(quarter);
    QuarterRow q =
        repository
            .find(township, quarter, version)
            .orElseThrow(() -> new NotFound("No assessment of " + township + " for " + quarter));
    AccessScope scope = scopes.of(caller);
    boolean all = scope.admin() || scope.townships().contains(township);
    List<WorkerRow> workers = repository.workers(q.id());
    List<WorkerRow> visible =
        all
            ? workers
            : workers.stream()
                .filter(
                    w -> scope.villages().contains(w.villageCode()) || w.username().equals(caller))
                .toList();
    if (visible.isEmpty()) {
      throw new AccessDeniedException("not in the caller's scope");
    }
    Set<String> users = new LinkedHashSet<>();
    visible.forEach(w -> users.add(w.username()));
    List<QuarterRepository.DeductionRow> deductions = repository.deductions(q.id());
    List<WorkerAssessment> rows = new ArrayList<>();
    for (WorkerRow w : visible) {
      rows.add(rules.workerView(w, deductions, accounts.nameOf(w.username())));
    }
    List<QuarterView.Objection> objections =
        repository.objections(q.id()).stream()
            .filter(o -> all || users.contains(o.username()))
            .map(AssessmentQuarters::objection)
            .toList();
    List<QuarterRow> versions = repository.versions(township, quarter);
    int newest = versions.get(versions.size() - 1).version();
    Integer corrects = q.correctsId() == null ? null : repository.get(q.correctsId()).version();
    int entered = (int) visible.stream().filter(w -> w.satisfactionTenths() != null).count();
    return new QuarterView(
        q.quarter(),
        q.townshipCode(),
        q.status(),
        q.version(),
        q.version() == newest,
        versions.stream().map(QuarterRow::version).toList(),
        q.draftedAt(),
        q.stageDue(),
        q.reviewDue(),
        q.publishedAt(),
        q.objectionDue(),
        q.finalizeDue(),
        q.reviewProvisional(),
        q.objectionProvisional(),
        q.finalizeProvisional(),
        q.reviewedBy(),
        q.reviewedAt(),
        q.finalizedBy(),
        q.finalizedAt(),
        corrects,
        q.correctionReason(),
        q.subsidyFen() == null ? null : BigDecimal.valueOf(q.subsidyFen(), 2),
        q.rulebook() == null ? null : Rulebook.valueOf(q.rulebook()),
        q.excellentQuota(),
        q.poolFen() == null ? null : BigDecimal.valueOf(q.poolFen(), 2),
        q.rewardEachFen() == null ? null : BigDecimal.valueOf(q.rewardEachFen(), 2),
        q.unallocatedFen() == null ? null : BigDecimal.valueOf(q.unallocatedFen(), 2),
        entered,
        visible.size(),
        rows,
        objections);
  }

  /** The quarters of a grid worker's own (newest version of each), newest quarter first. */
  @Transactional(readOnly = true)
  public List<String[]> quartersOf(String username) {
    return repository.quartersOf(username);
  }

  private static QuarterView.Objection objection(ObjectionRow o) {
    return new QuarterView.Objection(
        o.id(),
        o.username(),
        o.text(),
        o.raisedAt(),
        o.answerDue(),
        o.answerProvisional(),
        o.answer(),
        o.answeredBy(),
        o.answeredAt());
  }

  // ---- who may act

  /**
   * Whether the caller belongs to the township's assessment group: the township center's staff (a
   * current appointment at the township in a role that works its queue), or an administrator.
   */
  public boolean inAssessmentGroup(String caller, String township) {
    if (scopes.of(caller).admin()) {
      return true;
    }
    return organisation.currentAppointments(caller).stream()
        .anyMatch(a -> a.unitCode().equals(township) && a.role().worksUnitQueue());
  }

  /** Whether the caller is of the village's station (works the village's queue). */
  public boolean ofVillageStation(String caller, String village) {
    return organisation.currentAppointments(caller).stream()
        .anyMatch(a -> a.unitCode().equals(village) && a.role().worksUnitQueue());
  }

  private void requireGroup(String caller, String township) {
    if (!inAssessmentGroup(caller, township)) {
      throw new AccessDeniedException("not of the township's assessment group");
    }
  }

  private QuarterRow notFinal(String township, String quarter) {
    QuarterRow q = latest(township, quarter);
    if ("FINAL".equals(q.status())) {
      throw new StateConflict(
          label(quarter) + "考核已定档（第 " + q.version() + " 版），不能再修改；更正须另立新版本并说明理由");
    }
    return q;
  }

  // ---- satisfaction (A4: 20%)

  /** One score of residents' satisfaction: 0–100, at most one decimal. */
  public record Score(@Text(max = 64) String username, BigDecimal score) {}

  /**
   * Residents' satisfaction of some grid workers, entered by the station of each one's village (a
   * score for a worker of another village is refused as a whole: 403). A village whose workers all
   * have a score has its task done.
   */
  @Transactional
  public QuarterView enterSatisfaction(
      String quarter, String township, List<Score> scores, String caller) {
    storeSatisfaction(quarter, township, scores, caller, true);
    return view(quarter, township, null, caller);
  }

  /**
   * Checks and stores satisfaction scores; {@code completeTasks} completes each village's task once
   * its workers all have a score (not when the task's own listener calls).
   */
  @Transactional
  public void storeSatisfaction(
      String quarter, String township, List<Score> scores, String caller, boolean completeTasks) {
    QuarterRow q = notFinal(township, quarter);
    Map<String, WorkerRow> workers = new HashMap<>();
    repository.workers(q.id()).forEach(w -> workers.put(w.username(), w));
    List<ApiError> errors = new ArrayList<>();
    Map<String, Integer> tenths = new LinkedHashMap<>();
    if (scores == null || scores.isEmpty()) {
      errors.add(new ApiError("scores", "A4.satisfaction", "请至少录入一名网格员的满意度得分"));
    } else {
      for (int i = 0; i < scores.size(); i++) {
        Score s = scores.get(i);
        String field = "scores[" + i + "]";
        WorkerRow w = s == null || s.username() == null ? null : workers.get(s.username());
        if (w == null) {
          errors.add(
              new ApiError(
                  field + ".username",
                  "A4.satisfaction.worker",
                  "“" + (s == null ? null : s.username()) + "”不是本乡镇本季度考核的网格员"));
          continue;
        }
        if (!scopes.of(caller).admin() && !ofVillageStation(caller, w.villageCode())) {
          throw new AccessDeniedException("satisfaction of another village's grid worker");
        }
        Integer t = s.score() == null ? null : rules.tenths(s.score());
        if (t == null || t < 0 || t > 1000) {
          errors.add(new ApiError(field + ".score", "A4.satisfaction", "满意度得分应为0至100，最多一位小数"));
        } else if (tenths.put(s.username(), t) != null) {
          errors.add(new ApiError(field + ".username", "A4.satisfaction", s.username() + " 重复录入"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("满意度得分不符合要求", errors);
    }
    requireChangeable(q, tenths.keySet());
    OffsetDateTime now = GridCaseTime.now(clock);
    tenths.forEach((user, t) -> repository.setSatisfaction(q.id(), user, t, caller, now));
    Set<String> villages = new LinkedHashSet<>();
    tenths.keySet().forEach(u -> villages.add(workers.get(u).villageCode()));
    List<WorkerRow> after = repository.workers(q.id());
    for (String village : villages) {
      boolean complete =
          after.stream()
              .filter(w -> w.villageCode().equals(village))
              .allMatch(w -> w.satisfactionTenths() != null);
      if (complete && completeTasks) {
        process.satisfactionEntered(q, village, caller);
      }
    }
  }

  /**
   * Once the objection window is over, what the grid workers saw published is fixed: a score or a
   * finding changes only for a grid worker whose objection is still to be answered (the answer may
   * correct it). A correction version is the group's own re-do, with its reason, and stays open.
   */
  private void requireChangeable(QuarterRow q, Set<String> usernames) {
    if (q.correctsId() != null
        || !"IN_REVIEW".equals(q.status())
        || q.objectionDue() == null
        || !GridCaseTime.now(clock).isAfter(q.objectionDue())) {
      return;
    }
    Set<String> objecting = new HashSet<>();
    repository.objections(q.id()).stream()
        .filter(o -> o.answer() == null)
        .forEach(o -> objecting.add(o.username()));
    List<String> fixed = usernames.stream().filter(u -> !objecting.contains(u)).sorted().toList();
    if (!fixed.isEmpty()) {
      throw new StateConflict(
          "异议期已于 "
              + GridCaseTime.minute(q.objectionDue())
              + " 届满，公示的考核结果只在答复本人异议时调整："
              + String.join("、", fixed));
    }
  }

  /** Whether every grid worker of the village has a satisfaction score (the task's check). */
  public List<String> missingSatisfaction(String township, String quarter, String village) {
    QuarterRow q = latest(township, quarter);
    return repository.workers(q.id()).stream()
        .filter(w -> village == null || w.villageCode().equals(village))
        .filter(w -> w.satisfactionTenths() == null)
        .map(WorkerRow::username)
        .toList();
  }

  // ---- findings (A4 items 1–4, 7)

  /**
   * A reviewer's finding: a deduction of {@code points} (positive, at most one decimal) from item
   * 1–4 or 7 with its reason, by the township's assessment group, while the quarter is not final.
   */
  @Transactional
  public QuarterView addFinding(
      String quarter,
      String township,
      String username,
      Integer item,
      BigDecimal points,
      String reason,
      String caller) {
    String t = township != null ? township : townshipOf(quarter, username);
    requireGroup(caller, t);
    QuarterRow q = notFinal(t, quarter);
    boolean known =
        repository.workers(q.id()).stream().anyMatch(w -> w.username().equals(username));
    List<ApiError> errors = rules.findingProblems(known, username, item, points, reason);
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("扣分发现不符合要求", errors);
    }
    requireChangeable(q, Set.of(username));
    repository.insertDeductions(
        q.id(),
        List.<Object[]>of(
            new Object[] {
              username,
              rules.finding(item, rules.tenths(points), reason.trim(), caller),
              QuarterRepository.ts(GridCaseTime.now(clock))
            }));
    return view(quarter, t, null, caller);
  }

  /**
   * The township a request is about: the one named, or — for a grid worker who names none — the
   * township whose quarter they are assessed in (400 when neither).
   */
  public String township(String quarter, String township, String caller) {
    if (township != null && !township.isBlank()) {
      return township.trim();
    }
    return townshipAssessing(quarter, caller)
        .orElseThrow(
            () ->
                new InvalidRequest(
                    "缺少乡镇",
                    List.of(new ApiError("townshipCode", "required", "请指定乡镇（townshipCode）"))));
  }

  /** The township whose quarter assesses the grid worker, if any. */
  private Optional<String> townshipAssessing(String quarter, String username) {
    parseQuarter(quarter);
    for (String township : repository.townshipsWith(quarter)) {
      QuarterRow q = latest(township, quarter);
      if (repository.workers(q.id()).stream().anyMatch(w -> w.username().equals(username))) {
        return Optional.of(township);
      }
    }
    return Optional.empty();
  }

  private String townshipOf(String quarter, String username) {
    return townshipAssessing(quarter, username)
        .orElseThrow(
            () ->
                new DomainRuleViolation(
                    "扣分发现不符合要求",
                    List.of(
                        new ApiError(
                            "username", "A4.finding.worker", "“" + username + "”不在本季度任何乡镇的考核中"))));
  }

  // ---- review, publication, objections

  /**
   * The group's review is done (审核完成): the draft goes to the grid workers once satisfaction is in.
   */
  @Transactional
  public QuarterView review(String quarter, String township, String note, String caller) {
    requireGroup(caller, township);
    QuarterRow q = notFinal(township, quarter);
    if (!"DRAFT".equals(q.status()) || q.reviewedAt() != null) {
      throw new StateConflict(label(quarter) + "考核已审核完成，不能重复审核");
    }
    List<ApiError> running = weekStillRunning(quarter);
    if (!running.isEmpty()) {
      throw new DomainRuleViolation("暂不能完成审核", running);
    }
    recordReview(q, note, caller);
    process.reviewed(q, caller);
    return view(quarter, township, null, caller);
  }

  /** Records the review (called by the API and by the task's listener). */
  public void recordReview(QuarterRow q, String note, String by) {
    repository.update(
        q.id(),
        "reviewed_by = ?, reviewed_at = ?, review_note = ?",
        by,
        QuarterRepository.ts(GridCaseTime.now(clock)),
        note == null || note.isBlank() ? null : note.trim());
  }

  /**
   * 公示: the draft goes to the grid workers (IN_REVIEW); each may object within {@value
   * #OBJECTION_DAYS} working days; finalizing is due {@value #FINALIZE_DAYS} working days after.
   */
  @Transactional
  public void publish(String township, String quarter) {
    QuarterRow q = latest(township, quarter);
    OffsetDateTime now = GridCaseTime.now(clock);
    countSystemDeductions(
        q.id(),
        repository.workers(q.id()).stream().map(WorkerRow::username).toList(),
        quarter,
        now);
    Deadline window = workingDays.deadline(now, OBJECTION_DAYS);
    // counted from publication, not from the window's end, so that a schedule load (T3) moving
    // the window moves 定档 with it; the end of a working day plus N is the same day either way
    Deadline finalize = workingDays.deadline(now, OBJECTION_DAYS + FINALIZE_DAYS);
    OffsetDateTime objectBy = window.deadline();
    repository.update(
        q.id(),
        "status = 'IN_REVIEW', published_at = ?, objection_due = ?, objection_provisional = ?,"
            + " finalize_due = ?, finalize_provisional = ?",
        QuarterRepository.ts(now),
        QuarterRepository.ts(objectBy),
        window.provisional(),
        QuarterRepository.ts(finalize.deadline()),
        finalize.provisional());
    deadlines.remember(q.id(), Stage.OBJECTION, q.processInstanceId(), window);
    deadlines.remember(q.id(), Stage.FINALIZE, q.processInstanceId(), finalize);
    List<String> workers = repository.workers(q.id()).stream().map(WorkerRow::username).toList();
    notifications.send(
        new Notice(
            NoticeKind.ASSESSMENT_DRAFT_PUBLISHED,
            "季度考核公示：" + label(quarter),
            "本季度考核初评已公示，请在“我的考核”中核对各项扣分及依据；如有异议，请于 "
                + GridCaseTime.minute(objectBy)
                + (window.provisional() ? "（暂按周一至周五计算）" : "")
                + " 前提出。",
            null),
        workers);
  }

  /**
   * A grid worker objects to their own draft (异议), within the window; the township's assessment
   * group gets a task to answer it within {@value #ANSWER_DAYS} working days.
   */
  @Transactional
  public QuarterView.Objection object(String quarter, String township, String text, String caller) {
    String t =
        township != null && !township.isBlank()
            ? township.trim()
            : townshipAssessing(quarter, caller)
                .orElseThrow(
                    () ->
                        new AccessDeniedException(
                            "only a grid worker of the quarter objects to their own draft"));
    QuarterRow q = latest(t, quarter);
    boolean own = repository.workers(q.id()).stream().anyMatch(w -> w.username().equals(caller));
    if (!own) {
      throw new AccessDeniedException(
          "only a grid worker of the quarter objects to their own draft");
    }
    if ("FINAL".equals(q.status())) {
      throw new StateConflict(label(quarter) + "考核已定档，不能再提出异议");
    }
    OffsetDateTime now = GridCaseTime.now(clock);
    List<ApiError> errors = new ArrayList<>();
    if (!"IN_REVIEW".equals(q.status()) || q.objectionDue() == null) {
      errors.add(new ApiError(null, "A4.objectionWindow", "考核结果尚未公示，公示后3个工作日内可提出异议"));
    } else if (now.isAfter(q.objectionDue())) {
      errors.add(
          new ApiError(
              null,
              "A4.objectionWindow",
              "异议期已于 " + GridCaseTime.minute(q.objectionDue()) + " 届满"));
    }
    if (text == null || text.isBlank()) {
      errors.add(new ApiError("text", "A4.objection", "请写明异议的内容和理由"));
    } else if (text.length() > 4000) {
      errors.add(new ApiError("text", "A4.objection", "异议不超过4000字"));
    }
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("不能提出异议", errors);
    }
    Deadline due = workingDays.deadline(now, ANSWER_DAYS);
    long id = repository.insertObjection(q.id(), caller, text.trim(), now, due);
    deadlines.rememberAnswer(id, q.processInstanceId(), due);
    process.objectionRaised(q, id);
    notifications.send(
        new Notice(
            NoticeKind.ASSESSMENT_OBJECTION,
            "考核异议待答复：" + accounts.nameOf(caller),
            label(quarter) + "考核：" + text.trim(),
            null),
        organisation.holdersToday(t, AppointmentRole::worksUnitQueue));
    return objection(repository.objection(id).orElseThrow());
  }

  /** The group answers an objection with its reason; the grid worker is told. */
  @Transactional
  public QuarterView.Objection answer(
      String quarter, long objectionId, String answer, String caller, boolean fromTask) {
    ObjectionRow o =
        repository
            .objection(objectionId)
            .orElseThrow(() -> new NotFound("No objection " + objectionId));
    QuarterRow q = repository.get(o.assessmentId());
    if (!q.quarter().equals(quarter)) {
      throw new NotFound("No objection " + objectionId + " in " + quarter);
    }
    requireGroup(caller, q.townshipCode());
    if (o.answer() != null) {
      throw new StateConflict("该异议已答复，不能重复答复");
    }
    if (answer == null || answer.isBlank()) {
      throw new DomainRuleViolation(
          "答复不符合要求", List.of(new ApiError("answer", "A4.objection.answer", "请写明答复及理由")));
    }
    repository.answer(objectionId, answer.trim(), caller, GridCaseTime.now(clock));
    if (!fromTask) {
      process.objectionAnswered(o, caller);
    }
    notifications.send(
        new Notice(
            NoticeKind.ASSESSMENT_OBJECTION, "考核异议已答复：" + label(quarter), answer.trim(), null),
        List.of(o.username()));
    return objection(repository.objection(objectionId).orElseThrow());
  }

  // ---- finalize (A5, A6, C3)

  /**
   * What stops the quarter from being finalized now, each named (422): satisfaction missing, review
   * not done, the objection window still running, objections unanswered, no subsidy set.
   */
  public List<ApiError> missingForFinal(QuarterRow q) {
    List<ApiError> errors = new ArrayList<>();
    List<WorkerRow> workers = repository.workers(q.id());
    List<String> missing =
        workers.stream()
            .filter(w -> w.satisfactionTenths() == null)
            .map(w -> accounts.nameOf(w.username()) + "（" + w.username() + "）")
            .toList();
    if (!missing.isEmpty()) {
      errors.add(
          new ApiError(
              "satisfaction", "A4.satisfaction.missing", "尚未录入群众满意度：" + String.join("、", missing)));
    }
    if (q.correctsId() == null) {
      if (q.reviewedAt() == null) {
        errors.add(new ApiError("review", "A4.review", "考核小组尚未完成审核"));
      }
      if (q.objectionDue() == null || !"IN_REVIEW".equals(q.status())) {
        errors.add(new ApiError("objectionDue", "A4.objectionWindow", "考核结果尚未公示征求意见"));
      } else if (!GridCaseTime.now(clock).isAfter(q.objectionDue())) {
        errors.add(
            new ApiError(
                "objectionDue",
                "A4.objectionWindow",
                "异议期至 " + GridCaseTime.minute(q.objectionDue()) + " 届满，届满后方可定档"));
      }
    }
    long open = repository.objections(q.id()).stream().filter(o -> o.answer() == null).count();
    if (open > 0) {
      errors.add(new ApiError("objections", "A4.objection.open", "尚有 " + open + " 条异议未答复"));
    }
    if (settings(q.townshipCode()).quarterSubsidy() == null) {
      errors.add(new ApiError("quarterSubsidy", "A6.subsidy", "本乡镇尚未设置季度补贴标准"));
    }
    return errors;
  }

  /** {@code POST .../finalize}: 409 when final, 422 naming what is missing, else FINAL. */
  @Transactional
  public QuarterView finalizeQuarter(String quarter, String township, String caller) {
    requireGroup(caller, township);
    QuarterRow q = notFinal(township, quarter);
    List<ApiError> missing = missingForFinal(q);
    if (missing.isEmpty() && q.correctsId() == null && !process.awaitingFinal(q)) {
      missing = List.of(new ApiError("objectionDue", "A4.objectionWindow", "异议期尚未届满"));
    }
    if (!missing.isEmpty()) {
      throw new DomainRuleViolation("尚不能定档", missing);
    }
    finalizeNow(q, caller);
    process.finalized(q, caller);
    return view(quarter, township, null, caller);
  }

  /**
   * Grades (A5), subsidies and the reward pool (A6), the grid workers told, C3 proposals raised;
   * the version becomes FINAL (and the one it corrects is superseded).
   */
  public void finalizeNow(QuarterRow q, String caller) {
    List<ApiError> missing = missingForFinal(q);
    if (!missing.isEmpty()) {
      throw new DomainRuleViolation("尚不能定档", missing);
    }
    int[] yq = parseQuarter(q.quarter());
    // a correction keeps the subsidy and rulebook its quarter was finalized with: a change made
    // since applies to the quarters finalized after it, not to one corrected later
    QuarterRow corrected = q.correctsId() == null ? null : repository.get(q.correctsId());
    Rulebook rulebook =
        corrected != null && corrected.rulebook() != null
            ? Rulebook.valueOf(corrected.rulebook())
            : settings(q.townshipCode()).rulebook();
    long subsidyFen =
        corrected != null && corrected.subsidyFen() != null
            ? corrected.subsidyFen()
            : settings(q.townshipCode()).quarterSubsidy().movePointRight(2).longValueExact();
    List<WorkerRow> workers = repository.workers(q.id());
    Map<String, QuarterEntries.Entries> counted = new HashMap<>();
    for (WorkerRow w : workers) {
      counted.put(w.username(), entries.of(w.username(), yq[0], yq[1]));
    }
    Finalized done =
        rules.finalize(q.id(), workers, repository.deductions(q.id()), counted, subsidyFen);
    repository.setOutcome(done.rows());
    OffsetDateTime now = GridCaseTime.now(clock);
    repository.update(
        q.id(),
        "status = 'FINAL', finalized_by = ?, finalized_at = ?, subsidy_fen = ?, rulebook = ?,"
            + " excellent_quota = ?, pool_fen = ?, reward_each_fen = ?, unallocated_fen = ?",
        caller,
        QuarterRepository.ts(now),
        subsidyFen,
        rulebook.name(),
        done.quota(),
        done.outcome().poolFen(),
        done.outcome().rewardEachFen(),
        done.outcome().unallocatedFen());
    Set<String> failedBefore = new HashSet<>();
    if (q.correctsId() != null) {
      repository.update(q.correctsId(), "superseded = true");
      repository.workers(q.correctsId()).stream()
          .filter(w -> "FAIL".equals(w.grade()))
          .forEach(w -> failedBefore.add(w.username()));
    }
    for (WorkerRow w : workers) {
      Grade grade = done.grades().get(w.username());
      if (grade == Grade.FAIL && !failedBefore.contains(w.username())) {
        int consecutive = 1 + failsBefore(w.username(), q.quarter());
        rules
            .consequence(rulebook, consecutive)
            .ifPresent(
                c ->
                    proposals.raise(
                        c.trigger(),
                        w.username(),
                        AppointmentRole.GRID_WORKER.name(),
                        w.gridCode(),
                        q.townshipCode(),
                        label(q.quarter())
                            + "考核不合格（"
                            + done.scoreText().get(w.username())
                            + "分），连续 "
                            + consecutive
                            + " 个季度不合格；"
                            + rulebook.name()
                            + "："
                            + c.text()));
      }
      notifications.send(
          new Notice(
              NoticeKind.ASSESSMENT_FINAL,
              "季度考核结果已公布：" + label(q.quarter()),
              label(q.quarter())
                  + "考核得分 "
                  + done.scoreText().get(w.username())
                  + " 分，等次 "
                  + grade.label()
                  + "，补贴 "
                  + done.payText().get(w.username())
                  + (q.correctsId() == null ? "" : "（更正版本：" + q.correctionReason() + "）"),
              null),
          List.of(w.username()));
    }
  }

  /** How many quarters right before this one (across years) the grid worker failed, in a row. */
  int failsBefore(String username, String quarter) {
    Map<String, String> grades = new HashMap<>();
    repository.finalGrades(username).forEach(g -> grades.put(g[0], g[1]));
    int count = 0;
    String before = previous(quarter);
    while ("FAIL".equals(grades.get(before))) {
      count++;
      before = previous(before);
    }
    return count;
  }

  // ---- corrections

  /**
   * A correction of a final quarter: a new version (IN_REVIEW) copied from the final one, with the
   * reason; findings and satisfaction may change, then it is finalized again (no new objection
   * window). The old version stays readable and in force until then.
   */
  @Transactional
  public QuarterView correct(String quarter, String township, String reason, String caller) {
    requireGroup(caller, township);
    QuarterRow q = latest(township, quarter);
    if (!"FINAL".equals(q.status())) {
      throw new StateConflict(label(quarter) + "考核尚未定档：直接修改即可，不需另立更正版本");
    }
    if (reason == null || reason.isBlank()) {
      throw new DomainRuleViolation(
          "更正不符合要求", List.of(new ApiError("reason", "A4.correction", "请写明更正的理由")));
    }
    long id =
        repository.insertQuarter(
            township,
            quarter,
            q.version() + 1,
            "IN_REVIEW",
            GridCaseTime.now(clock),
            q.id(),
            reason.trim(),
            caller);
    repository.copyInto(q.id(), id);
    return view(quarter, township, null, caller);
  }

  // ---- settings (A6 subsidy, C3 rulebook)

  public AssessmentSettings settings(String township) {
    List<Object[]> rows = repository.settings(township);
    List<AssessmentSettings.Change> history = new ArrayList<>();
    for (Object[] r : rows) {
      history.add(
          new AssessmentSettings.Change(
              BigDecimal.valueOf((Long) r[0], 2),
              Rulebook.valueOf((String) r[1]),
              (String) r[2],
              (OffsetDateTime) r[3],
              (String) r[4]));
    }
    return history.isEmpty()
        ? new AssessmentSettings(township, null, Rulebook.S0, List.of())
        : new AssessmentSettings(
            township, history.get(0).quarterSubsidy(), history.get(0).rulebook(), history);
  }

  /**
   * Changes the township's settings (the assessment group or an administrator), with the reason; a
   * quarter keeps the values it was finalized with.
   */
  @Transactional
  public AssessmentSettings setSettings(
      String township, BigDecimal subsidy, Rulebook rulebook, String reason, String caller) {
    if (organisation.unit(township).filter(u -> u.kind() == UnitKind.TOWNSHIP).isEmpty()) {
      throw new NotFound("No township " + township);
    }
    requireGroup(caller, township);
    List<ApiError> errors = new ArrayList<>();
    Long fen = subsidy == null ? null : rules.fen(subsidy);
    if (fen == null || fen < 0) {
      errors.add(new ApiError("quarterSubsidy", "A6.subsidy", "季度补贴应为不小于0的金额（元），最多两位小数"));
    }
    if (rulebook == null) {
      errors.add(new ApiError("rulebook", "C3.rulebook", "请选择 S0 或 S1"));
    }
    if (reason == null || reason.isBlank()) {
      errors.add(new ApiError("reason", "A6.setting", "请写明调整的理由或依据"));
    }
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("考核设置不符合要求", errors);
    }
    repository.insertSetting(
        township, fen, rulebook.name(), caller, GridCaseTime.now(clock), reason.trim());
    return settings(township);
  }

  /** 2026年第3季度. */
  public static String label(String quarter) {
    int[] yq = parseQuarter(quarter);
    return yq[0] + "年第" + yq[1] + "季度";
  }
}
