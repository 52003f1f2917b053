package cn.gridcase.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.assessment.RankingItem;
import cn.gridcase.assessment.Rankings;
import cn.gridcase.platform.InvalidRequest;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ranking alone (A9), on made-up counts (no database). */
class CompetitionRankingTests {

  static CompetitionRanking.Candidate c(String code, int entries, int counted, int settled) {
    return new CompetitionRanking.Candidate(
        code, "u-" + code, "名" + code, entries, counted, settled);
  }

  @Test
  @DisplayName("A9: equal counted entries and on-time rate share a rank: 1, 2, 2, 4")
  void competition() {
    List<RankingItem> items =
        CompetitionRanking.rank(
            List.of(c("D", 3, 1, 3), c("B", 4, 3, 4), c("C", 8, 3, 4), c("A", 5, 5, 5)), 1);
    assertThat(items).extracting(RankingItem::code).containsExactly("A", "B", "C", "D");
    assertThat(items).extracting(RankingItem::rank).containsExactly(1, 2, 2, 4);
  }

  @Test
  @DisplayName("A9: counted entries first, then the on-time rate (compared exactly, not rounded)")
  void byCountedThenRate() {
    // 2/3 and 4/6 are equal; 6/9 too; 1/3 is lower; more counted always wins
    List<RankingItem> items =
        CompetitionRanking.rank(
            List.of(c("A", 3, 2, 3), c("B", 6, 2, 3), c("C", 9, 2, 6), c("D", 20, 3, 20)), 1);
    assertThat(items).extracting(RankingItem::code).containsExactly("D", "A", "B", "C");
    assertThat(items).extracting(RankingItem::rank).containsExactly(1, 2, 2, 4);
    assertThat(items.get(1).onTimeRate()).isEqualByComparingTo("0.6667");
    assertThat(items.get(0).onTimeRate()).isEqualByComparingTo("0.15");
  }

  @Test
  @DisplayName("A9: none settled yet ranks below any rate at the same count; equal to another such")
  void noneSettled() {
    List<RankingItem> items =
        CompetitionRanking.rank(List.of(c("A", 2, 0, 0), c("B", 2, 0, 1), c("C", 1, 0, 0)), 1);
    assertThat(items).extracting(RankingItem::code).containsExactly("B", "A", "C");
    assertThat(items).extracting(RankingItem::rank).containsExactly(1, 2, 2);
    assertThat(items.get(1).onTimeRate()).isNull();
  }

  @Test
  @DisplayName("A9: below the minimum entries an item is unranked (rank null) and comes last")
  void unranked() {
    List<RankingItem> items =
        CompetitionRanking.rank(
            List.of(c("A", 0, 0, 0), c("B", 1, 1, 1), c("C", 2, 1, 2), c("D", 1, 0, 1)), 2);
    assertThat(items).extracting(RankingItem::code).containsExactly("C", "B", "D", "A");
    assertThat(items).extracting(RankingItem::rank).containsExactly(1, null, null, null);
    assertThat(items).extracting(RankingItem::ranked).containsExactly(true, false, false, false);
    // default minimum 1: only the one with no entries is unranked
    assertThat(
            CompetitionRanking.rank(List.of(c("A", 0, 0, 0), c("B", 1, 0, 1)), 1).stream()
                .map(RankingItem::ranked))
        .containsExactly(true, false);
  }

  @Test
  @DisplayName("A9: periods are months and ISO weeks (2026-W53 exists, 2025-W53 does not)")
  void periods() {
    assertThat(Rankings.period("2026-10").from()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(Rankings.period("2026-10").to()).isEqualTo(LocalDate.of(2026, 10, 31));
    assertThat(Rankings.period("2026-W40").from()).isEqualTo(LocalDate.of(2026, 9, 28));
    assertThat(Rankings.period("2026-W40").to()).isEqualTo(LocalDate.of(2026, 10, 4));
    assertThat(Rankings.period("2026-W01").from()).isEqualTo(LocalDate.of(2025, 12, 29));
    assertThat(Rankings.period("2026-W53").from()).isEqualTo(LocalDate.of(2026, 12, 28));
    for (String bad : new String[] {"2025-W53", "2026-W00", "2026-13", "2026-Q4", "", "x"}) {
      Assertions.assertThatThrownBy(() -> Rankings.period(bad))
          .as(bad)
          .isInstanceOf(InvalidRequest.class);
    }
  }
}
