package cn.gridcase.organisation;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's public surface: units (rule G1) and appointments of users to them (G3, G4).
 * Every change of appointments re-derives the user's Camunda unit groups.
 */
@Service
public class Organisation {

  private final OrganisationRepository repository;
  private final CamundaGroupSync groupSync;
  private final Clock clock;

  Organisation(OrganisationRepository repository, CamundaGroupSync groupSync, Clock clock) {
    this.repository = repository;
    this.groupSync = groupSync;
    this.clock = clock;
  }

  public Optional<Unit> unit(String code) {
    return repository.findUnit(code);
  }

  /** Creates the unit unless one with its code exists; the parent must exist. */
  @Transactional
  public Unit createUnitIfAbsent(Unit unit) {
    Optional<Unit> existing = repository.findUnit(unit.code());
    if (existing.isPresent()) {
      return existing.get();
    }
    if (unit.parentCode() != null && repository.findUnit(unit.parentCode()).isEmpty()) {
      throw new NotFound("Unknown parent unit " + unit.parentCode());
    }
    repository.insertUnit(unit, GridCaseTime.now(clock));
    return unit;
  }

  /** Appoints a user to a unit in a role from {@code startsOn}, and updates their groups. */
  @Transactional
  public Appointment appoint(String username, String unitCode, AppointmentRole role, LocalDate startsOn) {
    if (repository.findUnit(unitCode).isEmpty()) {
      throw new NotFound("Unknown unit " + unitCode);
    }
    long id = repository.insertAppointment(username, unitCode, role, startsOn, GridCaseTime.now(clock));
    groupSync.syncUser(username, today());
    return new Appointment(id, username, unitCode, role, startsOn, null);
  }

  /** The user's appointments that are in force today (Asia/Shanghai). */
  public List<Appointment> currentAppointments(String username) {
    LocalDate today = today();
    return repository.appointmentsOf(username).stream().filter(a -> a.isCurrentOn(today)).toList();
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(GridCaseTime.ZONE));
  }
}
