package cn.gridcase.event;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.accountability.LateStepEvidence;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the boundary timers of the acceptance and handling tasks do (E4, C3): one working day
 * before a deadline, remind; at the deadline, mark the event late for ever, tell the supervisors
 * and the people on the step, and record an accountability proposal against whoever answers for
 * the step.
 */
@Component("eventDeadlines")
public class EventDeadlineWatch {

  private final EventProcessSupport support;
  private final EventRepository events;
  private final EventStaff staff;
  private final Notifications notifications;
  private final AccountabilityProposals proposals;
  private final WorkingDays workingDays;

  EventDeadlineWatch(EventProcessSupport support, EventRepository events, EventStaff staff, Notifications notifications,
      AccountabilityProposals proposals, WorkingDays workingDays) {
    this.support = support;
    this.events = events;
    this.staff = staff;
    this.notifications = notifications;
    this.proposals = proposals;
    this.workingDays = workingDays;
  }

  /** 受理临期提醒 / 办理临期提醒: {@code stage} is ACCEPT or HANDLE. */
  public void remind(DelegateExecution execution, String stage) {
    Event event = support.eventOf(execution);
    OffsetDateTime deadline = deadlineOf(event, stage);
    String what = stage.equals("ACCEPT") ? "受理" : "办理";
    notifications.send(new Notice(NoticeKind.DEADLINE_REMINDER, "临期提醒：" + event.number(),
        "事件「" + event.title() + "」的" + what + "期限为 " + deadline.toLocalDate() + "（还剩 1 个工作日）。", event.number()),
        peopleOnStep(event, stage));
  }

  /** 超期受理 (E4): the acceptance deadline passed with the event not accepted. */
  public void acceptanceOverdue(DelegateExecution execution) {
    Event event = support.eventOf(execution);
    overdue(event, "ACCEPT", deadlineOf(event, "ACCEPT"), support.now());
    OverdueTaskMark.mark(execution, "AcceptEventTask");
  }

  /** 超期办结 (E4): the handling deadline passed with the event neither closed nor passed on. */
  public void handlingOverdue(DelegateExecution execution) {
    Event event = support.eventOf(execution);
    overdue(event, "HANDLE", deadlineOf(event, "HANDLE"), support.now());
    OverdueTaskMark.mark(execution, "HandleEventTask");
  }

  /**
   * Marks the step late for ever, records it, tells the supervisors and the people on the step and
   * records the accountability proposals — at the deadline (timer), or when the step is completed
   * late before the timer's job ran.
   */
  void overdue(Event event, String stage, OffsetDateTime deadline, OffsetDateTime now) {
    EventLevel level = event.level();
    String unitCode = event.unitCode();
    boolean acceptance = stage.equals("ACCEPT");
    if (acceptance) {
      events.markOverdueAcceptance(event.id());
    } else {
      events.markOverdueHandling(event.id());
    }
    String trigger = acceptance ? "OVERDUE_ACCEPTANCE" : "OVERDUE_HANDLING";
    events.addStep(event.id(), new EventStep(trigger, level, unitCode, EventProcessSupport.SYSTEM, now, deadline, true,
        (acceptance ? "超期受理" : "超期办结") + "：期限 " + deadline.toLocalDate()));
    List<String> recipients = new ArrayList<>(staff.supervisorsOf(event.townshipCode()));
    recipients.addAll(peopleOnStep(event, stage));
    notifications.send(new Notice(NoticeKind.OVERDUE, (acceptance ? "超期受理：" : "超期办结：") + event.number(),
        "事件「" + event.title() + "」在" + level.label() + "（" + unitCode + "）" + (acceptance ? "受理" : "办理")
            + "已超过期限 " + deadline.toLocalDate() + "。", event.number()), recipients);
    for (Answerable who : answerable(event, stage)) {
      proposals.raiseForLateStep(new LateStepEvidence(trigger, who.username(), who.role(), unitCode,
          event.townshipCode(), event.number(), stage, level.name(), deadline, now));
    }
  }

  private record Answerable(String username, String role) {}

  /**
   * C3 (S0 第四条(四)1): the acceptor answers for late handling, the unit's handlers for an
   * acceptance nobody made; at a station, the center or a department the section head answers too.
   */
  private List<Answerable> answerable(Event event, String stage) {
    String unitCode = event.unitCode();
    String acceptedBy = event.step().acceptedBy();
    List<Answerable> who = new ArrayList<>();
    if (stage.equals("HANDLE") && acceptedBy != null) {
      who.add(new Answerable(acceptedBy, staff.queueRoleOf(acceptedBy, unitCode).map(Enum::name).orElse(null)));
    } else {
      staff.answerableForQueue(unitCode).forEach(a -> who.add(new Answerable(a.username(), a.role().name())));
    }
    if (event.level() != EventLevel.GRID) {
      for (String head : staff.holdersOf(unitCode, cn.gridcase.organisation.AppointmentRole.SECTION_HEAD)) {
        if (who.stream().noneMatch(a -> head.equals(a.username()))) {
          who.add(new Answerable(head, cn.gridcase.organisation.AppointmentRole.SECTION_HEAD.name()));
        }
      }
    }
    if (who.isEmpty()) {
      who.add(new Answerable(null, null));
    }
    return who.stream().distinct().toList();
  }

  /** The acceptor once accepted, else everyone in the unit's queue. */
  private List<String> peopleOnStep(Event event, String stage) {
    String acceptedBy = event.step().acceptedBy();
    if (stage.equals("HANDLE") && acceptedBy != null) {
      return List.of(acceptedBy);
    }
    return staff.queueOf(event.unitCode());
  }

  private OffsetDateTime deadlineOf(Event event, String stage) {
    Event.Step step = event.step();
    return stage.equals("ACCEPT") ? workingDays.deadline(step.receivedAt(), step.acceptDays()).deadline()
        : workingDays.deadline(step.acceptedAt(), step.handleDays()).deadline();
  }
}
