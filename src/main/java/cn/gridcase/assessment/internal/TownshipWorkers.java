package cn.gridcase.assessment.internal;

import cn.gridcase.event.GridEntry;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Person;
import cn.gridcase.organisation.Unit;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.security.UserAccounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The grid workers of a township over a span of days, and what an entry of theirs is (A1): one of
 * E1's three categories, reported in a grid the reporter was grid worker of on the day of the
 * report.
 */
@Component
public class TownshipWorkers {

  private final Organisation organisation;
  private final UserAccounts accounts;

  TownshipWorkers(Organisation organisation, UserAccounts accounts) {
    this.organisation = organisation;
    this.accounts = accounts;
  }

  /** The township's grids, by code. */
  public List<Grid> gridsOf(String townshipCode) {
    Map<String, String> townshipOfVillage = new HashMap<>();
    List<Grid> grids = new ArrayList<>();
    for (Grid grid : organisation.grids()) {
      String township =
          townshipOfVillage.computeIfAbsent(
              grid.villageCode(), v -> organisation.unit(v).map(Unit::parentCode).orElse(""));
      if (Objects.equals(township, townshipCode)) {
        grids.add(grid);
      }
    }
    grids.sort(Comparator.comparing(Grid::code));
    return grids;
  }

  /**
   * The grid-worker appointments in the grids that overlap {@code [from, to]}, per grid worker (by
   * login), each list in the order the appointments began; workers in the order of their grids.
   */
  public Map<String, List<Appointment>> workers(List<Grid> grids, LocalDate from, LocalDate to) {
    Map<String, List<Appointment>> workers = new LinkedHashMap<>();
    for (Grid grid : grids) {
      for (Appointment a : organisation.appointmentsIn(grid.code())) {
        if (a.role() == AppointmentRole.GRID_WORKER
            && a.username() != null
            && overlaps(a, from, to)) {
          workers.computeIfAbsent(a.username(), u -> new ArrayList<>()).add(a);
        }
      }
    }
    workers.replaceAll(
        (u, list) -> list.stream().sorted(Comparator.comparing(Appointment::startsOn)).toList());
    return workers;
  }

  /**
   * The user's grid-worker appointments that overlap {@code [from, to]}, in the order they began.
   */
  public List<Appointment> appointmentsOf(String username, LocalDate from, LocalDate to) {
    return organisation.appointmentsOf(username).stream()
        .filter(a -> a.role() == AppointmentRole.GRID_WORKER && overlaps(a, from, to))
        .sorted(Comparator.comparing(Appointment::startsOn))
        .toList();
  }

  /** The township of a grid. */
  public String townshipOf(String gridCode) {
    return organisation
        .grid(gridCode)
        .flatMap(g -> organisation.unit(g.villageCode()))
        .map(Unit::parentCode)
        .orElseThrow(() -> new IllegalStateException("grid without township: " + gridCode));
  }

  /** The person's real name behind the appointment, else the account's name. */
  public String nameOf(String username, Appointment appointment) {
    if (appointment != null && appointment.personId() != null) {
      String name = organisation.person(appointment.personId()).map(Person::realName).orElse(null);
      if (name != null && !name.isBlank()) {
        return name;
      }
    }
    return accounts.nameOf(username);
  }

  /** Whether the event is an entry of the grid worker with these appointments (A1). */
  public static boolean isEntry(GridEntry e, List<Appointment> appointments) {
    if (!e.category().countsAsEntry()) {
      return false;
    }
    LocalDate day = e.reportedAt().atZoneSameInstant(GridCaseTime.ZONE).toLocalDate();
    return appointments.stream()
        .anyMatch(a -> a.unitCode().equals(e.gridCode()) && a.isCurrentOn(day));
  }

  private static boolean overlaps(Appointment a, LocalDate from, LocalDate to) {
    return !a.startsOn().isAfter(to) && (a.endsOn() == null || !a.endsOn().isBefore(from));
  }
}
