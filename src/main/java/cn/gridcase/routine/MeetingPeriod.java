package cn.gridcase.routine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One period of a meeting obligation: an ISO week ({@code 2026-W41}, Monday to Sunday, as A4 counts
 * weeks), a month ({@code 2026-10}) or a quarter ({@code 2026-Q4}), with its first and last
 * calendar day.
 */
public record MeetingPeriod(MeetingCadence cadence, String code, LocalDate start, LocalDate end) {

  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final String[] QUARTER_NAMES = {"一", "二", "三", "四"};

  public MeetingPeriod {
    Objects.requireNonNull(cadence, "cadence");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  /** The period of {@code cadence} that contains {@code day}. */
  public static MeetingPeriod containing(MeetingCadence cadence, LocalDate day) {
    return switch (cadence) {
      case WEEKLY -> {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield new MeetingPeriod(
            cadence,
            String.format(
                "%d-W%02d",
                monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
            monday,
            monday.plusDays(6));
      }
      case MONTHLY -> {
        YearMonth month = YearMonth.from(day);
        yield new MeetingPeriod(cadence, month.toString(), month.atDay(1), month.atEndOfMonth());
      }
      case QUARTERLY -> {
        int quarter = day.get(IsoFields.QUARTER_OF_YEAR);
        LocalDate first = LocalDate.of(day.getYear(), 3 * quarter - 2, 1);
        yield new MeetingPeriod(
            cadence, day.getYear() + "-Q" + quarter, first, first.plusMonths(3).minusDays(1));
      }
    };
  }

  /** A period written {@code 2026-W41}, {@code 2026-10} or {@code 2026-Q4}; empty otherwise. */
  public static Optional<MeetingPeriod> parse(String code) {
    if (code == null) {
      return Optional.empty();
    }
    try {
      Matcher week = WEEK.matcher(code);
      if (week.matches()) {
        int year = Integer.parseInt(week.group(1));
        int number = Integer.parseInt(week.group(2));
        LocalDate monday =
            LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        MeetingPeriod period = containing(MeetingCadence.WEEKLY, monday);
        return period.code().equals(code) ? Optional.of(period) : Optional.empty();
      }
      Matcher quarter = QUARTER.matcher(code);
      if (quarter.matches()) {
        int q = Integer.parseInt(quarter.group(2));
        return Optional.of(
            containing(
                MeetingCadence.QUARTERLY,
                LocalDate.of(Integer.parseInt(quarter.group(1)), 3 * q - 2, 1)));
      }
      Matcher month = MONTH.matcher(code);
      if (month.matches()) {
        return Optional.of(containing(MeetingCadence.MONTHLY, YearMonth.parse(code).atDay(1)));
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  /** Short: 2026年第41周, 2026年10月, 2026年第四季度. */
  public String shortLabel() {
    return cadence == MeetingCadence.WEEKLY
        ? start.get(IsoFields.WEEK_BASED_YEAR)
            + "年第"
            + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
            + "周"
        : label();
  }

  /** As people read it: 2026年第41周（10月5日至10月11日）, 2026年10月, 2026年第四季度. */
  public String label() {
    return switch (cadence) {
      case WEEKLY ->
          start.get(IsoFields.WEEK_BASED_YEAR)
              + "年第"
              + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
              + "周（"
              + start.getMonthValue()
              + "月"
              + start.getDayOfMonth()
              + "日至"
              + end.getMonthValue()
              + "月"
              + end.getDayOfMonth()
              + "日）";
      case MONTHLY -> start.getYear() + "年" + start.getMonthValue() + "月";
      case QUARTERLY ->
          start.getYear() + "年第" + QUARTER_NAMES[(start.getMonthValue() - 1) / 3] + "季度";
    };
  }
}
