package cn.gridcase.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Points are kept in tenths (A4's smallest deduction is 0.1), scores in hundredths (basic × 80% +
 * satisfaction × 20% of two numbers in tenths), money in fen: integers, so no sum ever drifts.
 */
final class Tenths {

  private Tenths() {}

  /** Tenths of a point as a number with one decimal (15 → 1.5). */
  static BigDecimal points(int tenths) {
    return BigDecimal.valueOf(tenths, 1);
  }

  /** Hundredths as a number with two decimals (9025 → 90.25). */
  static BigDecimal hundredths(long hundredths) {
    return BigDecimal.valueOf(hundredths, 2);
  }

  /** Fen as yuan with two decimals. */
  static BigDecimal yuan(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }

  /** A number with at most one decimal as tenths; null when it has more. */
  static Integer tenthsOf(BigDecimal value) {
    try {
      return value.setScale(1, RoundingMode.UNNECESSARY).unscaledValue().intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** Yuan with at most two decimals as fen; null when it has more. */
  static Long fenOf(BigDecimal yuan) {
    try {
      return yuan.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
