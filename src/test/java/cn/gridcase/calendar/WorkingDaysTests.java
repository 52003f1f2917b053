package cn.gridcase.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.test.GridCaseSpringTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rules T1–T3 against the shipped schedules 2024–2026 (Flyway V2): every holiday period with its
 * make-up working days, the edges of the day, and years without a schedule.
 */
@GridCaseSpringTest
class WorkingDaysTests {

  @Autowired WorkingDays workingDays;

  @ParameterizedTest(name = "T1/T2 {4}: {0} + {1} working day(s) → end of {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2023-12-29T10:00:00+08:00 | 1 | 2024-01-02 | false | 2024 元旦: Fri before, Jan 1 off
          2024-02-03T10:00:00+08:00 | 1 | 2024-02-04 | false | 2024 春节: make-up Sunday Feb 4 counts
          2024-02-09T10:00:00+08:00 | 1 | 2024-02-18 | false | 2024 春节: Feb 10-17 off, make-up Sunday Feb 18
          2024-04-03T10:00:00+08:00 | 1 | 2024-04-07 | false | 2024 清明节: Apr 4-6 off, make-up Sunday Apr 7
          2024-04-27T10:00:00+08:00 | 1 | 2024-04-28 | false | 2024 劳动节: make-up Sunday Apr 28
          2024-04-30T10:00:00+08:00 | 1 | 2024-05-06 | false | 2024 劳动节: May 1-5 off
          2024-05-10T10:00:00+08:00 | 1 | 2024-05-11 | false | 2024 劳动节: make-up Saturday May 11
          2024-06-07T10:00:00+08:00 | 1 | 2024-06-11 | false | 2024 端午节: Jun 10 off
          2024-09-13T10:00:00+08:00 | 1 | 2024-09-14 | false | 2024 中秋节: make-up Saturday Sep 14
          2024-09-14T10:00:00+08:00 | 1 | 2024-09-18 | false | 2024 中秋节: from the make-up day, Sep 15-17 off
          2024-09-28T10:00:00+08:00 | 1 | 2024-09-29 | false | 2024 国庆节: make-up Sunday Sep 29
          2024-09-30T10:00:00+08:00 | 1 | 2024-10-08 | false | 2024 国庆节: Oct 1-7 off
          2024-10-11T10:00:00+08:00 | 1 | 2024-10-12 | false | 2024 国庆节: make-up Saturday Oct 12
          2024-12-31T10:00:00+08:00 | 1 | 2025-01-02 | false | 2025 元旦: Jan 1 off
          2025-01-25T10:00:00+08:00 | 1 | 2025-01-26 | false | 2025 春节: make-up Sunday Jan 26
          2025-01-27T10:00:00+08:00 | 1 | 2025-02-05 | false | 2025 春节: Jan 28 - Feb 4 off
          2025-02-07T10:00:00+08:00 | 1 | 2025-02-08 | false | 2025 春节: make-up Saturday Feb 8
          2025-04-03T10:00:00+08:00 | 1 | 2025-04-07 | false | 2025 清明节: Apr 4-6 off
          2025-04-26T10:00:00+08:00 | 1 | 2025-04-27 | false | 2025 劳动节: make-up Sunday Apr 27
          2025-04-30T10:00:00+08:00 | 1 | 2025-05-06 | false | 2025 劳动节: May 1-5 off
          2025-05-30T10:00:00+08:00 | 1 | 2025-06-03 | false | 2025 端午节: May 31 - Jun 2 off
          2025-09-27T10:00:00+08:00 | 1 | 2025-09-28 | false | 2025 国庆节、中秋节: make-up Sunday Sep 28
          2025-09-30T10:00:00+08:00 | 1 | 2025-10-09 | false | 2025 国庆节、中秋节: Oct 1-8 off
          2025-10-10T10:00:00+08:00 | 1 | 2025-10-11 | false | 2025 国庆节、中秋节: make-up Saturday Oct 11
          2025-12-31T10:00:00+08:00 | 1 | 2026-01-04 | false | 2026 元旦: Jan 1-3 off, make-up Sunday Jan 4
          2026-02-13T10:00:00+08:00 | 1 | 2026-02-14 | false | 2026 春节: make-up Saturday Feb 14
          2026-02-14T10:00:00+08:00 | 1 | 2026-02-24 | false | 2026 春节: from the make-up day, Feb 15-23 off
          2026-02-27T10:00:00+08:00 | 1 | 2026-02-28 | false | 2026 春节: make-up Saturday Feb 28
          2026-04-03T10:00:00+08:00 | 1 | 2026-04-07 | false | 2026 清明节: Apr 4-6 off
          2026-04-30T10:00:00+08:00 | 1 | 2026-05-06 | false | 2026 劳动节: May 1-5 off
          2026-05-08T10:00:00+08:00 | 1 | 2026-05-09 | false | 2026 劳动节: make-up Saturday May 9
          2026-06-18T10:00:00+08:00 | 1 | 2026-06-22 | false | 2026 端午节: Jun 19-21 off
          2026-09-19T10:00:00+08:00 | 1 | 2026-09-20 | false | 2026 国庆节: make-up Sunday Sep 20
          2026-09-24T10:00:00+08:00 | 1 | 2026-09-28 | false | 2026 中秋节: Sep 25-27 off
          2026-09-30T10:00:00+08:00 | 2 | 2026-10-09 | false | 2026 国庆节: the example of T2
          2026-10-09T10:00:00+08:00 | 1 | 2026-10-10 | false | 2026 国庆节: make-up Saturday Oct 10
          2026-10-10T10:00:00+08:00 | 1 | 2026-10-12 | false | 2026 国庆节: from the make-up day, the second example of T2
          2026-10-03T10:00:00+08:00 | 1 | 2026-10-08 | false | start on a holiday
          2026-11-24T00:00:00+08:00 | 1 | 2026-11-25 | false | start at 00:00:00: the day of the start never counts
          2026-11-24T23:59:59+08:00 | 1 | 2026-11-25 | false | start at 23:59:59
          2026-11-23T16:00:00Z      | 1 | 2026-11-25 | false | from UTC: a day in Asia/Shanghai (00:00 Nov 24)
          2026-11-24T15:59:59Z      | 1 | 2026-11-25 | false | a start given in UTC: 23:59:59 Nov 24 in Asia/Shanghai
          2026-11-24T16:00:00Z      | 1 | 2026-11-26 | false | a start given in UTC: 00:00 Nov 25 in Asia/Shanghai
          2026-11-27T10:00:00+08:00 | 1 | 2026-11-30 | false | a plain weekend
          2026-09-30T10:00:00+08:00 | 15 | 2026-10-27 | false | N = 15 across 国庆节 2026 with its make-up Saturday
          2025-01-24T10:00:00+08:00 | 15 | 2025-02-20 | false | N = 15 across 春节 2025 with both make-up days
          2026-12-28T10:00:00+08:00 | 1 | 2026-12-29 | false | the last days of a year with a schedule
          """)
  void deadlines(
      String from, int n, LocalDate expectedDay, boolean provisional, String description) {
    Deadline deadline = workingDays.deadline(OffsetDateTime.parse(from), n);
    assertThat(deadline.deadline())
        .isEqualTo(OffsetDateTime.parse(expectedDay + "T23:59:59+08:00"));
    assertThat(deadline.deadline().toString()).endsWith("T23:59:59+08:00");
    assertThat(deadline.provisional()).isEqualTo(provisional);
  }

  @Test
  @DisplayName(
      "T3 a deadline in a year with no schedule is counted Mon–Fri and flagged provisional")
  void yearWithoutSchedule() {
    assertThat(workingDays.hasSchedule(2040)).isFalse();
    Deadline deadline = workingDays.deadline(OffsetDateTime.parse("2040-10-01T10:00:00+08:00"), 3);
    // Mon 2040-10-01 + 3 Mon–Fri days (National Day is unknown for 2040)
    assertThat(deadline.deadline()).isEqualTo(OffsetDateTime.parse("2040-10-04T23:59:59+08:00"));
    assertThat(deadline.provisional()).isTrue();
  }

  @Test
  @DisplayName("T3 a deadline that must pass through a year with no schedule is provisional")
  void passesThroughYearWithoutSchedule() {
    assertThat(workingDays.hasSchedule(2027)).isFalse();
    // Wed 2026-12-30: Dec 31 (1), then 2027 without a schedule, counted Mon–Fri: Jan 1 (2), 4, 5, 6
    // (5)
    Deadline deadline = workingDays.deadline(OffsetDateTime.parse("2026-12-30T10:00:00+08:00"), 5);
    assertThat(deadline.deadline()).isEqualTo(OffsetDateTime.parse("2027-01-06T23:59:59+08:00"));
    assertThat(deadline.provisional()).isTrue();
    // a count that stays inside 2026 is not provisional
    assertThat(
            workingDays
                .deadline(OffsetDateTime.parse("2026-12-28T10:00:00+08:00"), 1)
                .provisional())
        .isFalse();
  }

  @Test
  @DisplayName("T2 N must be at least 1")
  void atLeastOneDay() {
    OffsetDateTime now = OffsetDateTime.parse("2026-11-24T10:00:00+08:00");
    assertThatThrownBy(() -> workingDays.deadline(now, 0))
        .isInstanceOf(DomainRuleViolation.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> workingDays.deadline(now, -3)).isInstanceOf(DomainRuleViolation.class);
  }

  @Test
  @DisplayName("T1 working days: Mon–Fri minus holidays plus make-up days")
  void workingDay() {
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 10, 1)))
        .as("National Day, a Thursday")
        .isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 10, 10)))
        .as("make-up Saturday")
        .isTrue();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 10, 11))).as("plain Sunday").isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 10, 12))).as("plain Monday").isTrue();
  }

  @Test
  @DisplayName("T3 the schedules of 2023–2026 ship with the application")
  void shippedSchedules() {
    for (int year = 2023; year <= 2026; year++) {
      assertThat(workingDays.hasSchedule(year)).as("schedule %s", year).isTrue();
    }
    assertThat(workingDays.schedule(2026).orElseThrow().days()).hasSize(39);
  }
}
