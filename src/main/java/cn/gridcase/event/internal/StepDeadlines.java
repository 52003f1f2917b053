package cn.gridcase.event.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.EngineDeadlines;
import cn.gridcase.calendar.StoredDeadlines;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.event.EventStatus;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The deadlines of an event's open step (E4, E6; issue 12 A4), computed once — the acceptance's
 * when the step opens, the handling's when it is accepted, each with its reminder one working day
 * before — and kept on the event's row. The timers, the tasks' due dates, the notices, the lateness
 * of a completed step and the lists all read the stored value; a holiday schedule load (T3) moves
 * it through {@link StoredDeadlines}, with the timers and due dates set from it.
 */
@Component
public class StepDeadlines implements StoredDeadlines {

  static final String PREFIX = "event:";

  /**
   * The stored deadlines of a step, by column of the event table (and the column of their flag).
   */
  enum Column {
    ACCEPT_BY("step_accept_by", "step_accept_provisional"),
    ACCEPT_REMIND("step_accept_remind_at", null),
    HANDLE_BY("step_handle_by", "step_handle_provisional"),
    HANDLE_REMIND("step_handle_remind_at", null),
    SUPERVISION("step_supervision_due", "step_supervision_provisional");

    final String column;
    final String provisionalColumn;

    Column(String column, String provisionalColumn) {
      this.column = column;
      this.provisionalColumn = provisionalColumn;
    }
  }

  /** A stage's deadline and the moment of its reminder. */
  public record Limit(Deadline deadline, Deadline reminder) {}

  /**
   * The process of one level's handling, whose instance holds the step's deadlines for the engine.
   */
  public static final String LEVEL_PROCESS = "event-level-handling";

  private final WorkingDays workingDays;
  private final EngineDeadlines engineDeadlines;
  private final EventRepository events;
  private final RuntimeService runtimeService;

  StepDeadlines(
      WorkingDays workingDays,
      EngineDeadlines engineDeadlines,
      EventRepository events,
      RuntimeService runtimeService) {
    this.workingDays = workingDays;
    this.engineDeadlines = engineDeadlines;
    this.events = events;
    this.runtimeService = runtimeService;
  }

  /** N working days from {@code from} (T2) and the reminder one working day before. */
  public Limit limit(OffsetDateTime from, int workingDaysToAdd) {
    return new Limit(
        workingDays.deadline(from, workingDaysToAdd),
        workingDays.reminderOf(from, workingDaysToAdd));
  }

  /**
   * A deadline just computed, as the date the engine's due dates and timers read from the step's
   * process variables ({@link EventVariables#ACCEPT_BY} …): registered with the timer or task that
   * receives it in this command, so a schedule load moves them (T3). {@code receivers}: how many
   * timers and tasks of the command read it (a deadline: the task's due date and its timer).
   */
  public Date engineDate(Deadline deadline, int receivers) {
    Date date = null;
    for (int i = 0; i < receivers; i++) {
      date = engineDeadlines.dueDate(deadline);
    }
    return date;
  }

  /**
   * Gives the handling task, created right after this in the same command, its queue, assignee and
   * stored deadlines as variables of the level's instance — set from the event's tables, whatever a
   * completion sent under these names.
   */
  void handToHandlingTask(VariableScope level, String unitCode, String acceptedBy, Limit handling) {
    level.setVariable(EventVariables.UNIT_CODE, unitCode);
    level.setVariable(EventVariables.ACCEPTED_BY, acceptedBy);
    level.setVariable(EventVariables.HANDLE_BY, engineDate(handling.deadline(), 2));
    level.setVariable(EventVariables.HANDLE_REMIND_AT, engineDate(handling.reminder(), 1));
  }

  /** Registers the acceptance limit just stored on the event, for the recompute (T3). */
  public void rememberAcceptance(long eventId, String processInstanceId, Limit acceptance) {
    engineDeadlines.rememberStored(
        key(eventId, Column.ACCEPT_BY), processInstanceId, acceptance.deadline());
    engineDeadlines.rememberStored(
        key(eventId, Column.ACCEPT_REMIND), processInstanceId, acceptance.reminder());
  }

  /** Registers the handling limit just stored on the event, for the recompute (T3). */
  void rememberHandling(long eventId, String processInstanceId, Limit handling) {
    engineDeadlines.rememberStored(
        key(eventId, Column.HANDLE_BY), processInstanceId, handling.deadline());
    engineDeadlines.rememberStored(
        key(eventId, Column.HANDLE_REMIND), processInstanceId, handling.reminder());
  }

  /**
   * 记录受理: the step is accepted now; its handling limit starts (E4, E6) and is stored and
   * registered.
   */
  public Limit accepted(Event event, String processInstanceId, OffsetDateTime at, String by) {
    Limit handling = limit(at, event.step().handleDays());
    events.stepAccepted(event.id(), at, by, handling);
    rememberHandling(event.id(), processInstanceId, handling);
    return handling;
  }

  /**
   * A 督办's deadline (S1), kept on the step while it is in force and moved by a schedule load too.
   */
  public void supervised(Event event, String processInstanceId, Deadline deadline) {
    events.supervised(event.id(), deadline);
    engineDeadlines.rememberStored(
        key(event.id(), Column.SUPERVISION), processInstanceId, deadline);
  }

