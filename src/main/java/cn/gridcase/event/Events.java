package cn.gridcase.event;

import cn.gridcase.event.internal.Event;
import cn.gridcase.event.internal.EventRepository;
import cn.gridcase.event.internal.EventRules;
import cn.gridcase.event.internal.EventStaff;
import cn.gridcase.event.internal.EventVariables;
import cn.gridcase.event.internal.FeedbackVariables;
import cn.gridcase.event.internal.Handling;
import cn.gridcase.event.internal.HandlingOutcome;
import cn.gridcase.event.internal.HandlingVariables;
import cn.gridcase.event.internal.Submitted;
import cn.gridcase.event.internal.Visibility;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.EngineTables;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.TransientValue;
import cn.gridcase.platform.UserTaskCompletion;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events (事件), the event feature's public surface: report an event, read it, and act on it at its
 * current level (accept, resolve, escalate, dispatch, refer to the county, feed back, urge). Every
 * action completes the open user task of the event process, so the process layer's validation
 * applies to it as it does to Tasklist and {@code /engine-rest}.
 *
 * <p>Errors: 404 when the caller may not see the event (its existence is not revealed), 403 when
 * they see it but may not act at its current level, 409 when the action does not fit the event's
 * state, 422 listing every rule the input breaks.
 */
@Service
public class Events {

  public static final String PROCESS_KEY = "event-handling";

  /** The form of an event's number (E1: SJ-yyyyMMdd-NNNN), also its processes' business key. */
  public static final Pattern NUMBER = Pattern.compile("SJ-\\d{8}-\\d{4}");

  /** Whether a business key is an event's number (the other processes' keys are case ids). */
  public static boolean isEventNumber(String key) {
    return key != null && NUMBER.matcher(key).matches();
  }

  private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final EventRepository events;
  private final Organisation organisation;
  private final AccessScopes accessScopes;
  private final EventStaff staff;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final String openTasksSql;
  private final Clock clock;
  private final TransactionTemplate withoutTransaction;
  private final TransactionTemplate reportTransaction;
  private final Notifications notifications;
  private final UserTaskCompletion userTasks;

  Events(
      EventRepository events,
      Organisation organisation,
      AccessScopes accessScopes,
      EventStaff staff,
      RuntimeService runtimeService,
      TaskService taskService,
      Clock clock,
      PlatformTransactionManager transactions,
      Notifications notifications,
      UserTaskCompletion userTasks) {
    this.userTasks = userTasks;
    // the open tasks of one event, asked on every view: a plain indexed join (business key, then
    // process instance) instead of the engine's general task query, whose mapping of some hundred
    // optional criteria was a large share of the intake's CPU (measured in docs/benchmarks.md)
    this.openTasksSql =
        "select RES.* from "
            + EngineTables.TASK
            + " RES inner join "
            + EngineTables.EXECUTION
            + " E on RES.PROC_INST_ID_ = E.ID_"
            + " where E.BUSINESS_KEY_ = #{number} and RES.SUSPENSION_STATE_ = 1";
    this.events = events;
    this.organisation = organisation;
    this.accessScopes = accessScopes;
    this.staff = staff;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.clock = clock;
    this.withoutTransaction = new TransactionTemplate(transactions);
    this.withoutTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    this.reportTransaction = new TransactionTemplate(transactions);
    this.notifications = notifications;
  }

