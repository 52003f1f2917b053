package cn.gridcase.assessment;

import cn.gridcase.assessment.internal.PaySettingRepository;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The townships' pay settings (A1, A2) and ranking minimum (A9): the defaults until a change is
 * recorded; a change applies from a month not yet begun (by default the next one), is kept with
 * who, when and why, and is never updated in place — a statement uses the settings in force for its
 * month.
 */
@Service
public class TownshipPaySettings {

  private final PaySettingRepository repository;
  private final Organisation organisation;
  private final Clock clock;

  TownshipPaySettings(PaySettingRepository repository, Organisation organisation, Clock clock) {
    this.repository = repository;
    this.organisation = organisation;
    this.clock = clock;
  }

  /** A change as an official enters it: amounts in fen; {@code effectiveFrom} null = next month. */
  public record Change(
      Long baseFen,
      Integer deductionPercent,
      Integer threshold,
      Integer maxDeductionPercent,
      Long bonusClosedFen,
      Long bonusEscalatedFen,
      Long capFen,
      Integer minRankedEntries,
      YearMonth effectiveFrom,
      String reason) {}

  /** The settings in force for a month (the defaults when none was recorded). */
  public PaySettings inForce(String townshipCode, YearMonth month) {
    return repository
        .inForce(townshipCode, month)
        .orElseGet(() -> PaySettings.defaults(townshipCode));
  }

  /** Every recorded change, newest first (404 for a code that is not a township). */
  public List<PaySettings> history(String townshipCode) {
    requireTownship(townshipCode);
    return repository.history(townshipCode);
  }

  /** The current month (Asia/Shanghai). */
  public YearMonth currentMonth() {
    return YearMonth.from(GridCaseTime.now(clock));
  }

  /**
   * Records a change: 422 naming every value out of range, a missing reason or an effective month
   * already begun ({@code A1.settings}, {@code A1.effectiveFrom}).
   */
  @Transactional
  public PaySettings change(String townshipCode, Change change, String changedBy) {
    requireTownship(townshipCode);
    List<ApiError> errors = new ArrayList<>();
    YearMonth next = currentMonth().plusMonths(1);
    YearMonth from = change.effectiveFrom() == null ? next : change.effectiveFrom();
    if (from.isBefore(next)) {
      errors.add(
          new ApiError(
              "effectiveFrom", "A1.effectiveFrom", "生效月份须是尚未开始的月份（最早 " + next + "），已开始的月份不能改"));
    }
    amount(errors, "base", change.baseFen(), 10_000_000);
    percent(errors, "deductionRate", change.deductionPercent());
    count(errors, "threshold", change.threshold(), 100);
    percent(errors, "maxDeduction", change.maxDeductionPercent());
    amount(errors, "bonusClosed", change.bonusClosedFen(), 10_000_000);
    amount(errors, "bonusEscalated", change.bonusEscalatedFen(), 10_000_000);
    amount(errors, "cap", change.capFen(), 100_000_000);
    count(errors, "minRankedEntries", change.minRankedEntries(), 1000);
    if (change.reason() == null || change.reason().isBlank()) {
      errors.add(new ApiError("reason", "A1.reason", "请填写修改原因（例如依据的文件）"));
    } else if (change.reason().trim().length() > 1000) {
      errors.add(new ApiError("reason", "A1.reason", "修改原因最多1000字"));
    }
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("报酬设置有误：请更正所列各项", errors);
    }
    OffsetDateTime now = GridCaseTime.now(clock);
    PaySettings saved =
        new PaySettings(
            townshipCode,
            from,
            change.baseFen(),
            change.deductionPercent(),
            change.threshold(),
            change.maxDeductionPercent(),
            change.bonusClosedFen(),
            change.bonusEscalatedFen(),
            change.capFen(),
            change.minRankedEntries(),
            changedBy,
            now,
            change.reason().trim());
    repository.insert(saved);
    return saved;
  }

  /** 404 for a code that is not a township. */
  public void requireTownship(String townshipCode) {
    if (townshipCode == null
        || organisation.unit(townshipCode).filter(u -> u.kind() == UnitKind.TOWNSHIP).isEmpty()) {
      throw new NotFound("没有乡镇 " + townshipCode);
    }
  }

  private static void amount(List<ApiError> errors, String field, Long fen, long max) {
    if (fen == null) {
      errors.add(new ApiError(field, "A1.settings", "请填写金额（元，最多两位小数）"));
    } else if (fen < 0 || fen > max) {
      errors.add(new ApiError(field, "A1.settings", "金额须在 0 至 " + (max / 100) + " 元之间"));
    }
  }

  private static void percent(List<ApiError> errors, String field, Integer value) {
    if (value == null || value < 0 || value > 100) {
      errors.add(new ApiError(field, "A1.settings", "请填写 0 至 100 之间的整数百分比"));
    }
  }

  private static void count(List<ApiError> errors, String field, Integer value, int max) {
    if (value == null || value < 0 || value > max) {
      errors.add(new ApiError(field, "A1.settings", "请填写 0 至 " + max + " 之间的整数"));
    }
  }
}
