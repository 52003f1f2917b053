package cn.gridcase.calendar;

import cn.gridcase.calendar.internal.DeadlineStore;
import cn.gridcase.calendar.internal.DeadlineStore.Row;
import cn.gridcase.calendar.internal.DeadlineStore.TargetType;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives an open user task a new working-day due date (a 督办's new limit, rule S1) and keeps its
 * entry in the deadline registry right: the task's remembered deadline becomes N working days from
 * the new moment, so a schedule loaded later (T3) recomputes it from that moment and N — not from
 * the formula the model first gave the task.
 */
@Service
public class TaskDeadlines {

  private final WorkingDays workingDays;
  private final DeadlineStore store;
  private final TaskService taskService;
  private final Clock clock;

  TaskDeadlines(
      WorkingDays workingDays, DeadlineStore store, TaskService taskService, Clock clock) {
    this.workingDays = workingDays;
    this.store = store;
    this.taskService = taskService;
    this.clock = clock;
  }

  /**
   * Sets the task's due date to the deadline N working days after {@code from} (T2, provisional
   * when a year on the way has no schedule) and remembers it for recomputation.
   */
  @Transactional
  public Deadline setDue(
      String taskId, String processInstanceId, OffsetDateTime from, int workingDaysToAdd) {
    Deadline deadline = workingDays.deadline(from, workingDaysToAdd);
    taskService.setDueDate(taskId, Date.from(deadline.deadline().toInstant()));
    store.remember(
        List.of(
            new Row(
                0,
                TargetType.TASK_DUE,
                taskId,
                processInstanceId,
                deadline.from(),
                deadline.workingDays(),
                deadline.deadline(),
                deadline.provisional())),
        workingDays.version(),
        GridCaseTime.now(clock));
    return deadline;
  }
}
