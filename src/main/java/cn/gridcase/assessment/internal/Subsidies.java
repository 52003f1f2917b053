package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.Grade;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A6: the quarter's subsidy (a township amount, in fen). 优秀 full plus the reward; 合格 full; 不合格 70%
 * — the withheld 30% (rounded down to the fen, so the paid part is never below 70%) goes into a
 * pool shared equally among the quarter's 优秀; the fen left over from the division (or the whole
 * pool when nobody is 优秀) stay unallocated and are shown.
 */
public final class Subsidies {

  private Subsidies() {}

  public record Pay(long subsidyFen, long rewardFen) {}

  public record Outcome(
      Map<String, Pay> pay, long poolFen, int excellent, long rewardEachFen, long unallocatedFen) {}

  static long withheld(long subsidyFen) {
    return subsidyFen * 30 / 100;
  }

  static Outcome share(Map<String, Grade> grades, long subsidyFen) {
    long pool = 0;
    int excellent = 0;
    for (Grade g : grades.values()) {
      if (g == Grade.FAIL) {
        pool += withheld(subsidyFen);
      } else if (g == Grade.EXCELLENT) {
        excellent++;
      }
    }
    long each = excellent == 0 ? 0 : pool / excellent;
    long unallocated = pool - each * excellent;
    Map<String, Pay> pay = new LinkedHashMap<>();
    grades.forEach(
        (user, g) ->
            pay.put(
                user,
                switch (g) {
                  case EXCELLENT -> new Pay(subsidyFen, each);
                  case PASS -> new Pay(subsidyFen, 0);
                  case FAIL -> new Pay(subsidyFen - withheld(subsidyFen), 0);
                }));
    return new Outcome(pay, pool, excellent, each, unallocated);
  }
}
