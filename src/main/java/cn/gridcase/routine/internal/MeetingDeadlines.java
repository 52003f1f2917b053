package cn.gridcase.routine.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.EngineDeadlines;
import cn.gridcase.calendar.StoredDeadlines;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.MeetingPeriod;
import cn.gridcase.routine.internal.MeetingRepository.Obligation;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * When a meeting obligation is due: at the end (23:59:59 Asia/Shanghai) of the last working day of
 * its period (T1: holidays do not count, a make-up working day does; a week without any working day
 * has no meeting), provisional when a day of the period lies in a year without a loaded schedule
 * (T3). The obligation's row keeps the deadline; the task's due date and the deadline timer are set
 * from it, and it is registered with the calendar ({@link StoredDeadlines}, keys {@value
 * #PREFIX}id) so that loading a year's schedule moves all three.
 */
@Component
public class MeetingDeadlines implements StoredDeadlines {

  static final String PREFIX = "meeting:";

  private final WorkingDays workingDays;
  private final EngineDeadlines engineDeadlines;
  private final MeetingRepository repository;
  private final TaskService taskService;
  private final ManagementService managementService;

  MeetingDeadlines(
      WorkingDays workingDays,
      EngineDeadlines engineDeadlines,
      MeetingRepository repository,
      TaskService taskService,
      ManagementService managementService) {
    this.workingDays = workingDays;
    this.engineDeadlines = engineDeadlines;
    this.repository = repository;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  /**
   * The deadline of a period: the end of its last working day, counted as "N working days after the
   * day before the period" (N = the period's working days) so that the calendar's registry can hold
   * it; empty for a period without a working day.
   */
  public Optional<Deadline> dueOf(MeetingPeriod period) {
    int count = 0;
    LocalDate last = null;
    boolean provisional = false;
    for (LocalDate day = period.start(); !day.isAfter(period.end()); day = day.plusDays(1)) {
      provisional |= !workingDays.hasSchedule(day.getYear());
      if (workingDays.isWorkingDay(day)) {
        count++;
        last = day;
      }
    }
    if (last == null) {
      return Optional.empty();
    }
    OffsetDateTime end = last.atTime(23, 59, 59).atZone(GridCaseTime.ZONE).toOffsetDateTime();
    return Optional.of(new Deadline(dayBefore(period), count, end, provisional));
  }

  /** Registers the obligation's stored deadline with the calendar (T3). */
  public void remember(long obligationId, String processInstanceId, Deadline due) {
    engineDeadlines.rememberStored(PREFIX + obligationId, processInstanceId, due);
  }

  /**
   * The stored deadline as the model's task and timer take it; the calendar remembers it for them
   * (so the work list knows a provisional due date, and a schedule load moves them).
   */
  public Date dueDate(Obligation obligation) {
    int count = 0;
    MeetingPeriod period = obligation.period();
    for (LocalDate day = period.start(); !day.isAfter(period.end()); day = day.plusDays(1)) {
      if (workingDays.isWorkingDay(day)) {
        count++;
      }
    }
    return engineDeadlines.dueDate(
        new Deadline(dayBefore(period), count, obligation.dueAt(), obligation.dueProvisional()));
  }

  private static OffsetDateTime dayBefore(MeetingPeriod period) {
    return period
        .start()
        .minusDays(1)
        .atTime(LocalTime.NOON)
        .atZone(GridCaseTime.ZONE)
        .toOffsetDateTime();
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public Map<String, Long> current(Collection<String> keys) {
    Map<Long, String> byId = new HashMap<>();
    for (String key : keys) {
      byId.put(Long.valueOf(key.substring(PREFIX.length())), key);
    }
    Map<String, Long> current = new HashMap<>();
    repository
        .openDue(byId.keySet())
        .forEach((id, due) -> current.put(byId.get(id), due.toInstant().toEpochMilli()));
    return current;
  }

  /**
   * A loaded schedule changed a pending deadline or its provisional flag: the last working day is
   * found again with the new calendar (not by the registry's count, which a changed number of
   * working days in the period would mislead) and the row, the open task and the timer move to it.
   */
  @Override
  public void move(Map<String, Deadline> moved) {
    for (String key : moved.keySet()) {
      long id = Long.parseLong(key.substring(PREFIX.length()));
      Obligation obligation = repository.obligation(id).orElse(null);
      if (obligation == null || !obligation.open()) {
        continue;
      }
      Optional<Deadline> fresh = dueOf(obligation.period());
      if (fresh.isEmpty()) {
        // the period lost its every working day: the deadline stays where it was
        continue;
      }
      OffsetDateTime due = fresh.get().deadline();
      repository.moveDue(id, due, fresh.get().provisional());
      if (obligation.processInstanceId() == null) {
        continue;
      }
      Date date = Date.from(due.toInstant());
      List<Task> tasks =
          taskService
              .createTaskQuery()
              .processInstanceId(obligation.processInstanceId())
              .taskDefinitionKey(MeetingVariables.HOLD_TASK)
              .list();
      tasks.forEach(task -> taskService.setDueDate(task.getId(), date));
      for (Job timer :
          managementService
              .createJobQuery()
              .processInstanceId(obligation.processInstanceId())
              .activityId(MeetingVariables.DEADLINE_EVENT)
              .timers()
              .list()) {
        managementService.setJobDuedate(timer.getId(), date);
      }
    }
  }
}
