package cn.gridcase.event;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service tasks of the "handle at one level" process ({@code event-level-handling.bpmn},
 * 一级事件处置): the event reaches a unit, the unit accepts it, the unit ends its handling. Each
 * records the step (E10) and moves the event; the user tasks and timers are the model's.
 */
@Component("eventLevel")
public class EventLevelSteps {

  private final EventProcessSupport support;
  private final EventRepository events;
  private final EventTimeLimits timeLimits;
  private final EventStaff staff;
  private final Notifications notifications;
  private final AccountabilityProposals proposals;
  private final StepDeadlines stepDeadlines;
  private final EventDeadlineWatch deadlineWatch;

  EventLevelSteps(EventProcessSupport support, EventRepository events, EventTimeLimits timeLimits, EventStaff staff,
      Notifications notifications, AccountabilityProposals proposals, StepDeadlines stepDeadlines,
      EventDeadlineWatch deadlineWatch) {
    this.proposals = proposals;
    this.stepDeadlines = stepDeadlines;
    this.deadlineWatch = deadlineWatch;
    this.support = support;
    this.events = events;
    this.timeLimits = timeLimits;
    this.staff = staff;
    this.notifications = notifications;
  }

  /**
   * 接收事件: the event reaches this level's unit (the call activity's {@code level} input). Opens
   * the step in the event's table: the unit (the candidate group), the township's limits and the
   * moment received; when the grid's own worker reported it, the grid acceptance is recorded at
   * the moment of reporting. The model reads all of these back through this bean, so a value a
   * user sends when completing a task cannot move a deadline or a queue.
   */
  public void receive(DelegateExecution execution) {
    Event event = support.eventOf(execution);
    EventLevel level = EventLevel.valueOf((String) execution.getVariable("level"));
    String unitCode = switch (level) {
      case GRID -> event.gridCode();
      case VILLAGE -> event.villageCode();
      case TOWNSHIP -> event.townshipCode();
      case DEPARTMENT -> (String) execution.getVariable("departmentCode");
      case COUNTY -> throw new IllegalStateException("the county is not handled in GridCase");
    };
    TimeLimits limits = timeLimits.of(event.townshipCode());
    // shown in the forms only
    execution.setVariable("acceptDays", limits.acceptance());
    execution.setVariable("handleDays", limits.handling(level));
    // the grid is only ever reached straight after reporting (a major event skips it): reported by
    // the grid's own worker, it was accepted at that moment (E2)
    boolean selfAccepted = level == EventLevel.GRID
        && staff.holds(event.reportedBy(), event.gridCode(), cn.gridcase.organisation.AppointmentRole.GRID_WORKER);
    String department = level == EventLevel.DEPARTMENT ? unitCode : null;
    // the step's deadlines, computed once here (and at acceptance) and stored on the event (issue 12 A4)
    if (selfAccepted) {
      OffsetDateTime reportedAt = event.reportedAt();
      StepDeadlines.Limit acceptance = stepDeadlines.limit(reportedAt, limits.acceptance());
      StepDeadlines.Limit handling = stepDeadlines.limit(reportedAt, limits.handling(level));
      events.receive(event.id(), EventStatus.IN_HANDLING, level, unitCode, department, reportedAt,
          limits.acceptance(), limits.handling(level), reportedAt, event.reportedBy(), acceptance, handling);
      stepDeadlines.rememberHandling(event.id(), execution.getProcessInstanceId(), handling);
      events.addStep(event.id(), new EventStep("ACCEPTED", level, unitCode, event.reportedBy(), reportedAt,
          acceptance.deadline().deadline(), false, "网格员本人上报，上报即受理"));
      return;
    }
    OffsetDateTime now = support.now();
    StepDeadlines.Limit acceptance = stepDeadlines.limit(now, limits.acceptance());
    events.receive(event.id(), EventStatus.AWAITING_ACCEPTANCE, level, unitCode, department, now,
        limits.acceptance(), limits.handling(level), null, null, acceptance, null);
    stepDeadlines.rememberAcceptance(event.id(), execution.getProcessInstanceId(), acceptance);
    OffsetDateTime acceptBy = acceptance.deadline().deadline();
    notifications.send(new Notice(NoticeKind.EVENT_RECEIVED, "新事件待受理：" + event.number(),
        "事件「" + event.title() + "」已到" + level.label() + "（" + unitCode + "），请于 " + acceptBy.toLocalDate()
            + " 前受理。", event.number()), staff.queueOf(unitCode));
    if (level != EventLevel.GRID && level != EventLevel.TOWNSHIP) {
      // E7: escalation and dispatch are copied to the township center so nothing runs overdue unseen
      notifications.send(new Notice(NoticeKind.EVENT_ESCALATED, "事件已转" + level.label() + "：" + event.number(),
          "事件「" + event.title() + "」已转至 " + unitCode + "。", event.number()), staff.centerStaffOf(event.townshipCode()));
    }
  }

