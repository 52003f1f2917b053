package cn.gridcase.accountability;

import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.calendar.Workdays;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code accountability-investigation.bpmn} (责任追究调查处理): record the
 * investigation's conclusion (extension C6, decision C2/C4/C5, dismissal), the notice (C7), the
 * execution and the archive; flag late investigations and notices for ever.
 */
@Component("caseSteps")
public class CaseSteps {

  static final int INVESTIGATION_DAYS = 10;
  static final int NOTICE_DAYS = 3;

  private final CaseRepository cases;
  private final AccountabilityDecisions decisions;
  private final CasePeople people;
  private final Notifications notifications;
  private final WorkingDays workingDays;
  private final AccountabilityProposals proposals;
  private final Clock clock;
  private final Workdays workdays;

  CaseSteps(CaseRepository cases, AccountabilityDecisions decisions, CasePeople people, Notifications notifications,
      WorkingDays workingDays, AccountabilityProposals proposals, Clock clock, Workdays workdays) {
    this.workdays = workdays;
    this.cases = cases;
    this.decisions = decisions;
    this.people = people;
    this.notifications = notifications;
    this.workingDays = workingDays;
    this.proposals = proposals;
    this.clock = clock;
  }

  /** 记录调查结论: extension, decision or dismissal. */
  public void investigated(DelegateExecution execution) {
    CaseRecord c = caseOf(execution);
    OffsetDateTime now = GridCaseTime.now(clock);
    String actor = (String) execution.getVariable(CaseStepCompletion.COMPLETED_BY);
    OffsetDateTime deadline = investigationDeadline(execution);
    boolean late = now.isAfter(deadline);
    Map<String, Object> values = values(execution);
    String outcome = CaseRules.text(values.get("caseOutcome"));
    switch (outcome) {
      case "EXTEND" -> {
        int days = CaseRules.integer(values.get("extensionDays"));
        String reason = CaseRules.text(values.get("extensionReason"));
        cases.extend(c.id(), days, reason);
        OffsetDateTime newDeadline = workingDays.deadline(c.openedAt(), INVESTIGATION_DAYS + days).deadline();
        cases.addStep(c.id(), new CaseStep("EXTENDED", actor, now, newDeadline, late,
            "延期 " + days + " 个工作日：" + reason));
        notifications.send(new Notice(NoticeKind.CASE_UPDATED, "责任追究案件 " + c.id() + " 延期调查",
            "调查期限延至 " + newDeadline.toLocalDate() + "：" + reason, null), people.supervisorsOf(c.townshipCode()));
      }
      case "DECIDE" -> {
        if (late) {
          cases.markOverdueInvestigation(c.id());
        }
        List<Measure> measures = CaseRules.measures(values, new ArrayList<>());
        List<Circumstance> mitigating = CaseRules.circumstances(values, "mitigating", true, new ArrayList<>());
        List<Circumstance> aggravating = CaseRules.circumstances(values, "aggravating", false, new ArrayList<>());
        String talkConductor = measures.contains(Measure.TALK) ? decisions.talkConductor(c.subjectRole()) : null;
        cases.decide(c.id(), CaseRules.text(values.get("findings")), measures, mitigating, aggravating,
            CaseRules.text(values.get("reasoning")), talkConductor, now, actor);
        cases.addStep(c.id(), new CaseStep("DECIDED", actor, now, deadline, late, measures.stream()
            .map(m -> m.label() + "(" + m.name() + ")").collect(Collectors.joining("、"))
            + (talkConductor == null ? "" : "；约谈：" + talkConductor)));
        boolean onlyTalk = measures.equals(List.of(Measure.TALK));
        execution.setVariable("onlyTalk", onlyTalk);
        proposals.afterDecision(c.subject(), c.subjectRole(), c.subjectUnit(), c.townshipCode(), now);
      }
      default -> {
        cases.dismiss(c.id(), CaseRules.text(values.get("findings")), CaseRules.text(values.get("reasoning")), now,
            actor);
        cases.addStep(c.id(), new CaseStep("DISMISSED", actor, now, deadline, late,
            CaseRules.text(values.get("reasoning"))));
      }
    }
    // the routing flag of the gateway; the form's own field is cleared so a new form starts empty
    execution.setVariable("conclusion", outcome);
    clear(execution, CaseRules.INVESTIGATION_FIELDS, null);
    for (Measure measure : Measure.values()) {
      execution.removeVariable("measure_" + measure.name());
    }
    for (Circumstance circumstance : Circumstance.values()) {
      if (!"EXTEND".equals(outcome) || circumstance != Circumstance.REPEATED_WITHIN_YEAR) {
        execution.removeVariable("circumstance_" + circumstance.name());
      }
    }
  }

  /** 标记调查超期 (C6): the investigation ran past its limit. */
  public void investigationOverdue(DelegateExecution execution) {
    CaseRecord c = caseOf(execution);
    OffsetDateTime deadline = investigationDeadline(execution);
    cases.markOverdueInvestigation(c.id());
    cases.addStep(c.id(), new CaseStep("OVERDUE_INVESTIGATION", "system", GridCaseTime.now(clock), deadline, true,
        "调查超期：期限 " + deadline.toLocalDate()));
    List<String> recipients = new ArrayList<>(people.supervisorsOf(c.townshipCode()));
    recipients.addAll(c.investigators());
    notifications.send(new Notice(NoticeKind.CASE_OVERDUE, "责任追究案件 " + c.id() + " 调查超期",
        "调查期限 " + deadline.toLocalDate() + " 已过。", null), recipients);
  }

