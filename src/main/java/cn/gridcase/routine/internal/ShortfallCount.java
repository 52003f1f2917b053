package cn.gridcase.routine.internal;

import cn.gridcase.event.ReportedEvent;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.SpecialPerson;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.Requirement;
import cn.gridcase.routine.ShortfallItem;
import cn.gridcase.routine.ShortfallPeriod;
import cn.gridcase.routine.ShortfallUnit;
import cn.gridcase.routine.WorkRecordKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The counting of a person's shortfalls over a period, from what was read in one go (no database
 * here): working days from the calendar, the grid held on each day from the appointments, the
 * records, the reported events and the special-group registers of the grids held.
 *
 * <p>A day is judged when it is a working day (T1) on which the person was the grid worker of a
 * grid; a week (ISO, beginning in the period) or a month (beginning in the period) when it has
 * working days and the person was a grid worker on each of them. A day, week or month not over yet
 * (today, this week, this month) is open: counted, shown as what is still to do, not yet short.
 */
public final class ShortfallCount {

  /** What the count reads. */
  public record Input(
      ShortfallPeriod period,
      LocalDate today,
      List<Appointment> appointments,
      List<CountedRecord> records,
      List<ReportedEvent> events,
      List<SpecialPerson> specialPersons,
      Predicate<LocalDate> workingDay,
      Function<String, GridType> gridType) {}

  private final Input in;
  private final Map<Requirement, List<ShortfallUnit>> units = new EnumMap<>(Requirement.class);

  /** The records by the day they count for. */
  private final Map<LocalDate, List<CountedRecord>> byDay = new HashMap<>();

  private ShortfallCount(Input in) {
    this.in = in;
    for (Requirement r : Requirement.values()) {
      units.put(r, new ArrayList<>());
    }
    for (CountedRecord r : in.records()) {
      byDay.computeIfAbsent(r.date(), d -> new ArrayList<>()).add(r);
    }
  }

