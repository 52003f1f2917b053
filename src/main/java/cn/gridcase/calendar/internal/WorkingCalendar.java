package cn.gridcase.calendar.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.HolidaySchedule;
import cn.gridcase.platform.GridCaseTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of the working-day calendar (rules T1–T3): Monday to Friday, minus the
 * statutory holidays, plus the make-up working days, for every year with a loaded schedule; plain
 * Monday to Friday elsewhere. Built once per calendar version and then read without locks or
 * database access: a day is one array lookup.
 */
public final class WorkingCalendar {

  private static final byte DEFAULT = 0;
  private static final byte OFF = 1;
  private static final byte WORK = 2;
  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final long version;
  private final int firstYear;
  private final boolean[] knownYears; // index: year - firstYear
  private final long firstEpochDay;
  private final byte[] overrides; // index: epochDay - firstEpochDay
  private final Map<Integer, HolidaySchedule> schedules;

  public WorkingCalendar(long version, Collection<HolidaySchedule> loaded) {
    this.version = version;
    TreeMap<Integer, HolidaySchedule> byYear = new TreeMap<>();
    loaded.forEach(schedule -> byYear.put(schedule.year(), schedule));
    this.schedules = Map.copyOf(byYear);
    if (byYear.isEmpty()) {
      firstYear = 0;
      knownYears = new boolean[0];
      firstEpochDay = 0;
      overrides = new byte[0];
      return;
    }
    firstYear = byYear.firstKey();
    int lastYear = byYear.lastKey();
    knownYears = new boolean[lastYear - firstYear + 1];
    firstEpochDay = LocalDate.of(firstYear, 1, 1).toEpochDay();
    overrides = new byte[(int) (LocalDate.of(lastYear, 12, 31).toEpochDay() - firstEpochDay + 1)];
    for (HolidaySchedule schedule : byYear.values()) {
      knownYears[schedule.year() - firstYear] = true;
      for (HolidaySchedule.Day day : schedule.days()) {
        overrides[(int) (day.date().toEpochDay() - firstEpochDay)] = day.offDay() ? OFF : WORK;
      }
    }
  }

  public long version() {
    return version;
  }

  public Map<Integer, HolidaySchedule> schedules() {
    return schedules;
  }

  public boolean hasSchedule(int year) {
    int index = year - firstYear;
    return index >= 0 && index < knownYears.length && knownYears[index];
  }

  /** Rule T1. */
  public boolean isWorkingDay(LocalDate day) {
    return isWorkingDay(day.toEpochDay());
  }

  private boolean isWorkingDay(long epochDay) {
    long index = epochDay - firstEpochDay;
    if (index >= 0 && index < overrides.length) {
      byte override = overrides[(int) index];
      if (override != DEFAULT) {
        return override == WORK;
      }
    }
    // 1970-01-01 was a Thursday: (epochDay + 3) mod 7 is 0 on Mondays, 5 and 6 at the weekend
    return Math.floorMod(epochDay + 3, 7) < 5;
  }

  /**
   * Rule T2: the end of the N-th working day after the calendar day of {@code from}; T3:
   * provisional.
   */
  public Deadline deadline(OffsetDateTime from, int workingDays) {
    if (workingDays < 1) {
      throw new IllegalArgumentException("workingDays must be at least 1, was " + workingDays);
    }
    LocalDate startDay = from.atZoneSameInstant(GridCaseTime.ZONE).toLocalDate();
    long day = startDay.toEpochDay();
    int counted = 0;
    while (counted < workingDays) {
      day++;
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    LocalDate dueDay = LocalDate.ofEpochDay(day);
    boolean provisional = false;
    // the days counted are startDay+1 .. dueDay: every year they touch needs a schedule
    for (int year = startDay.plusDays(1).getYear(); year <= dueDay.getYear(); year++) {
      if (!hasSchedule(year)) {
        provisional = true;
        break;
      }
    }
    OffsetDateTime due = dueDay.atTime(END_OF_DAY).atZone(GridCaseTime.ZONE).toOffsetDateTime();
    return new Deadline(from, workingDays, due, provisional);
  }
}
