package cn.gridcase.assignment.internal;

import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who is who for the matter list and the assignments (S4), from the organisation's appointments
 * today: the units that assign (township center and department staff), the township's supervisors
 * (政法委), the grid workers of a grid, and the townships a user belongs to.
 */
@Component
public class AssignmentPeople {

  private final Organisation organisation;

  AssignmentPeople(Organisation organisation) {
    this.organisation = organisation;
  }

  /** A unit that gives tasks to grid workers: the township center or a department of it. */
  public record AssignerUnit(String unitCode, UnitKind kind, String townshipCode) {}

  /**
   * The unit the user assigns for: their appointment as township center staff (event handler or
   * section head of the township), else as department staff; empty for anyone else.
   */
  public Optional<AssignerUnit> assignerUnit(String user) {
    Optional<AssignerUnit> department = Optional.empty();
    for (Appointment a : organisation.currentAppointments(user)) {
      if (a.role() != AppointmentRole.EVENT_HANDLER && a.role() != AppointmentRole.SECTION_HEAD) {
        continue;
      }
      Unit unit = organisation.unit(a.unitCode()).orElse(null);
      if (unit == null) {
        continue;
      }
      if (unit.kind() == UnitKind.TOWNSHIP) {
        return Optional.of(new AssignerUnit(unit.code(), unit.kind(), unit.code()));
      }
      if (unit.kind() == UnitKind.DEPARTMENT && department.isEmpty()) {
        department = Optional.of(new AssignerUnit(unit.code(), unit.kind(), unit.parentCode()));
      }
    }
    return department;
  }

  /** The units the user works for as staff (township center, departments), for what they see. */
  public List<String> staffUnits(String user) {
    List<String> units = new ArrayList<>();
    for (Appointment a : organisation.currentAppointments(user)) {
      if (a.role() == AppointmentRole.EVENT_HANDLER || a.role() == AppointmentRole.SECTION_HEAD) {
        organisation
            .unit(a.unitCode())
            .filter(u -> u.kind() == UnitKind.TOWNSHIP || u.kind() == UnitKind.DEPARTMENT)
            .ifPresent(u -> units.add(u.code()));
      }
    }
    return units;
  }

  /** The townships the user supervises (政法委督办人员). */
  public List<String> supervisedTownships(String user) {
    return organisation.currentAppointments(user).stream()
        .filter(a -> a.role() == AppointmentRole.SUPERVISOR)
        .map(Appointment::unitCode)
        .distinct()
        .toList();
  }

  /** The township's supervisors today, who approve matters not on the list. */
  public List<String> supervisorsOf(String township) {
    return organisation.holdersToday(township, r -> r == AppointmentRole.SUPERVISOR);
  }

  /**
   * The candidate group of the township's supervisors: {@code <township>.SUPERVISOR}, the Camunda
   * group of one role in one unit (docs/architecture.md, "Users, groups and units").
   */
  public static String supervisorGroup(String township) {
    return township + "." + AppointmentRole.SUPERVISOR.name();
  }

  /** The grid's full-time grid worker today (G3), if there is one. */
  public Optional<String> gridWorkerOf(String grid) {
    return organisation.holdersToday(grid, r -> r == AppointmentRole.GRID_WORKER).stream()
        .findFirst();
  }

  /** The grids the user works as their grid worker today. */
  public Set<String> workedGrids(String user) {
    Set<String> grids = new LinkedHashSet<>();
    organisation.currentAppointments(user).stream()
        .filter(a -> a.role() == AppointmentRole.GRID_WORKER)
        .forEach(a -> grids.add(a.unitCode()));
    return grids;
  }

  /** The township a unit belongs to (itself for a township), if the unit is known. */
  public Optional<String> townshipOf(String unitCode) {
    Unit unit = organisation.unit(unitCode).orElse(null);
    for (int depth = 0; unit != null && depth < 4; depth++) {
      if (unit.kind() == UnitKind.TOWNSHIP) {
        return Optional.of(unit.code());
      }
      unit = unit.parentCode() == null ? null : organisation.unit(unit.parentCode()).orElse(null);
    }
    return Optional.empty();
  }

  /** The townships of every unit the user is appointed to today, in the order appointed. */
  public List<String> townshipsOf(String user) {
    Set<String> townships = new LinkedHashSet<>();
    for (Appointment a : organisation.currentAppointments(user)) {
      townshipOf(a.unitCode()).ifPresent(townships::add);
    }
    return List.copyOf(townships);
  }

  public boolean isTownship(String code) {
    return code != null
        && organisation.unit(code).map(u -> u.kind() == UnitKind.TOWNSHIP).orElse(false);
  }
}
