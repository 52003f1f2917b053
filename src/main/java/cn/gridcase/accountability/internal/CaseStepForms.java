package cn.gridcase.accountability.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The one mapping from a case form's variables (Tasklist, {@code /engine-rest}) to the step's
 * command, by the names of {@link CaseVariables}: the investigation form's checkboxes and
 * comma-separated codes become the decision's codes, its number field the extension's days.
 */
@Component
public class CaseStepForms {

  /** 调查处理: the conclusion the form submitted. */
  public CaseConclusion conclusion(VariableScope form) {
    String outcome = CaseRules.text(form.getVariable(CaseVariables.CASE_OUTCOME));
    String findings = CaseRules.text(form.getVariable(CaseVariables.FINDINGS));
    String reasoning = CaseRules.text(form.getVariable(CaseVariables.REASONING));
    if ("EXTEND".equals(outcome)) {
      Object days = form.getVariable(CaseVariables.EXTENSION_DAYS);
      return new CaseConclusion.Extension(
          days == null ? null : days.toString(),
          CaseRules.text(form.getVariable(CaseVariables.EXTENSION_REASON)));
    }
    if ("DECIDE".equals(outcome)) {
      List<String> measures =
          new ArrayList<>(CaseRules.codes(form.getVariable(CaseVariables.MEASURES)));
      checked(form, CaseVariables.MEASURE_BOXES).forEach(m -> measures.add(m.name()));
      return new CaseConclusion.Decision(
          findings,
          measures,
          circumstances(form, CaseVariables.MITIGATING, true),
          circumstances(form, CaseVariables.AGGRAVATING, false),
          reasoning);
    }
    if ("DISMISS".equals(outcome)) {
      return new CaseConclusion.Dismissal(findings, reasoning);
    }
    return new CaseConclusion.Unknown(outcome);
  }

  /** 告知被追究人. A date picker's {@code Date} is written as an ISO moment, as the API sends it. */
  public SubjectNotice notice(VariableScope form) {
    Object at = form.getVariable(CaseVariables.NOTIFIED_AT);
    String notifiedAt =
        at instanceof Date date
            ? CaseRules.moment(date).toString()
            : at == null ? null : at.toString();
    return new SubjectNotice(notifiedAt, CaseRules.text(form.getVariable(CaseVariables.CHANNEL)));
  }

  /** 执行情况记录. */
  public ExecutionRecord execution(VariableScope form) {
    return new ExecutionRecord(CaseRules.text(form.getVariable(CaseVariables.EXECUTION_NOTE)));
  }

  /** 约谈 (C5). */
  TalkRecord talk(VariableScope form) {
    Object heldOn = form.getVariable(CaseVariables.TALK_HELD_ON);
    return new TalkRecord(
        heldOn == null ? null : heldOn.toString(),
        CaseRules.text(form.getVariable(CaseVariables.TALK_RECORD)));
  }

  /** The codes of a circumstance field and the checked boxes of that kind. */
  private static List<String> circumstances(VariableScope form, String field, boolean mitigating) {
    List<String> codes = new ArrayList<>(CaseRules.codes(form.getVariable(field)));
    checked(form, CaseVariables.CIRCUMSTANCE_BOXES).stream()
        .filter(c -> c.mitigating() == mitigating)
        .forEach(c -> codes.add(c.name()));
    return codes;
  }

  private static <E extends Enum<E>> List<E> checked(VariableScope form, Map<E, String> boxes) {
    return boxes.entrySet().stream()
        .filter(box -> Boolean.TRUE.equals(form.getVariable(box.getValue())))
        .map(Map.Entry::getKey)
        .toList();
  }
}
