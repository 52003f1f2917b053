package cn.gridcase.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.assessment.EntryOutcome;
import cn.gridcase.assessment.PayEarning;
import cn.gridcase.assessment.PayLine;
import cn.gridcase.assessment.PaySettings;
import cn.gridcase.event.EventCategory;
import cn.gridcase.event.GridEntry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The month's pay from its entries alone (A1–A3), on made-up entries (no database). */
class PayCalculationTests {

  static final PaySettings DEFAULTS = PaySettings.defaults("GS");
  static final OffsetDateTime MONTH = OffsetDateTime.parse("2026-10-01T09:00:00+08:00");
  static final OffsetDateTime AFTER = OffsetDateTime.parse("2026-12-15T09:00:00+08:00");

  private static int sequence;

  /** An entry reported {@code hours} after the start of the month, ended at the grid as told. */
  static GridEntry entry(int hours, String end, boolean late, boolean major, boolean petition) {
    OffsetDateTime at = MONTH.plusHours(hours);
    return new GridEntry(
        String.format("SJ-20261001-%04d", ++sequence),
        EventCategory.DISPUTE,
        major,
        petition,
        "GS-V01-G01",
        "GS",
        "worker1",
        at,
        end,
        end == null ? null : at.plusHours(5),
        late,
        end == null && !major ? at.plusDays(7) : null);
  }

