package cn.gridcase.routine;

import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.event.Events;
import cn.gridcase.event.ReportedEvent;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.SpecialPerson;
import cn.gridcase.organisation.SpecialPersons;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.internal.CountedRecord;
import cn.gridcase.routine.internal.ShortfallCount;
import cn.gridcase.routine.internal.WorkRecordRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A grid worker's shortfalls (rule S2 and the counts of A4 items 1, 3, 5, 6) over an ISO week, a
 * month or a quarter: working days without a check-in or with under 2 hours of patrol, ISO weeks
 * short of diaries, family visits, special-person visits, a screening or information entries, and
 * months short of 20 distinct households — each with its dates and the records that count. The
 * assessment calls {@link #of} for a quarter; the API and the pages call {@link #forCaller}, which
 * adds the scope.
 *
 * <p>One report reads the database three times, each by an index: the person's records of the
 * period ({@code work_record_by_person}), the events they reported ({@code event_by_reporter}) and
 * the special-group registers of the grids they held ({@code special_person_by_grid}); the
 * appointments, grids and working days come from memory.
 */
@Service
public class Shortfalls {

  private final WorkRecordRepository records;
  private final Organisation organisation;
  private final SpecialPersons specialPersons;
  private final Events events;
  private final WorkingDays workingDays;
  private final AccessScopes scopes;
  private final WorkRecords workRecords;
  private final Clock clock;

  Shortfalls(
      WorkRecordRepository records,
      Organisation organisation,
      SpecialPersons specialPersons,
      Events events,
      WorkingDays workingDays,
      AccessScopes scopes,
      WorkRecords workRecords,
      Clock clock) {
    this.records = records;
    this.organisation = organisation;
    this.specialPersons = specialPersons;
    this.events = events;
    this.workingDays = workingDays;
    this.scopes = scopes;
    this.workRecords = workRecords;
    this.clock = clock;
  }

  /** A quarter's shortfalls (what A4 deducts from), without a scope check. */
  public ShortfallReport quarter(String username, int year, int quarter) {
    return of(username, ShortfallPeriod.quarter(year, quarter));
  }

  /**
   * The shortfalls of the period, without a scope check: as of today, a running period counts the
   * days up to today and shows the day, week and month in progress as open.
   */
  @Transactional(readOnly = true)
  public ShortfallReport of(String username, ShortfallPeriod period) {
    LocalDate today = LocalDate.now(clock.withZone(GridCaseTime.ZONE));
    LocalDate[] window = ShortfallCount.window(period, today);
    LocalDate from = window[0];
    LocalDate to = window[1];
    List<Appointment> appointments =
        organisation.appointmentsOf(username).stream()
            .filter(a -> a.role() == AppointmentRole.GRID_WORKER)
            .toList();
    List<CountedRecord> counted = List.of();
    List<ReportedEvent> reported = List.of();
    List<SpecialPerson> persons = List.of();
    if (!to.isBefore(from) && !appointments.isEmpty()) {
      counted = records.counted(username, from, to);
      reported = events.reportedBy(username, startOf(from), startOf(to.plusDays(1)));
      Set<String> grids = new LinkedHashSet<>();
      for (Appointment a : appointments) {
        boolean overlaps =
            !a.startsOn().isAfter(to) && (a.endsOn() == null || !a.endsOn().isBefore(from));
        if (overlaps) {
          grids.add(a.unitCode());
        }
      }
      persons = specialPersons.registeredIn(grids, from, to);
    }
    List<ShortfallItem> items =
        ShortfallCount.count(
            new ShortfallCount.Input(
                period,
                today,
                appointments,
                counted,
                reported,
                persons,
                workingDays::isWorkingDay,
                this::gridType));
    Set<Integer> provisional = new TreeSet<>();
    LocalDate last = period.to().isAfter(to) ? period.to() : to;
    for (int year = period.from().getYear(); year <= last.getYear(); year++) {
      if (!workingDays.hasSchedule(year)) {
        provisional.add(year);
      }
    }
    return new ShortfallReport(
        username,
        period.code(),
        period.from(),
        period.to(),
        today,
        !period.to().isBefore(today),
        !provisional.isEmpty(),
        new ArrayList<>(provisional),
        items);
  }

  /**
   * The shortfalls of a grid worker as the caller may see them: their own, or a grid worker of a
   * grid in the caller's scope (403 otherwise, also for an unknown user: no hint either way).
   */
  public ShortfallReport forCaller(String username, String period, String caller) {
    ShortfallPeriod parsed = ShortfallPeriod.parse(period);
    if (!username.equals(caller)) {
      workRecords.gridsOfWorkerInScope(username, scopes.of(caller));
    }
    return of(username, parsed);
  }

  private GridType gridType(String gridCode) {
    return gridCode == null ? null : organisation.grid(gridCode).map(Grid::type).orElse(null);
  }

  private static OffsetDateTime startOf(LocalDate day) {
    return day.atStartOfDay(GridCaseTime.ZONE).toOffsetDateTime();
  }
}
