package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.Grade;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A5: grades with the 20% quota. 优秀 needs 90 or more and a place within 20% of the township's grid
 * workers (rounded down); when more reach 90, the higher score wins, then more counted entries in
 * the quarter, then the earlier last entry (none counts as latest). Those left out are 合格; two that
 * stay equal on all three at the last place are both left out (the quota is "at most"). 合格 from 70,
 * 不合格 below 70. The rank is a competition rank (1, 2, 2, 4) in the same order.
 */
final class Grading {

  static final int EXCELLENT_FROM = 9000;
  static final int PASS_FROM = 7000;

  private Grading() {}

  /** One grid worker as A5 compares them: score in hundredths, counted entries, last entry. */
  record Candidate(
      String username, int scoreHundredths, int countedEntries, OffsetDateTime lastEntryAt) {}

  /** The outcome for one grid worker; {@code note} says why a score of 90 or more is 合格. */
  record Result(String username, Grade grade, int rank, String note) {}

  static final Comparator<Candidate> ORDER =
      Comparator.comparingInt(Candidate::scoreHundredths)
          .reversed()
          .thenComparing(Comparator.comparingInt(Candidate::countedEntries).reversed())
          .thenComparing(
              Candidate::lastEntryAt,
              Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()));

  /** The quota: 20% of the township's grid workers, rounded down. */
  static int quota(int workers) {
    return workers * 20 / 100;
  }

  static Map<String, Result> grade(List<Candidate> candidates) {
    List<Candidate> ordered = new ArrayList<>(candidates);
    ordered.sort(ORDER.thenComparing(Candidate::username));
    int quota = quota(ordered.size());
    Map<String, Result> results = new LinkedHashMap<>();
    int rank = 0;
    Candidate previous = null;
    for (int i = 0; i < ordered.size(); i++) {
      Candidate c = ordered.get(i);
      if (previous == null || !same(previous, c)) {
        rank = i + 1;
      }
      previous = c;
      Grade grade;
      String note = null;
      if (c.scoreHundredths() >= EXCELLENT_FROM) {
        // the places before this one and those equal to it must all fit in the quota
        int through = lastEqual(ordered, i) + 1;
        if (through <= quota) {
          grade = Grade.EXCELLENT;
        } else {
          grade = Grade.PASS;
          note =
              quota == 0
                  ? "得分达90分，但优秀名额为0（网格员总数的20%向下取整）"
                  : rank <= quota
                      ? "得分达90分，与其他网格员得分、计数条目、最后条目时间完全相同，名额不足以同时评为优秀"
                      : "得分达90分，优秀名额（" + quota + "名）已满：按得分、计数条目数、最后条目时间排序未入围";
        }
      } else if (c.scoreHundredths() >= PASS_FROM) {
        grade = Grade.PASS;
      } else {
        grade = Grade.FAIL;
      }
      results.put(c.username(), new Result(c.username(), grade, rank, note));
    }
    return results;
  }

  private static int lastEqual(List<Candidate> ordered, int i) {
    int last = i;
    while (last + 1 < ordered.size() && same(ordered.get(last + 1), ordered.get(i))) {
      last++;
    }
    return last;
  }

  private static boolean same(Candidate a, Candidate b) {
    return a.scoreHundredths() == b.scoreHundredths()
        && a.countedEntries() == b.countedEntries()
        && Objects.equals(
            a.lastEntryAt() == null ? null : a.lastEntryAt().toInstant(),
            b.lastEntryAt() == null ? null : b.lastEntryAt().toInstant());
  }
}
