package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.Circumstance;
import cn.gridcase.accountability.Measure;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.TextRules;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validation of the steps of a case (C2, C4, C5, C6, C7) as typed commands, whichever door they
 * came through, so Tasklist, {@code /engine-rest} and {@code /api} refuse a step alike.
 */
final class CaseRules {

  static final int MAX_EXTENSION = 5;

  /**
   * The length and line rule of every text a case step takes, as the API's request types declare
   * with {@code @Text}.
   */
  private static final Map<String, Integer> ONE_LINE =
      Map.of(
          "caseOutcome",
          32,
          "extensionDays",
          32,
          "measures",
          1000,
          "mitigating",
          1000,
          "aggravating",
          1000,
          "notifiedAt",
          64,
          "channel",
          200,
          "talkHeldOn",
          64);

  private static final Set<String> MULTI_LINE =
      Set.of("extensionReason", "findings", "reasoning", "executionNote", "talkRecord");

  private CaseRules() {}

  /** {@link TextRules} on every text of a step, by its field's limits. */
  static List<ApiError> checkTexts(Map<String, Object> values) {
    return TextRules.checkAll(values, MULTI_LINE, ONE_LINE);
  }

  /** The end of the investigation: extend (C6), decide (C2, C4) or dismiss. */
  static List<ApiError> checkConclusion(
      CaseRecord c,
      CaseConclusion conclusion,
      AccountabilityDecisions decisions,
      boolean deadlinePassed) {
    List<ApiError> errors = new ArrayList<>();
    if (conclusion instanceof CaseConclusion.Extension extension) {
      if (c.extended()) {
        errors.add(
            new ApiError(
                "workingDays", "C6.once", "the investigation was extended already: once only"));
      } else if (deadlinePassed) {
        errors.add(
            new ApiError(
                "workingDays",
                "C6.deadlinePassed",
                "an extension is decided within the 10 working days; the limit has passed"));
      }
      Integer days = integer(extension.workingDays());
      if (days == null || days < 1 || days > MAX_EXTENSION) {
        errors.add(
            new ApiError(
                "workingDays",
                "C6.workingDays",
                "an extension is 1 to "
                    + MAX_EXTENSION
                    + " working days, not "
                    + extension.workingDays()));
      }
      if (text(extension.reason()) == null) {
        errors.add(
            new ApiError("reason", "C6.reason", "an extension records its reason (情况复杂的理由)"));
      }
    } else if (conclusion instanceof CaseConclusion.Decision decision) {
      List<String> unknown = new ArrayList<>();
      List<Measure> measures = measures(decision.measures(), unknown);
      for (String code : unknown) {
        errors.add(
            new ApiError("measures", "C2.measure", "'" + code + "' is not a measure of S0 第三条"));
      }
      if (measures.isEmpty() && unknown.isEmpty()) {
        errors.add(
            new ApiError("measures", "C2.measures", "a decision names at least one measure"));
      }
      for (Measure measure : measures) {
        decisions
            .refusal(c.subjectRole(), measure)
            .ifPresent(
                reason ->
                    errors.add(
                        new ApiError(
                            "measures",
                            "C2.measure",
                            measure + " is not allowed for " + c.subjectRole() + ": " + reason)));
      }
      circumstances(decision.mitigating(), "mitigating", true, errors);
      circumstances(decision.aggravating(), "aggravating", false, errors);
      if (text(decision.reasoning()) == null) {
        errors.add(
            new ApiError("reasoning", "C4.reasoning", "a decision gives its reasoning (事实与理由)"));
      }
    } else if (conclusion instanceof CaseConclusion.Dismissal dismissal) {
      if (text(dismissal.reasoning()) == null) {
        errors.add(
            new ApiError("reasoning", "C4.reasoning", "a dismissal gives its reasoning (免予追究的理由)"));
      }
    } else {
      errors.add(new ApiError("caseOutcome", "C6.outcome", "choose EXTEND, DECIDE or DISMISS"));
    }
    return errors;
  }

