package cn.gridcase.organisation;

import java.time.LocalDate;

/**
 * A person of the organisation (G3: real name). The id-card number is never part of this view: only
 * its masked form.
 */
public record Person(
    long id,
    String realName,
    String idCardMasked,
    LocalDate birthDate,
    String phone,
    Education education,
    CurrentPost currentPost,
    Exclusions exclusions,
    String username) {

  /** The facts G5 checks before a person is appointed grid worker. */
  public record Exclusions(
      boolean criminalRecord,
      boolean underInvestigation,
      boolean detained,
      boolean dismissedFromOffice,
      boolean dishonestPerson) {

    public static Exclusions none() {
      return new Exclusions(false, false, false, false, false);
    }
  }
}