  /**
   * 事件上报 (E1, E2): validates the report, gives it a number and starts the event process. When the
   * reporter is the grid's own worker, grid acceptance is recorded at the moment of reporting; a
   * major event (E8) goes to the township center at once.
   */
  public EventView report(EventReport report, String reporter) {
    OffsetDateTime now = GridCaseTime.now(clock);
    List<ApiError> errors = new ArrayList<>(EventRules.checkReport(report, now));
    Grid grid = null;
    if (report.gridCode() != null && !report.gridCode().isBlank()) {
      grid = organisation.grid(report.gridCode()).orElse(null);
      if (grid == null) {
        errors.add(new ApiError("gridCode", "E2.grid", "there is no grid " + report.gridCode()));
      }
    }
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("The event report is incomplete", errors);
    }
    AccessScope scope = accessScopes.of(reporter);
    if (!scope.seesGrid(grid.code())) {
      throw new AccessDeniedException("You may not report events in grid " + grid.code());
    }
    String township =
        organisation
            .unit(grid.villageCode())
            .map(Unit::parentCode)
            .orElseThrow(() -> new IllegalStateException("village without township"));
    // the number first, by one statement of its own, before the report's transaction takes a
    // connection: never two connections per report (a full pool would otherwise deadlock)
    String number = nextNumber(now.toLocalDate());
    Grid reportedGrid = grid;
    return reportTransaction.execute(
        status -> register(report, reporter, reportedGrid, township, number, now));
  }

  private EventView register(
      EventReport report,
      String reporter,
      Grid grid,
      String township,
      String number,
      OffsetDateTime now) {
    boolean major = report.isMajor();
    long id =
        events.insert(
            report,
            number,
            grid.villageCode(),
            township,
            now,
            reporter,
            EventStatus.AWAITING_ACCEPTANCE,
            major ? EventLevel.TOWNSHIP : EventLevel.GRID,
            major ? township : grid.code());
    events.addStep(
        id,
        new EventStep(
            "REPORTED",
            EventLevel.GRID,
            grid.code(),
            reporter,
            now,
            null,
            false,
            report.category().label() + "：" + report.title().trim()));
    // the business key is the event number; the process reads everything else from the event's
    // tables. The number is for Tasklist (the forms show it); major routes the first gateway (E8).
    Map<String, Object> variables =
        Map.of(EventVariables.EVENT_NUMBER, number, EventVariables.MAJOR, major);
    runtimeService.startProcessInstanceByKey(PROCESS_KEY, number, variables);
    return view(events.find(number).orElseThrow());
  }

  /** The event, if the user may see it (404 otherwise). */
  @Transactional(readOnly = true)
  public EventView get(String number, String user) {
    return view(visible(number, user));
  }

  /** A page of the events the user may see, newest first. */
  @Transactional(readOnly = true)
  public EventPage list(EventFilter filter, String user, int page, int size) {
    Visibility visibility = Visibility.of(accessScopes.of(user));
    List<EventView> items =
        events.list(filter, visibility, page * size, size).stream()
            .map(e -> view(withoutDetail(e)))
            .toList();
    return new EventPage(items, events.count(filter, visibility), page, size);
  }

  /**
   * As {@link #list}, with the events still open first (then newest first): the grid worker's 我的事件.
   */
  @Transactional(readOnly = true)
  public EventPage listOpenFirst(EventFilter filter, String user, int page, int size) {
    Visibility visibility = Visibility.of(accessScopes.of(user));
    List<EventView> items =
        events.list(filter, visibility, page * size, size, true).stream()
            .map(e -> view(withoutDetail(e)))
            .toList();
    return new EventPage(items, events.count(filter, visibility), page, size);
  }

  /**
   * The events a user reported from {@code from} up to (not including) {@code to}, oldest first:
   * one indexed read (Flyway V13 {@code event_by_reporter}), no scope applied — for the counts of
   * the reporter's own work (A4 item 1: reported events count as information entries).
   */
  @Transactional(readOnly = true)
  public List<ReportedEvent> reportedBy(String username, OffsetDateTime from, OffsetDateTime to) {
    return events.reportedBy(username, from, to);
  }

  /** 受理 (for a department 报到承接) at the event's current level. */
  @Transactional
  public EventView accept(String number, String user) {
    Event event = actingAtLevel(number, user);
    Task task = openTask(event, EventTasks.ACCEPT, "accepted");
    complete(task, user, Map.of());
    return get(number, user);
  }

  /**
   * 办结 (E3; E6's delay reason when late), with the resolve form's fields ({@code result}, {@code
   * mediator}, … as in {@code forms/event-handle.form}): read by the handling step's one mapper, as
   * Tasklist's are.
   */
  @Transactional
  public EventView resolve(String number, String user, Map<String, Object> resolution) {
    Map<String, Object> values = new HashMap<>(resolution);
    values.put(EventVariables.OUTCOME, HandlingOutcome.RESOLVE.name());
    return handle(number, user, HandlingOutcome.RESOLVE, values);
  }

  /** 上报 to the next level with a reason (E5); from a department, back to the township center. */
  @Transactional
  public EventView escalate(String number, String user, String reason, String delayReason) {
    Map<String, Object> values = new HashMap<>();
    values.put(EventVariables.OUTCOME, HandlingOutcome.ESCALATE.name());
    values.put(EventVariables.REASON, reason);
    values.put(EventVariables.DELAY_REASON, delayReason);
    return handle(number, user, HandlingOutcome.ESCALATE, values);
  }

  /** 吹哨派单: the township center dispatches the event to a department. */
  @Transactional
  public EventView dispatch(
      String number, String user, String departmentCode, String instructions, String delayReason) {
    Map<String, Object> values = new HashMap<>();
    values.put(EventVariables.OUTCOME, HandlingOutcome.DISPATCH.name());
    values.put(EventVariables.DEPARTMENT_CODE, departmentCode);
    values.put(EventVariables.INSTRUCTIONS, instructions);
    values.put(EventVariables.DELAY_REASON, delayReason);
    return handle(number, user, HandlingOutcome.DISPATCH, values);
  }

  /** 移交县级: beyond the township's competence (E5). */
  @Transactional
  public EventView referToCounty(
      String number, String user, String countyDepartment, String reason, String delayReason) {
    Map<String, Object> values = new HashMap<>();
    values.put(EventVariables.OUTCOME, HandlingOutcome.REFER_COUNTY.name());
    values.put(EventVariables.COUNTY_DEPARTMENT, countyDepartment);
    values.put(EventVariables.REASON, reason);
    values.put(EventVariables.DELAY_REASON, delayReason);
    return handle(number, user, HandlingOutcome.REFER_COUNTY, values);
  }

  /** 回访反馈 (E9): the residents' satisfaction closes a resolved event. */
  @Transactional
  public EventView feedback(String number, String user, String satisfaction, String comment) {
    Event event = visible(number, user);
    if (!staff.worksQueueOf(user, event.gridCode()) && !user.equals(event.reportedBy())) {
      throw new AccessDeniedException(
          "Only the grid's worker or the reporter feeds back on event " + number);
    }
    Task task = openTask(event, EventTasks.FEEDBACK, "fed back");
    Map<String, Object> values = new HashMap<>();
    values.put(EventVariables.SATISFACTION, satisfaction);
    values.put(EventVariables.COMMENT, comment);
    // the command goes to the task listener for this transaction only, not flattened into variables
    complete(
        task,
        user,
        Map.<String, Object>of(
            EventVariables.FEEDBACK, TransientValue.of(FeedbackVariables.read(values::get))));
    return get(number, user);
  }

  /** 催办 (S1): a supervisor urges the open step; recorded, and the people on the step are told. */
  @Transactional
  public EventView urge(String number, String user, String message) {
    Event event = visible(number, user);
    if (!staff.holds(user, event.townshipCode(), AppointmentRole.SUPERVISOR)) {
      throw new AccessDeniedException(
          "Only a supervisor of " + event.townshipCode() + " urges event " + number);
    }
    Task task =
        openTasks(number).stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new StateConflict(
                        "Event " + number + " is " + event.status() + ": no open step to urge"));
    String text = message == null || message.isBlank() ? "请抓紧办理" : message.trim();
    if (text.length() > 1000) {
      throw new DomainRuleViolation(
          "The message is too long",
          List.of(new ApiError("message", "S1.message", "an urge is at most 1000 characters")));
    }
    OffsetDateTime now = GridCaseTime.now(clock);
    OffsetDateTime due = GridCaseTime.at(task.getDueDate());
    // at feedback the open step is the grid's, wherever the event was resolved
    String unit =
        EventTasks.FEEDBACK.equals(task.getTaskDefinitionKey())
            ? event.gridCode()
            : event.unitCode();
    events.addStep(
        event.id(), new EventStep("URGED", event.level(), unit, user, now, due, false, text));
    List<String> recipients =
        task.getAssignee() != null ? List.of(task.getAssignee()) : staff.queueOf(unit);
    notifications.send(
        new Notice(
            NoticeKind.URGED, "催办：" + number, "督办人员催办事件「" + event.title() + "」：" + text, number),
        recipients);
    return get(number, user);
  }

  /**
   * 改派: a section head (科室负责人) of the unit where the open step is gives it to another person who
   * works that unit's queue — also when someone holds it already, since only the assignee may act
   * on a held step. Recorded as a step with the reason; the new assignee is told.
   */
  @Transactional
  public EventView reassign(String number, String user, String assignee, String reason) {
    Event event = visible(number, user);
    Task task =
        openTasks(number).stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new StateConflict(
                        "事件 " + number + " 当前没有可改派的步骤 (status " + event.status() + ")"));
    String unit =
        EventTasks.FEEDBACK.equals(task.getTaskDefinitionKey())
            ? event.gridCode()
            : event.unitCode();
    if (!staff.holds(user, unit, AppointmentRole.SECTION_HEAD)) {
      throw new AccessDeniedException(
          "Only a section head of " + unit + " reassigns the open step of " + number);
    }
    List<ApiError> errors = new ArrayList<>();
    if (assignee == null || assignee.isBlank()) {
      errors.add(new ApiError("assignee", "E10.assignee", "请填写改派给谁（账号）"));
    } else if (!staff.worksQueueOf(assignee.trim(), unit)) {
      errors.add(new ApiError("assignee", "E10.assignee", "改派对象须是本单位（" + unit + "）的事件经办人员"));
    } else if (assignee.trim().equals(task.getAssignee())) {
      errors.add(new ApiError("assignee", "E10.assignee", "此步骤已由该人员签收"));
    }
    if (reason == null || reason.isBlank()) {
      errors.add(new ApiError("reason", "E10.reason", "请填写改派原因"));
    } else if (reason.length() > 1000) {
      errors.add(new ApiError("reason", "E10.reason", "改派原因最多1000字"));
    }
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("改派未完成：请更正所列各项", errors);
    }
    String to = assignee.trim();
    OffsetDateTime due = GridCaseTime.at(task.getDueDate());
    String from = task.getAssignee() == null ? "本单位待认领" : task.getAssignee();
    events.addStep(
        event.id(),
        new EventStep(
            "REASSIGNED",
            event.level(),
            unit,
            user,
            GridCaseTime.now(clock),
            due,
            false,
            "由 " + from + " 改派给 " + to + "：" + reason.trim()));
    try {
      // GridCase acts here (no engine authentication): the engine's guard of held tasks is for
      // users
      taskService.setAssignee(task.getId(), to);
    } catch (NullValueException | OptimisticLockingException e) {
      throw new StateConflict("此步骤刚被办理或改动，请刷新后重试 (the step changed meanwhile)");
    }
    notifications.send(
        new Notice(
            NoticeKind.EVENT_RECEIVED,
            "改派：" + number,
            "事件「" + event.title() + "」已改派给您办理：" + reason.trim(),
            number),
        List.of(to));
    return get(number, user);
  }

  /**
   * The open steps past their deadline at {@code now} of the events the scope covers, as the filter
   * keeps them, oldest deadline first (for supervision, rule S1).
   */
  @Transactional(readOnly = true)
  public List<OverdueOpenStep> overdueSteps(
      AccessScope scope, OverdueStepFilter filter, OffsetDateTime now) {
    return events.overdueSteps(Visibility.of(scope), filter, now);
  }

  private EventView handle(
      String number, String user, HandlingOutcome outcome, Map<String, Object> values) {
    Event event = actingAtLevel(number, user);
    if (!HandlingOutcome.allowedAt(event.level()).contains(outcome)) {
      throw new StateConflict(
          "Event "
              + number
              + " is at level "
              + event.level()
              + ", where "
              + outcome
              + " is not possible ("
              + HandlingOutcome.allowedAt(event.level())
              + ")");
    }
    Task task = openTask(event, EventTasks.HANDLE, "handled");
    // the command goes to the task listener for this transaction only, not flattened into variables
    Submitted<Handling> handling =
        HandlingVariables.read(values::get, event.category(), event.level());
    complete(
        task, user, Map.<String, Object>of(EventVariables.HANDLING, TransientValue.of(handling)));
    return get(number, user);
  }

  private Event actingAtLevel(String number, String user) {
    Event event = visible(number, user);
    if (!staff.worksQueueOf(user, event.unitCode())) {
      throw new AccessDeniedException(
          "Event " + number + " is with " + event.unitCode() + ", which you do not work for");
    }
    return event;
  }

  private Event visible(String number, String user) {
    Event event = events.find(number).orElseThrow(() -> new NotFound("No event " + number));
    if (!Visibility.of(accessScopes.of(user)).sees(event)) {
      throw new NotFound("No event " + number);
    }
    return event;
  }

  private Task openTask(Event event, String taskKey, String verb) {
    return openTasks(event.number()).stream()
        .filter(t -> taskKey.equals(t.getTaskDefinitionKey()))
        .findFirst()
        .orElseThrow(
            () ->
                new StateConflict(
                    "Event "
                        + event.number()
                        + " is "
                        + event.status()
                        + " at "
                        + event.level()
                        + ": it cannot be "
                        + verb
                        + " now"));
  }

  private List<Task> openTasks(String number) {
    return taskService.createNativeTaskQuery().sql(openTasksSql).parameter("number", number).list();
  }

  private void complete(Task task, String user, Map<String, Object> values) {
    userTasks.completeAs(task, user, values);
  }

  /**
   * SJ-yyyyMMdd-NNNN: the day's counter, incremented by one autocommitted statement outside any
   * transaction (unique across nodes; the row is locked for that statement only).
   */
  private String nextNumber(LocalDate day) {
    Integer value = withoutTransaction.execute(status -> events.nextNumberOf(day));
    if (value == null || value < 0) {
      try {
        withoutTransaction.executeWithoutResult(status -> events.createCounter(day));
      } catch (DuplicateKeyException raced) {
        // another node created the day's counter first: use it
      }
      value = withoutTransaction.execute(status -> events.nextNumberOf(day));
    }
    return "SJ-" + day.format(NUMBER_DAY) + "-" + String.format("%04d", value);
  }

  private EventView view(Event event) {
    List<Task> open =
        event.status() == EventStatus.CLOSED || event.status() == EventStatus.REFERRED_TO_COUNTY
            ? List.of()
            : openTasks(event.number());
    Optional<Task> accept =
        open.stream().filter(t -> EventTasks.ACCEPT.equals(t.getTaskDefinitionKey())).findFirst();
    Optional<Task> handle =
        open.stream().filter(t -> EventTasks.HANDLE.equals(t.getTaskDefinitionKey())).findFirst();
    Optional<Task> feedback =
        open.stream().filter(t -> EventTasks.FEEDBACK.equals(t.getTaskDefinitionKey())).findFirst();
    Optional<Task> current = accept.or(() -> handle).or(() -> feedback);
    Event.Resolution r = event.resolution();
    return new EventView(
        event.number(),
        event.category(),
        event.title(),
        event.status(),
        event.level(),
        event.gridCode(),
        event.villageCode(),
        event.townshipCode(),
        event.departmentCode(),
        event.major(),
        event.beijingPetition(),
        event.occurredAt(),
        event.location(),
        event.persons(),
        event.cause(),
        event.course(),
        event.parties(),
        event.reportedAt(),
        event.reportedBy(),
        accept.map(t -> due(event, t, true)).orElse(null),
        handle.map(t -> due(event, t, false)).orElse(null),
        feedback.map(t -> GridCaseTime.at(t.getCreateTime())).orElse(null),
        accept.isPresent()
            ? event.step().provisionalInForce(true)
            : handle.isPresent() && event.step().provisionalInForce(false),
        event.overdueAcceptance(),
        event.overdueHandling(),
        current.map(Task::getAssignee).orElse(null),
        current.map(t -> feedback.isPresent() ? event.gridCode() : event.unitCode()).orElse(null),
        event.id() < 0 ? List.of() : events.steps(event.id()),
        r == null ? null : r.result(),
        r == null ? null : r.mediator(),
        r == null ? null : r.mediationResult(),
        r == null ? null : r.agreementForm(),
        r == null ? null : r.agreementTerms(),
        r == null ? null : r.delayReason(),
        event.countyDepartment(),
        event.satisfaction(),
        event.feedbackComment());
  }

  /**
   * The open step's deadline in force as stored on the step (a 督办's while one is in force); the
   * task's due date for a step opened before the deadlines were stored and not yet filled in.
   */
  private static OffsetDateTime due(Event event, Task task, boolean acceptance) {
    OffsetDateTime stored = event.step().dueInForce(acceptance);
    return stored != null ? stored : GridCaseTime.at(task.getDueDate());
  }

  /** List items carry no steps (the event's own page does). */
  private static Event withoutDetail(Event e) {
    return new Event(
        -1,
        e.number(),
        e.category(),
        e.title(),
        e.gridCode(),
        e.villageCode(),
        e.townshipCode(),
        e.occurredAt(),
        e.location(),
        e.persons(),
        e.cause(),
        e.course(),
        e.major(),
        e.reportedAt(),
        e.reportedBy(),
        e.status(),
        e.level(),
        e.unitCode(),
        e.departmentCode(),
        e.overdueAcceptance(),
        e.overdueHandling(),
        e.resolution(),
        e.countyDepartment(),
        e.satisfaction(),
        e.feedbackComment(),
        List.of(),
        e.step(),
        e.beijingPetition());
  }
}
