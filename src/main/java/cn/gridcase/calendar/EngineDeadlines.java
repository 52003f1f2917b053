package cn.gridcase.calendar;

import cn.gridcase.calendar.internal.DeadlineRegistry;
import cn.gridcase.calendar.internal.DeadlineStore;
import cn.gridcase.calendar.internal.DeadlineStore.Row;
import cn.gridcase.calendar.internal.DeadlineStore.TargetType;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Deadlines a feature computed once (with {@link WorkingDays#deadline}) and keeps on its own rows,
 * handed to the engine as they are (issue 12 A4): a timer's date or a user task's due date is the
 * stored value, and the registry (T3) remembers it with its moment and N so a schedule load moves
 * the timer, the task and the stored copy together.
 */
@Service
public class EngineDeadlines {

  private final DeadlineRegistry registry;
  private final DeadlineStore store;
  private final WorkingDays workingDays;
  private final Clock clock;

  EngineDeadlines(
      DeadlineRegistry registry, DeadlineStore store, WorkingDays workingDays, Clock clock) {
    this.registry = registry;
    this.store = store;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /**
   * The date of a timer or of a user task's due date, for an expression of a BPMN model. Within an
   * engine command the timer or task that gets this date is remembered for the recompute; a fixed
   * moment ({@code workingDays} 0, see {@link WorkingDays#reminderOf}) is not.
   */
  public Date dueDate(Deadline deadline) {
    Date due = Date.from(deadline.deadline().toInstant());
    if (deadline.workingDays() >= 1) {
      registry.rememberDate(deadline, due);
    }
    return due;
  }

  /**
   * Remembers a deadline kept under {@code key} by the {@link StoredDeadlines} of the key's prefix;
   * a later registration of the same key replaces it. Within an engine command it is written with
   * the command's other deadlines.
   */
  public void rememberStored(String key, String processInstanceId, Deadline deadline) {
    if (deadline.workingDays() < 1) {
      return;
    }
    if (!registry.rememberStored(key, processInstanceId, deadline)) {
      store.remember(
          List.of(
              new Row(
                  0,
                  TargetType.STORED,
                  key,
                  processInstanceId,
                  deadline.from(),
                  deadline.workingDays(),
                  deadline.deadline(),
                  deadline.provisional())),
          workingDays.version(),
          GridCaseTime.now(clock));
    }
  }

  /**
   * Of these open tasks, those whose due date was counted without a year's schedule (T3:
   * provisional).
   */
  public Set<String> provisionalTasks(Collection<String> taskIds) {
    return store.provisionalTasks(taskIds);
  }
}