  /** 标记告知超期 (C7): the person was not told within 3 working days of the decision. */
  public void notificationOverdue(DelegateExecution execution) {
    CaseRecord c = caseOf(execution);
    OffsetDateTime deadline = noticeDeadline(execution);
    cases.markOverdueNotification(c.id());
    cases.addStep(c.id(), new CaseStep("OVERDUE_NOTIFICATION", "system", GridCaseTime.now(clock), deadline, true,
        "告知超期：期限 " + deadline.toLocalDate()));
    List<String> recipients = new ArrayList<>(people.supervisorsOf(c.townshipCode()));
    recipients.addAll(c.investigators());
    notifications.send(new Notice(NoticeKind.CASE_OVERDUE, "责任追究案件 " + c.id() + " 告知超期",
        "处理决定应于 " + deadline.toLocalDate() + " 前告知被追究人。", null), recipients);
  }

  /** 记录告知 (C7). */
  public void notified(DelegateExecution execution) {
    CaseRecord c = caseOf(execution);
    String actor = (String) execution.getVariable(CaseStepCompletion.COMPLETED_BY);
    OffsetDateTime at = CaseRules.moment(execution.getVariable("notifiedAt"));
    String channel = CaseRules.text(execution.getVariable("channel"));
    OffsetDateTime deadline = noticeDeadline(execution);
    boolean late = at.isAfter(deadline);
    if (late) {
      cases.markOverdueNotification(c.id());
    }
    cases.notified(c.id(), at, channel);
    cases.addStep(c.id(), new CaseStep("NOTIFIED", actor, at, deadline, late, channel));
    notifications.send(new Notice(NoticeKind.CASE_UPDATED, "责任追究处理决定（案件 " + c.id() + "）",
        "您的责任追究案件已作出处理决定，已于 " + at.toLocalDate() + " 以" + channel + "方式告知。", null), List.of(c.subject()));
    clear(execution, CaseRules.NOTICE_FIELDS, null);
  }

  /** 执行情况记录 and 归档. */
  public void archived(DelegateExecution execution) {
    CaseRecord c = caseOf(execution);
    String actor = (String) execution.getVariable(CaseStepCompletion.COMPLETED_BY);
    OffsetDateTime now = GridCaseTime.now(clock);
    String note = CaseRules.text(execution.getVariable("executionNote"));
    cases.archive(c.id(), note, now);
    cases.addStep(c.id(), new CaseStep("EXECUTED", actor, now, null, false, note));
    cases.addStep(c.id(), new CaseStep("ARCHIVED", actor, now, null, false, null));
    clear(execution, CaseRules.EXECUTION_FIELDS, null);
  }

  /** The candidate users of the case's tasks: its investigators (C5), from the case's table. */
  public String investigators(DelegateExecution execution) {
    return String.join(",", caseOf(execution).investigators());
  }

  /** After an extension the investigation task goes back to the investigator who asked for it. */
  public String continuingInvestigator(DelegateExecution execution) {
    CaseRecord c = caseOf(execution);
    if (!c.extended()) {
      return null;
    }
    return cases.steps(c.id()).stream().filter(s -> s.action().equals("EXTENDED")).map(CaseStep::actor)
        .reduce((first, second) -> second).orElse(null);
  }

  /** C6: 10 working days after opening, plus the extension. */
  public String investigateBy(DelegateExecution execution) {
    CaseRecord c = caseOf(execution);
    int days = INVESTIGATION_DAYS + (c.extensionDays() == null ? 0 : c.extensionDays());
    return workdays.from(c.openedAt(), days);
  }

  /** C7: 3 working days after the decision. */
  public String notifyBy(DelegateExecution execution) {
    return workdays.from(caseOf(execution).decidedAt(), NOTICE_DAYS);
  }

  /** The task description in Tasklist: whom the case is about and why. */
  public String summary(DelegateExecution execution) {
    Object caseId = Long.valueOf(execution.getProcessBusinessKey());
    return cases.find(((Number) caseId).longValue()).map(c -> "被追究人：" + c.subject() + "（" + c.subjectRole() + "，"
        + c.subjectUnit() + "）\n依据：" + c.clause() + "\n事实：" + c.facts()
        + (c.detectedAggravating().isEmpty() ? "" : "\n系统发现：一年内两次以上应予追究（从重情节，已预选）"))
        .orElse(String.valueOf(caseId));
  }

  /** The case of an execution, by the business key (the case id), never by a variable a user could set. */
  private CaseRecord caseOf(DelegateExecution execution) {
    long id = Long.parseLong(execution.getProcessBusinessKey());
    return cases.find(id).orElseThrow(() -> new NotFound("No case " + id));
  }

  private OffsetDateTime investigationDeadline(DelegateExecution execution) {
    CaseRecord c = caseOf(execution);
    return workingDays.deadline(c.openedAt(), INVESTIGATION_DAYS + (c.extensionDays() == null ? 0 : c.extensionDays()))
        .deadline();
  }

  private OffsetDateTime noticeDeadline(DelegateExecution execution) {
    return workingDays.deadline(caseOf(execution).decidedAt(), NOTICE_DAYS).deadline();
  }

  private static Map<String, Object> values(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>(execution.getVariables());
    return values;
  }

  private static void clear(DelegateExecution execution, List<String> fields, String keep) {
    for (String field : fields) {
      if (!field.equals(keep)) {
        execution.removeVariable(field);
      }
    }
    execution.removeVariable(CaseStepCompletion.COMPLETED_BY);
  }
}
