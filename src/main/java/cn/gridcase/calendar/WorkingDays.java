package cn.gridcase.calendar;

import cn.gridcase.calendar.internal.CalendarRepository;
import cn.gridcase.calendar.internal.WorkingCalendar;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Working days of the Chinese statutory calendar (rules T1–T3): the calendar's public surface.
 *
 * <p>Computing a deadline reads an in-memory snapshot and never the database. The snapshot is
 * replaced when this node loads a schedule; {@link CalendarRefresh} picks up a schedule loaded on
 * another node of a cluster.
 */
@Service
public class WorkingDays {

  private static final Logger log = LoggerFactory.getLogger(WorkingDays.class);

  private final CalendarRepository repository;
  private volatile WorkingCalendar calendar;

  WorkingDays(CalendarRepository repository) {
    this.repository = repository;
    this.calendar = load();
  }

  /**
   * The deadline N working days after {@code from} (rule T2), provisional where a year on the way
   * has no schedule (T3).
   *
   * @throws DomainRuleViolation when {@code workingDays} is below 1
   */
  public Deadline deadline(OffsetDateTime from, int workingDays) {
    if (workingDays < 1) {
      throw new DomainRuleViolation(
          "A deadline is at least 1 working day away",
          List.of(
              new ApiError(
                  "workingDays", "T2.workingDays", "must be 1 or more, was " + workingDays)));
    }
    return calendar.deadline(from, workingDays);
  }

  /**
   * When the reminder of a deadline of N working days after {@code from} is due: one working day
   * before it, i.e. the end of the (N-1)-th working day, the moment the limit's last working day
   * begins. For N = 1 that is the end of the calendar day of {@code from}, a fixed moment ({@code
   * workingDays} 0, nothing to recompute when a schedule is loaded).
   */
  public Deadline reminderOf(OffsetDateTime from, int workingDays) {
    if (workingDays >= 2) {
      return deadline(from, workingDays - 1);
    }
    OffsetDateTime endOfDay =
        from.atZoneSameInstant(GridCaseTime.ZONE)
            .toLocalDate()
            .atTime(23, 59, 59)
            .atZone(GridCaseTime.ZONE)
            .toOffsetDateTime();
    return new Deadline(from, 0, endOfDay, false);
  }

  /** Rule T1. */
  public boolean isWorkingDay(LocalDate day) {
    return calendar.isWorkingDay(day);
  }

  /**
   * How many working days (T1) lie after {@code from} up to and including {@code to}: the working
   * days left until a deadline, or gone by since one; 0 when {@code to} is not after {@code from}.
   */
  public int workingDaysAfter(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  public boolean hasSchedule(int year) {
    return calendar.hasSchedule(year);
  }

  public Optional<HolidaySchedule> schedule(int year) {
    return Optional.ofNullable(calendar.schedules().get(year));
  }

  public long version() {
    return calendar.version();
  }

  /** Whether the database holds a newer calendar than this node's snapshot (one row read). */
  public boolean isStale() {
    return repository.version() != calendar.version();
  }

  /** Reloads the snapshot now (after a load on this node). */
  public void reload() {
    calendar = load();
    log.info(
        "Working-day calendar version {} loaded: schedules for {}",
        calendar.version(),
        calendar.schedules().keySet());
  }

  private WorkingCalendar load() {
    long version = repository.version();
    return new WorkingCalendar(version, repository.loadAll());
  }
}
