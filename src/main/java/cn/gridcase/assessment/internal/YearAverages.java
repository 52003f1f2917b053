package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.Grade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of a year's scores (A7, A9's yearly evaluation), without Spring: a grid's average
 * is the mean of the quarterly scores of its grid workers that count (each grid worker's final
 * score of a quarter, in hundredths of a point); a leader's average over several grids is the mean
 * of the per-grid averages — a small grid weighs as much as a large one (A7). Means are kept exact
 * to ten decimals and shown rounded half up to two; the band (A5's thresholds: ≥ 90 优秀, 70–89.99
 * 合格, below 70 不合格, with no quota: a band is not a grade) is read from the shown value, as an
 * official would.
 */
public final class YearAverages {

  private static final int EXACT = 10;

  private YearAverages() {}

  /** The mean of scores in hundredths; null when there are none. */
  public static BigDecimal mean(Collection<Integer> hundredths) {
    if (hundredths.isEmpty()) {
      return null;
    }
    long sum = 0;
    for (int h : hundredths) {
      sum += h;
    }
    return BigDecimal.valueOf(sum)
        .divide(BigDecimal.valueOf(100L * hundredths.size()), EXACT, RoundingMode.HALF_UP);
  }

  /** Each grid's mean, in the grids' order (null for a grid without scores). */
  public static Map<String, BigDecimal> perGrid(Map<String, List<Integer>> scoresByGrid) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    scoresByGrid.forEach((grid, scores) -> out.put(grid, mean(scores)));
    return out;
  }

  /** The mean of the per-grid means, grids without scores left out; null when none has any. */
  public static BigDecimal overGrids(Map<String, List<Integer>> scoresByGrid) {
    BigDecimal sum = BigDecimal.ZERO;
    int n = 0;
    for (BigDecimal m : perGrid(scoresByGrid).values()) {
      if (m != null) {
        sum = sum.add(m);
        n++;
      }
    }
    return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), EXACT, RoundingMode.HALF_UP);
  }

  /** The value as shown: two decimals, half up (null stays null). */
  public static BigDecimal shown(BigDecimal exact) {
    return exact == null ? null : exact.setScale(2, RoundingMode.HALF_UP);
  }

  /** A5's band of an average as shown (null for null). */
  public static Grade band(BigDecimal exact) {
    BigDecimal shown = shown(exact);
    if (shown == null) {
      return null;
    }
    if (shown.compareTo(BigDecimal.valueOf(90)) >= 0) {
      return Grade.EXCELLENT;
    }
    return shown.compareTo(BigDecimal.valueOf(70)) >= 0 ? Grade.PASS : Grade.FAIL;
  }
}
