package cn.gridcase.calendar.internal;

import cn.gridcase.calendar.HolidaySchedule;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a year's holiday schedule at run time (rule T3): validates it (every problem listed),
 * stores it, switches the calendar, and recomputes the pending deadlines it affects.
 */
@Service
public class HolidayScheduleLoading {

  /** A day as the client sent it: nothing parsed yet, so every problem can be reported. */
  public record DayInput(String date, String name, Boolean isOffDay) {}

  public record Result(HolidaySchedule schedule, DeadlineRecompute.Outcome recompute) {}

  private final CalendarRepository repository;
  private final WorkingDays workingDays;
  private final DeadlineStore store;
  private final DeadlineRecompute recompute;
  private final TransactionTemplate transaction;
  private final Clock clock;

  HolidayScheduleLoading(
      CalendarRepository repository,
      WorkingDays workingDays,
      DeadlineStore store,
      DeadlineRecompute recompute,
      TransactionTemplate transaction,
      Clock clock) {
    this.repository = repository;
    this.workingDays = workingDays;
    this.store = store;
    this.recompute = recompute;
    this.transaction = transaction;
    this.clock = clock;
  }

  public Result load(int year, Integer yearInBody, List<DayInput> days, String loadedBy) {
    HolidaySchedule schedule = validate(year, yearInBody, days);
    OffsetDateTime now = GridCaseTime.now(clock);
    long auditId =
        transaction.execute(
            status -> {
              repository.replace(schedule, "loaded through the API by " + loadedBy, loadedBy, now);
              return store.startAudit(year, loadedBy, now);
            });
    workingDays.reload();
    return new Result(
        schedule, recompute.recompute(year, auditId, OffsetDateTime.parse("1970-01-01T00:00:00Z")));
  }

  static HolidaySchedule validate(int year, Integer yearInBody, List<DayInput> days) {
    List<ApiError> errors = new ArrayList<>();
    if (year < 1990 || year > 2200) {
      errors.add(new ApiError("year", "T3.year", "year " + year + " is out of range (1990..2200)"));
    }
    if (yearInBody != null && yearInBody != year) {
      errors.add(
          new ApiError(
              "year", "T3.year", "the body is for " + yearInBody + ", the path for " + year));
    }
    if (days == null) {
      errors.add(new ApiError("days", "T3.days", "the list of days is required"));
      days = List.of();
    }
    List<HolidaySchedule.Day> valid = new ArrayList<>();
    Set<LocalDate> seen = new HashSet<>();
    for (int i = 0; i < days.size(); i++) {
      DayInput input = days.get(i);
      String field = "days[" + i + "]";
      if (input == null) {
        errors.add(new ApiError(field, "T3.day", "empty entry"));
        continue;
      }
      LocalDate date = null;
      if (input.date() == null || input.date().isBlank()) {
        errors.add(new ApiError(field + ".date", "T3.date", "the date is required"));
      } else {
        try {
          date = LocalDate.parse(input.date().trim());
        } catch (DateTimeParseException e) {
          errors.add(
              new ApiError(
                  field + ".date",
                  "T3.date",
                  "'" + input.date() + "' is not a real date (YYYY-MM-DD)"));
        }
      }
      if (date != null && date.getYear() != year) {
        errors.add(
            new ApiError(field + ".date", "T3.dateOutsideYear", date + " is not in " + year));
      }
      if (date != null && !seen.add(date)) {
        errors.add(
            new ApiError(field + ".date", "T3.duplicate", date + " is listed more than once"));
      }
      if (input.name() == null || input.name().isBlank()) {
        errors.add(
            new ApiError(field + ".name", "T3.name", "every day needs the name of its holiday"));
      }
      if (input.isOffDay() == null) {
        errors.add(
            new ApiError(
                field + ".isOffDay",
                "T3.isOffDay",
                "say whether the day is off (true) or a make-up working day (false)"));
      } else if (!input.isOffDay()
          && date != null
          && date.getDayOfWeek() != DayOfWeek.SATURDAY
          && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
        errors.add(
            new ApiError(
                field + ".isOffDay",
                "T3.makeUpDayOnWeekday",
                date
                    + " is a "
                    + date.getDayOfWeek()
                    + ": a make-up working day (调休上班) is a Saturday or Sunday"));
      }
      if (date != null
          && input.name() != null
          && !input.name().isBlank()
          && input.isOffDay() != null) {
        valid.add(new HolidaySchedule.Day(date, input.name().trim(), input.isOffDay()));
      }
    }
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation(
          "The holiday schedule of "
              + year
              + " has "
              + errors.size()
              + (errors.size() == 1 ? " problem" : " problems")
              + "; nothing was stored",
          errors);
    }
    valid.sort((a, b) -> a.date().compareTo(b.date()));
    return new HolidaySchedule(year, List.copyOf(valid));
  }
}
