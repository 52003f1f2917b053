package cn.gridcase.event;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.accountability.LateStepEvidence;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.Appointment;
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
    OffsetDateTime deadline = deadlineOf(execution, stage);
    String what = stage.equals("ACCEPT") ? "受理" : "办理";
    notifications.send(new Notice(NoticeKind.DEADLINE_REMINDER, "临期提醒：" + event.number(),
        "事件「" + event.title() + "」的" + what + "期限为 " + deadline.toLocalDate() + "（还剩 1 个工作日）。", event.number()),
        peopleOnStep(execution, stage));
  }

  /** 超期受理 (E4): the acceptance deadline passed with the event not accepted. */
  public void acceptanceOverdue(DelegateExecution execution) {
    overdue(execution, "ACCEPT");
  }

  /** 超期办结 (E4): the handling deadline passed with the event neither closed nor passed on. */
  public void handlingOverdue(DelegateExecution execution) {
    overdue(execution, "HANDLE");
  }

  private void overdue(DelegateExecution execution, String stage) {
    Event event = support.eventOf(execution);
    EventLevel level = EventLevel.valueOf((String) execution.getVariable("level"));
    String unitCode = (String) execution.getVariable("unitCode");
    OffsetDateTime deadline = deadlineOf(execution, stage);
    OffsetDateTime now = support.now();
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
    recipients.addAll(peopleOnStep(execution, stage));
    notifications.send(new Notice(NoticeKind.OVERDUE, (acceptance ? "超期受理：" : "超期办结：") + event.number(),
        "事件「" + event.title() + "」在" + level.label() + "（" + unitCode + "）" + (acceptance ? "受理" : "办理")
            + "已超过期限 " + deadline.toLocalDate() + "。", event.number()), recipients);
    for (Answerable who : answerable(execution, stage, unitCode)) {
      proposals.raiseForLateStep(new LateStepEvidence(trigger, who.username(), who.role(), unitCode,
          event.townshipCode(), event.number(), stage, level.name(), deadline, now));
    }
  }

  private record Answerable(String username, String role) {}

  /** C3: the acceptor answers for late handling; the unit's handlers for an acceptance nobody made. */
  private List<Answerable> answerable(DelegateExecution execution, String stage, String unitCode) {
    String acceptedBy = (String) execution.getVariable("acceptedBy");
    if (stage.equals("HANDLE") && acceptedBy != null) {
      return List.of(new Answerable(acceptedBy, staff.queueRoleOf(acceptedBy, unitCode).map(Enum::name).orElse(null)));
    }
    List<Appointment> handlers = staff.answerableForQueue(unitCode);
    if (handlers.isEmpty()) {
      return List.of(new Answerable(null, null));
    }
    return handlers.stream().map(a -> new Answerable(a.username(), a.role().name())).distinct().toList();
  }

  /** The assignee once accepted, else everyone in the unit's queue. */
  private List<String> peopleOnStep(DelegateExecution execution, String stage) {
    String acceptedBy = (String) execution.getVariable("acceptedBy");
    if (stage.equals("HANDLE") && acceptedBy != null) {
      return List.of(acceptedBy);
    }
    return staff.queueOf((String) execution.getVariable("unitCode"));
  }

  private OffsetDateTime deadlineOf(DelegateExecution execution, String stage) {
    boolean acceptance = stage.equals("ACCEPT");
    OffsetDateTime from = EventProcessSupport.at(execution.getVariable(acceptance ? "receivedAt" : "acceptedAt"));
    int days = (Integer) execution.getVariable(acceptance ? "acceptDays" : "handleDays");
    return workingDays.deadline(from, days).deadline();
  }
}
