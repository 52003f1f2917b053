package cn.gridcase.calendar.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.WorkingDays;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * A Camunda business calendar that understands {@code workdays:N[@moment]} and hands every other
 * description to the engine's own calendar. Registered as the "duration" calendar (timer durations)
 * and the "dueDate" calendar (timer dates, user task due and follow-up dates).
 */
final class WorkingDayBusinessCalendar implements BusinessCalendar {

  private final BusinessCalendar engineCalendar;
  private final WorkingDays calculator;
  private final DeadlineRegistry registry;

  WorkingDayBusinessCalendar(
      BusinessCalendar engineCalendar, WorkingDays calculator, DeadlineRegistry registry) {
    this.engineCalendar = engineCalendar;
    this.calculator = calculator;
    this.registry = registry;
  }

  /** A timer being created now. */
  @Override
  public Date resolveDuedate(String description) {
    if (!WorkdaysExpression.matches(description)) {
      return engineCalendar.resolveDuedate(description);
    }
    return resolve(description, ClockUtil.getCurrentTime(), null);
  }

  /** A timer's due date recalculated from its creation time ({@code recalculateJobDuedate}). */
  @Override
  public Date resolveDuedate(String description, Date startDate) {
    if (!WorkdaysExpression.matches(description)) {
      return engineCalendar.resolveDuedate(description, startDate);
    }
    return resolve(description, startDate, null);
  }

  /** A user task's due date or follow-up date, the task being created now. */
  @Override
  public Date resolveDuedate(String description, Task task) {
    if (!WorkdaysExpression.matches(description)) {
      return engineCalendar.resolveDuedate(description, task);
    }
    return resolve(description, ClockUtil.getCurrentTime(), task);
  }

  private Date resolve(String description, Date now, Task task) {
    WorkdaysExpression expression = WorkdaysExpression.parse(description, now);
    Deadline deadline = calculator.deadline(expression.from(), expression.workingDays());
    Date due = Date.from(deadline.deadline().toInstant());
    registry.remember(task, deadline, due);
    return due;
  }
}
