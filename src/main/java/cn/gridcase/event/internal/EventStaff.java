package cn.gridcase.event.internal;

import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** Who works, supervises or answers for an event at a unit today, from the current appointments. */
@Component
public class EventStaff {

  private final Organisation organisation;

  EventStaff(Organisation organisation) {
    this.organisation = organisation;
  }

  /**
   * The users who work the unit's queue (grid worker, station/center staff, department handlers).
   */
  public List<String> queueOf(String unitCode) {
    return usersIn(unitCode, roles -> roles.worksUnitQueue());
  }

  /** The holders of a role in a unit today. */
  public List<String> holdersOf(String unitCode, AppointmentRole role) {
    return usersIn(unitCode, r -> r == role);
  }

  /** 督办人员 of the township. */
  public List<String> supervisorsOf(String townshipCode) {
    return usersIn(townshipCode, role -> role == AppointmentRole.SUPERVISOR);
  }

  /** The township center's staff (E7). */
  public List<String> centerStaffOf(String townshipCode) {
    return queueOf(townshipCode);
  }

  /** Whether the user works the unit's queue today. */
  public boolean worksQueueOf(String username, String unitCode) {
    return current(username).stream()
        .anyMatch(a -> a.unitCode().equals(unitCode) && a.role().worksUnitQueue());
  }

  public boolean holds(String username, String unitCode, AppointmentRole role) {
    return current(username).stream()
        .anyMatch(a -> a.unitCode().equals(unitCode) && a.role() == role);
  }

  /** The user's role in the unit's queue, e.g. GRID_WORKER or EVENT_HANDLER. */
  Optional<AppointmentRole> queueRoleOf(String username, String unitCode) {
    return current(username).stream()
        .filter(a -> a.unitCode().equals(unitCode) && a.role().worksUnitQueue())
        .map(Appointment::role)
        .findFirst();
  }

  /**
   * Who answers for an acceptance nobody made (C3): the handlers of the unit's queue (the grid
   * worker of a grid).
   */
  List<Appointment> answerableForQueue(String unitCode) {
    return organisation.appointmentsToday(
        unitCode, EnumSet.of(AppointmentRole.GRID_WORKER, AppointmentRole.EVENT_HANDLER)::contains);
  }

  private List<String> usersIn(String unitCode, Predicate<AppointmentRole> role) {
    return organisation.holdersToday(unitCode, role);
  }

  private List<Appointment> current(String username) {
    return organisation.currentAppointments(username);
  }

  public Set<String> departmentsOf(String townshipCode) {
    return Set.copyOf(
        organisation.units(UnitKind.DEPARTMENT).stream()
            .filter(u -> townshipCode.equals(u.parentCode()))
            .map(Unit::code)
            .toList());
  }

  /** The township's departments as "DEPT-SAFETY 应急管理、…" (what the center can dispatch to). */
  public String departmentNamesOf(String townshipCode) {
    return String.join(
        "、",
        organisation.units(UnitKind.DEPARTMENT).stream()
            .filter(u -> townshipCode.equals(u.parentCode()))
            .map(u -> u.code() + " " + u.name())
            .sorted()
            .toList());
  }
}
