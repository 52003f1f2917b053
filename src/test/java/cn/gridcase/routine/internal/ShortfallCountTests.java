package cn.gridcase.routine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.GridType;
import cn.gridcase.routine.Requirement;
import cn.gridcase.routine.ShortfallItem;
import cn.gridcase.routine.ShortfallPeriod;
import cn.gridcase.routine.ShortfallUnit;
import cn.gridcase.routine.WorkRecordKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The counting of shortfalls alone, on made-up calendars and records (no database). */
class ShortfallCountTests {

  private static final Predicate<LocalDate> MONDAY_TO_FRIDAY =
      d -> d.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();

  private static final List<Appointment> SINCE_2026 =
      List.of(
          new Appointment(
              1, "w", 1L, "G1", AppointmentRole.GRID_WORKER, LocalDate.of(2026, 1, 1), null));

  private static List<ShortfallItem> count(
      String period, String today, Predicate<LocalDate> workingDay, List<CountedRecord> records) {
    return ShortfallCount.count(
        new ShortfallCount.Input(
            ShortfallPeriod.parse(period),
            LocalDate.parse(today),
            SINCE_2026,
            records,
            List.of(),
            List.of(),
            workingDay,
            grid -> GridType.RURAL));
  }

  private static ShortfallItem item(List<ShortfallItem> items, Requirement requirement) {
    return items.stream().filter(i -> i.requirement() == requirement).findFirst().orElseThrow();
  }

  @Test
  @DisplayName(
      "A4 the quarter's ISO weeks are those whose Monday lies in it: 2026-Q4 has W41 to W53, the"
          + " last ending on Sunday 3 January 2027")
  void weeksOfTheQuarter() {
    List<ShortfallItem> items = count("2026-Q4", "2027-02-01", MONDAY_TO_FRIDAY, List.of());
    List<ShortfallUnit> weeks = item(items, Requirement.SCREENING).units();
    assertThat(weeks).hasSize(13);
    assertThat(weeks.get(0).key()).isEqualTo("2026-W41");
    assertThat(weeks.get(12).key()).isEqualTo("2026-W53");
    assertThat(weeks.get(12).to()).isEqualTo(LocalDate.of(2027, 1, 3));
    assertThat(item(items, Requirement.HOUSEHOLDS).units())
        .extracting(ShortfallUnit::key)
        .containsExactly("2026-10", "2026-11", "2026-12");
    assertThat(ShortfallCount.window(ShortfallPeriod.parse("2026-Q4"), LocalDate.of(2027, 2, 1)))
        .containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 3));
  }

  @Test
  @DisplayName(
      "S2 A4 a week without a working day is not judged, and its days are no shortfall (T1: a whole"
          + " week of holidays)")
  void weekWithoutWorkingDays() {
    LocalDate monday = LocalDate.of(2026, 11, 9);
    Predicate<LocalDate> holidayWeek =
        d -> MONDAY_TO_FRIDAY.test(d) && (d.isBefore(monday) || d.isAfter(monday.plusDays(6)));
    List<ShortfallItem> items = count("2026-W46", "2026-11-30", holidayWeek, List.of());
    assertThat(item(items, Requirement.CHECK_IN).units()).isEmpty();
    assertThat(item(items, Requirement.DIARY).units()).isEmpty();
    assertThat(item(items, Requirement.DIARY).shortBy()).isZero();
  }

  @Test
  @DisplayName(
      "A4 households are counted distinct whatever spaces and letter case, over every group of"
          + " visit, and the month's count stops at the 20 required")
  void distinctHouseholds() {
    List<CountedRecord> visits =
        List.of(
            visit(1, "2026-11-03", "FAMILY", "3组12号 王某家"),
            visit(2, "2026-11-04", "FAMILY", "3组 12号王某家"),
            visit(3, "2026-11-05", "DISABLED", "A栋"),
            visit(4, "2026-11-06", "FAMILY", "a栋"));
    List<ShortfallItem> items = count("2026-11", "2026-12-15", MONDAY_TO_FRIDAY, visits);
    ShortfallUnit november = item(items, Requirement.HOUSEHOLDS).units().get(0);
    assertThat(november.done()).isEqualTo(2);
    assertThat(november.recordIds()).containsExactly(1L, 3L);
    assertThat(november.shortBy()).isEqualTo(18);
    assertThat(item(items, Requirement.FAMILY_VISIT).units().get(0).done())
        .as("W45 2026: three family visits, 2 required")
        .isEqualTo(2);
  }

  private static CountedRecord visit(long id, String day, String group, String household) {
    return new CountedRecord(
        id, WorkRecordKind.VISIT, LocalDate.parse(day), null, group, null, household);
  }
}
