package cn.gridcase.routine.internal;

import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.routine.internal.MeetingRepository.Place;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who a meeting concerns, from the appointments in force on a day (G4): the expected attendees of a
 * unit's meetings, who holds (convenes and records) them — the unit's Camunda candidate groups
 * (docs/architecture.md, "Users, groups and units") — and where a unit lies.
 *
 * <ul>
 *   <li>a grid: its grid worker and its 1+4+X team (G3) attend; the grid's queue (its grid worker)
 *       holds it;
 *   <li>a village: the grid workers of its grids, its grid leaders and instructors attend; the
 *       village's queue (the station) and its grid leaders hold it;
 *   <li>a township (the quarterly meeting, the grid-worker meetings, trainings): every grid worker
 *       of its grids attends; the township's queue (the center) holds it.
 * </ul>
 *
 * People without a login are not listed: attendance is recorded by login.
 */
@Component
public class MeetingPeople {

  static final Set<AppointmentRole> GRID_TEAM =
      EnumSet.of(
          AppointmentRole.GRID_WORKER,
          AppointmentRole.GRID_SUPERVISOR_ASSISTANT,
          AppointmentRole.GRID_POLICE_OFFICER,
          AppointmentRole.GRID_FIREFIGHTER,
          AppointmentRole.GRID_MONITOR,
          AppointmentRole.GRID_VOLUNTEER);

  static final Set<AppointmentRole> VILLAGE_CADRES =
      EnumSet.of(AppointmentRole.GRID_LEADER, AppointmentRole.GRID_INSTRUCTOR);

  private final Organisation organisation;

  MeetingPeople(Organisation organisation) {
    this.organisation = organisation;
  }

  public Optional<Unit> unit(String code) {
    return code == null ? Optional.empty() : organisation.unit(code);
  }

  /**
   * Where the unit lies (township, village, grid), or empty for an unknown unit or a department.
   */
  public Optional<Place> placeOf(String unitCode) {
    Optional<Unit> unit = unit(unitCode);
    if (unit.isEmpty()) {
      return Optional.empty();
    }
    Unit u = unit.get();
    return switch (u.kind()) {
      case TOWNSHIP -> Optional.of(new Place(u.code(), u.code(), null, null));
      case VILLAGE -> Optional.of(new Place(u.code(), u.parentCode(), u.code(), null));
      case GRID -> {
        Unit village = organisation.unit(u.parentCode()).orElse(null);
        yield village == null
            ? Optional.empty()
            : Optional.of(new Place(u.code(), village.parentCode(), village.code(), u.code()));
      }
      case DEPARTMENT -> Optional.empty();
    };
  }

  /** The level of the unit at {@code place}. */
  public static UnitKind levelOf(Place place) {
    return place.gridCode() != null
        ? UnitKind.GRID
        : place.villageCode() != null ? UnitKind.VILLAGE : UnitKind.TOWNSHIP;
  }

  /** Whether the scope covers the unit (its township, village or grid). */
  public static boolean covers(AccessScope scope, Place place) {
    if (scope.admin()) {
      return true;
    }
    if (place.gridCode() != null) {
      return scope.grids().contains(place.gridCode());
    }
    if (place.villageCode() != null) {
      return scope.villages().contains(place.villageCode());
    }
    return scope.townships().contains(place.townshipCode());
  }

  /** The units the scope covers, of every level (null: all, for an administrator). */
  public static Set<String> unitsOf(AccessScope scope) {
    if (scope.admin()) {
      return null;
    }
    Set<String> units = new LinkedHashSet<>(scope.townships());
    units.addAll(scope.villages());
    units.addAll(scope.grids());
    return units;
  }

  /** The grids of a village, by code. */
  public List<String> gridsOf(String villageCode) {
    return organisation.grids().stream()
        .filter(g -> villageCode.equals(g.villageCode()))
        .map(Grid::code)
        .sorted()
        .toList();
  }

  /** The villages of a township, by code. */
  public List<String> villagesOf(String townshipCode) {
    return organisation.units(UnitKind.VILLAGE).stream()
        .filter(v -> townshipCode.equals(v.parentCode()))
        .map(Unit::code)
        .sorted()
        .toList();
  }

