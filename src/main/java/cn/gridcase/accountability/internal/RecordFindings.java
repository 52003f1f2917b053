package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.accountability.CaseStep;
import cn.gridcase.accountability.Circumstance;
import cn.gridcase.accountability.Measure;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 记录调查结论 ({@code RecordFindingsTask}): the checked conclusion — extension (C6), decision (C2, C4,
 * C5) or dismissal — goes into the case's tables; the process gets its routing flags and the form's
 * own fields are cleared, so a new form starts empty.
 */
@Component("recordFindings")
public class RecordFindings {

  private final CaseRepository cases;
  private final CaseDeadlines deadlines;
  private final AccountabilityDecisions decisions;
  private final CasePeople people;
  private final Notifications notifications;
  private final AccountabilityProposals proposals;
  private final TalkConductors talkConductors;
  private final Clock clock;

  public RecordFindings(
      CaseRepository cases,
      CaseDeadlines deadlines,
      AccountabilityDecisions decisions,
      CasePeople people,
      Notifications notifications,
      AccountabilityProposals proposals,
      TalkConductors talkConductors,
      Clock clock) {
    this.talkConductors = talkConductors;
    this.cases = cases;
    this.deadlines = deadlines;
    this.decisions = decisions;
    this.people = people;
    this.notifications = notifications;
    this.proposals = proposals;
    this.clock = clock;
  }

  /** {@code ${recordFindings.record(execution, caseStepCommand, completedBy)}}. */
  public void record(DelegateExecution execution, CaseConclusion conclusion, String actor) {
    CaseRecord c = cases.byKey(execution.getProcessBusinessKey());
    OffsetDateTime now = GridCaseTime.now(clock);
    OffsetDateTime deadline = deadlines.investigation(c);
    boolean late = now.isAfter(deadline);
    if (conclusion instanceof CaseConclusion.Extension extension) {
      int days = CaseRules.integer(extension.workingDays());
      String reason = CaseRules.text(extension.reason());
      cases.extend(c.id(), days, reason);
      OffsetDateTime newDeadline =
          deadlines.investigation(cases.byKey(execution.getProcessBusinessKey()));
      cases.addStep(
          c.id(),
          new CaseStep(
              "EXTENDED", actor, now, newDeadline, late, "延期 " + days + " 个工作日：" + reason));
      notifications.send(
          new Notice(
              NoticeKind.CASE_UPDATED,
              "责任追究案件 " + c.id() + " 延期调查",
              "调查期限延至 " + newDeadline.toLocalDate() + "：" + reason,
              null),
          people.supervisorsOf(c.townshipCode()));
    } else if (conclusion instanceof CaseConclusion.Decision decision) {
      decide(execution, c, decision, actor, now, deadline, late);
    } else {
      CaseConclusion.Dismissal dismissal = (CaseConclusion.Dismissal) conclusion;
      cases.dismiss(
          c.id(),
          CaseRules.text(dismissal.findings()),
          CaseRules.text(dismissal.reasoning()),
          now,
          actor);
      cases.addStep(
          c.id(),
          new CaseStep(
              "DISMISSED", actor, now, deadline, late, CaseRules.text(dismissal.reasoning())));
    }
    execution.setVariable(CaseVariables.CONCLUSION, conclusion.outcome());
    clearForm(execution, conclusion instanceof CaseConclusion.Extension);
  }

  private void decide(
      DelegateExecution execution,
      CaseRecord c,
      CaseConclusion.Decision decision,
      String actor,
      OffsetDateTime now,
      OffsetDateTime deadline,
      boolean late) {
    if (late) {
      cases.markOverdueInvestigation(c.id());
    }
    List<Measure> measures = CaseRules.measures(decision.measures(), new ArrayList<>());
    List<Circumstance> mitigating =
        CaseRules.circumstances(decision.mitigating(), "mitigating", true, new ArrayList<>());
    // no list of aggravating circumstances given (the API's decide without one): the detected one
    // stands (C4)
    List<Circumstance> aggravating =
        decision.aggravating() == null
            ? c.detectedAggravating()
            : CaseRules.circumstances(
                decision.aggravating(), "aggravating", false, new ArrayList<>());
    boolean talk = measures.contains(Measure.TALK);
    String talkConductor = talk ? decisions.talkConductor(c.subjectRole()) : null;
    cases.decide(
        c.id(),
        CaseRules.text(decision.findings()),
        measures,
        mitigating,
        aggravating,
        CaseRules.text(decision.reasoning()),
        talkConductor,
        now,
        actor);
    String conductors = "";
    if (talk) {
      // C5: the people who hold the talk get its task; nobody in the role: the investigators
      CaseRecord.Talk who = talkConductors.of(c);
      cases.talkConductors(c.id(), who.conductors(), who.vacant());
      conductors =
          who.vacant()
              ? "（无人任此职，由调查人员安排并记录：" + String.join("、", who.conductors()) + "）"
              : "（" + String.join("、", who.conductors()) + "）";
    }
    cases.addStep(
        c.id(),
        new CaseStep(
            "DECIDED",
            actor,
            now,
            deadline,
            late,
            measures.stream()
                    .map(m -> m.label() + "(" + m.name() + ")")
                    .collect(Collectors.joining("、"))
                + (talkConductor == null ? "" : "；约谈：" + talkConductor + conductors)));
    execution.setVariable(CaseVariables.ONLY_TALK, measures.equals(List.of(Measure.TALK)));
    proposals.afterDecision(c.subject(), c.subjectRole(), c.subjectUnit(), c.townshipCode(), now);
  }

  /**
   * The form's fields leave the process; after an extension the detected circumstance stays
   * pre-filled (C4).
   */
  private static void clearForm(DelegateExecution execution, boolean extended) {
    Set<String> fields =
        new LinkedHashSet<>(
            List.of(
                CaseVariables.CASE_OUTCOME,
                CaseVariables.EXTENSION_DAYS,
                CaseVariables.EXTENSION_REASON,
                CaseVariables.FINDINGS,
                CaseVariables.MEASURES,
                CaseVariables.MITIGATING,
                CaseVariables.AGGRAVATING,
                CaseVariables.REASONING));
    fields.addAll(CaseVariables.MEASURE_BOXES.values());
    CaseVariables.CIRCUMSTANCE_BOXES.forEach(
        (circumstance, box) -> {
          if (!extended || circumstance != Circumstance.REPEATED_WITHIN_YEAR) {
            fields.add(box);
          }
        });
    fields.forEach(execution::removeVariable);
  }
}
