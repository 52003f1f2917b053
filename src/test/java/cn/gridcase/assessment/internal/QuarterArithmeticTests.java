package cn.gridcase.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gridcase.assessment.Grade;
import cn.gridcase.assessment.Rulebook;
import cn.gridcase.assessment.internal.Grading.Candidate;
import cn.gridcase.assessment.internal.Grading.Result;
import cn.gridcase.routine.MeetingAttendance;
import cn.gridcase.routine.MeetingAttendanceStatus;
import cn.gridcase.routine.MeetingKind;
import cn.gridcase.routine.Requirement;
import cn.gridcase.routine.ShortfallItem;
import cn.gridcase.routine.ShortfallReport;
import cn.gridcase.routine.ShortfallUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A4's arithmetic, A5's quota and tie-breaks, A6's shares and C3's consequences, without Spring.
 */
class QuarterArithmeticTests {

  private static Deduction d(int item, int tenths) {
    return Deduction.system(item, tenths, "r", "e");
  }

  @Test
  @DisplayName(
      "A4: no deduction → every item full, basic 100, score = 100 × 80% + satisfaction × 20%")
  void fullMarks() {
    List<QuarterScore.Item> items = QuarterScore.items(List.of());
    assertThat(items)
        .extracting(QuarterScore.Item::tenths)
        .containsExactly(150, 150, 150, 150, 200, 100, 100);
    assertThat(QuarterScore.basic(items)).isEqualTo(1000);
    assertThat(QuarterScore.score(1000, 1000)).isEqualTo(10000);
    assertThat(Tenths.hundredths(QuarterScore.score(1000, 855))).isEqualByComparingTo("97.10");
  }

