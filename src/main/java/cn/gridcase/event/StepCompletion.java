package cn.gridcase.event;

import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.StepRefused;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} listener of the event process's user tasks: validates what is submitted
 * (the same rules as the API, so Tasklist and {@code /engine-rest} cannot bypass them) and notes
 * who completed the task and its due date for the step record that follows.
 */
@Component("eventStepCompletion")
class StepCompletion implements TaskListener {

  private final EventProcessSupport support;
  private final EventStaff staff;
  private final EventDeadlineWatch deadlines;

  StepCompletion(EventProcessSupport support, EventStaff staff, EventDeadlineWatch deadlines) {
    this.support = support;
    this.staff = staff;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "HandleEventTask" -> {
        Event event = support.eventOf(task.getExecution());
        EventLevel level = event.level();
        boolean late = lateAt(support.now(), statutoryDue(task, event, "HANDLE"));
        var errors = EventRules.checkHandling(event.category(), level, values(task, EventRules.HANDLING_FIELDS), late,
            staff.departmentsOf(event.townshipCode()));
        if (!errors.isEmpty()) {
          throw new StepRefused("The event cannot leave this level yet", errors);
        }
      }
      case "FeedbackTask" -> {
        var errors = EventRules.checkFeedback(values(task, EventRules.FEEDBACK_FIELDS));
        if (!errors.isEmpty()) {
          throw new StepRefused("The feedback is incomplete", errors);
        }
      }
      default -> {
        // acceptance (受理 / 报到承接) carries no data
      }
    }
    task.getExecution().setVariable(EventProcessSupport.COMPLETED_BY, support.actor(task.getAssignee()));
    task.getExecution().setVariable(EventProcessSupport.STEP_DUE, switch (task.getTaskDefinitionKey()) {
      case "AcceptEventTask" -> java.util.Date.from(statutoryDue(task, support.eventOf(task.getExecution()), "ACCEPT")
          .toInstant());
      case "HandleEventTask" -> java.util.Date.from(statutoryDue(task, support.eventOf(task.getExecution()), "HANDLE")
          .toInstant());
      default -> task.getDueDate();
    });
  }

  /**
   * The step's E4/E6 deadline, by which it is late or not: the one stored on the step, not the
   * task's due date, which a 督办 (S1) may have moved — a 督办 does not excuse lateness against the
   * statutory limit.
   */
  private OffsetDateTime statutoryDue(DelegateTask task, Event event, String stage) {
    OffsetDateTime stored = deadlines.deadlineOf(event, stage);
    return stored != null ? stored : task.getDueDate() == null ? null : EventProcessSupport.at(task.getDueDate());
  }

  private static Map<String, Object> values(DelegateTask task, Iterable<String> names) {
    Map<String, Object> values = new HashMap<>();
    for (String name : names) {
      values.put(name, task.getVariable(name));
    }
    return values;
  }

  static boolean lateAt(OffsetDateTime moment, OffsetDateTime due) {
    return due != null && moment.isAfter(due);
  }
}
