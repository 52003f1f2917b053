package cn.gridcase.organisation;

import java.time.LocalDate;

/**
 * An appointment of a person (and their login, if they have one) to a unit in a role, from {@code
 * startsOn} to {@code endsOn} (inclusive; open if null). Never deleted: it ends.
 */
public record Appointment(
    long id,
    String username,
    Long personId,
    String unitCode,
    AppointmentRole role,
    LocalDate startsOn,
    LocalDate endsOn) {

  public boolean isCurrentOn(LocalDate day) {
    return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
  }
}