  /** The records of the days from {@code from} to {@code to}, day by day. */
  private List<CountedRecord> recordsOf(LocalDate from, LocalDate to) {
    List<CountedRecord> records = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      records.addAll(byDay.getOrDefault(d, List.of()));
    }
    return records;
  }

  /** The first and last day the count reads records of (the reading window). */
  public static LocalDate[] window(ShortfallPeriod period, LocalDate today) {
    LocalDate to = period.to();
    for (LocalDate monday : mondays(period)) {
      to = max(to, monday.plusDays(6));
    }
    for (YearMonth month : months(period)) {
      to = max(to, month.atEndOfMonth());
    }
    return new LocalDate[] {period.from(), to.isAfter(today) ? today : to};
  }

  /** The items in the order of {@link Requirement}, HOUSEHOLDS only for months and quarters. */
  public static List<ShortfallItem> count(Input in) {
    ShortfallCount count = new ShortfallCount(in);
    count.days();
    count.weeks();
    count.months();
    List<ShortfallItem> items = new ArrayList<>();
    for (Requirement r : Requirement.values()) {
      if (r == Requirement.HOUSEHOLDS && in.period().kind() == ShortfallPeriod.Kind.WEEK) {
        continue;
      }
      items.add(item(r, count.units.get(r)));
    }
    return items;
  }

  private static ShortfallItem item(Requirement r, List<ShortfallUnit> all) {
    int required = 0;
    int done = 0;
    int shortBy = 0;
    Set<String> dates = new LinkedHashSet<>();
    List<ShortfallUnit> judged = new ArrayList<>();
    List<ShortfallUnit> open = new ArrayList<>();
    for (ShortfallUnit u : all) {
      if (u.open()) {
        open.add(u);
        continue;
      }
      judged.add(u);
      required += u.required();
      done += u.done();
      shortBy += u.shortBy();
      if (u.shortBy() > 0) {
        dates.add(u.key());
      }
    }
    return new ShortfallItem(
        r,
        r.rule(),
        r.label(),
        r.unit(),
        required,
        done,
        shortBy,
        List.copyOf(dates),
        judged,
        open);
  }

  // ---- days (S2) ----

  private void days() {
    LocalDate last = min(in.period().to(), in.today());
    for (LocalDate day = in.period().from(); !day.isAfter(last); day = day.plusDays(1)) {
      String grid = gridOn(day);
      if (grid == null || !in.workingDay().test(day)) {
        continue;
      }
      boolean open = !day.isBefore(in.today());
      List<Long> checkIns = new ArrayList<>();
      List<Long> patrols = new ArrayList<>();
      int minutes = 0;
      for (CountedRecord r : byDay.getOrDefault(day, List.of())) {
        if (r.kind() == WorkRecordKind.CHECK_IN) {
          checkIns.add(r.id());
        } else if (r.kind() == WorkRecordKind.PATROL && r.minutes() != null) {
          patrols.add(r.id());
          minutes += r.minutes();
        }
      }
      String key = day.toString();
      int checkedIn = checkIns.isEmpty() ? 0 : 1;
      units
          .get(Requirement.CHECK_IN)
          .add(unit(key, day, day, 1, checkedIn, open, null, null, grid, checkIns, List.of()));
      int patrolled = minutes >= Requirement.PATROL_MINUTES ? 1 : 0;
      units
          .get(Requirement.PATROL)
          .add(unit(key, day, day, 1, patrolled, open, minutes, null, grid, patrols, List.of()));
    }
  }

  // ---- weeks (A4 items 1, 3, 5, 6) ----

  private void weeks() {
    for (LocalDate monday : mondays(in.period())) {
      if (monday.isAfter(in.today())) {
        continue;
      }
      LocalDate sunday = monday.plusDays(6);
      List<LocalDate> working = workingDays(monday, sunday);
      if (working.isEmpty() || working.stream().anyMatch(d -> gridOn(d) == null)) {
        continue;
      }
      boolean open = !sunday.isBefore(in.today());
      String key = ShortfallPeriod.weekKey(monday);
      String grid = gridOn(working.get(0));
      List<CountedRecord> week = recordsOf(monday, sunday);
      List<Long> diaries = ids(week, WorkRecordKind.DIARY, null);
      List<Long> family = ids(week, WorkRecordKind.VISIT, VisitGroups.FAMILY);
      List<Long> screenings = ids(week, WorkRecordKind.SCREENING, null);
      List<Long> entries = ids(week, WorkRecordKind.INFO_ENTRY, null);
      List<String> events = new ArrayList<>();
      for (ReportedEvent e : in.events()) {
        LocalDate day = e.reportedAt().atZoneSameInstant(GridCaseTime.ZONE).toLocalDate();
        if (!day.isBefore(monday) && !day.isAfter(sunday)) {
          events.add(e.number());
        }
      }
      units.get(Requirement.DIARY).add(counted(key, monday, sunday, 2, diaries, open, grid));
      units.get(Requirement.FAMILY_VISIT).add(counted(key, monday, sunday, 2, family, open, grid));
      units.get(Requirement.SCREENING).add(counted(key, monday, sunday, 1, screenings, open, grid));
      int entriesRequired =
          in.gridType().apply(grid) == GridType.URBAN_COMMUNITY
              ? Requirement.INFO_ENTRIES_URBAN
              : Requirement.INFO_ENTRY.perUnit();
      int entriesDone = Math.min(entriesRequired, entries.size() + events.size());
      units
          .get(Requirement.INFO_ENTRY)
          .add(
              unit(
                  key,
                  monday,
                  sunday,
                  entriesRequired,
                  entriesDone,
                  open,
                  null,
                  null,
                  grid,
                  entries,
                  events));
      Set<String> gridsOfWeek = new LinkedHashSet<>();
      for (LocalDate d = monday; !d.isAfter(sunday); d = d.plusDays(1)) {
        String held = gridOn(d);
        if (held != null) {
          gridsOfWeek.add(held);
        }
      }
      for (SpecialPerson p : in.specialPersons()) {
        if (!gridsOfWeek.contains(p.gridCode()) || !p.registeredDuring(monday, sunday)) {
          continue;
        }
        List<Long> visits = new ArrayList<>();
        for (CountedRecord r : week) {
          if (r.kind() == WorkRecordKind.VISIT && Long.valueOf(p.id()).equals(r.personId())) {
            visits.add(r.id());
          }
        }
        units
            .get(Requirement.SPECIAL_PERSON_VISIT)
            .add(
                unit(
                    key,
                    monday,
                    sunday,
                    1,
                    visits.isEmpty() ? 0 : 1,
                    open,
                    null,
                    p.id(),
                    p.gridCode(),
                    visits,
                    List.of(),
                    p.name()));
      }
    }
  }

  // ---- months (A4 item 5) ----

  private void months() {
    for (YearMonth month : months(in.period())) {
      LocalDate first = month.atDay(1);
      LocalDate last = month.atEndOfMonth();
      if (first.isAfter(in.today())) {
        continue;
      }
      List<LocalDate> working = workingDays(first, last);
      if (working.isEmpty() || working.stream().anyMatch(d -> gridOn(d) == null)) {
        continue;
      }
      boolean open = !last.isBefore(in.today());
      Set<String> households = new LinkedHashSet<>();
      List<Long> counted = new ArrayList<>();
      for (CountedRecord r : recordsOf(first, last)) {
        if (r.kind() == WorkRecordKind.VISIT
            && r.household() != null
            && households.add(normalised(r.household()))) {
          counted.add(r.id());
        }
      }
      int required = Requirement.HOUSEHOLDS.perUnit();
      units
          .get(Requirement.HOUSEHOLDS)
          .add(
              unit(
                  month.toString(),
                  first,
                  last,
                  required,
                  Math.min(required, households.size()),
                  open,
                  null,
                  null,
                  gridOn(working.get(0)),
                  counted,
                  List.of()));
    }
  }

  // ---- helpers ----

  /** The grid the person was the grid worker of on the day (the first appointment in force). */
  private String gridOn(LocalDate day) {
    for (Appointment a : in.appointments()) {
      if (a.role() == AppointmentRole.GRID_WORKER && a.isCurrentOn(day)) {
        return a.unitCode();
      }
    }
    return null;
  }

  private List<LocalDate> workingDays(LocalDate from, LocalDate to) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (in.workingDay().test(d)) {
        days.add(d);
      }
    }
    return days;
  }

  private static List<Long> ids(List<CountedRecord> records, WorkRecordKind kind, String group) {
    List<Long> ids = new ArrayList<>();
    for (CountedRecord r : records) {
      if (r.kind() == kind && (group == null || group.equals(r.group()))) {
        ids.add(r.id());
      }
    }
    return ids;
  }

  private static ShortfallUnit counted(
      String key,
      LocalDate from,
      LocalDate to,
      int required,
      List<Long> ids,
      boolean open,
      String grid) {
    return unit(
        key,
        from,
        to,
        required,
        Math.min(required, ids.size()),
        open,
        null,
        null,
        grid,
        ids,
        List.of());
  }

  private static ShortfallUnit unit(
      String key,
      LocalDate from,
      LocalDate to,
      int required,
      int done,
      boolean open,
      Integer minutes,
      Long personId,
      String grid,
      List<Long> ids,
      List<String> events) {
    return unit(key, from, to, required, done, open, minutes, personId, grid, ids, events, null);
  }

  private static ShortfallUnit unit(
      String key,
      LocalDate from,
      LocalDate to,
      int required,
      int done,
      boolean open,
      Integer minutes,
      Long personId,
      String grid,
      List<Long> ids,
      List<String> events,
      String personName) {
    return new ShortfallUnit(
        key,
        from,
        to,
        required,
        done,
        Math.max(0, required - done),
        open,
        minutes,
        personId,
        personName,
        grid,
        List.copyOf(ids),
        List.copyOf(events));
  }

  /** The Mondays of the ISO weeks that begin in the period. */
  static List<LocalDate> mondays(ShortfallPeriod period) {
    List<LocalDate> mondays = new ArrayList<>();
    LocalDate monday = period.from().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    for (; !monday.isAfter(period.to()); monday = monday.plusWeeks(1)) {
      mondays.add(monday);
    }
    return mondays;
  }

  /** The months that begin in the period (none for a week). */
  static List<YearMonth> months(ShortfallPeriod period) {
    List<YearMonth> months = new ArrayList<>();
    if (period.kind() == ShortfallPeriod.Kind.WEEK) {
      return months;
    }
    for (YearMonth m = YearMonth.from(period.from());
        !m.atDay(1).isAfter(period.to());
        m = m.plusMonths(1)) {
      if (!m.atDay(1).isBefore(period.from())) {
        months.add(m);
      }
    }
    return months;
  }

  /** A household as typed, for counting distinct ones: spaces ignored, case folded. */
  static String normalised(String household) {
    return household.replaceAll("\\s+", "").toLowerCase();
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
