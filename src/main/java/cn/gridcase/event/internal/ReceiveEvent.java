package cn.gridcase.event.internal;

import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventStatus;
import cn.gridcase.event.EventStep;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.AppointmentRole;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 接收事件 ({@code ReceiveEventTask} of {@code event-level-handling.bpmn}): the event reaches a level's
 * unit. Called with the execution: it reads the call activity's {@code level} (and a dispatch's
 * {@code departmentCode}) and sets the limits the forms show.
 */
@Component
public class ReceiveEvent {

  private final EventProcessSupport support;
  private final EventRepository events;
  private final EventTimeLimits timeLimits;
  private final EventStaff staff;
  private final Notifications notifications;
  private final StepDeadlines stepDeadlines;

  public ReceiveEvent(
      EventProcessSupport support,
      EventRepository events,
      EventTimeLimits timeLimits,
      EventStaff staff,
      Notifications notifications,
      StepDeadlines stepDeadlines) {
    this.support = support;
    this.events = events;
    this.timeLimits = timeLimits;
    this.staff = staff;
    this.notifications = notifications;
    this.stepDeadlines = stepDeadlines;
  }

  /**
   * 接收事件: the event reaches this level's unit (the call activity's {@code level} input). Opens the
   * step in the event's table: the unit (the candidate group), the township's limits and the moment
   * received and the step's deadlines (computed once, stored on the step); when the grid's own
   * worker reported it, the grid acceptance is recorded at the moment of reporting. The level's
   * queue, the gateway's answer and the deadlines are handed to the model as variables of the
   * level's instance, read when its tasks and timers are created in this same command; what a user
   * sends under these names when completing the acceptance is overwritten by 记录受理 before the
   * handling task reads it.
   */
  public void receive(DelegateExecution execution) {
    Event event = support.eventOf(execution);
    EventLevel level = EventLevel.valueOf((String) execution.getVariable(EventVariables.LEVEL));
    String unitCode =
        switch (level) {
          case GRID -> event.gridCode();
          case VILLAGE -> event.villageCode();
          case TOWNSHIP -> event.townshipCode();
          case DEPARTMENT -> (String) execution.getVariable(EventVariables.DEPARTMENT_CODE);
          case COUNTY -> throw new IllegalStateException("the county is not handled in GridCase");
        };
    TimeLimits limits = timeLimits.of(event.townshipCode());
    // shown in the forms only
    execution.setVariable(EventVariables.CATEGORY, event.category().name());
    execution.setVariable(EventVariables.ACCEPT_DAYS, limits.acceptance());
    execution.setVariable(EventVariables.HANDLE_DAYS, limits.handling(level));
    // what the level's tasks and gateway read, given once here rather than asked of Java again
    execution.setVariable(EventVariables.UNIT_CODE, unitCode);
    // the grid is only ever reached straight after reporting (a major event skips it): reported by
    // the grid's own worker, it was accepted at that moment (E2)
    boolean selfAccepted =
        level == EventLevel.GRID
            && staff.holds(event.reportedBy(), event.gridCode(), AppointmentRole.GRID_WORKER);
    String department = level == EventLevel.DEPARTMENT ? unitCode : null;
    // the step's deadlines, computed once here (and at acceptance) and stored on the event (issue
    // 12 A4)
    if (selfAccepted) {
      OffsetDateTime reportedAt = event.reportedAt();
      StepDeadlines.Limit acceptance = stepDeadlines.limit(reportedAt, limits.acceptance());
      StepDeadlines.Limit handling = stepDeadlines.limit(reportedAt, limits.handling(level));
      events.receive(
          event.id(),
          EventStatus.IN_HANDLING,
          level,
          unitCode,
          department,
          reportedAt,
          limits.acceptance(),
          limits.handling(level),
          reportedAt,
          event.reportedBy(),
          acceptance,
          handling);
      stepDeadlines.rememberHandling(event.id(), execution.getProcessInstanceId(), handling);
      execution.setVariable(EventVariables.ACCEPTED_ON_REPORTING, true);
      stepDeadlines.handToHandlingTask(execution, unitCode, event.reportedBy(), handling);
      events.addStep(
          event.id(),
          new EventStep(
              "ACCEPTED",
              level,
              unitCode,
              event.reportedBy(),
              reportedAt,
              acceptance.deadline().deadline(),
              false,
              "网格员本人上报，上报即受理"));
      return;
    }
    OffsetDateTime now = support.now();
    StepDeadlines.Limit acceptance = stepDeadlines.limit(now, limits.acceptance());
    events.receive(
        event.id(),
        EventStatus.AWAITING_ACCEPTANCE,
        level,
        unitCode,
        department,
        now,
        limits.acceptance(),
        limits.handling(level),
        null,
        null,
        acceptance,
        null);
    stepDeadlines.rememberAcceptance(event.id(), execution.getProcessInstanceId(), acceptance);
    execution.setVariable(EventVariables.ACCEPTED_ON_REPORTING, false);
    execution.setVariable(
        EventVariables.ACCEPT_BY, stepDeadlines.engineDate(acceptance.deadline(), 2));
    execution.setVariable(
        EventVariables.ACCEPT_REMIND_AT, stepDeadlines.engineDate(acceptance.reminder(), 1));
    OffsetDateTime acceptBy = acceptance.deadline().deadline();
    notifications.send(
        new Notice(
            NoticeKind.EVENT_RECEIVED,
            "新事件待受理：" + event.number(),
            "事件「"
                + event.title()
                + "」已到"
                + level.label()
                + "（"
                + unitCode
                + "），请于 "
                + acceptBy.toLocalDate()
                + " 前受理。",
            event.number()),
        staff.queueOf(unitCode));
    if (level != EventLevel.GRID && level != EventLevel.TOWNSHIP) {
      // E7: escalation and dispatch are copied to the township center so nothing runs overdue
      // unseen
      notifications.send(
          new Notice(
              NoticeKind.EVENT_ESCALATED,
              "事件已转" + level.label() + "：" + event.number(),
              "事件「" + event.title() + "」已转至 " + unitCode + "。",
              event.number()),
          staff.centerStaffOf(event.townshipCode()));
    }
  }
}
