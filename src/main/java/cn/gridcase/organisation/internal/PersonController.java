package cn.gridcase.organisation.internal;

import static cn.gridcase.platform.TextRules.NOTE_MAX;

import cn.gridcase.organisation.CurrentPost;
import cn.gridcase.organisation.Education;
import cn.gridcase.organisation.FactsUpdate;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Person;
import cn.gridcase.organisation.PersonFact;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.InvalidRequest;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A person's file with the G5 facts and their audited corrections (rule G5), administrators. */
@RestController
@RequestMapping("/api/people/{id}")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Organisation", description = "Units, people and settings (administrators)")
class PersonController {

  private final Organisation organisation;

  PersonController(Organisation organisation) {
    this.organisation = organisation;
  }

  /** Enum values as text so that an unknown one is named together with every other problem. */
  record FactsBody(
      @Text(max = 20) String education,
      @Text(max = 40) String currentPost,
      Boolean criminalRecord,
      Boolean underInvestigation,
      Boolean detained,
      Boolean dismissedFromOffice,
      Boolean dishonestPerson,
      @Text(max = NOTE_MAX, multiLine = true) String reason) {}

  record FactChangeView(
      String fact,
      String label,
      String oldValue,
      String newValue,
      String reason,
      String changedBy,
      OffsetDateTime changedAt) {}

  record PersonFileView(
      long id,
      String realName,
      String idCardMasked,
      LocalDate birthDate,
      String phone,
      Education education,
      CurrentPost currentPost,
      boolean criminalRecord,
      boolean underInvestigation,
      boolean detained,
      boolean dismissedFromOffice,
      boolean dishonestPerson,
      String username,
      List<FactChangeView> factChanges) {}

  @GetMapping
  @Operation(summary = "A person's file: the G5 facts on record and every correction of them")
  PersonFileView get(@PathVariable long id) {
    return view(organisation.person(id).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的人员")));
  }

  @PatchMapping
  @Operation(
      summary =
          "Correct a person's G5 facts (absent = unchanged; reason required; audited for ever)")
  PersonFileView update(Principal user, @PathVariable long id, @RequestBody FactsBody body) {
    List<ApiError> unreadable = new ArrayList<>();
    Education education =
        parse(Education.class, body.education(), PersonFact.EDUCATION, unreadable);
    CurrentPost post =
        parse(CurrentPost.class, body.currentPost(), PersonFact.CURRENT_POST, unreadable);
    FactsUpdate update =
        new FactsUpdate(
            education,
            post,
            body.criminalRecord(),
            body.underInvestigation(),
            body.detained(),
            body.dismissedFromOffice(),
            body.dishonestPerson(),
            body.reason());
    if (!unreadable.isEmpty()) {
      List<ApiError> problems = new ArrayList<>(unreadable);
      // an unreadable value is a fact named, so "name at least one" would be wrong beside it
      update.problems().stream()
          .filter(problem -> !problem.code().equals("G5.facts"))
          .forEach(problems::add);
      throw new InvalidRequest("人员情况未更正", problems);
    }
    return view(organisation.updateFacts(id, update, user.getName()));
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, PersonFact fact, List<ApiError> problems) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim());
    } catch (IllegalArgumentException e) {
      problems.add(
          new ApiError(
              fact.field(),
              "G5." + fact.field(),
              fact.label()
                  + "须为 "
                  + String.join(
                      "、", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
                  + " 之一，而不是“"
                  + value
                  + "”"));
      return null;
    }
  }

  private PersonFileView view(Person p) {
    List<FactChangeView> changes =
        organisation.factChanges(p.id()).stream()
            .map(
                c ->
                    new FactChangeView(
                        c.fact().field(),
                        c.fact().label(),
                        c.oldValue(),
                        c.newValue(),
                        c.reason(),
                        c.changedBy(),
                        c.changedAt()))
            .toList();
    Person.Exclusions x = p.exclusions();
    return new PersonFileView(
        p.id(),
        p.realName(),
        p.idCardMasked(),
        p.birthDate(),
        p.phone(),
        p.education(),
        p.currentPost(),
        x.criminalRecord(),
        x.underInvestigation(),
        x.detained(),
        x.dismissedFromOffice(),
        x.dishonestPerson(),
        p.username(),
        changes);
  }
}
