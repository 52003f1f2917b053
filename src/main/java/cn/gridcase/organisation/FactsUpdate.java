package cn.gridcase.organisation;

import static cn.gridcase.platform.TextRules.NOTE_MAX;

import cn.gridcase.platform.ApiError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An administrator's correction of the G5 facts on a person's file: a null fact stays as it is; the
 * reason is required and kept with every change for ever.
 */
public record FactsUpdate(
    Education education,
    CurrentPost currentPost,
    Boolean criminalRecord,
    Boolean underInvestigation,
    Boolean detained,
    Boolean dismissedFromOffice,
    Boolean dishonestPerson,
    String reason) {

  /** Every problem with the update itself (the person's file is not consulted). */
  public List<ApiError> problems() {
    List<ApiError> problems = new ArrayList<>();
    if (Arrays.stream(PersonFact.values()).allMatch(fact -> fact.requestedBy(this) == null)) {
      problems.add(new ApiError(null, "G5.facts", "请至少填写一项要更正的情况（文化程度、现任职务或不得担任网格员的情形）"));
    }
    if (reason == null || reason.isBlank()) {
      problems.add(new ApiError("reason", "G5.reason", "请填写更正理由（例如依据的证明材料）"));
    } else if (reason.length() > NOTE_MAX) {
      problems.add(new ApiError("reason", "G5.reason", "更正理由最多" + NOTE_MAX + "字"));
    }
    return problems;
  }

  /** The facts on file after this update. */
  Person applyTo(Person person) {
    Person.Exclusions x = person.exclusions();
    Person.Exclusions exclusions =
        new Person.Exclusions(
            or(criminalRecord, x.criminalRecord()),
            or(underInvestigation, x.underInvestigation()),
            or(detained, x.detained()),
            or(dismissedFromOffice, x.dismissedFromOffice()),
            or(dishonestPerson, x.dishonestPerson()));
    return new Person(
        person.id(),
        person.realName(),
        person.idCardMasked(),
        person.birthDate(),
        person.phone(),
        education != null ? education : person.education(),
        currentPost != null ? currentPost : person.currentPost(),
        exclusions,
        person.username());
  }

  private static boolean or(Boolean requested, boolean onFile) {
    return requested != null ? requested : onFile;
  }
}
