package cn.gridcase.event.internal;

import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.Party;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.TextRules;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validation of event data (rules E1, E2, E3, E5, E6, E9). One implementation serves the API
 * and the process layer (the task listeners), so a step is refused the same way whether it is
 * completed through {@code /api}, {@code /engine-rest} or a Tasklist form. Every problem is listed.
 */
public final class EventRules {

  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,18}[0-9]");

  public static final int TITLE_MAX = 200;
  public static final int LOCATION_MAX = 500;
  public static final int PERSONS_MAX = 1000;

  /**
   * The length and line rule of every text a step takes, the same as the request types of the API
   * declare with {@code @Text}: Tasklist forms and {@code /engine-rest} submit through the
   * listener.
   */
  private static final Map<String, Integer> ONE_LINE =
      Map.of(
          EventVariables.OUTCOME,
          32,
          EventVariables.MEDIATOR,
          100,
          EventVariables.AGREEMENT_FORM,
          32,
          EventVariables.DEPARTMENT_CODE,
          64,
          EventVariables.COUNTY_DEPARTMENT,
          200,
          EventVariables.SATISFACTION,
          32);

  private static final Set<String> MULTI_LINE =
      Set.of(
          EventVariables.RESULT,
          EventVariables.MEDIATION_RESULT,
          EventVariables.AGREEMENT_TERMS,
          EventVariables.DELAY_REASON,
          EventVariables.REASON,
          EventVariables.INSTRUCTIONS,
          EventVariables.COMMENT);

  private EventRules() {}

  /**
   * E1, E2: an event entry carries time, place, persons, cause and course; a dispute both parties
   * and a phone.
   */
  public static List<ApiError> checkReport(EventReport report, OffsetDateTime now) {
    List<ApiError> errors = new ArrayList<>();
    if (report.category() == null) {
      errors.add(
          new ApiError(
              "category",
              "E1.category",
              "the category is missing: DISPUTE, HAZARD, SERVICE or OTHER"));
    }
    if (blank(report.gridCode())) {
      errors.add(new ApiError("gridCode", "E2.grid", "the grid where it happened is missing"));
    }
    if (blank(report.title())) {
      errors.add(new ApiError("title", "E2.title", "a short title is missing"));
    } else if (report.title().trim().length() > 200) {
      errors.add(new ApiError("title", "E2.title", "the title is longer than 200 characters"));
    }
    if (report.occurredAt() == null) {
      errors.add(new ApiError("occurredAt", "E2.time", "when it happened (时间) is missing"));
    } else if (report.occurredAt().isBefore(TextRules.EARLIEST)) {
      errors.add(new ApiError("occurredAt", "E2.time", "发生时间早于 2000 年，不可信"));
    } else if (report.occurredAt().isAfter(now.plusMinutes(5))) {
      errors.add(new ApiError("occurredAt", "E2.time", "when it happened lies in the future"));
    }
    requireText(
        errors,
        report.location(),
        "location",
        "E2.place",
        "where it happened (地点) is missing",
        500);
    requireText(
        errors,
        report.persons(),
        "persons",
        "E2.persons",
        "the persons involved (人物) are missing",
        1000);
    requireText(errors, report.cause(), "cause", "E2.cause", "the cause (起因) is missing", 4000);
    requireText(
        errors,
        report.course(),
        "course",
        "E2.course",
        "the course of events (经过) is missing",
        4000);
    List<Party> parties = report.parties() == null ? List.of() : report.parties();
    boolean anyPhone = false;
    for (int i = 0; i < parties.size(); i++) {
      Party party = parties.get(i);
      if (party == null) {
        errors.add(new ApiError("parties[" + i + "]", "E2.parties", "an empty party"));
        continue;
      }
      if (blank(party.name())) {
        errors.add(
            new ApiError("parties[" + i + "].name", "E2.parties", "the party's name is missing"));
      }
      if (!blank(party.phone())) {
        if (PHONE.matcher(party.phone().trim()).matches()) {
          anyPhone = true;
        } else {
          errors.add(
              new ApiError(
                  "parties[" + i + "].phone",
                  "E2.phone",
                  "'" + party.phone() + "' is not a phone number"));
        }
      }
    }
    if (report.category() == EventCategory.DISPUTE) {
      if (parties.size() < 2) {
        errors.add(
            new ApiError(
                "parties",
                "E2.parties",
                "a dispute needs both parties (当事人双方), " + parties.size() + " given"));
      }
      if (!anyPhone) {
        errors.add(
            new ApiError("parties", "E2.phone", "a dispute needs a contact phone of a party"));
      }
    }
    return errors;
  }

  /**
   * E3, E5: ending a level's handling; {@code departments} are the township's departments. E6 is
   * {@link #checkDelay}, listed after what could not be read into the command (the order clients
   * know).
   */
  static List<ApiError> checkHandling(
      EventCategory category, EventLevel level, Handling handling, Set<String> departments) {
    List<ApiError> errors = new ArrayList<>();
    if (!HandlingOutcome.allowedAt(level).contains(handling.outcome())) {
      errors.add(
          new ApiError(
              "outcome",
              "E5.outcome",
              handling.outcome()
                  + " is not open at level "
                  + level
                  + ": "
                  + HandlingOutcome.allowedAt(level)));
      return errors;
    }
    if (handling instanceof Resolution r) {
      requireText(
          errors, r.result(), "result", "E3.result", "closing needs the final result (办理结果)", 4000);
      if (category == EventCategory.DISPUTE) {
        requireText(
            errors,
            r.mediator(),
            "mediator",
            "E3.mediator",
            "closing a dispute needs the mediator (调解人)",
            100);
        requireText(
            errors,
            r.mediationResult(),
            "mediationResult",
            "E3.mediationResult",
            "closing a dispute needs the mediation result (调解结果)",
            4000);
        if (r.agreementForm() == null) {
          errors.add(
              new ApiError(
                  "agreementForm",
                  "E3.agreementForm",
                  "closing a dispute needs the form of agreement: WRITTEN or ORAL"));
        }
        requireText(
            errors,
            r.agreementTerms(),
            "agreementTerms",
            "E3.agreementTerms",
            "closing a dispute needs the terms of the agreement (协议内容)",
            4000);
      }
    } else if (handling instanceof Escalation e) {
      requireText(
          errors, e.reason(), "reason", "E5.reason", "escalating needs a reason (上报理由)", 4000);
    } else if (handling instanceof Dispatch d) {
      if (d.departmentCode() == null) {
        errors.add(
            new ApiError(
                "departmentCode", "E5.department", "dispatching needs the department (承办部门)"));
      } else if (!departments.contains(d.departmentCode())) {
        errors.add(
            new ApiError(
                "departmentCode",
                "E5.department",
                d.departmentCode()
                    + " is not a department of this township: "
                    + departments.stream().sorted().toList()));
      }
    } else if (handling instanceof Referral r) {
      requireText(
          errors,
          r.countyDepartment(),
          "countyDepartment",
          "E5.countyDepartment",
          "referring needs the county department (县级部门)",
          200);
      requireText(
          errors, r.reason(), "reason", "E5.reason", "referring needs a reason (移交理由)", 4000);
    }
    return errors;
  }

  /**
   * E6: past the handling deadline ({@code late}) the delay reason is required — of a handling the
   * level can take at all (an outcome not open there is refused by {@link #checkHandling} alone).
   */
  static List<ApiError> checkDelay(EventLevel level, Handling handling, boolean late) {
    List<ApiError> errors = new ArrayList<>();
    if (late && HandlingOutcome.allowedAt(level).contains(handling.outcome())) {
      requireText(
          errors,
          handling.delayReason(),
          "delayReason",
          "E6.delayReason",
          "the handling deadline has passed: record why (超期原因)",
          4000);
    }
    return errors;
  }

  /** E9: feedback carries the residents' satisfaction. */
  static List<ApiError> checkFeedback(Feedback feedback) {
    List<ApiError> errors = new ArrayList<>();
    if (feedback.satisfaction() == null) {
      errors.add(
          new ApiError(
              "satisfaction",
              "E9.satisfaction",
              "feedback needs the satisfaction: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED"));
    }
    if (feedback.comment() != null && feedback.comment().length() > 4000) {
      errors.add(
          new ApiError("comment", "E9.comment", "the comment is longer than 4000 characters"));
    }
    return errors;
  }

  /** {@link TextRules} on every text of a step, by its field's limits. */
  static List<ApiError> checkTexts(Map<String, Object> values) {
    return TextRules.checkAll(values, MULTI_LINE, ONE_LINE);
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  private static void requireText(
      List<ApiError> errors,
      String value,
      String field,
      String code,
      String missing,
      int maxLength) {
    if (blank(value)) {
      errors.add(new ApiError(field, code, missing));
    } else if (value.trim().length() > maxLength) {
      errors.add(new ApiError(field, code, field + " is longer than " + maxLength + " characters"));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