  static List<GridEntry> closed(int n) {
    List<GridEntry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      entries.add(entry(i, GridEntry.RESOLVED, false, false, false));
    }
    return entries;
  }

  static PayCalculation.Result pay(List<GridEntry> entries) {
    return PayCalculation.compute(entries, DEFAULTS, AFTER, false, true);
  }

  @ParameterizedTest(
      name = "A1/A2: {0} counted entries closed → base {1}, deduction {2}, bonus {3}")
  @CsvSource({
    "0, 10000, 8000, 0",
    "7, 10000, 1000, 0",
    "8, 10000, 0, 0",
    "9, 10000, 0, 2000",
    "18, 10000, 0, 20000",
    "19, 10000, 0, 20000"
  })
  @DisplayName("A1/A2: base, deduction and bonus on the boundaries 0, 7, 8, 9, 18, 19")
  void boundaries(int counted, long base, long deduction, long bonus) {
    PayCalculation.Result r = pay(closed(counted));
    assertThat(r.countedEntries()).isEqualTo(counted);
    assertThat(r.baseFen()).isEqualTo(base);
    assertThat(r.deductionFen()).isEqualTo(deduction);
    assertThat(r.bonusFen()).isEqualTo(bonus);
    assertThat(r.totalFen()).isEqualTo(base - deduction + bonus);
    assertThat(r.provisional()).isFalse();
  }

  @Test
  @DisplayName("A1: 0 counted entries pay 20 yuan (the deduction stops at 80%)")
  void zero() {
    assertThat(pay(List.of()).totalFen()).isEqualTo(2_000);
    assertThat(pay(List.of()).entries()).isZero();
  }

  @Test
  @DisplayName("A1: 7 counted entries deduct 10% of the base: 90 yuan")
  void seven() {
    assertThat(pay(closed(7)).totalFen()).isEqualTo(9_000);
  }

  @Test
  @DisplayName("A2: the 9th counted entry earns the first bonus; the first 8 earn the base")
  void ninth() {
    List<PayLine> lines = pay(closed(9)).lines();
    assertThat(lines.subList(0, 8))
        .allMatch(l -> l.earns() == PayEarning.BASE && l.amountFen() == 0);
    assertThat(lines.get(8).earns()).isEqualTo(PayEarning.BONUS);
    assertThat(lines.get(8).amountFen()).isEqualTo(2_000);
    assertThat(lines.get(8).note()).contains("第9件", "奖励20.00元");
  }

  @Test
  @DisplayName("A2: 19 closed entries reach the 200-yuan cap with the 18th; the 19th earns nothing")
  void cap() {
    List<PayLine> lines = pay(closed(19)).lines();
    assertThat(lines.get(17).amountFen()).isEqualTo(2_000);
    assertThat(lines.get(18).earns()).isEqualTo(PayEarning.NONE);
    assertThat(lines.get(18).counted()).isTrue();
    assertThat(lines.get(18).note()).contains("上限200.00元");
  }

  @Test
  @DisplayName(
      "A2: an escalated entry earns 10 yuan; the one that reaches the cap earns what is left")
  void escalatedAndPartialCap() {
    List<GridEntry> entries = closed(8);
    entries.add(entry(20, GridEntry.ESCALATED, false, false, false));
    for (int i = 0; i < 9; i++) {
      entries.add(entry(30 + i, GridEntry.RESOLVED, false, false, false));
    }
    // 10 + 9 × 20 = 190 so far; the next escalated one earns 10 (200), the next closed one 0
    entries.add(entry(50, GridEntry.ESCALATED, false, false, false));
    entries.add(entry(51, GridEntry.RESOLVED, false, false, false));
    PayCalculation.Result r = pay(entries);
    assertThat(r.lines().get(8).amountFen()).isEqualTo(1_000);
    assertThat(r.lines().get(8).outcome()).isEqualTo(EntryOutcome.ESCALATED);
    assertThat(r.lines().get(18).amountFen()).isEqualTo(1_000);
    assertThat(r.lines().get(19).amountFen()).isZero();
    assertThat(r.bonusFen()).isEqualTo(20_000);

    // with 195 reached, a closed entry earns the 5 left
    List<GridEntry> partial = closed(8);
    for (int i = 0; i < 9; i++) {
      partial.add(entry(30 + i, GridEntry.RESOLVED, false, false, false));
    }
    partial.add(entry(45, GridEntry.ESCALATED, false, false, false));
    partial.add(entry(46, GridEntry.RESOLVED, false, false, false));
    PaySettings cap195 =
        new PaySettings("GS", null, 10_000, 10, 8, 80, 2_000, 1_000, 19_500, 1, null, null, null);
    PayCalculation.Result p = PayCalculation.compute(partial, cap195, AFTER, false, true);
    assertThat(p.lines().get(17).amountFen()).isEqualTo(1_000);
    assertThat(p.lines().get(18).amountFen()).isEqualTo(500);
    assertThat(p.lines().get(18).note()).contains("达到每月奖励上限195.00元");
    assertThat(p.bonusFen()).isEqualTo(19_500);
  }

  @Test
  @DisplayName("A3: a late entry counts for neither base nor bonus and says so on its line")
  void late() {
    List<GridEntry> entries = closed(8);
    entries.add(3, entry(3, GridEntry.RESOLVED, true, false, false));
    PayCalculation.Result r = pay(entries);
    assertThat(r.entries()).isEqualTo(9);
    assertThat(r.countedEntries()).isEqualTo(8);
    PayLine late = r.lines().stream().filter(l -> !l.counted()).findFirst().orElseThrow();
    assertThat(late.outcome()).isEqualTo(EntryOutcome.LATE);
    assertThat(late.earns()).isEqualTo(PayEarning.NONE);
    assertThat(late.note()).contains("超期", "不计");
    assertThat(r.bonusFen()).isZero();
    assertThat(r.totalFen()).isEqualTo(10_000);
  }

  @Test
  @DisplayName("A3: an entry still open after its deadline is late, even before the mark is made")
  void openPastDeadline() {
    GridEntry open = entry(0, null, false, false, false);
    PayCalculation.Result r =
        PayCalculation.compute(
            List.of(open), DEFAULTS, open.openDeadline().plusSeconds(1), false, true);
    assertThat(r.lines().get(0).outcome()).isEqualTo(EntryOutcome.LATE);
    assertThat(r.provisional()).isFalse();
  }

  @Test
  @DisplayName(
      "A1: an entry open within its limit makes the statement provisional; as paid it is not"
          + " counted")
  void open() {
    List<GridEntry> entries = closed(7);
    GridEntry open = entry(40, null, false, false, false);
    entries.add(open);
    OffsetDateTime before = open.openDeadline().minusDays(1);
    PayCalculation.Result now = PayCalculation.compute(entries, DEFAULTS, before, false, true);
    assertThat(now.provisional()).isTrue();
    assertThat(now.lines().get(7).outcome()).isEqualTo(EntryOutcome.OPEN);
    assertThat(now.lines().get(7).note()).contains("暂定");
    assertThat(now.countedEntries()).isEqualTo(7);
    PayCalculation.Result paid = PayCalculation.compute(entries, DEFAULTS, before, true, true);
    assertThat(paid.provisional()).isFalse();
    assertThat(paid.lines().get(7).counted()).isFalse();
    assertThat(paid.lines().get(7).note()).contains("季度结算", "不计件");
    assertThat(paid.totalFen()).isEqualTo(9_000);
  }

  @Test
  @DisplayName("A1: a month still running is provisional")
  void running() {
    assertThat(PayCalculation.compute(closed(8), DEFAULTS, AFTER, false, false).provisional())
        .isTrue();
  }

  @Test
  @DisplayName("A2: a major entry beyond the cap still earns its bonus (outside the cap)")
  void majorBeyondCap() {
    List<GridEntry> entries = closed(18); // 8 base + 10 × 20 = the cap
    entries.add(entry(30, null, false, true, false)); // major: to the township at once (E8)
    PayCalculation.Result r = pay(entries);
    PayLine major = r.lines().get(18);
    assertThat(major.outcome()).isEqualTo(EntryOutcome.ESCALATED);
    assertThat(major.counted()).isTrue();
    assertThat(major.amountFen()).isEqualTo(1_000);
    assertThat(major.note()).contains("重大事件", "不受每月奖励上限限制");
    assertThat(r.bonusFen()).isEqualTo(21_000);
  }

  @Test
  @DisplayName("A2: a 进京非访 report beyond the cap still earns its bonus (outside the cap)")
  void petitionBeyondCap() {
    List<GridEntry> entries = closed(18);
    entries.add(entry(30, GridEntry.RESOLVED, false, false, true));
    entries.add(entry(31, GridEntry.RESOLVED, false, false, false));
    PayCalculation.Result r = pay(entries);
    assertThat(r.lines().get(18).amountFen()).isEqualTo(2_000);
    assertThat(r.lines().get(18).note()).contains("进京非访");
    assertThat(r.lines().get(19).amountFen()).isZero();
    assertThat(r.bonusFen()).isEqualTo(22_000);
  }

  @Test
  @DisplayName("A2: entries count in report order, whatever order they are given in")
  void reportOrder() {
    List<GridEntry> entries = new ArrayList<>();
    // 8 escalated ones reported first, then a closed one: the closed one is the 9th (+20)
    for (int i = 0; i < 8; i++) {
      entries.add(entry(10 + i, GridEntry.ESCALATED, false, false, false));
    }
    GridEntry ninth = entry(30, GridEntry.RESOLVED, false, false, false);
    List<GridEntry> shuffled = new ArrayList<>();
    shuffled.add(ninth);
    for (int i = entries.size() - 1; i >= 0; i--) {
      shuffled.add(entries.get(i));
    }
    PayCalculation.Result r = pay(shuffled);
    assertThat(r.lines()).extracting(PayLine::reportedAt).isSorted();
    assertThat(r.lines().get(8).eventNumber()).isEqualTo(ninth.number());
    assertThat(r.bonusFen()).isEqualTo(2_000);
  }

  @Test
  @DisplayName("A1: the deduction follows the township's settings (rate, threshold, floor)")
  void settings() {
    PaySettings other =
        new PaySettings("GS", null, 15_000, 15, 6, 60, 3_000, 1_500, 10_000, 1, null, null, null);
    PayCalculation.Result two = PayCalculation.compute(closed(2), other, AFTER, false, true);
    // 4 short × 15% = 60% (the floor) of 150 yuan
    assertThat(two.deductionFen()).isEqualTo(9_000);
    PayCalculation.Result five = PayCalculation.compute(closed(5), other, AFTER, false, true);
    assertThat(five.deductionFen()).isEqualTo(2_250);
    PayCalculation.Result seven = PayCalculation.compute(closed(7), other, AFTER, false, true);
    assertThat(seven.bonusFen()).isEqualTo(3_000);
  }
}
