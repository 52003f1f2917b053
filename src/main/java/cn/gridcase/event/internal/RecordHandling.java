package cn.gridcase.event.internal;

import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventStep;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.StepRefused;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 记录处置 ({@code RecordHandlingTask}): the level ends its handling — resolved (E3), escalated (E5),
 * dispatched to a department, or referred to the county — as its {@link Handling} command says; the
 * details go into the event's tables (E10), the routing flag is already set ({@link
 * HandlingVariables#route}).
 */
@Component
public class RecordHandling {

  private final EventProcessSupport support;
  private final EventRepository events;
  private final EventStaff staff;
  private final Notifications notifications;
  private final StepLateness lateness;

  public RecordHandling(
      EventProcessSupport support,
      EventRepository events,
      EventStaff staff,
      Notifications notifications,
      StepLateness lateness) {
    this.support = support;
    this.events = events;
    this.staff = staff;
    this.notifications = notifications;
    this.lateness = lateness;
  }

  /**
   * E3, E5, E6 on what was submitted, whichever door it came through; refused with every problem.
   * Late ({@code completed.at()} past its statutory deadline {@code completed.due()}): the delay
   * reason is required.
   */
  public void check(Event event, Submitted<Handling> submitted, CompletedStep completed) {
    Handling handling = submitted.command();
    List<ApiError> errors =
        handling == null
            ? submitted.with(List.of())
            : submitted.with(
                EventRules.checkHandling(
                    event.category(),
                    event.level(),
                    handling,
                    staff.departmentsOf(event.townshipCode())),
                EventRules.checkDelay(
                    event.level(), handling, lateness.isLate(completed.at(), completed.due())));
    if (!errors.isEmpty()) {
      throw new StepRefused("The event cannot leave this level yet", errors);
    }
  }

  /**
   * {@code ${recordHandling.record(execution)}}: the handling its listener checked and handed over.
   */
  public void record(DelegateExecution execution) {
    record(
        execution.getProcessBusinessKey(),
        HandOver.HANDLING.from(execution, "办理事件"),
        HandOver.COMPLETED_STEP.from(execution, "办理事件"));
  }

  void record(String number, Submitted<Handling> submitted, CompletedStep completed) {
    Handling handling = submitted.command();
    Event event = support.eventOf(number);
    EventLevel level = event.level();
    OffsetDateTime now = completed.at();
    String actor = completed.actor();
    OffsetDateTime due = completed.due();
    boolean late = lateness.settle(event, "HANDLE", due, now);
    List<String> note = new ArrayList<>();
    if (handling instanceof Resolution r) {
      events.resolve(
          event.id(),
          new Event.Resolution(
              r.result(),
              r.mediator(),
              r.mediationResult(),
              r.agreementForm(),
              r.agreementTerms(),
              r.delayReason(),
              now,
              actor));
      note.add(r.result());
      notifications.send(
          new Notice(
              NoticeKind.EVENT_RESOLVED,
              "事件已办结：" + event.number(),
              "事件「" + event.title() + "」已由" + level.label() + "办结，请向群众反馈结果并收集满意度。",
              event.number()),
          withReporter(staff.queueOf(event.gridCode()), event));
    } else if (handling instanceof Escalation e) {
      note.add((level == EventLevel.DEPARTMENT ? "退回镇中心：" : "上报：") + e.reason());
    } else if (handling instanceof Dispatch d) {
      note.add(
          "派单至 " + d.departmentCode() + (d.instructions() == null ? "" : "：" + d.instructions()));
    } else if (handling instanceof Referral r) {
      events.referToCounty(event.id(), r.countyDepartment());
      note.add("移交 " + r.countyDepartment() + "：" + r.reason());
      notifications.send(
          new Notice(
              NoticeKind.REFERRED_TO_COUNTY,
              "事件已移交县级：" + event.number(),
              "事件「" + event.title() + "」已移交" + r.countyDepartment() + "。",
              event.number()),
          withReporter(staff.supervisorsOf(event.townshipCode()), event));
    }
    if (late) {
      note.add("超期原因：" + handling.delayReason());
      if (!(handling instanceof Resolution)) {
        events.recordDelayReason(event.id(), handling.delayReason());
      }
    }
    events.addStep(
        event.id(),
        new EventStep(
            action(handling.outcome()),
            level,
            event.unitCode(),
            actor,
            now,
            due,
            late,
            String.join("；", note)));
  }

  private static List<String> withReporter(List<String> users, Event event) {
    List<String> all = new ArrayList<>(users);
    all.add(event.reportedBy());
    return all;
  }

  private static String action(HandlingOutcome outcome) {
    return switch (outcome) {
      case RESOLVE -> "RESOLVED";
      case ESCALATE -> "ESCALATED";
      case DISPATCH -> "DISPATCHED";
      case REFER_COUNTY -> "REFERRED_TO_COUNTY";
    };
  }
}
