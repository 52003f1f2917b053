package cn.gridcase.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rule A8's threshold, in whole numbers: a survey asks for the leader's replacement when strictly
 * more than one third of its answers are 不满意 ({@code 3 × dissatisfied > total}): 1 of 3 does not, 2
 * of 5 does.
 */
public final class SurveyRule {

  private SurveyRule() {}

  /** Whether more than one third of the answers are 不满意. */
  public static boolean overOneThird(int satisfied, int basicallySatisfied, int dissatisfied) {
    long total = (long) satisfied + basicallySatisfied + dissatisfied;
    return total > 0 && 3L * dissatisfied > total;
  }

  /** The share of 不满意 in percent, two decimals, half up (0 when there are no answers). */
  public static BigDecimal dissatisfiedPercent(
      int satisfied, int basicallySatisfied, int dissatisfied) {
    long total = (long) satisfied + basicallySatisfied + dissatisfied;
    if (total == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return BigDecimal.valueOf(dissatisfied * 100L)
        .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
  }
}
