package cn.gridcase.test;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.HistoryCleanupJobs;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The engine clock under test control. It is frozen at the moment set; the domain clock (a {@code
 * java.time.Clock} bean) reads the same engine clock, so both move together. Timers fire only when
 * {@link #executeDueJobs()} runs them — never by waiting.
 */
public final class ControlledClock {

  private final ManagementService managementService;

  public ControlledClock(ManagementService managementService) {
    this.managementService = managementService;
  }

  /** A wall-clock time in Asia/Shanghai, e.g. {@code shanghai("2026-09-30T10:00")}. */
  public static OffsetDateTime shanghai(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(GridCaseTime.ZONE).toOffsetDateTime();
  }

  public void set(OffsetDateTime now) {
    ClockUtil.setCurrentTime(Date.from(now.toInstant()));
  }

  public void set(String shanghaiLocalDateTime) {
    set(shanghai(shanghaiLocalDateTime));
  }

  public OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), GridCaseTime.ZONE);
  }

  public void moveBy(Duration duration) {
    set(now().plus(duration));
  }

  /** Moves the clock to {@code moment} and executes the jobs that are due then. */
  public int moveToAndExecuteDueJobs(OffsetDateTime moment) {
    set(moment);
    return executeDueJobs();
  }

  /**
   * Executes every job due at the current engine time, including jobs that the executed ones make
   * due, and returns how many ran (the history cleanup's job left alone: {@link
   * HistoryCleanupJobs}). Fails if a job throws (a test should see it).
   */
  public int executeDueJobs() {
    int executed = 0;
    for (int round = 0; round < 100; round++) {
      List<Job> due =
          managementService
              .createJobQuery()
              .executable()
              .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1))
              .list()
              .stream()
              .filter(job -> !HistoryCleanupJobs.isCleanup(job))
              .toList();
      if (due.isEmpty()) {
        return executed;
      }
      for (Job job : due) {
        managementService.executeJob(job.getId());
        executed++;
      }
    }
    throw new IllegalStateException("jobs keep becoming due: a timer loop?");
  }

  /** Jobs of one process instance that are due at the current time. */
  public long dueJobsOf(String processInstanceId) {
    return managementService
        .createJobQuery()
        .processInstanceId(processInstanceId)
        .executable()
        .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1))
        .count();
  }

  public void reset() {
    ClockUtil.reset();
  }
}