  @Test
  @DisplayName(
      "A4: tenths add up exactly (ten −0.1 are −1.0, not 0.9999) and an item never goes below 0")
  void exactAndNeverBelowZero() {
    List<Deduction> ds = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ds.add(d(5, 1));
    }
    ds.add(d(3, 5));
    for (int i = 0; i < 12; i++) {
      ds.add(d(6, 10)); // −12 on a 10-point item
    }
    List<QuarterScore.Item> items = QuarterScore.items(ds);
    assertThat(items.get(4).tenths()).isEqualTo(190);
    assertThat(items.get(2).tenths()).isEqualTo(145);
    assertThat(items.get(5).tenths()).as("diary item stops at 0").isZero();
    assertThat(items.get(5).deductions()).hasSize(12);
    int basic = QuarterScore.basic(items);
    assertThat(Tenths.points(basic)).isEqualByComparingTo("88.5");
    // 88.5 × 0.8 + 73.5 × 0.2 = 70.8 + 14.7 = 85.5
    assertThat(Tenths.hundredths(QuarterScore.score(basic, 735))).isEqualByComparingTo("85.50");
  }

  @Test
  @DisplayName(
      "A4: the system's deductions — −1 per week short of information entries, −0.5 per week"
          + " without screening, −1 per special person and week, −0.1 per family visit and"
          + " household short, −1 per diary short, −0.5 late, −1 absent, −0.5 report missing; open"
          + " weeks none")
  void systemDeductions() {
    ShortfallReport report =
        new ShortfallReport(
            "worker1",
            "2026-Q3",
            LocalDate.parse("2026-07-01"),
            LocalDate.parse("2026-09-30"),
            LocalDate.parse("2026-10-01"),
            false,
            false,
            List.of(),
            List.of(
                item(
                    Requirement.INFO_ENTRY,
                    unit("2026-W28", 2, 1, false),
                    unit("2026-W29", 2, 0, false)),
                item(Requirement.SCREENING, unit("2026-W30", 1, 0, false)),
                item(Requirement.SPECIAL_PERSON_VISIT, unit("2026-W30", 1, 0, false)),
                item(
                    Requirement.FAMILY_VISIT,
                    unit("2026-W31", 2, 1, false),
                    unit("2026-W40", 2, 0, true)),
                item(Requirement.HOUSEHOLDS, unit("2026-08", 20, 13, false)),
                item(Requirement.DIARY, unit("2026-W32", 2, 0, false))));
    MeetingAttendance.Quarter attendance =
        new MeetingAttendance.Quarter(
            "worker1",
            "2026-Q3",
            List.of(mark(MeetingAttendanceStatus.LATE)),
            List.of(mark(MeetingAttendanceStatus.ABSENT)),
            List.of(mark(MeetingAttendanceStatus.PRESENT)));
    List<Deduction> ds = SystemDeductions.of(report, attendance);
    assertThat(ds)
        .extracting(Deduction::item, Deduction::tenths)
        .containsExactly(
            tuple(1, 10),
            tuple(1, 10),
            tuple(3, 5),
            tuple(5, 10),
            tuple(5, 1),
            tuple(5, 7),
            tuple(6, 20),
            tuple(7, 5),
            tuple(7, 10),
            tuple(7, 5));
    assertThat(ds.get(0).evidence()).contains("2026-W28").contains("记录 7").contains("事件 SJ-1");
    assertThat(ds.get(7).evidence()).contains("例会 42");
    assertThat(ds).allMatch(x -> Deduction.SYSTEM.equals(x.source()));
  }

  private static ShortfallItem item(Requirement r, ShortfallUnit... units) {
    int sh = 0;
    for (ShortfallUnit u : units) {
      sh += u.shortBy();
    }
    return new ShortfallItem(
        r, r.rule(), r.label(), r.unit(), 0, 0, sh, List.of(), List.of(units), List.of());
  }

  private static ShortfallUnit unit(String key, int required, int done, boolean open) {
    return new ShortfallUnit(
        key,
        null,
        null,
        required,
        done,
        required - done,
        open,
        null,
        null,
        null,
        null,
        List.of(7L),
        List.of("SJ-1"));
  }

  private static MeetingAttendance.Mark mark(MeetingAttendanceStatus status) {
    return new MeetingAttendance.Mark(
        42, MeetingKind.WORKERS_MONTHLY, "GS", LocalDate.parse("2026-08-03"), null, status);
  }

  private static Candidate c(String user, String score, int counted, String last) {
    return new Candidate(
        user,
        Tenths.fenOf(new BigDecimal(score)).intValue(),
        counted,
        last == null ? null : OffsetDateTime.parse(last + "T10:00:00+08:00"));
  }

  @Test
  @DisplayName(
      "A5: 10 grid workers → quota 2; three at 90 tie on score: more counted entries, then the"
          + " earlier last entry win; the third is 合格 with a note; 89.99 合格, 70 合格, 69.99 不合格")
  void quotaWithTiesAt90() {
    List<Candidate> all =
        List.of(
            c("a", "90.00", 9, "2026-09-20"),
            c("b", "90.00", 9, "2026-09-18"),
            c("c", "90.00", 10, "2026-09-29"),
            c("d", "89.99", 20, "2026-09-01"),
            c("e", "70.00", 3, null),
            c("f", "69.99", 8, "2026-09-01"),
            c("g", "80", 1, null),
            c("h", "80", 1, null),
            c("i", "75", 1, null),
            c("j", "0", 0, null));
    Map<String, Result> r = Grading.grade(all);
    assertThat(Grading.quota(10)).isEqualTo(2);
    assertThat(r.get("c").grade()).isEqualTo(Grade.EXCELLENT);
    assertThat(r.get("b").grade()).as("earlier last entry").isEqualTo(Grade.EXCELLENT);
    assertThat(r.get("a").grade()).isEqualTo(Grade.PASS);
    assertThat(r.get("a").note()).contains("名额（2名）已满");
    assertThat(r.get("d").grade()).isEqualTo(Grade.PASS);
    assertThat(r.get("e").grade()).isEqualTo(Grade.PASS);
    assertThat(r.get("f").grade()).isEqualTo(Grade.FAIL);
    assertThat(r.get("j").grade()).isEqualTo(Grade.FAIL);
    assertThat(List.of(r.get("c").rank(), r.get("b").rank(), r.get("a").rank(), r.get("d").rank()))
        .containsExactly(1, 2, 3, 4);
    assertThat(r.get("g").rank())
        .as("competition rank: equal keys share")
        .isEqualTo(r.get("h").rank());
  }

  @Test
  @DisplayName(
      "A5: the quota is rounded down (4 workers → 0 优秀 even at 100; 9 → 1) and two equal on every"
          + " key at the last place are both 合格")
  void quotaRoundedDown() {
    Map<String, Result> four =
        Grading.grade(
            List.of(
                c("a", "100", 9, null),
                c("b", "95", 9, null),
                c("c", "80", 1, null),
                c("d", "80", 1, null)));
    assertThat(four.values()).noneMatch(x -> x.grade() == Grade.EXCELLENT);
    assertThat(four.get("a").note()).contains("名额为0");
    List<Candidate> nine = new ArrayList<>();
    nine.add(c("x", "95", 9, "2026-09-01"));
    nine.add(c("y", "95", 9, "2026-09-01"));
    for (int i = 0; i < 7; i++) {
      nine.add(c("p" + i, "75", 1, null));
    }
    Map<String, Result> r = Grading.grade(nine);
    assertThat(Grading.quota(9)).isEqualTo(1);
    assertThat(r.get("x").grade()).isEqualTo(Grade.PASS);
    assertThat(r.get("y").grade()).isEqualTo(Grade.PASS);
    assertThat(r.get("x").note()).contains("完全相同");
    assertThat(r.get("x").rank()).isEqualTo(1).isEqualTo(r.get("y").rank());
  }

  @Test
  @DisplayName("A6: a quarter with no 不合格 → no pool, 优秀 get the full subsidy and no reward")
  void noFail() {
    Map<String, Grade> grades = new LinkedHashMap<>();
    grades.put("a", Grade.EXCELLENT);
    grades.put("b", Grade.PASS);
    Subsidies.Outcome o = Subsidies.share(grades, 150000);
    assertThat(o.poolFen()).isZero();
    assertThat(o.pay().get("a")).isEqualTo(new Subsidies.Pay(150000, 0));
    assertThat(o.pay().get("b")).isEqualTo(new Subsidies.Pay(150000, 0));
    assertThat(o.unallocatedFen()).isZero();
  }

  @Test
  @DisplayName(
      "A6: an odd number of fen to share — 3 不合格 of 1,000.01 yuan withhold 300.00 each (the paid"
          + " 70% rounded up to the fen); 900.00 yuan shared by 7 优秀 → 128.57 each, 0.01"
          + " unallocated")
  void oddFen() {
    Map<String, Grade> grades = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      grades.put("f" + i, Grade.FAIL);
    }
    for (int i = 0; i < 7; i++) {
      grades.put("e" + i, Grade.EXCELLENT);
    }
    grades.put("p", Grade.PASS);
    Subsidies.Outcome o = Subsidies.share(grades, 100001);
    assertThat(Subsidies.withheld(100001)).isEqualTo(30000);
    assertThat(o.pay().get("f0").subsidyFen()).isEqualTo(70001);
    assertThat(o.poolFen()).isEqualTo(90000);
    assertThat(o.rewardEachFen()).isEqualTo(12857);
    assertThat(o.unallocatedFen()).isEqualTo(1);
    assertThat(o.pay().get("e3")).isEqualTo(new Subsidies.Pay(100001, 12857));
    assertThat(o.pay().get("p")).isEqualTo(new Subsidies.Pay(100001, 0));
    Map<String, Grade> noExcellent = Map.of("f", Grade.FAIL, "p", Grade.PASS);
    assertThat(Subsidies.share(noExcellent, 100000).unallocatedFen())
        .as("nobody to share with: the whole pool unallocated")
        .isEqualTo(30000);
  }

  @Test
  @DisplayName(
      "C3: S0 — one 不合格 quarter → 通报批评, two consecutive → dismissal procedure; S1 — one →"
          + " nothing, two → 通报批评, three → not renewed")
  void consequences() {
    assertThat(Consequences.of(Rulebook.S0, 0)).isEmpty();
    assertThat(Consequences.of(Rulebook.S0, 1).orElseThrow().measure())
        .isEqualTo("CIRCULATED_CRITICISM");
    assertThat(Consequences.of(Rulebook.S0, 2).orElseThrow().measure()).isEqualTo("DISMISSAL");
    assertThat(Consequences.of(Rulebook.S1, 1)).isEmpty();
    assertThat(Consequences.of(Rulebook.S1, 2).orElseThrow().measure())
        .isEqualTo("CIRCULATED_CRITICISM");
    assertThat(Consequences.of(Rulebook.S1, 2).orElseThrow().trigger())
        .as("S1's criticism after two is a trigger of its own: its clause is not S0's")
        .isEqualTo(Consequences.TRIGGER_TWICE_CRITICISM);
    assertThat(Consequences.of(Rulebook.S0, 1).orElseThrow().trigger())
        .isEqualTo(Consequences.TRIGGER_CRITICISM);
    assertThat(Consequences.of(Rulebook.S1, 3).orElseThrow().measure()).isEqualTo("NOT_RENEWED");
    assertThat(Consequences.of(Rulebook.S1, 4).orElseThrow().trigger())
        .isEqualTo(Consequences.TRIGGER_NOT_RENEWED);
  }
}