  /** The acceptance deadline as stored, for the task's due date and the timer. */
  Date acceptBy(Event event) {
    Event.Step step = event.step();
    return engineDeadlines.dueDate(
        new Deadline(
            step.receivedAt(), step.acceptDays(), step.acceptBy(), step.acceptProvisional()));
  }

  /** The acceptance reminder as stored. */
  Date acceptReminder(Event event) {
    Event.Step step = event.step();
    return engineDeadlines.dueDate(
        new Deadline(step.receivedAt(), step.acceptDays() - 1, step.acceptRemindAt(), false));
  }

  /** The handling deadline as stored. */
  Date handleBy(Event event) {
    Event.Step step = event.step();
    return engineDeadlines.dueDate(
        new Deadline(
            step.acceptedAt(), step.handleDays(), step.handleBy(), step.handleProvisional()));
  }

  /** The handling reminder as stored. */
  Date handleReminder(Event event) {
    Event.Step step = event.step();
    return engineDeadlines.dueDate(
        new Deadline(step.acceptedAt(), step.handleDays() - 1, step.handleRemindAt(), false));
  }

  /**
   * The statutory deadline (E4, E6) of a stage of the open step as stored, whatever a 督办 set; null
   * if none.
   */
  OffsetDateTime statutory(Event event, String stage) {
    return stage.equals("ACCEPT") ? event.step().acceptBy() : event.step().handleBy();
  }

  /**
   * Stores the deadlines of a step opened before they were stored (Flyway V8) and registers them.
   */
  void backfill(Event event) {
    Event.Step step = event.step();
    Limit acceptance = null;
    Limit handling = null;
    if (event.status() == EventStatus.AWAITING_ACCEPTANCE) {
      acceptance = limit(step.receivedAt(), step.acceptDays());
    } else {
      handling = limit(step.acceptedAt(), step.handleDays());
    }
    if (!events.fillDeadlines(event.id(), acceptance, handling)) {
      return; // another node of the cluster filled them first
    }
    if (acceptance != null) {
      rememberAcceptance(event.id(), null, acceptance);
    } else {
      rememberHandling(event.id(), null, handling);
    }
  }

  /**
   * Puts a 督办 given before V8 on its open step (unless one is there) and registers it; whether it
   * did.
   */
  public boolean supervisedBefore(Event event, Deadline deadline) {
    if (!events.supervisedIfNone(event.id(), deadline)) {
      return false;
    }
    engineDeadlines.rememberStored(key(event.id(), Column.SUPERVISION), null, deadline);
    return true;
  }

  static String key(long eventId, Column column) {
    return PREFIX + eventId + ":" + column.name();
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public Map<String, Long> current(Collection<String> keys) {
    Map<Long, Map<Column, OffsetDateTime>> pending =
        events.pendingDeadlines(keys.stream().map(StepDeadlines::eventId).distinct().toList());
    Map<String, Long> current = new HashMap<>();
    for (String key : keys) {
      OffsetDateTime value = pending.getOrDefault(eventId(key), Map.of()).get(column(key));
      if (value != null) {
        current.put(key, value.toInstant().toEpochMilli());
      }
    }
    return current;
  }

  @Override
  public void move(Map<String, Deadline> moved) {
    Map<Column, Map<Long, Deadline>> byColumn = new EnumMap<>(Column.class);
    moved.forEach(
        (key, deadline) ->
            byColumn
                .computeIfAbsent(column(key), c -> new HashMap<>())
                .put(eventId(key), deadline));
    byColumn.forEach(events::moveDeadlines);
    // the level's instance keeps the engine's copy of the step's deadlines: it follows the stored
    // one; one lookup per event, however many of its deadlines moved
    Map<Long, Map<String, Object>> copies = new HashMap<>();
    moved.forEach(
        (key, deadline) ->
            engineVariable(column(key))
                .ifPresent(
                    name ->
                        copies
                            .computeIfAbsent(eventId(key), id -> new HashMap<>())
                            .put(name, Date.from(deadline.deadline().toInstant()))));
    copies.forEach(
        (eventId, variables) ->
            events
                .numberOf(eventId)
                .ifPresent(
                    number ->
                        runtimeService
                            .createProcessInstanceQuery()
                            .processDefinitionKey(LEVEL_PROCESS)
                            .processInstanceBusinessKey(number)
                            .list()
                            .forEach(
                                level -> runtimeService.setVariables(level.getId(), variables))));
  }

  /** The variable of the level's instance that holds the engine's copy of a stored deadline. */
  private static Optional<String> engineVariable(Column column) {
    return Optional.ofNullable(
        switch (column) {
          case ACCEPT_BY -> EventVariables.ACCEPT_BY;
          case ACCEPT_REMIND -> EventVariables.ACCEPT_REMIND_AT;
          case HANDLE_BY -> EventVariables.HANDLE_BY;
          case HANDLE_REMIND -> EventVariables.HANDLE_REMIND_AT;
          case SUPERVISION -> null;
        });
  }

  private static long eventId(String key) {
    List<String> parts = List.of(key.split(":"));
    return Long.parseLong(parts.get(1));
  }

  private static Column column(String key) {
    return Column.valueOf(key.substring(key.lastIndexOf(':') + 1));
  }
}
