package cn.gridcase.event;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.event.internal.Event;
import cn.gridcase.event.internal.EventDeadlineWatch;
import cn.gridcase.event.internal.EventRepository;
import cn.gridcase.event.internal.EventStaff;
import cn.gridcase.event.internal.StepDeadlines;
import cn.gridcase.event.internal.Visibility;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the supervision feature's 督办 (rule S1) needs of an event: its open acceptance or handling
 * step, the step recorded in the event's history with the people told, and — when the 督办's limit
 * passes with the step not done — the same late-step record as E4's deadlines ({@link
 * EventDeadlineWatch}): overdue flag for ever, a step {@code OVERDUE_SUPERVISION}, notices and an
 * accountability proposal.
 */
@Service
public class SupervisedSteps {

  /**
   * The step a 督办 is for: an open acceptance ({@code ACCEPT}) or handling ({@code HANDLE}) task.
   */
  public record SupervisableStep(
      String eventNumber,
      String title,
      String townshipCode,
      EventLevel level,
      String unitCode,
      String taskId,
      String processInstanceId,
      String stage,
      String assignee,
      OffsetDateTime due) {}

  private final EventRepository events;
  private final AccessScopes accessScopes;
  private final EventStaff staff;
  private final Notifications notifications;
  private final EventDeadlineWatch deadlineWatch;
  private final TaskService taskService;
  private final Clock clock;
  private final StepDeadlines stepDeadlines;

  SupervisedSteps(
      EventRepository events,
      AccessScopes accessScopes,
      EventStaff staff,
      Notifications notifications,
      EventDeadlineWatch deadlineWatch,
      TaskService taskService,
      Clock clock,
      StepDeadlines stepDeadlines) {
    this.stepDeadlines = stepDeadlines;
    this.events = events;
    this.accessScopes = accessScopes;
    this.staff = staff;
    this.notifications = notifications;
    this.deadlineWatch = deadlineWatch;
    this.taskService = taskService;
    this.clock = clock;
  }

  /**
   * The event's open acceptance or handling step, empty when it has none (closed, referred, or
   * awaiting feedback).
   *
   * @throws NotFound when there is no such event or the user may not see it
   */
  @Transactional(readOnly = true)
  public Optional<SupervisableStep> openStep(String number, String user) {
    Event event = events.find(number).orElseThrow(() -> new NotFound("No event " + number));
    if (!Visibility.of(accessScopes.of(user)).sees(event)) {
      throw new NotFound("No event " + number);
    }
    if (event.status() != EventStatus.AWAITING_ACCEPTANCE
        && event.status() != EventStatus.IN_HANDLING) {
      return Optional.empty();
    }
    return taskService.createTaskQuery().processInstanceBusinessKey(number).active().list().stream()
        .filter(
            t ->
                EventTasks.ACCEPT.equals(t.getTaskDefinitionKey())
                    || EventTasks.HANDLE.equals(t.getTaskDefinitionKey()))
        .findFirst()
        .map(task -> step(event, task));
  }

  private static SupervisableStep step(Event event, Task task) {
    return new SupervisableStep(
        event.number(),
        event.title(),
        event.townshipCode(),
        event.level(),
        event.unitCode(),
        task.getId(),
        task.getProcessInstanceId(),
        EventTasks.ACCEPT.equals(task.getTaskDefinitionKey()) ? "ACCEPT" : "HANDLE",
        task.getAssignee(),
        task.getDueDate() == null ? null : GridCaseTime.at(task.getDueDate()));
  }

  /** Whether the task a 督办 was for is still open. */
  public boolean isOpen(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).active().count() > 0;
  }

  /**
   * Records the 督办 in the event's history (step {@code SUPERVISED} with its actor, new deadline and
   * message), keeps its deadline on the step while it is in force (what the event view and the
   * supervisors' lists read) and tells the assignee — the unit's queue while nobody has claimed the
   * step — and the unit's head.
   */
  @Transactional
  public void recordSupervision(
      SupervisableStep step,
      String supervisor,
      OffsetDateTime at,
      int workingDays,
      Deadline supervised,
      String message) {
    Event event =
        events
            .find(step.eventNumber())
            .orElseThrow(() -> new NotFound("No event " + step.eventNumber()));
    stepDeadlines.supervised(event, step.processInstanceId(), supervised);
    OffsetDateTime deadline = supervised.deadline();
    String what = step.stage().equals("ACCEPT") ? "受理" : "办理";
    events.addStep(
        event.id(),
        new EventStep(
            "SUPERVISED",
            event.level(),
            event.unitCode(),
            supervisor,
            at,
            deadline,
            false,
            "督办"
                + what
                + "，限 "
                + workingDays
                + " 个工作日（"
                + deadline.toLocalDate()
                + " 前）："
                + message));
    List<String> recipients =
        new ArrayList<>(
            step.assignee() != null ? List.of(step.assignee()) : staff.queueOf(event.unitCode()));
    recipients.addAll(headsOf(event));
    notifications.send(
        new Notice(
            NoticeKind.SUPERVISED,
            "督办：" + event.number(),
            "事件「"
                + event.title()
                + "」被督办，请于 "
                + deadline.toLocalDate()
                + " 前完成"
                + what
                + "（"
                + workingDays
                + " 个工作日）："
                + message,
            event.number()),
        recipients);
  }

  /**
   * Keeps the deadline of a 督办 given before such deadlines were kept on the step (Flyway V8) on the
   * event's open step, unless it has one already; false when it has, or no step is open.
   */
  @Transactional
  public boolean keepInForce(String eventNumber, Deadline supervised) {
    Event event =
        events.find(eventNumber).orElseThrow(() -> new NotFound("No event " + eventNumber));
    return stepDeadlines.supervisedBefore(event, supervised);
  }

  /**
   * 督办超期: the step a 督办 was for is still open at the 督办's deadline. Recorded as E4's deadlines
   * record a late step, the unit's head and the supervisor who gave the 督办 told too.
   */
  @Transactional
  public void supervisionOverdue(
      String eventNumber, String stage, OffsetDateTime deadline, String supervisor) {
    Event event =
        events.find(eventNumber).orElseThrow(() -> new NotFound("No event " + eventNumber));
    List<String> alsoTell = new ArrayList<>(headsOf(event));
    alsoTell.add(supervisor);
    events.markSupervisionLate(event.id());
    deadlineWatch.overdue(
        event,
        stage,
        deadline,
        GridCaseTime.now(clock),
        EventDeadlineWatch.Lateness.SUPERVISION,
        alsoTell);
  }

  /**
   * The head of the unit that has the step: a grid's grid leader (of its village), else its section
   * head.
   */
  private List<String> headsOf(Event event) {
    return event.level() == EventLevel.GRID
        ? staff.holdersOf(event.villageCode(), AppointmentRole.GRID_LEADER)
        : staff.holdersOf(event.unitCode(), AppointmentRole.SECTION_HEAD);
  }
}
