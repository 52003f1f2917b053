package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.Grade;
import cn.gridcase.assessment.QuarterView;
import cn.gridcase.assessment.Rulebook;
import cn.gridcase.assessment.internal.QuarterRepository.DeductionRow;
import cn.gridcase.assessment.internal.QuarterRepository.WorkerRow;
import cn.gridcase.platform.ApiError;
import cn.gridcase.routine.MeetingAttendance;
import cn.gridcase.routine.ShortfallReport;
import cn.gridcase.security.UserAccounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The assessment's rules as the service applies them: A4's system deductions and a reviewer's
 * finding, a grid worker's items and score, and finalizing — A5 grades, A6 subsidies, C3's
 * consequence — over the pure calculations ({@link QuarterScore}, {@link Grading}, {@link
 * Subsidies}, {@link Consequences}).
 */
@Component
public class QuarterRules {

  private final UserAccounts accounts;

  QuarterRules(UserAccounts accounts) {
    this.accounts = accounts;
  }

  /** The items a reviewer's finding may deduct from (A4: items 1–4 and 7). */
  static final List<Integer> FINDING_ITEMS = List.of(1, 2, 3, 4, 7);

  public List<Deduction> systemDeductions(
      ShortfallReport shortfalls, MeetingAttendance.Quarter attendance) {
    return SystemDeductions.of(shortfalls, attendance);
  }

  public Integer tenths(BigDecimal value) {
    return Tenths.tenthsOf(value);
  }

  public Long fen(BigDecimal yuan) {
    return Tenths.fenOf(yuan);
  }

  public Deduction finding(int item, int tenths, String reason, String by) {
    return new Deduction(item, tenths, reason, null, Deduction.REVIEWER, by);
  }

  /** Every problem of a reviewer's finding (A4). */
  public List<ApiError> findingProblems(
      boolean known, String username, Integer item, BigDecimal points, String reason) {
    List<ApiError> errors = new ArrayList<>();
    if (!known) {
      errors.add(new ApiError("username", "A4.finding.worker", "“" + username + "”不是本乡镇本季度考核的网格员"));
    }
    if (item == null || !FINDING_ITEMS.contains(item)) {
      errors.add(new ApiError("item", "A4.finding.item", "审核扣分只用于第1、2、3、4、7项（第5、6项由系统按走访和日志记录计算）"));
    }
    Integer tenths = points == null ? null : Tenths.tenthsOf(points);
    if (tenths == null || tenths <= 0) {
      errors.add(new ApiError("points", "A4.finding.points", "扣分应为大于0的分数，最多一位小数"));
    } else if (item != null
        && FINDING_ITEMS.contains(item)
        && tenths > QuarterScore.ITEM_MAX_TENTHS[item - 1]) {
      errors.add(
          new ApiError(
              "points",
              "A4.finding.points",
              "第" + item + "项满分 " + Tenths.points(QuarterScore.ITEM_MAX_TENTHS[item - 1]) + " 分"));
    }
    if (reason == null || reason.isBlank()) {
      errors.add(new ApiError("reason", "A4.finding.reason", "请写明扣分的理由（发现的问题）"));
    } else if (reason.length() > 1000) {
      errors.add(new ApiError("reason", "A4.finding.reason", "理由不超过1000字"));
    }
    return errors;
  }

  private static List<Deduction> of(String username, List<DeductionRow> rows) {
    List<Deduction> out = new ArrayList<>();
    for (DeductionRow r : rows) {
      if (r.username().equals(username)) {
        out.add(
            new Deduction(
                r.item(), r.tenths(), r.reason(), r.evidence(), r.source(), r.recordedBy()));
      }
    }
    return out;
  }

