package cn.gridcase.assessment.internal;

import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.NotFound;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may record and read the grid leaders' reviews and surveys (A8), the leaders' bonus link (A7)
 * and the yearly evaluation: the township's staff — the township center (a current appointment at
 * the township in a role that works its queue) and its supervisors (督办人员) — record and read
 * everything of their township; administrators everything. A published survey is read by everyone
 * with a current appointment in the township (its staff, its villages' and grids' people).
 */
@Component
public class LeaderAccess {

  private final Organisation organisation;
  private final AccessScopes scopes;

  LeaderAccess(Organisation organisation, AccessScopes scopes) {
    this.organisation = organisation;
    this.scopes = scopes;
  }

  /** 404 unless the code names a township. */
  public Unit township(String code) {
    return organisation
        .unit(code == null ? "" : code.trim())
        .filter(u -> u.kind() == UnitKind.TOWNSHIP)
        .orElseThrow(() -> new NotFound("没有乡镇 " + code));
  }

  /** Whether the caller is of the township's center or one of its supervisors (or an admin). */
  public boolean isTownshipStaff(String caller, String township) {
    if (scopes.of(caller).admin()) {
      return true;
    }
    return organisation.currentAppointments(caller).stream()
        .anyMatch(
            a ->
                a.unitCode().equals(township)
                    && (a.role().worksUnitQueue() || a.role() == AppointmentRole.SUPERVISOR));
  }

  /** Whether the caller is township staff (center or supervisor) anywhere, or an admin. */
  public boolean isAnyTownshipStaff(String caller) {
    if (scopes.of(caller).admin()) {
      return true;
    }
    return organisation.currentAppointments(caller).stream()
        .anyMatch(
            a ->
                organisation
                        .unit(a.unitCode())
                        .map(u -> u.kind() == UnitKind.TOWNSHIP)
                        .orElse(false)
                    && (a.role().worksUnitQueue() || a.role() == AppointmentRole.SUPERVISOR));
  }

  /** 403 unless {@link #isTownshipStaff}. */
  public void requireTownshipStaff(String caller, String township) {
    if (!isTownshipStaff(caller, township)) {
      throw new AccessDeniedException("只有乡镇综治中心的工作人员和督办人员办理 " + township + " 的网格长考评");
    }
  }

  /** Whether the caller has a current appointment anywhere in the township (or is an admin). */
  public boolean isOfTownship(String caller, String township) {
    AccessScope scope = scopes.of(caller);
    if (scope.admin() || scope.townships().contains(township)) {
      return true;
    }
    Set<String> townships = new HashSet<>();
    for (String village : scope.villages()) {
      organisation.unit(village).map(Unit::parentCode).ifPresent(townships::add);
    }
    for (String grid : scope.grids()) {
      organisation
          .unit(grid)
          .flatMap(g -> organisation.unit(g.parentCode()))
          .map(Unit::parentCode)
          .ifPresent(townships::add);
    }
    return townships.contains(township);
  }

  /** The caller's scope (for the rows a village's people or a grid worker see). */
  public AccessScope scope(String caller) {
    return scopes.of(caller);
  }

  /** A grid leader's village in a year, and its township. */
  public record LeaderPost(String leader, String villageCode, String townshipCode) {}

  /**
   * The village the user led as grid leader (网格长) in the year: their GRID_LEADER appointment in
   * force on some day of the year that began last; empty when they were none.
   */
  public Optional<LeaderPost> leaderIn(String username, int year) {
    if (username == null || username.isBlank()) {
      return Optional.empty();
    }
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = LocalDate.of(year, 12, 31);
    return organisation.appointmentsOf(username.trim()).stream()
        .filter(a -> a.role() == AppointmentRole.GRID_LEADER)
        .filter(
            a -> !a.startsOn().isAfter(to) && (a.endsOn() == null || !a.endsOn().isBefore(from)))
        .max(Comparator.comparing(Appointment::startsOn))
        .flatMap(
            a ->
                organisation
                    .unit(a.unitCode())
                    .map(v -> new LeaderPost(username.trim(), v.code(), v.parentCode())));
  }

  /** The township's villages, by code. */
  public List<Unit> villagesOf(String township) {
    return organisation.units(UnitKind.VILLAGE).stream()
        .filter(v -> township.equals(v.parentCode()))
        .sorted(Comparator.comparing(Unit::code))
        .toList();
  }

  public String unitName(String code) {
    return organisation.unit(code).map(Unit::name).orElse(code);
  }

  /** The townships the caller is staff of (all for an administrator), by code. */
  public List<String> staffTownships(String caller) {
    return organisation.units(UnitKind.TOWNSHIP).stream()
        .map(Unit::code)
        .filter(t -> isTownshipStaff(caller, t))
        .sorted()
        .toList();
  }

  /** The grid leaders of the township's villages in the year (username, village), by village. */
  public List<LeaderPost> leadersOf(String township, int year) {
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = LocalDate.of(year, 12, 31);
    List<LeaderPost> out = new ArrayList<>();
    for (Unit village : villagesOf(township)) {
      organisation.appointmentsIn(village.code()).stream()
          .filter(a -> a.role() == AppointmentRole.GRID_LEADER && a.username() != null)
          .filter(
              a -> !a.startsOn().isAfter(to) && (a.endsOn() == null || !a.endsOn().isBefore(from)))
          .map(a -> new LeaderPost(a.username(), village.code(), township))
          .distinct()
          .forEach(out::add);
    }
    return out;
  }
}
