package cn.gridcase.event.internal;

import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventStep;
import cn.gridcase.event.EventTasks;
import cn.gridcase.event.StepRanOverdue;
import cn.gridcase.event.StepRanOverdue.Answerable;
import cn.gridcase.event.StepRanOverdue.Limit;
import cn.gridcase.event.StepStage;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.AppointmentRole;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the boundary timers of the acceptance and handling tasks do (E4, C3): one working day before
 * a deadline, remind; at the deadline, mark the event late for ever, tell the supervisors and the
 * people on the step, and publish {@link StepRanOverdue} naming whoever answers for the step
 * (accountability raises its proposals from it once the transaction commits).
 */
@Component
public class EventDeadlineWatch {

  private final EventProcessSupport support;
  private final EventRepository events;
  private final EventStaff staff;
  private final Notifications notifications;
  private final ApplicationEventPublisher domainEvents;
  private final StepDeadlines stepDeadlines;

  EventDeadlineWatch(
      EventProcessSupport support,
      EventRepository events,
      EventStaff staff,
      Notifications notifications,
      ApplicationEventPublisher domainEvents,
      StepDeadlines stepDeadlines) {
    this.support = support;
    this.events = events;
    this.staff = staff;
    this.notifications = notifications;
    this.domainEvents = domainEvents;
    this.stepDeadlines = stepDeadlines;
  }

  /** 受理临期提醒 / 办理临期提醒: {@code stage} is ACCEPT or HANDLE. */
  public void remind(DelegateExecution execution, String stage) {
    Event event = support.eventOf(execution);
    OffsetDateTime deadline = deadlineOf(event, stage);
    String what = stage.equals("ACCEPT") ? "受理" : "办理";
    notifications.send(
        new Notice(
            NoticeKind.DEADLINE_REMINDER,
            "临期提醒：" + event.number(),
            "事件「" + event.title() + "」的" + what + "期限为 " + deadline.toLocalDate() + "（还剩 1 个工作日）。",
            event.number()),
        peopleOnStep(event, stage));
  }

  /** 超期受理 (E4): the acceptance deadline passed with the event not accepted. */
  public void acceptanceOverdue(DelegateExecution execution) {
    Event event = support.eventOf(execution);
    overdue(event, "ACCEPT", deadlineOf(event, "ACCEPT"), support.now());
    OverdueTaskMark.mark(execution, EventTasks.ACCEPT);
  }

  /** 超期办结 (E4): the handling deadline passed with the event neither closed nor passed on. */
  public void handlingOverdue(DelegateExecution execution) {
    Event event = support.eventOf(execution);
    overdue(event, "HANDLE", deadlineOf(event, "HANDLE"), support.now());
    OverdueTaskMark.mark(execution, EventTasks.HANDLE);
  }

  /**
   * Marks the step late for ever, records it, tells the supervisors and the people on the step and
   * publishes {@link StepRanOverdue} — at the deadline (timer), or when the step is completed late
   * before the timer's job ran.
   */
  public void overdue(Event event, String stage, OffsetDateTime deadline, OffsetDateTime now) {
    overdue(
        event,
        stage,
        deadline,
        now,
        stage.equals("ACCEPT") ? Lateness.ACCEPTANCE : Lateness.HANDLING,
        List.of());
  }

  /** Which deadline ran out: E4's acceptance or handling limit, or a 督办's limit (S1). */
  public enum Lateness {
    ACCEPTANCE("OVERDUE_ACCEPTANCE", "超期受理", "受理已超过期限 ", Limit.ACCEPTANCE),
    HANDLING("OVERDUE_HANDLING", "超期办结", "办理已超过期限 ", Limit.HANDLING),
    SUPERVISION("OVERDUE_SUPERVISION", "督办超期", "督办事项未在督办期限内办完，督办期限 ", Limit.SUPERVISION);

    final String trigger;
    final String label;
    final String phrase;
    final Limit limit;

    Lateness(String trigger, String label, String phrase, Limit limit) {
      this.trigger = trigger;
      this.label = label;
      this.phrase = phrase;
      this.limit = limit;
    }
  }

  /**
   * The one way a late step is recorded: the stage's overdue flag set for ever, a step {@code
   * lateness.trigger}, a notice to the supervisors, the people on the step and {@code alsoTell},
   * and {@link StepRanOverdue} naming whoever answers for the step (C3).
   */
  public void overdue(
      Event event,
      String stage,
      OffsetDateTime deadline,
      OffsetDateTime now,
      Lateness lateness,
      List<String> alsoTell) {
    EventLevel level = event.level();
    String unitCode = event.unitCode();
    if (stage.equals("ACCEPT")) {
      events.markOverdueAcceptance(event.id());
    } else {
      events.markOverdueHandling(event.id());
    }
    String trigger = lateness.trigger;
    events.addStep(
        event.id(),
        new EventStep(
            trigger,
            level,
            unitCode,
            EventProcessSupport.SYSTEM,
            now,
            deadline,
            true,
            lateness.label + "：期限 " + deadline.toLocalDate()));
    List<String> recipients = new ArrayList<>(staff.supervisorsOf(event.townshipCode()));
    recipients.addAll(peopleOnStep(event, stage));
    recipients.addAll(alsoTell);
    notifications.send(
        new Notice(
            NoticeKind.OVERDUE,
            lateness.label + "：" + event.number(),
            "事件「"
                + event.title()
                + "」在"
                + level.label()
                + "（"
                + unitCode
                + "）"
                + lateness.phrase
                + deadline.toLocalDate()
                + "。",
            event.number()),
        recipients);
    domainEvents.publishEvent(
        new StepRanOverdue(
            event.number(),
            StepStage.valueOf(stage),
            lateness.limit,
            level,
            unitCode,
            event.townshipCode(),
            deadline,
            now,
            answerable(event, stage)));
  }

  /**
   * C3 (S0 第四条(四)1): the acceptor answers for late handling, the unit's handlers for an acceptance
   * nobody made; at a station, the center or a department the section head answers too.
   */
  private List<Answerable> answerable(Event event, String stage) {
    String unitCode = event.unitCode();
    String acceptedBy = event.step().acceptedBy();
    List<Answerable> who = new ArrayList<>();
    if (stage.equals("HANDLE") && acceptedBy != null) {
      who.add(new Answerable(acceptedBy, staff.queueRoleOf(acceptedBy, unitCode).orElse(null)));
    } else {
      staff
          .answerableForQueue(unitCode)
          .forEach(a -> who.add(new Answerable(a.username(), a.role())));
    }
    if (event.level() != EventLevel.GRID) {
      for (String head : staff.holdersOf(unitCode, AppointmentRole.SECTION_HEAD)) {
        if (who.stream().noneMatch(a -> head.equals(a.username()))) {
          who.add(new Answerable(head, AppointmentRole.SECTION_HEAD));
        }
      }
    }
    if (who.isEmpty()) {
      who.add(new Answerable(null, null));
    }
    return who.stream().distinct().toList();
  }

  /** The acceptor once accepted, else everyone in the unit's queue. */
  List<String> peopleOnStep(Event event, String stage) {
    String acceptedBy = event.step().acceptedBy();
    if (stage.equals("HANDLE") && acceptedBy != null) {
      return List.of(acceptedBy);
    }
    return staff.queueOf(event.unitCode());
  }

  /**
   * The statutory deadline of the open step's stage (E4, E6), whatever a 督办 set on its task: the
   * one stored when the step opened or was accepted.
   */
  public OffsetDateTime deadlineOf(Event event, String stage) {
    return stepDeadlines.statutory(event, stage);
  }
}
