package cn.gridcase.calendar;

import cn.gridcase.calendar.DeadlineStore.Row;
import cn.gridcase.calendar.DeadlineStore.TargetType;
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
 * and the timer or task date it became (rule T3 needs them to recompute).
 *
 * <p>The business calendar does not know the timer it resolves for (the job gets its id later in
 * the same command), so resolutions are collected per engine command and bound when the command
 * closes — before the engine flushes, in the same transaction — to the timer or task whose date is
 * the resolved one.
 */
@Component
class DeadlineRegistry {

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
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null) {
      return;
    }
    commandContext.getSession(PendingDeadlines.class).add(commandContext, new Resolution(task, deadline, due));
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

  private record Resolution(Task task, Deadline deadline, Date due) {}

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
      Map<Long, Deque<TimerEntity>> timersByDue = null;
      for (Resolution resolution : resolutions) {
        Row row;
        if (resolution.task() != null) {
          row = bindTask((TaskEntity) resolution.task(), resolution, bound);
        } else {
          if (timersByDue == null) {
            timersByDue = timersByDue(commandContext);
          }
          row = bindTimer(timersByDue, resolution, bound);
        }
        if (row != null) {
          rows.add(row);
        }
      }
      resolutions.clear();
      if (!rows.isEmpty()) {
        registry.store.remember(rows, registry.workingDays.version(), GridCaseTime.now(registry.clock));
      }
    }

    /** The timers this command creates or changes, by due date (built once per command). */
    private static Map<Long, Deque<TimerEntity>> timersByDue(CommandContext commandContext) {
      Map<Long, Deque<TimerEntity>> timers = new HashMap<>();
      for (CachedDbEntity cached : commandContext.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
        DbEntityState state = cached.getEntityState();
        if (cached.getEntity() instanceof TimerEntity timer && timer.getDuedate() != null
            && (state == DbEntityState.TRANSIENT || state == DbEntityState.PERSISTENT || state == DbEntityState.MERGED)) {
          timers.computeIfAbsent(timer.getDuedate().getTime(), due -> new ArrayDeque<>()).add(timer);
        }
      }
      return timers;
    }

    private static Row bindTask(TaskEntity task, Resolution resolution, Set<String> bound) {
      if (same(task.getDueDate(), resolution.due()) && bound.add(TargetType.TASK_DUE + task.getId())) {
        return row(TargetType.TASK_DUE, task.getId(), task.getProcessInstanceId(), resolution);
      }
      if (same(task.getFollowUpDate(), resolution.due()) && bound.add(TargetType.TASK_FOLLOW_UP + task.getId())) {
        return row(TargetType.TASK_FOLLOW_UP, task.getId(), task.getProcessInstanceId(), resolution);
      }
      return null;
    }

    private static Row bindTimer(Map<Long, Deque<TimerEntity>> timersByDue, Resolution resolution, Set<String> bound) {
      Deque<TimerEntity> candidates = timersByDue.getOrDefault(resolution.due().getTime(), new ArrayDeque<>());
      while (!candidates.isEmpty()) {
        TimerEntity timer = candidates.poll();
        if (bound.add(TargetType.TIMER + timer.getId())) {
          return row(TargetType.TIMER, timer.getId(), timer.getProcessInstanceId(), resolution);
        }
      }
      return null;
    }

    private static boolean same(Date date, Date due) {
      return date != null && date.getTime() == due.getTime();
    }

    private static Row row(TargetType type, String id, String processInstanceId, Resolution resolution) {
      Deadline deadline = resolution.deadline();
      return new Row(0, type, id, processInstanceId, deadline.from(), deadline.workingDays(), deadline.deadline(),
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
