package cn.gridcase.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A township's assessment settings: the quarterly subsidy per grid worker (A6, yuan; null until
 * set) and the rulebook for the consequences of 不合格 quarters (C3, default S0), each change with
 * who, when and why.
 */
public record AssessmentSettings(
    String townshipCode, BigDecimal quarterSubsidy, Rulebook rulebook, List<Change> history) {

  public record Change(
      BigDecimal quarterSubsidy,
      Rulebook rulebook,
      String changedBy,
      OffsetDateTime changedAt,
      String reason) {}
}
