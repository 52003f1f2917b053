package cn.gridcase.organisation;

import java.time.LocalDate;

/**
 * A person on a grid's register of special groups (特殊人群登记, A4 item 5), from {@code registeredOn} to
 * {@code leftOn} (inclusive; still registered if null). Never deleted: a person leaves.
 */
public record SpecialPerson(
    long id,
    String gridCode,
    String name,
    SpecialGroup group,
    String household,
    LocalDate registeredOn,
    String registeredBy,
    LocalDate leftOn,
    String leftReason,
    String leftBy) {

  /** Whether the person is on the register on that day. */
  public boolean registeredOn(LocalDate day) {
    return !registeredOn.isAfter(day) && (leftOn == null || !leftOn.isBefore(day));
  }

  /** Whether the person was on the register on some day from {@code from} to {@code to}. */
  public boolean registeredDuring(LocalDate from, LocalDate to) {
    return !registeredOn.isAfter(to) && (leftOn == null || !leftOn.isBefore(from));
  }
}
