package cn.gridcase.event;

import static cn.gridcase.test.ControlledClock.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.event.internal.EventPageText;
import cn.gridcase.test.GridCaseSpringTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How the pages state a deadline: in working days of the statutory calendar, not calendar days. */
@GridCaseSpringTest
class EventPageTextTests {

  @Autowired WorkingDays workingDays;

  @Test
  @DisplayName(
      "T1 the pages count working days left across National Day 2026: from Sep 30 to the end of Oct"
          + " 9 are 2 (Oct 8 and 9)")
  void workingDaysLeftAcrossHolidays() {
    EventPageText.Due due =
        EventPageText.Due.of(
            shanghai("2026-10-09T23:59:59"), shanghai("2026-09-30T10:00"), workingDays);
    assertThat(due).isEqualTo(new EventPageText.Due("2026-10-09", "还剩 2 个工作日", false));
  }

  @Test
  @DisplayName(
      "T1 overdue in working days: a deadline of Sep 30 is 2 working days overdue on Oct 9, and 3"
          + " on Saturday Oct 10 (a make-up working day)")
  void workingDaysOverdueAcrossHolidaysAndMakeUpDays() {
    assertThat(
            EventPageText.Due.of(
                shanghai("2026-09-30T23:59:59"), shanghai("2026-10-09T08:00"), workingDays))
        .isEqualTo(new EventPageText.Due("2026-09-30", "已超期 2 个工作日", true));
    assertThat(
            EventPageText.Due.of(
                    shanghai("2026-09-30T23:59:59"), shanghai("2026-10-10T08:00"), workingDays)
                .text())
        .isEqualTo("已超期 3 个工作日");
  }

  @Test
  @DisplayName(
      "T2 a deadline is the end of its day: due today until 24:00; just after, overdue by less than"
          + " a working day on a holiday")
  void dueTodayAndJustOverdue() {
    assertThat(
            EventPageText.Due.of(
                shanghai("2026-09-30T23:59:59"), shanghai("2026-09-30T23:00"), workingDays))
        .isEqualTo(new EventPageText.Due("2026-09-30", "今日到期", false));
    assertThat(
            EventPageText.Due.of(
                shanghai("2026-09-30T23:59:59"), shanghai("2026-10-01T09:00"), workingDays))
        .isEqualTo(new EventPageText.Due("2026-09-30", "已超期（不足 1 个工作日）", true));
  }
}
