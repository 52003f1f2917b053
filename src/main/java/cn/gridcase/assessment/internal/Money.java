package cn.gridcase.assessment.internal;

import cn.gridcase.platform.GridCaseTime;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Fen to yuan (two decimals), and the day of a deadline as statements print it. */
public final class Money {

  private Money() {}

  /** Yuan with two decimals, e.g. 2000 → "20.00". */
  public static String yuan(long fen) {
    return BigDecimal.valueOf(fen, 2).toPlainString();
  }

  /** Yuan as a JSON number (at most two decimals). */
  public static BigDecimal yuanNumber(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }

  /** Fen from yuan with at most two decimals, or null when it has more or is not a number. */
  public static Long fen(BigDecimal yuan) {
    if (yuan == null) {
      return null;
    }
    try {
      return yuan.movePointRight(2).longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  static String day(OffsetDateTime at) {
    return at == null ? "" : at.atZoneSameInstant(GridCaseTime.ZONE).toLocalDate().toString();
  }
}
