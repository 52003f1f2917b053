package cn.gridcase.supervision.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.EngineDeadlines;
import cn.gridcase.calendar.TaskDeadlines;
import cn.gridcase.event.EventView;
import cn.gridcase.event.Events;
import cn.gridcase.event.SupervisedSteps;
import cn.gridcase.event.SupervisedSteps.SupervisableStep;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.StateConflict;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办 (rule S1): a supervisor names a new limit of 1 to 10 working days for an event's open step.
 * The open task's due date becomes that deadline (so the work list, the board and the overdue list
 * see it), the deadline registry remembers it from the 督办's moment and N (T3), the step is recorded
 * and the assignee and the unit's head are told, and the supervision process ({@code
 * bpmn/event-supervision.bpmn}) watches the deadline. E4's statutory timers stay as they are: a 督办
 * does not excuse lateness against them.
 */
@Service
public class StepSupervision {

  static final String START_MESSAGE = "EventSupervised";
  static final int MIN_DAYS = 1;
  static final int MAX_DAYS = 10;
  static final int MESSAGE_MAX = 1000;

  private final SupervisedSteps steps;
  private final Events events;
  private final TaskDeadlines taskDeadlines;
  private final EngineDeadlines engineDeadlines;
  private final SupervisionOrders orders;
  private final RuntimeService runtimeService;
  private final AccessScopes accessScopes;
  private final Organisation organisation;
  private final Clock clock;

  StepSupervision(
      SupervisedSteps steps,
      Events events,
      TaskDeadlines taskDeadlines,
      EngineDeadlines engineDeadlines,
      SupervisionOrders orders,
      RuntimeService runtimeService,
      AccessScopes accessScopes,
      Organisation organisation,
      Clock clock) {
    this.engineDeadlines = engineDeadlines;
    this.steps = steps;
    this.events = events;
    this.taskDeadlines = taskDeadlines;
    this.orders = orders;
    this.runtimeService = runtimeService;
    this.accessScopes = accessScopes;
    this.organisation = organisation;
    this.clock = clock;
  }

  /**
   * Gives the 督办. 404 when the user may not see the event, 403 when they hold no supervising role,
   * 422 naming every problem of the input, 409 when the event has no open acceptance or handling
   * step.
   */
  @Transactional
  public EventView supervise(String number, String user, Integer workingDays, String message) {
    var open = steps.openStep(number, user);
    if (!mayGive(user)) {
      throw new AccessDeniedException("督办由督办人员、科室负责人、工作片长、网格长或网格指导员下达 (S1)");
    }
    List<ApiError> errors = check(workingDays, message);
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("督办未下达：请更正所列各项", errors);
    }
    String text = message.trim();
    SupervisableStep step =
        open.orElseThrow(
            () ->
                new StateConflict(
                    "事件 " + number + " 当前没有待受理或办理中的步骤，无法督办 (no open acceptance or handling step)"));
    OffsetDateTime now = GridCaseTime.now(clock);
    Deadline deadline =
        taskDeadlines.setDue(step.taskId(), step.processInstanceId(), now, workingDays);
    long id =
        orders.insert(
            number,
            step.taskId(),
            step.stage(),
            user,
            now,
            workingDays,
            deadline.deadline(),
            deadline.provisional(),
            text);
    // the order keeps the deadline (the process's timer reads it); a schedule load moves it there
    // too
    engineDeadlines.rememberStored(
        SupervisionDeadlines.key(id), step.processInstanceId(), deadline);
    steps.recordSupervision(step, user, now, workingDays, deadline, text);
    runtimeService
        .createMessageCorrelation(START_MESSAGE)
        .processInstanceBusinessKey(number)
        .setVariable(SupervisionProcessVariables.EVENT_NUMBER, number)
        .setVariable(SupervisionProcessVariables.SUPERVISION_ID, id)
        .correlateStartMessage();
    return events.get(number, user);
  }

  /**
   * Every problem of a 督办's input: S1.workingDays (missing, not 1..10), S1.message (blank, too
   * long).
   */
  static List<ApiError> check(Integer workingDays, String message) {
    List<ApiError> errors = new ArrayList<>();
    if (workingDays == null) {
      errors.add(new ApiError("workingDays", "S1.workingDays", "请填写督办期限（1至10个工作日）"));
    } else if (workingDays < MIN_DAYS || workingDays > MAX_DAYS) {
      errors.add(
          new ApiError("workingDays", "S1.workingDays", "督办期限为1至10个工作日，填写的是 " + workingDays));
    }
    String text = message == null ? "" : message.trim();
    if (text.isEmpty()) {
      errors.add(new ApiError("message", "S1.message", "请填写督办意见"));
    } else if (text.length() > MESSAGE_MAX) {
      errors.add(new ApiError("message", "S1.message", "督办意见最多" + MESSAGE_MAX + "字"));
    }
    return errors;
  }

  /** Those of {@link Supervision#SUPERVISING} and administrators give 督办, within what they see. */
  boolean mayGive(String user) {
    return accessScopes.of(user).admin()
        || organisation.currentAppointments(user).stream()
            .anyMatch(a -> Supervision.SUPERVISING.contains(a.role()));
  }

  /**
   * The 督办 given on an event, oldest first, with how each ended (DONE, SUPERSEDED, OVERDUE, or
   * open).
   */
  @Transactional(readOnly = true)
  public List<SupervisionOrders.Order> ofEvent(String number) {
    return orders.ofEvent(number);
  }
}
