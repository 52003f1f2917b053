package cn.gridcase.calendar.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.calendar.internal.DeadlineStore.Row;
import cn.gridcase.calendar.internal.DeadlineStore.TargetType;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Remembers, for every working-day deadline the engine sets, the moment and N it was computed from
 * and the timer or task date it became (rule T3 needs them to recompute); likewise the copies a
 * feature keeps on its own rows ({@link StoredDeadlines}) and the dates it hands to the engine as
 * they are ({@link EngineDeadlines#dueDate}).
 *
 * <p>The business calendar does not know the timer it resolves for (the job gets its id later in
 * the same command), so resolutions are collected per engine command and bound when the command
 * closes — before the engine flushes, in the same transaction — to the timer or task whose date is
 * the resolved one.
 */
@Component
public class DeadlineRegistry {

  private final DeadlineStore store;
  private final WorkingDays workingDays;
  private final Clock clock;

  DeadlineRegistry(DeadlineStore store, WorkingDays workingDays, Clock clock) {
    this.store = store;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /** Called by the business calendar; {@code task} is null for timers. */
  void remember(Task task, Deadline deadline, Date due) {
    add(new Resolution(task == null ? Kind.TIMER : Kind.TASK, task, null, null, deadline, due));
  }

  /**
   * A date handed to the engine as it is: bound to the timer or task of this command that has it.
   */
  public void rememberDate(Deadline deadline, Date due) {
    add(new Resolution(Kind.TIMER_OR_TASK, null, null, null, deadline, due));
  }

  /**
   * A copy kept on a feature's row; false outside an engine command (then the caller writes it).
   */
  public boolean rememberStored(String key, String processInstanceId, Deadline deadline) {
    return add(
        new Resolution(
            Kind.STORED,
            null,
            key,
            processInstanceId,
            deadline,
            Date.from(deadline.deadline().toInstant())));
  }

  private boolean add(Resolution resolution) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null) {
      return false;
    }
    commandContext.getSession(PendingDeadlines.class).add(commandContext, resolution);
    return true;
  }

  SessionFactory sessionFactory() {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return PendingDeadlines.class;
      }

      @Override
      public Session openSession() {
        return new PendingDeadlines(DeadlineRegistry.this);
      }
    };
  }

  /**
   * What a resolution is for: a timer, a given task, whichever timer or task has its date, a stored
   * copy.
   */
  private enum Kind {
    TIMER,
    TASK,
    TIMER_OR_TASK,
    STORED
  }

  private record Resolution(
      Kind kind, Task task, String key, String processInstanceId, Deadline deadline, Date due) {}

  /** The resolutions of one engine command. */
  static final class PendingDeadlines implements Session, CommandContextListener {

    private final DeadlineRegistry registry;
    private final List<Resolution> resolutions = new ArrayList<>();
    private boolean listening;

    PendingDeadlines(DeadlineRegistry registry) {
      this.registry = registry;
    }

    void add(CommandContext commandContext, Resolution resolution) {
      if (!listening) {
        commandContext.registerCommandContextListener(this);
        listening = true;
      }
      resolutions.add(resolution);
    }

    @Override
    public void onCommandContextClose(CommandContext commandContext) {
      List<Row> rows = new ArrayList<>();
      Set<String> bound = new HashSet<>();
      Map<Long, Deque<Candidate>> timersByDue = null;
      Map<Long, Deque<Candidate>> tasksByDue = null;
      // the business calendar's own resolutions first: theirs are the timers and tasks they name
      List<Resolution> ordered = new ArrayList<>(resolutions);
      ordered.sort(
          (a, b) ->
              Boolean.compare(a.kind() == Kind.TIMER_OR_TASK, b.kind() == Kind.TIMER_OR_TASK));
      for (Resolution resolution : ordered) {
        Row row = null;
        switch (resolution.kind()) {
          case TASK -> row = bindTask((TaskEntity) resolution.task(), resolution, bound);
          case STORED -> {
            // one row per key: a key kept twice in one command keeps its last value
            rows.removeIf(
                r -> r.targetType() == TargetType.STORED && r.targetId().equals(resolution.key()));
            row =
                new Row(
                    0,
                    TargetType.STORED,
                    resolution.key(),
                    resolution.processInstanceId(),
                    resolution.deadline().from(),
                    resolution.deadline().workingDays(),
                    resolution.deadline().deadline(),
                    resolution.deadline().provisional());
          }
          case TIMER, TIMER_OR_TASK -> {
            if (timersByDue == null) {
              timersByDue = byDue(commandContext, TargetType.TIMER);
            }
            row = bind(timersByDue, TargetType.TIMER, resolution, bound);
            if (row == null && resolution.kind() == Kind.TIMER_OR_TASK) {
              if (tasksByDue == null) {
                tasksByDue = byDue(commandContext, TargetType.TASK_DUE);
              }
              row = bind(tasksByDue, TargetType.TASK_DUE, resolution, bound);
            }
          }
        }
        if (row != null) {
          rows.add(row);
        }
      }
      resolutions.clear();
      if (!rows.isEmpty()) {
        registry.store.remember(
            rows, registry.workingDays.version(), GridCaseTime.now(registry.clock));
      }
    }

    /** A timer or a task this command creates or changes. */
    private record Candidate(String id, String processInstanceId) {}

    /**
     * The timers ({@code TIMER}) or tasks ({@code TASK_DUE}) this command creates or changes, by
     * due date.
     */
    private static Map<Long, Deque<Candidate>> byDue(
        CommandContext commandContext, TargetType type) {
      Map<Long, Deque<Candidate>> byDue = new HashMap<>();
      for (CachedDbEntity cached :
          commandContext.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
        DbEntityState state = cached.getEntityState();
        if (state != DbEntityState.TRANSIENT
            && state != DbEntityState.PERSISTENT
            && state != DbEntityState.MERGED) {
          continue;
        }
        Date due = null;
        Candidate candidate = null;
        if (type == TargetType.TIMER && cached.getEntity() instanceof TimerEntity timer) {
          due = timer.getDuedate();
          candidate = new Candidate(timer.getId(), timer.getProcessInstanceId());
        } else if (type == TargetType.TASK_DUE && cached.getEntity() instanceof TaskEntity task) {
          due = task.getDueDate();
          candidate = new Candidate(task.getId(), task.getProcessInstanceId());
        }
        if (due != null) {
          byDue.computeIfAbsent(due.getTime(), at -> new ArrayDeque<>()).add(candidate);
        }
      }
      return byDue;
    }

    /** The first timer or task with the resolution's date that no other resolution has taken. */
    private static Row bind(
        Map<Long, Deque<Candidate>> byDue,
        TargetType type,
        Resolution resolution,
        Set<String> bound) {
      Deque<Candidate> candidates =
          byDue.getOrDefault(resolution.due().getTime(), new ArrayDeque<>());
      while (!candidates.isEmpty()) {
        Candidate candidate = candidates.poll();
        if (bound.add(type + candidate.id())) {
          return row(type, candidate.id(), candidate.processInstanceId(), resolution);
        }
      }
      return null;
    }

    private static Row bindTask(TaskEntity task, Resolution resolution, Set<String> bound) {
      if (same(task.getDueDate(), resolution.due())
          && bound.add(TargetType.TASK_DUE + task.getId())) {
        return row(TargetType.TASK_DUE, task.getId(), task.getProcessInstanceId(), resolution);
      }
      if (same(task.getFollowUpDate(), resolution.due())
          && bound.add(TargetType.TASK_FOLLOW_UP + task.getId())) {
        return row(
            TargetType.TASK_FOLLOW_UP, task.getId(), task.getProcessInstanceId(), resolution);
      }
      return null;
    }

    private static boolean same(Date date, Date due) {
      return date != null && date.getTime() == due.getTime();
    }

    private static Row row(
        TargetType type, String id, String processInstanceId, Resolution resolution) {
      Deadline deadline = resolution.deadline();
      return new Row(
          0,
          type,
          id,
          processInstanceId,
          deadline.from(),
          deadline.workingDays(),
          deadline.deadline(),
          deadline.provisional());
    }

    @Override
    public void onCommandFailed(CommandContext commandContext, Throwable t) {
      resolutions.clear();
    }

    @Override
    public void flush() {
      // rows are written when the command closes, before the engine flushes
    }

    @Override
    public void close() {
      resolutions.clear();
    }
  }
}
