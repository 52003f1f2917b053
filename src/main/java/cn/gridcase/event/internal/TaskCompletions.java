package cn.gridcase.event.internal;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.TaskActor;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What the event tasks' {@code complete} listeners share: how the task was completed (who, under
 * which deadline). Handing a step's values to the service task after it: {@link HandOver}.
 */
@Component
public class TaskCompletions {

  private final TaskActor actor;
  private final EventDeadlineWatch deadlines;
  private final Clock clock;

  public TaskCompletions(TaskActor actor, EventDeadlineWatch deadlines, Clock clock) {
    this.actor = actor;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /**
   * Who completes {@code task}, now, under the deadline of its {@code stage} (ACCEPT, HANDLE; null:
   * the task's due date). The one {@code now} of the step: its check and its record both use it.
   */
  CompletedStep completed(DelegateTask task, Event event, String stage) {
    OffsetDateTime due =
        stage == null ? GridCaseTime.at(task.getDueDate()) : statutoryDue(task, event, stage);
    return new CompletedStep(actor.of(task), due, GridCaseTime.now(clock));
  }

  /**
   * The step's E4/E6 deadline, by which it is late or not: the one stored on the step, not the
   * task's due date, which a 督办 (S1) may have moved — a 督办 does not excuse lateness against the
   * statutory limit.
   */
  private OffsetDateTime statutoryDue(DelegateTask task, Event event, String stage) {
    OffsetDateTime stored = deadlines.deadlineOf(event, stage);
    return stored != null
        ? stored
        : task.getDueDate() == null ? null : GridCaseTime.at(task.getDueDate());
  }
}
