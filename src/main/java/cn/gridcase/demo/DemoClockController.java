package cn.gridcase.demo;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.HistoryCleanupJobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo clock (training and simulation): moves the engine clock — and with it the domain clock —
 * and runs the jobs that became due, so a trainer can show deadlines passing. Exists only in the
 * demo profile with {@code gridcase.demo.clock-control=true}; elsewhere the path is 404. The clock
 * keeps running from the moment set. Administrators only (see the security configuration). The
 * engine's history cleanup is left to its own nightly window of the clock as set, not run by a
 * move.
 *
 * <p>With {@code gridcase.demo.clock-runs-due-jobs=false} a move only sets the clock and wakes the
 * job executor, which then runs what became due as it would at that time (the two-node test and the
 * timer-storm benchmark: several nodes, each with its own clock set to the same moment, share the
 * due jobs through the engine's job locks).
 */
@RestController
@RequestMapping("/api/admin/clock")
@Profile("demo")
@ConditionalOnProperty(name = "gridcase.demo.clock-control", havingValue = "true")
@Tag(name = "Demo clock", description = "Training and simulation only")
class DemoClockController {

  private static final Logger log = LoggerFactory.getLogger(DemoClockController.class);
  private static final int MAX_JOBS_PER_MOVE = 10_000;

  private final ManagementService managementService;
  private final HistoryService historyService;
  private final Clock clock;
  private final ObjectProvider<JobExecutor> jobExecutor;
  private final boolean runsDueJobs;

  DemoClockController(
      ManagementService managementService,
      HistoryService historyService,
      Clock clock,
      ObjectProvider<JobExecutor> jobExecutor,
      @Value("${gridcase.demo.clock-runs-due-jobs:true}") boolean runsDueJobs) {
    this.managementService = managementService;
    this.historyService = historyService;
    this.clock = clock;
    this.jobExecutor = jobExecutor;
    this.runsDueJobs = runsDueJobs;
  }

  record ClockRequest(@NotNull OffsetDateTime now) {}

  record ClockView(OffsetDateTime now, boolean controlled, int jobsExecuted, int jobsFailed) {}

  @GetMapping
  @Operation(summary = "The current time of the system")
  ClockView get() {
    return new ClockView(GridCaseTime.now(clock), isControlled(), 0, 0);
  }

  @PutMapping
  @Operation(summary = "Set the system clock and run the jobs that are due")
  ClockView set(@Valid @RequestBody ClockRequest request) {
    ClockUtil.offset(request.now().toInstant().toEpochMilli() - System.currentTimeMillis());
    log.warn("Demo clock set to {}", request.now());
    HistoryCleanupJobs.reschedule(historyService);
    return runDueJobs();
  }

  @DeleteMapping
  @Operation(summary = "Back to real time")
  ClockView reset() {
    ClockUtil.reset();
    log.warn("Demo clock back to real time");
    HistoryCleanupJobs.reschedule(historyService);
    return runDueJobs();
  }

  private ClockView runDueJobs() {
    if (!runsDueJobs) {
      // the acquisition may be waiting out an idle back-off of up to max-wait: it asks again now
      JobExecutor executor = jobExecutor.getIfAvailable();
      if (executor != null) {
        executor.jobWasAdded();
      }
      return new ClockView(GridCaseTime.now(clock), isControlled(), 0, 0);
    }
    int executed = 0;
    int failed = 0;
    // a job may create further due jobs (a timer that starts the next step): run until none is left
    Set<String> tried = new HashSet<>();
    while (tried.size() < MAX_JOBS_PER_MOVE) {
      Date now = ClockUtil.getCurrentTime();
      List<Job> due =
          managementService
              .createJobQuery()
              .executable()
              .duedateLowerThan(new Date(now.getTime() + 1))
              .orderByJobDuedate()
              .asc()
              .listPage(0, 100)
              .stream()
              .filter(job -> !tried.contains(job.getId()) && !HistoryCleanupJobs.isCleanup(job))
              .toList();
      if (due.isEmpty()) {
        break;
      }
      for (Job job : due) {
        tried.add(job.getId());
        try {
          managementService.executeJob(job.getId());
          executed++;
        } catch (RuntimeException e) {
          // the job keeps Camunda's retry and incident handling; the clock move itself succeeded
          failed++;
          log.warn("Due job {} failed: {}", job.getId(), e.getMessage());
        }
      }
    }
    return new ClockView(GridCaseTime.now(clock), isControlled(), executed, failed);
  }

  private static boolean isControlled() {
    return Math.abs(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis()) > 1000;
  }
}
