package cn.gridcase.organisation;

import java.time.LocalDate;

/** A user's appointment to a unit in a role, from {@code startsOn} to {@code endsOn} (inclusive, open if null). */
public record Appointment(long id, String username, String unitCode, AppointmentRole role,
    LocalDate startsOn, LocalDate endsOn) {

  public boolean isCurrentOn(LocalDate day) {
    return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
  }
}