  /** C7: the notice says when and how the person was told. */
  static List<ApiError> checkNotice(CaseRecord c, SubjectNotice notice, OffsetDateTime now) {
    List<ApiError> errors = new ArrayList<>();
    OffsetDateTime at = moment(notice.notifiedAt());
    if (at == null) {
      errors.add(
          new ApiError(
              "notifiedAt",
              "C7.notifiedAt",
              "when the person was told: an ISO date-time with offset"));
    } else if (at.isAfter(now.plusMinutes(5))) {
      errors.add(new ApiError("notifiedAt", "C7.notifiedAt", "the notice lies in the future"));
    } else if (at.isBefore(TextRules.EARLIEST)) {
      errors.add(new ApiError("notifiedAt", "C7.notifiedAt", "告知时间早于 2000 年，不可信"));
    } else if (c.decidedAt() != null
        && at.isBefore(c.decidedAt().truncatedTo(ChronoUnit.MINUTES))) {
      errors.add(new ApiError("notifiedAt", "C7.notifiedAt", "the notice is before the decision"));
    }
    if (text(notice.channel()) == null) {
      errors.add(new ApiError("channel", "C7.channel", "how the person was told (当面送达、书面、电话…)"));
    }
    return errors;
  }

  static List<ApiError> checkExecution(ExecutionRecord execution) {
    return text(execution.note()) == null
        ? List.of(
            new ApiError("note", "C5.execution", "record how the decision was carried out (执行情况)"))
        : List.of();
  }

  /** C5: the talk's day (not before the decision, not after today) and what was said. */
  static List<ApiError> checkTalk(CaseRecord c, TalkRecord talk, LocalDate today) {
    List<ApiError> errors = new ArrayList<>();
    LocalDate heldOn = day(talk.heldOn());
    if (heldOn == null) {
      errors.add(new ApiError("heldOn", "C5.talkHeldOn", "约谈日期：请按 2026-11-25 的格式填写"));
    } else if (heldOn.isAfter(today)) {
      errors.add(new ApiError("heldOn", "C5.talkHeldOn", "约谈日期不能晚于今天"));
    } else if (c.decidedAt() != null
        && heldOn.isBefore(c.decidedAt().atZoneSameInstant(GridCaseTime.ZONE).toLocalDate())) {
      errors.add(new ApiError("heldOn", "C5.talkHeldOn", "约谈日期不能早于处理决定"));
    }
    if (text(talk.record()) == null) {
      errors.add(new ApiError("record", "C5.talkRecord", "请填写约谈记录（谈话内容）"));
    }
    return errors;
  }

  static LocalDate day(Object value) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(
          text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The measures named by their codes, once each; codes that name none go to {@code unknown}. */
  static List<Measure> measures(List<String> codes, List<String> unknown) {
    Set<Measure> found = new LinkedHashSet<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      try {
        found.add(Measure.valueOf(code));
      } catch (IllegalArgumentException e) {
        unknown.add(code);
      }
    }
    return List.copyOf(found);
  }

  /**
   * The circumstances of one kind named by their codes (C4); a code of the other kind or of none is
   * an error.
   */
  static List<Circumstance> circumstances(
      List<String> codes, String field, boolean mitigating, List<ApiError> errors) {
    Set<Circumstance> found = new LinkedHashSet<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      try {
        Circumstance circumstance = Circumstance.valueOf(code);
        if (circumstance.mitigating() != mitigating) {
          errors.add(
              new ApiError(
                  field,
                  "C4." + field,
                  code
                      + " is not a"
                      + (mitigating ? " mitigating" : "n aggravating")
                      + " circumstance"));
        } else {
          found.add(circumstance);
        }
      } catch (IllegalArgumentException e) {
        errors.add(
            new ApiError(field, "C4." + field, "'" + code + "' is not a circumstance of S0 第五条"));
      }
    }
    return List.copyOf(found);
  }

  static List<String> codes(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> collection) {
      return collection.stream()
          .map(String::valueOf)
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .toList();
    }
    return Arrays.stream(value.toString().replaceAll("[\\[\\]\"]", "").split("[,，\\s]+"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  static Integer integer(Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    try {
      return value == null ? null : Integer.valueOf(value.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static OffsetDateTime moment(Object value) {
    if (value instanceof Date date) {
      return GridCaseTime.at(date);
    }
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