  /** The candidate group of this level's tasks: the unit that has the event ({@code ${eventLevel.unit(execution)}}). */
  public String unit(DelegateExecution execution) {
    return support.eventOf(execution).unitCode();
  }

  /** Whether the acceptance was recorded on reporting (the grid's own worker reported it). */
  public boolean acceptedOnReporting(DelegateExecution execution) {
    return support.eventOf(execution).step().acceptedAt() != null;
  }

  /** The acceptance deadline, N working days after receipt (E4), as stored when the step opened. */
  public Date acceptBy(DelegateExecution execution) {
    return stepDeadlines.acceptBy(support.eventOf(execution));
  }

  /** One working day before the acceptance deadline, as stored. */
  public Date acceptReminder(DelegateExecution execution) {
    return stepDeadlines.acceptReminder(support.eventOf(execution));
  }

  /** The handling deadline, the level's limit after acceptance (E4, E6), as stored at acceptance. */
  public Date handleBy(DelegateExecution execution) {
    return stepDeadlines.handleBy(support.eventOf(execution));
  }

  /** One working day before the handling deadline, as stored. */
  public Date handleReminder(DelegateExecution execution) {
    return stepDeadlines.handleReminder(support.eventOf(execution));
  }

  /** Who accepted: the handling task is assigned to them. */
  public String acceptor(DelegateExecution execution) {
    return support.eventOf(execution).step().acceptedBy();
  }

  /** 记录受理: the unit accepted the event (受理; for a department 报到承接). */
  public void accepted(DelegateExecution execution) {
    Event event = support.eventOf(execution);
    EventLevel level = event.level();
    String unitCode = event.unitCode();
    OffsetDateTime now = support.now();
    String actor = (String) execution.getVariable(EventProcessSupport.COMPLETED_BY);
    OffsetDateTime due = EventProcessSupport.at(execution.getVariable(EventProcessSupport.STEP_DUE));
    boolean late = StepCompletion.lateAt(now, due);
    if (late) {
      if (!event.step().lateAcceptanceMarked()) {
        // completed late before the timer's job ran: mark it as the timer would have
        deadlineWatch.overdue(event, "ACCEPT", due, now);
      }
      proposals.lateStepEnded(event.number(), "ACCEPT", now);
    } else if (event.step().lateAcceptanceMarked()) {
      // in time by E4 but late against a 督办 (S1): that proposal's lateness is fixed now too
      proposals.lateStepEnded(event.number(), "ACCEPT", now);
    }
    stepDeadlines.accepted(event, execution.getProcessInstanceId(), now, actor);
    events.addStep(event.id(), new EventStep("ACCEPTED", level, unitCode, actor, now, due, late,
        level == EventLevel.DEPARTMENT ? "报到承接" : null));
    clearCompletion(execution);
  }

