package cn.gridcase.accountability.internal;

import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who supervises, investigates and answers in accountability, from the current appointments. */
@Component
public class CasePeople {

  private final Organisation organisation;
  private final Clock clock;

  CasePeople(Organisation organisation, Clock clock) {
    this.organisation = organisation;
    this.clock = clock;
  }

  public List<String> supervisorsOf(String township) {
    return holders(township, AppointmentRole.SUPERVISOR);
  }

  public List<String> investigatorsOf(String township) {
    return holders(township, AppointmentRole.INVESTIGATOR);
  }

  /** The holders of a role in a unit today. */
  List<String> holders(String unitCode, AppointmentRole role) {
    return organisation.holdersToday(unitCode, r -> r == role);
  }

  /** The current appointments of a role in a unit today (with the day each began). */
  public List<Appointment> appointmentsOf(String unitCode, AppointmentRole role) {
    LocalDate today = LocalDate.now(clock.withZone(GridCaseTime.ZONE));
    return organisation.appointmentsIn(unitCode).stream()
        .filter(a -> a.isCurrentOn(today) && a.role() == role && a.username() != null)
        .sorted(Comparator.comparing(Appointment::username))
        .toList();
  }

  /** The townships where the user is a supervisor today. */
  public List<String> supervisedTownships(String username) {
    return organisation.currentAppointments(username).stream()
        .filter(a -> a.role() == AppointmentRole.SUPERVISOR)
        .map(Appointment::unitCode)
        .distinct()
        .toList();
  }

  public boolean isInvestigatorIn(String username, String township) {
    return organisation.currentAppointments(username).stream()
        .anyMatch(a -> a.role() == AppointmentRole.INVESTIGATOR && a.unitCode().equals(township));
  }

  /** The unit where the user holds the role today (C1), if any. */
  public Optional<String> unitWhere(String username, AppointmentRole role) {
    return organisation.currentAppointments(username).stream()
        .filter(a -> a.role() == role)
        .map(Appointment::unitCode)
        .findFirst();
  }

  /** The village of a unit: the unit itself for a village, the grid's village for a grid. */
  public Optional<String> villageOf(String unitCode) {
    return organisation
        .unit(unitCode)
        .flatMap(
            u ->
                switch (u.kind()) {
                  case VILLAGE -> Optional.of(u.code());
                  case GRID -> Optional.ofNullable(u.parentCode());
                  default -> Optional.empty();
                });
  }

  /** The township a unit belongs to. */
  public Optional<String> townshipOf(String unitCode) {
    return organisation
        .unit(unitCode)
        .flatMap(
            u ->
                switch (u.kind()) {
                  case TOWNSHIP -> Optional.of(u.code());
                  case VILLAGE, DEPARTMENT -> Optional.ofNullable(u.parentCode());
                  case GRID -> organisation.unit(u.parentCode()).map(v -> v.parentCode());
                });
  }
}
