package cn.gridcase.organisation;

import java.time.LocalDate;

/**
 * A request to appoint a person to a unit in a role. The person is found by id-card number, or
 * created from these details when new. {@code startsOn} null means today.
 */
public record AppointmentRequest(
    PersonDetails person, String unitCode, AppointmentRole role, LocalDate startsOn) {

  /** A person as entered: the id-card number in clear, only until it is protected. */
  public record PersonDetails(
      String realName,
      String idCardNumber,
      String phone,
      Education education,
      CurrentPost currentPost,
      Person.Exclusions exclusions,
      String username) {}
}