  /**
   * 记录处置: the level ends its handling — resolved (E3), escalated (E5), dispatched to a
   * department, or referred to the county. Sets {@code outcome} (and {@code departmentCode}) for
   * the calling process; the submitted details go into the event's tables, not the process.
   */
  public void handled(DelegateExecution execution) {
    Event event = support.eventOf(execution);
    EventLevel level = event.level();
    String unitCode = event.unitCode();
    HandlingOutcome outcome = HandlingOutcome.valueOf(EventRules.text(execution.getVariable("outcome")));
    OffsetDateTime now = support.now();
    String actor = (String) execution.getVariable(EventProcessSupport.COMPLETED_BY);
    OffsetDateTime due = EventProcessSupport.at(execution.getVariable(EventProcessSupport.STEP_DUE));
    boolean late = StepCompletion.lateAt(now, due);
    String delayReason = EventRules.text(execution.getVariable("delayReason"));
    if (late) {
      if (!event.step().lateHandlingMarked()) {
        deadlineWatch.overdue(event, "HANDLE", due, now);
      }
      proposals.lateStepEnded(event.number(), "HANDLE", now);
    } else if (event.step().lateHandlingMarked()) {
      proposals.lateStepEnded(event.number(), "HANDLE", now);
    }
    String reason = EventRules.text(execution.getVariable("reason"));
    List<String> note = new ArrayList<>();
    switch (outcome) {
      case RESOLVE -> {
        String form = EventRules.text(execution.getVariable("agreementForm"));
        events.resolve(event.id(), new Event.Resolution(EventRules.text(execution.getVariable("result")),
            EventRules.text(execution.getVariable("mediator")), EventRules.text(execution.getVariable("mediationResult")),
            form == null ? null : AgreementForm.valueOf(form), EventRules.text(execution.getVariable("agreementTerms")),
            delayReason, now, actor));
        note.add(EventRules.text(execution.getVariable("result")));
        notifications.send(new Notice(NoticeKind.EVENT_RESOLVED, "事件已办结：" + event.number(),
            "事件「" + event.title() + "」已由" + level.label() + "办结，请向群众反馈结果并收集满意度。", event.number()),
            withReporter(staff.queueOf(event.gridCode()), event));
      }
      case ESCALATE -> note.add((level == EventLevel.DEPARTMENT ? "退回镇中心：" : "上报：") + reason);
      case DISPATCH -> {
        String department = EventRules.text(execution.getVariable("departmentCode"));
        execution.setVariable("departmentCode", department);
        String instructions = EventRules.text(execution.getVariable("instructions"));
        note.add("派单至 " + department + (instructions == null ? "" : "：" + instructions));
      }
      case REFER_COUNTY -> {
        String county = EventRules.text(execution.getVariable("countyDepartment"));
        events.referToCounty(event.id(), county);
        note.add("移交 " + county + "：" + reason);
        notifications.send(new Notice(NoticeKind.REFERRED_TO_COUNTY, "事件已移交县级：" + event.number(),
            "事件「" + event.title() + "」已移交" + county + "。", event.number()),
            withReporter(staff.supervisorsOf(event.townshipCode()), event));
      }
    }
    if (late) {
      note.add("超期原因：" + delayReason);
      if (outcome != HandlingOutcome.RESOLVE) {
        events.recordDelayReason(event.id(), delayReason);
      }
    }
    events.addStep(event.id(), new EventStep(action(outcome), level, unitCode, actor, now, due, late,
        String.join("；", note)));
    execution.setVariable("outcome", outcome.name());
    for (String field : EventRules.HANDLING_FIELDS) {
      if (!field.equals("outcome") && !field.equals("departmentCode")) {
        execution.removeVariable(field);
      }
    }
    clearCompletion(execution);
  }

  private static List<String> withReporter(List<String> users, Event event) {
    List<String> all = new ArrayList<>(users);
    all.add(event.reportedBy());
    return all;
  }

  static String action(HandlingOutcome outcome) {
    return switch (outcome) {
      case RESOLVE -> "RESOLVED";
      case ESCALATE -> "ESCALATED";
      case DISPATCH -> "DISPATCHED";
      case REFER_COUNTY -> "REFERRED_TO_COUNTY";
    };
  }

  static void clearCompletion(DelegateExecution execution) {
    execution.removeVariable(EventProcessSupport.COMPLETED_BY);
    execution.removeVariable(EventProcessSupport.STEP_DUE);
  }
}
