package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.RankingItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ranking itself (A9), without Spring: by counted entries, then on-time rate (counted ÷
 * settled, compared exactly; none settled ranks below any rate), competition ranking (equal values
 * share a rank: 1, 2, 2, 4); an item with fewer entries than the minimum is unranked (rank null)
 * and listed last. Ties keep the order of their codes.
 */
public final class CompetitionRanking {

  private CompetitionRanking() {}

  /** One candidate before ranking. */
  public record Candidate(
      String code, String username, String name, int entries, int counted, int settled) {}

  public static List<RankingItem> rank(List<Candidate> candidates, int minEntries) {
    Comparator<Candidate> better =
        Comparator.comparingInt(Candidate::counted)
            .reversed()
            .thenComparing(CompetitionRanking::compareRates)
            .thenComparing(Candidate::code, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Candidate::username, Comparator.nullsLast(Comparator.naturalOrder()));
    List<Candidate> ranked =
        candidates.stream().filter(c -> c.entries() >= minEntries).sorted(better).toList();
    List<Candidate> unranked =
        candidates.stream().filter(c -> c.entries() < minEntries).sorted(better).toList();
    List<RankingItem> items = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      Candidate c = ranked.get(i);
      int rank = i + 1;
      if (i > 0 && same(ranked.get(i - 1), c)) {
        rank = items.get(i - 1).rank();
      }
      items.add(item(c, rank, true));
    }
    for (Candidate c : unranked) {
      items.add(item(c, null, false));
    }
    return List.copyOf(items);
  }

  /** The on-time rate with four decimals, null when nothing settled. */
  public static BigDecimal rate(int counted, int settled) {
    return settled == 0
        ? null
        : BigDecimal.valueOf(counted).divide(BigDecimal.valueOf(settled), 4, RoundingMode.HALF_UP);
  }

  private static boolean same(Candidate a, Candidate b) {
    return a.counted() == b.counted() && compareRates(a, b) == 0;
  }

  /** Higher rate first; none settled last; exact (cross-multiplied), not rounded. */
  private static int compareRates(Candidate a, Candidate b) {
    if (a.settled() == 0 || b.settled() == 0) {
      return Boolean.compare(a.settled() == 0, b.settled() == 0);
    }
    return Long.compare((long) b.counted() * a.settled(), (long) a.counted() * b.settled());
  }

  private static RankingItem item(Candidate c, Integer rank, boolean ranked) {
    return new RankingItem(
        rank,
        c.code(),
        c.username(),
        c.name(),
        c.entries(),
        c.counted(),
        c.settled(),
        rate(c.counted(), c.settled()),
        ranked);
  }

  /** An on-time rate as the pages show it: 66.7%, or — while none of the entries has settled. */
  static String percent(BigDecimal onTimeRate) {
    return onTimeRate == null
        ? "—"
        : onTimeRate
                .multiply(BigDecimal.valueOf(100))
                .setScale(1, RoundingMode.HALF_UP)
                .toPlainString()
            + "%";
  }
}
