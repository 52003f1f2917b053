package cn.gridcase.routine;

import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.Unit;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.UserTaskCompletion;
import cn.gridcase.routine.internal.MeetingPeople;
import cn.gridcase.routine.internal.MeetingRepository;
import cn.gridcase.routine.internal.MeetingRepository.Obligation;
import cn.gridcase.routine.internal.MeetingRepository.Place;
import cn.gridcase.routine.internal.MeetingRules;
import cn.gridcase.routine.internal.MeetingVariables;
import cn.gridcase.security.UserAccounts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings held and the obligations to hold them (rules S2, S3), within the caller's scope: a user
 * records and lists the meetings of the grids, villages and townships their appointments cover
 * (administrators: all), and sees the meetings of other units they were expected at. Recording a
 * meeting of an open obligation completes the obligation's user task, so the same rules run for
 * every door (the task's listener checks the record, the recording task after it stores it); a
 * training or an extra meeting is stored at once.
 */
@Service
public class Meetings {

  static final int LIST_LIMIT = 500;

  private final MeetingRepository repository;
  private final MeetingPeople people;
  private final MeetingRules rules;
  private final AccessScopes accessScopes;
  private final UserAccounts accounts;
  private final TaskService taskService;
  private final UserTaskCompletion userTasks;
  private final Clock clock;

  Meetings(
      MeetingRepository repository,
      MeetingPeople people,
      MeetingRules rules,
      AccessScopes accessScopes,
      UserAccounts accounts,
      TaskService taskService,
      UserTaskCompletion userTasks,
      Clock clock) {
    this.repository = repository;
    this.people = people;
    this.rules = rules;
    this.accessScopes = accessScopes;
    this.accounts = accounts;
    this.taskService = taskService;
    this.userTasks = userTasks;
    this.clock = clock;
  }

  /**
   * Records a meeting: 403 for a unit outside the caller's scope; 422 naming every problem ({@link
   * MeetingRules}); 409 when the obligation named was held already.
   */
  @Transactional
  public MeetingView record(MeetingCommand command, String user) {
    AccessScope scope = accessScopes.of(user);
    Optional<Place> place = people.placeOf(command.unitCode());
    if (place.isPresent() && !MeetingPeople.covers(scope, place.get())) {
      throw new AccessDeniedException(user + " may not record meetings of " + command.unitCode());
    }
    OffsetDateTime now = GridCaseTime.now(clock);
    Obligation obligation = null;
    List<ApiError> lookup = new ArrayList<>();
    if (command.obligationId() != null) {
      obligation = repository.obligation(command.obligationId()).orElse(null);
      if (obligation == null) {
        lookup.add(
            new ApiError("obligationId", "S3.obligation", "没有例会义务 " + command.obligationId()));
      } else if (!obligation.open()) {
        throw new StateConflict(
            "例会义务 " + obligation.id() + " 已记录过会议（会议 " + obligation.meetingId() + "）");
      }
    } else if (place.isPresent()
        && command.kind() != null
        && command.kind().isObligation()
        && command.heldAt() != null) {
      obligation = fulfilled(place.get().unitCode(), command.kind(), command.heldAt(), now);
    }
    List<ApiError> errors = new ArrayList<>(lookup);
    errors.addAll(check(command, place, obligation, now));
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("会议记录不符合要求", errors);
    }
    if (obligation == null) {
      long id = store(command, place.get(), null, user, now);
      return view(repository.meeting(id).orElseThrow());
    }
    Task task = openTask(obligation);
    MeetingCommand forObligation =
        new MeetingCommand(
            command.unitCode(),
            command.kind(),
            command.heldAt(),
            command.minutes(),
            command.attendance(),
            command.reportsMissing(),
            obligation.id());
    Map<String, Object> variables = new HashMap<>();
    variables.put(MeetingVariables.COMMAND, MeetingVariables.transientCommand(forObligation));
    userTasks.completeAs(task, user, variables);
    long meetingId =
        repository
            .obligation(obligation.id())
            .map(Obligation::meetingId)
            .orElseThrow(() -> new IllegalStateException("the meeting was not recorded"));
    return view(repository.meeting(meetingId).orElseThrow());
  }

  /**
   * The obligation a meeting of the unit and kind held at {@code heldAt} fulfils: the open one of
   * its period, else the latest open overdue one of an earlier period (held late), else none.
   */
  private Obligation fulfilled(
      String unitCode, MeetingKind kind, OffsetDateTime heldAt, OffsetDateTime now) {
    LocalDate day = heldAt.atZoneSameInstant(GridCaseTime.ZONE).toLocalDate();
    MeetingPeriod period = MeetingPeriod.containing(kind.cadence(), day);
    Optional<Obligation> own = repository.obligation(unitCode, kind, period.code());
    if (own.isPresent() && own.get().open()) {
      return own.get();
    }
    return repository.latestOverdue(unitCode, kind, day, now).orElse(null);
  }

  /** The problems of a meeting record for the unit at {@code place} (the task listener's check). */
  public List<ApiError> check(
      MeetingCommand command, Optional<Place> place, Obligation obligation, OffsetDateTime now) {
    List<String> expected = List.of();
    List<String> gridWorkers = List.of();
    if (place.isPresent()) {
      LocalDate day =
          (command.heldAt() == null ? now : command.heldAt())
              .atZoneSameInstant(GridCaseTime.ZONE)
              .toLocalDate();
      expected = people.expectedAttendees(place.get(), day);
      gridWorkers = people.gridWorkers(place.get(), day);
    }
    return rules.check(command, place, obligation, expected, gridWorkers, now);
  }

  /**
   * Stores a checked meeting and, for an obligation, marks it held: held late when held after the
   * obligation's deadline. The meeting's id.
   */
  public long store(
      MeetingCommand command,
      Place place,
      Obligation obligation,
      String recordedBy,
      OffsetDateTime now) {
    boolean late = obligation != null && command.heldAt().isAfter(obligation.dueAt());
    Set<String> reports = new LinkedHashSet<>();
    command.reportsMissing().forEach(r -> reports.add(r.trim()));
    List<MeetingRepository.Attendance> attendance = new ArrayList<>();
    command
        .attendance()
        .forEach(
            a ->
                attendance.add(
                    new MeetingRepository.Attendance(
                        a.username().trim(), a.status(), reports.contains(a.username().trim()))));
    long id =
        repository.insertMeeting(
            place,
            command.kind(),
            command.heldAt(),
            command.minutes().strip(),
            obligation == null ? null : obligation.id(),
            late,
            recordedBy,
            now,
            attendance);
    if (obligation != null && !repository.markHeld(obligation.id(), id, late)) {
      throw new StateConflict("例会义务 " + obligation.id() + " 已记录过会议");
    }
    return id;
  }

  private Task openTask(Obligation obligation) {
    List<Task> tasks =
        obligation.processInstanceId() == null
            ? List.of()
            : taskService
                .createTaskQuery()
                .processInstanceId(obligation.processInstanceId())
                .taskDefinitionKey(MeetingVariables.HOLD_TASK)
                .active()
                .list();
    if (tasks.isEmpty()) {
      throw new StateConflict("例会义务 " + obligation.id() + " 没有待办的召开任务");
    }
    return tasks.get(0);
  }

  /** One meeting, if the caller may see it (its unit in scope, or they were expected at it). */
  public MeetingView get(long id, String user) {
    MeetingRepository.Meeting meeting =
        repository.meeting(id).orElseThrow(() -> new NotFound("没有会议 " + id));
    AccessScope scope = accessScopes.of(user);
    boolean attended = meeting.attendance().stream().anyMatch(a -> a.username().equals(user));
    if (!MeetingPeople.covers(scope, meeting.place()) && !attended) {
      throw new NotFound("没有会议 " + id);
    }
    return view(meeting);
  }

  /**
   * The meetings held in [from, to] (days, Asia/Shanghai; both optional) of one unit or of every
   * unit in the caller's scope, with the meetings of other units the caller was expected at; newest
   * first. 404 for an unknown unit; 403 for a unit outside the scope the caller never attended a
   * meeting of.
   */
  public List<MeetingView> list(String user, String unitCode, LocalDate from, LocalDate to) {
    AccessScope scope = accessScopes.of(user);
    OffsetDateTime start =
        from == null ? null : from.atStartOfDay(GridCaseTime.ZONE).toOffsetDateTime();
    OffsetDateTime end =
        to == null ? null : to.plusDays(1).atStartOfDay(GridCaseTime.ZONE).toOffsetDateTime();
    if (unitCode == null || unitCode.isBlank()) {
      return repository
          .meetings(MeetingPeople.unitsOf(scope), user, start, end, LIST_LIMIT)
          .stream()
          .map(this::view)
          .toList();
    }
    Place place = placeOrNotFound(unitCode);
    if (MeetingPeople.covers(scope, place)) {
      return repository.meetings(List.of(unitCode), null, start, end, LIST_LIMIT).stream()
          .map(this::view)
          .toList();
    }
    List<MeetingView> attended =
        repository.meetings(List.of(), user, start, end, LIST_LIMIT).stream()
            .filter(m -> m.place().unitCode().equals(unitCode))
            .map(this::view)
            .toList();
    if (attended.isEmpty()) {
      throw new AccessDeniedException(user + " does not see meetings of " + unitCode);
    }
    return attended;
  }

  /**
   * The obligations of one unit or of every unit in the caller's scope, newest period first; {@code
   * status} OPEN or HELD narrows. 404 for an unknown unit, 403 outside the scope.
   */
  public List<MeetingObligationView> obligations(String user, String unitCode, String status) {
    AccessScope scope = accessScopes.of(user);
    Collection<String> units;
    if (unitCode == null || unitCode.isBlank()) {
      units = MeetingPeople.unitsOf(scope);
    } else {
      Place place = placeOrNotFound(unitCode);
      if (!MeetingPeople.covers(scope, place)) {
        throw new AccessDeniedException(user + " does not see meetings of " + unitCode);
      }
      units = List.of(unitCode);
    }
    return obligationViews(repository.obligations(units, status, LIST_LIMIT));
  }

  /** The open obligations of the units the user holds meetings of (their page 待召开的例会). */
  public List<MeetingObligationView> toHold(String user) {
    List<String> units = people.unitsConvenedBy(user);
    List<MeetingObligationView> open =
        new ArrayList<>(
            obligationViews(repository.obligations(units, MeetingRepository.OPEN, 200)));
    open.sort((a, b) -> a.due().compareTo(b.due()));
    return open;
  }

  /** One obligation, if its unit is in the caller's scope (404 otherwise). */
  public MeetingObligationView obligation(long id, String user) {
    Obligation obligation =
        repository.obligation(id).orElseThrow(() -> new NotFound("没有例会义务 " + id));
    if (!MeetingPeople.covers(accessScopes.of(user), obligation.place())) {
      throw new NotFound("没有例会义务 " + id);
    }
    return obligationViews(List.of(obligation)).get(0);
  }

  /** Who is expected at the meetings of a unit on a day, by login (for the forms). */
  public List<String> expectedAttendees(String unitCode, LocalDate day) {
    return people.placeOf(unitCode).map(p -> people.expectedAttendees(p, day)).orElse(List.of());
  }

  /** The grid workers among them, whose written reports the monthly grid-worker meeting asks. */
  public List<String> gridWorkers(String unitCode, LocalDate day) {
    return people.placeOf(unitCode).map(p -> people.gridWorkers(p, day)).orElse(List.of());
  }

  /** The units whose meetings the user holds (convenes and records) today. */
  public List<String> unitsConvenedBy(String user) {
    return people.unitsConvenedBy(user);
  }

  /** Whether the caller may record meetings of the unit (it is in their scope). */
  public boolean mayRecord(String user, String unitCode) {
    return people
        .placeOf(unitCode)
        .map(p -> MeetingPeople.covers(accessScopes.of(user), p))
        .orElse(false);
  }

  private Place placeOrNotFound(String unitCode) {
    return people.placeOf(unitCode).orElseThrow(() -> new NotFound("没有单位 " + unitCode));
  }

  private List<MeetingObligationView> obligationViews(List<Obligation> obligations) {
    Map<String, Task> tasks = new HashMap<>();
    List<String> instances =
        obligations.stream()
            .filter(Obligation::open)
            .map(Obligation::processInstanceId)
            .filter(id -> id != null)
            .toList();
    for (int from = 0; from < instances.size(); from += 500) {
      List<String> some = instances.subList(from, Math.min(from + 500, instances.size()));
      taskService
          .createTaskQuery()
          .processInstanceIdIn(some.toArray(String[]::new))
          .taskDefinitionKey(MeetingVariables.HOLD_TASK)
          .list()
          .forEach(t -> tasks.put(t.getProcessInstanceId(), t));
    }
    Map<String, String> names = new HashMap<>();
    return obligations.stream()
        .map(
            o -> {
              Task task = o.processInstanceId() == null ? null : tasks.get(o.processInstanceId());
              return new MeetingObligationView(
                  o.id(),
                  o.place().unitCode(),
                  names.computeIfAbsent(o.place().unitCode(), this::unitName),
                  o.place().townshipCode(),
                  o.place().villageCode(),
                  o.place().gridCode(),
                  o.kind(),
                  o.kind().label(),
                  o.kind().rule(),
                  o.period().code(),
                  o.period().label(),
                  o.period().start(),
                  o.period().end(),
                  o.dueAt(),
                  o.dueProvisional(),
                  o.status(),
                  o.overdue() || (o.open() && GridCaseTime.now(clock).isAfter(o.dueAt())),
                  o.overdueAt(),
                  o.heldLate(),
                  o.meetingId(),
                  task == null ? null : task.getId(),
                  task == null ? null : task.getName(),
                  o.openedAt());
            })
        .toList();
  }

  private String unitName(String code) {
    return people.unit(code).map(Unit::name).orElse(code);
  }

  private MeetingView view(MeetingRepository.Meeting m) {
    Obligation obligation =
        m.obligationId() == null ? null : repository.obligation(m.obligationId()).orElse(null);
    List<MeetingView.Attendance> attendance =
        m.attendance().stream()
            .map(
                a ->
                    new MeetingView.Attendance(
                        a.username(),
                        accounts.nameOf(a.username()),
                        a.status(),
                        a.status().label(),
                        a.reportMissing()))
            .toList();
    return new MeetingView(
        m.id(),
        m.place().unitCode(),
        unitName(m.place().unitCode()),
        m.place().townshipCode(),
        m.kind(),
        m.kind().label(),
        m.heldAt(),
        m.minutes(),
        m.obligationId(),
        obligation == null ? null : obligation.period().code(),
        m.heldLate(),
        m.recordedBy(),
        m.recordedAt(),
        attendance,
        m.attendance().stream()
            .filter(MeetingRepository.Attendance::reportMissing)
            .map(MeetingRepository.Attendance::username)
            .toList());
  }
}
