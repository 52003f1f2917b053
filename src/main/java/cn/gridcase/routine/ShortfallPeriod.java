package cn.gridcase.routine;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.InvalidRequest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period shortfalls are counted for: an ISO week ({@code 2026-W40}), a month ({@code 2026-10})
 * or a quarter ({@code 2026-Q4}), from its first to its last day.
 */
public record ShortfallPeriod(String code, Kind kind, LocalDate from, LocalDate to) {

  public enum Kind {
    WEEK,
    MONTH,
    QUARTER
  }

  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  public static ShortfallPeriod week(int weekBasedYear, int week) {
    LocalDate monday =
        LocalDate.of(weekBasedYear, 1, 4)
            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new ShortfallPeriod(weekKey(monday), Kind.WEEK, monday, monday.plusDays(6));
  }

  public static ShortfallPeriod month(YearMonth month) {
    return new ShortfallPeriod(month.toString(), Kind.MONTH, month.atDay(1), month.atEndOfMonth());
  }

  public static ShortfallPeriod quarter(int year, int quarter) {
    LocalDate first = LocalDate.of(year, 3 * quarter - 2, 1);
    return new ShortfallPeriod(
        year + "-Q" + quarter,
        Kind.QUARTER,
        first,
        first.plusMonths(2).with(TemporalAdjusters.lastDayOfMonth()));
  }

  /**
   * The last day any unit of the period covers: the Sunday of the last ISO week that begins in it
   * (a quarter's or a month's last week may end in the next one). Until that day is over the
   * period's counts are not complete.
   */
  public LocalDate countedUntil() {
    return to.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
  }

  /** Reads {@code 2026-W40}, {@code 2026-10} or {@code 2026-Q4} (400 otherwise). */
  public static ShortfallPeriod parse(String text) {
    String value = text == null ? "" : text.trim();
    try {
      Matcher m = WEEK.matcher(value);
      if (m.matches()) {
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        long weeks = LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        if (week >= 1 && week <= weeks) {
          return week(year, week);
        }
      }
      m = MONTH.matcher(value);
      if (m.matches()) {
        return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
      }
      m = QUARTER.matcher(value);
      if (m.matches()) {
        return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
    } catch (RuntimeException e) {
      // an impossible month or year: named below
    }
    throw new InvalidRequest(
        "无法识别的期间",
        List.of(
            new ApiError(
                "period", "period", "“" + value + "”不是期间：ISO 周如 2026-W40，月如 2026-10，季度如 2026-Q4")));
  }

  /** The ISO week of a day as {@code 2026-W40}. */
  public static String weekKey(LocalDate day) {
    return String.format(
        "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
