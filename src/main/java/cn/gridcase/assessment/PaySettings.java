package cn.gridcase.assessment;

import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * A township's pay settings in force from {@code effectiveFrom} (A1, A2) and the ranking minimum
 * (A9): base pay, the deduction per counted entry short of the threshold (percent of the base), the
 * threshold, the largest deduction (percent of the base), the bonus for an entry closed and for one
 * escalated beyond the threshold, the month's cap of capped bonuses, and the entries below which a
 * grid worker is listed unranked. Amounts in fen. {@code changedBy} is null for the defaults.
 */
public record PaySettings(
    String townshipCode,
    YearMonth effectiveFrom,
    long baseFen,
    int deductionPercent,
    int threshold,
    int maxDeductionPercent,
    long bonusClosedFen,
    long bonusEscalatedFen,
    long capFen,
    int minRankedEntries,
    String changedBy,
    OffsetDateTime changedAt,
    String reason) {

  /** The defaults of S2 四 (A1, A2) and A9. */
  public static PaySettings defaults(String townshipCode) {
    return new PaySettings(
        townshipCode, null, 10_000, 10, 8, 80, 2_000, 1_000, 20_000, 1, null, null, null);
  }

  /** Whether these are the defaults (no change recorded). */
  public boolean isDefault() {
    return changedBy == null;
  }
}