  /** A grid worker's row: items with deductions, basic, satisfaction, score (once entered). */
  public QuarterView.WorkerAssessment workerView(
      WorkerRow w, List<DeductionRow> deductions, String name) {
    List<DeductionRow> own =
        deductions.stream().filter(d -> d.username().equals(w.username())).toList();
    List<QuarterScore.Item> items = QuarterScore.items(of(w.username(), own));
    List<QuarterView.Item> views = new ArrayList<>();
    for (QuarterScore.Item item : items) {
      List<QuarterView.ItemDeduction> ds = new ArrayList<>();
      for (DeductionRow d : own) {
        if (d.item() == item.item()) {
          ds.add(
              new QuarterView.ItemDeduction(
                  d.id(),
                  Tenths.points(d.tenths()),
                  d.reason(),
                  d.evidence(),
                  d.source(),
                  d.recordedBy(),
                  d.recordedBy() == null ? null : accounts.nameOf(d.recordedBy()),
                  d.recordedAt()));
        }
      }
      views.add(
          new QuarterView.Item(
              item.item(),
              item.name(),
              Tenths.points(item.maxTenths()),
              Tenths.points(item.tenths()),
              ds));
    }
    int basic = QuarterScore.basic(items);
    BigDecimal score =
        w.scoreHundredths() != null
            ? Tenths.hundredths(w.scoreHundredths())
            : w.satisfactionTenths() == null
                ? null
                : Tenths.hundredths(QuarterScore.score(basic, w.satisfactionTenths()));
    return new QuarterView.WorkerAssessment(
        w.username(),
        name,
        w.gridCode(),
        w.villageCode(),
        views,
        Tenths.points(basic),
        w.satisfactionTenths() == null ? null : Tenths.points(w.satisfactionTenths()),
        score,
        w.grade() == null ? null : Grade.valueOf(w.grade()),
        w.gradeNote(),
        w.rank(),
        w.countedEntries(),
        w.lastEntryAt(),
        w.subsidyFen() == null ? null : Tenths.yuan(w.subsidyFen()),
        w.rewardFen() == null ? null : Tenths.yuan(w.rewardFen()));
  }

  /** What finalizing decided: the rows to store, the quota, the shares, per worker texts. */
  public record Finalized(
      List<Object[]> rows,
      int quota,
      Subsidies.Outcome outcome,
      Map<String, Grade> grades,
      Map<String, String> scoreText,
      Map<String, String> payText) {}

  public Finalized finalize(
      long assessmentId,
      List<WorkerRow> workers,
      List<DeductionRow> deductions,
      Map<String, QuarterEntries.Entries> entries,
      long subsidyFen) {
    Map<String, Integer> scores = new HashMap<>();
    List<Grading.Candidate> candidates = new ArrayList<>();
    for (WorkerRow w : workers) {
      int basic = QuarterScore.basic(QuarterScore.items(of(w.username(), deductions)));
      int score = QuarterScore.score(basic, w.satisfactionTenths());
      scores.put(w.username(), score);
      QuarterEntries.Entries e = entries.get(w.username());
      candidates.add(new Grading.Candidate(w.username(), score, e.counted(), e.lastEntryAt()));
    }
    Map<String, Grading.Result> results = Grading.grade(candidates);
    Map<String, Grade> grades = new LinkedHashMap<>();
    for (WorkerRow w : workers) {
      grades.put(w.username(), results.get(w.username()).grade());
    }
    Subsidies.Outcome outcome = Subsidies.share(grades, subsidyFen);
    List<Object[]> rows = new ArrayList<>();
    Map<String, String> scoreText = new HashMap<>();
    Map<String, String> payText = new HashMap<>();
    for (WorkerRow w : workers) {
      Grading.Result r = results.get(w.username());
      Subsidies.Pay pay = outcome.pay().get(w.username());
      QuarterEntries.Entries e = entries.get(w.username());
      rows.add(
          new Object[] {
            e.counted(),
            QuarterRepository.ts(e.lastEntryAt()),
            scores.get(w.username()),
            r.grade().name(),
            r.note(),
            r.rank(),
            pay.subsidyFen(),
            pay.rewardFen(),
            assessmentId,
            w.username()
          });
      scoreText.put(w.username(), Tenths.hundredths(scores.get(w.username())).toPlainString());
      payText.put(
          w.username(),
          Tenths.yuan(pay.subsidyFen()).toPlainString()
              + " 元"
              + (pay.rewardFen() > 0
                  ? "，奖励 " + Tenths.yuan(pay.rewardFen()).toPlainString() + " 元"
                  : ""));
    }
    return new Finalized(rows, Grading.quota(workers.size()), outcome, grades, scoreText, payText);
  }

  public Optional<Consequences.Consequence> consequence(Rulebook rulebook, int consecutive) {
    return Consequences.of(rulebook, consecutive);
  }
}