  /** The units of a township that hold meetings of a level: its grids, its villages or itself. */
  public List<String> unitsOfLevel(String townshipCode, UnitKind level) {
    return switch (level) {
      case TOWNSHIP -> List.of(townshipCode);
      case VILLAGE -> villagesOf(townshipCode);
      case GRID -> villagesOf(townshipCode).stream().flatMap(v -> gridsOf(v).stream()).toList();
      case DEPARTMENT -> List.of();
    };
  }

  /** The expected attendees of the unit's meetings on {@code day}, by login, in a stable order. */
  public List<String> expectedAttendees(Place place, LocalDate day) {
    Set<String> people = new LinkedHashSet<>();
    if (place.gridCode() != null) {
      people.addAll(holders(place.gridCode(), GRID_TEAM, day));
    } else if (place.villageCode() != null) {
      for (String grid : gridsOf(place.villageCode())) {
        people.addAll(holders(grid, EnumSet.of(AppointmentRole.GRID_WORKER), day));
      }
      people.addAll(holders(place.villageCode(), VILLAGE_CADRES, day));
    } else {
      for (String village : villagesOf(place.townshipCode())) {
        for (String grid : gridsOf(village)) {
          people.addAll(holders(grid, EnumSet.of(AppointmentRole.GRID_WORKER), day));
        }
      }
    }
    return List.copyOf(people);
  }

  /** The grid workers among the expected attendees (whose written reports S1 五(四) asks for). */
  public List<String> gridWorkers(Place place, LocalDate day) {
    List<String> workers = new ArrayList<>();
    List<String> grids =
        place.gridCode() != null
            ? List.of(place.gridCode())
            : place.villageCode() != null
                ? gridsOf(place.villageCode())
                : villagesOf(place.townshipCode()).stream()
                    .flatMap(v -> gridsOf(v).stream())
                    .toList();
    for (String grid : grids) {
      for (String worker : holders(grid, EnumSet.of(AppointmentRole.GRID_WORKER), day)) {
        if (!workers.contains(worker)) {
          workers.add(worker);
        }
      }
    }
    return workers;
  }

  /**
   * The candidate groups of the unit's meeting task: its queue, and a village's grid leaders. The
   * organisation names a unit's queue by the unit's code and one role's holders {@code
   * <unit>.<ROLE>} (docs/architecture.md, "Users, groups and units"; its {@code UnitGroups} is
   * internal to it, so the two forms are written here).
   */
  public static List<String> candidateGroups(Place place) {
    if (place.gridCode() == null && place.villageCode() != null) {
      return List.of(
          place.villageCode(), place.villageCode() + "." + AppointmentRole.GRID_LEADER.name());
    }
    return List.of(place.unitCode());
  }

  /** Who holds the unit's meetings today: the members of its candidate groups, by login. */
  public List<String> conveners(Place place) {
    Set<String> people =
        new LinkedHashSet<>(
            organisation.holdersToday(place.unitCode(), AppointmentRole::worksUnitQueue));
    if (place.gridCode() == null && place.villageCode() != null) {
      people.addAll(
          organisation.holdersToday(place.villageCode(), r -> r == AppointmentRole.GRID_LEADER));
    }
    return List.copyOf(people);
  }

  /** The units whose meetings the user holds today (grid, village or township). */
  public List<String> unitsConvenedBy(String username) {
    Set<String> units = new LinkedHashSet<>();
    for (Appointment a : organisation.currentAppointments(username)) {
      Optional<Unit> unit = organisation.unit(a.unitCode());
      if (unit.isEmpty() || unit.get().kind() == UnitKind.DEPARTMENT) {
        continue;
      }
      if (a.role().worksUnitQueue()
          || (a.role() == AppointmentRole.GRID_LEADER && unit.get().kind() == UnitKind.VILLAGE)) {
        units.add(a.unitCode());
      }
    }
    return List.copyOf(units);
  }

  private List<String> holders(String unitCode, Set<AppointmentRole> roles, LocalDate day) {
    List<String> people = new ArrayList<>();
    for (Appointment a : organisation.appointmentsIn(unitCode)) {
      if (a.username() != null
          && a.isCurrentOn(day)
          && roles.contains(a.role())
          && !people.contains(a.username())) {
        people.add(a.username());
      }
    }
    return people;
  }
}
