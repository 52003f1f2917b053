package cn.gridcase.event.internal;

import static cn.gridcase.event.internal.EventRules.text;

import cn.gridcase.event.AgreementForm;
import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventLevel;
import cn.gridcase.platform.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The handling step's one mapper between variables and its {@link Handling} command: the handling
 * form's fields (Tasklist, {@code /engine-rest}, and the {@code /api}'s actions, which submit the
 * same fields) into the command, and the command's routing back into the process.
 */
public final class HandlingVariables {

  /** The fields of the handling form and the API's actions. */
  static final List<String> FIELDS =
      List.of(
          EventVariables.OUTCOME,
          EventVariables.RESULT,
          EventVariables.MEDIATOR,
          EventVariables.MEDIATION_RESULT,
          EventVariables.AGREEMENT_FORM,
          EventVariables.AGREEMENT_TERMS,
          EventVariables.DELAY_REASON,
          EventVariables.REASON,
          EventVariables.DEPARTMENT_CODE,
          EventVariables.INSTRUCTIONS,
          EventVariables.COUNTY_DEPARTMENT);

  private HandlingVariables() {}

  /**
   * The command the submitted fields make, with what could not be read: a text breaking {@code
   * TextRules}, no or an unknown outcome (no command then), an unknown agreement form.
   */
  public static Submitted<Handling> read(
      Function<String, Object> variable, EventCategory category, EventLevel level) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field : FIELDS) {
      values.put(field, variable.apply(field));
    }
    List<ApiError> texts = EventRules.checkTexts(values);
    List<ApiError> problems = new ArrayList<>();
    String outcomeText = text(values.get(EventVariables.OUTCOME));
    HandlingOutcome outcome = null;
    if (outcomeText == null) {
      problems.add(
          new ApiError(
              "outcome",
              "E5.outcome",
              "choose how the event is handled: " + HandlingOutcome.allowedAt(level)));
    } else {
      try {
        outcome = HandlingOutcome.valueOf(outcomeText);
      } catch (IllegalArgumentException e) {
        problems.add(
            new ApiError(
                "outcome",
                "E5.outcome",
                "'" + outcomeText + "' is not one of " + HandlingOutcome.allowedAt(level)));
      }
    }
    AgreementForm agreementForm = null;
    String agreement = text(values.get(EventVariables.AGREEMENT_FORM));
    if (agreement != null) {
      try {
        agreementForm = AgreementForm.valueOf(agreement);
      } catch (IllegalArgumentException e) {
        if (category != EventCategory.DISPUTE) {
          // any category: the step records a given form, and an unknown one cannot be recorded
          problems.add(
              new ApiError(
                  "agreementForm",
                  "E3.agreementForm",
                  "'" + agreement + "' 不是有效的协议形式（可选：WRITTEN, ORAL）"));
        } else if (outcome == HandlingOutcome.RESOLVE) {
          problems.add(
              new ApiError(
                  "agreementForm",
                  "E3.agreementForm",
                  "'" + agreement + "' is not WRITTEN or ORAL"));
        }
      }
    }
    if (outcome == null) {
      return new Submitted<>(null, texts, problems);
    }
    String delayReason = text(values.get(EventVariables.DELAY_REASON));
    String reason = text(values.get(EventVariables.REASON));
    Handling handling =
        switch (outcome) {
          case RESOLVE ->
              new Resolution(
                  text(values.get(EventVariables.RESULT)),
                  text(values.get(EventVariables.MEDIATOR)),
                  text(values.get(EventVariables.MEDIATION_RESULT)),
                  agreementForm,
                  text(values.get(EventVariables.AGREEMENT_TERMS)),
                  delayReason);
          case ESCALATE -> new Escalation(reason, delayReason);
          case DISPATCH ->
              new Dispatch(
                  text(values.get(EventVariables.DEPARTMENT_CODE)),
                  text(values.get(EventVariables.INSTRUCTIONS)),
                  delayReason);
          case REFER_COUNTY ->
              new Referral(text(values.get(EventVariables.COUNTY_DEPARTMENT)), reason, delayReason);
        };
    return new Submitted<>(handling, texts, problems);
  }

  /**
   * After a valid handling: the routing flag (and a dispatch's department) for the calling process;
   * the form's other fields leave the process (the event's tables keep them, E10).
   */
  static void route(DelegateExecution execution, Handling handling) {
    for (String field : FIELDS) {
      if (!field.equals(EventVariables.OUTCOME) && !field.equals(EventVariables.DEPARTMENT_CODE)) {
        execution.removeVariable(field);
      }
    }
    execution.setVariable(EventVariables.OUTCOME, handling.outcome().name());
    if (handling instanceof Dispatch dispatch) {
      execution.setVariable(EventVariables.DEPARTMENT_CODE, dispatch.departmentCode());
    }
  }
}
