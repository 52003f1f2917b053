package cn.gridcase.platform;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The engine's history cleanup job (its window and batch size are engine settings, see
 * application.yml): whoever runs due jobs by hand (the demo clock, the tests' clock) leaves it to
 * the job executor, because a clock moved into the nightly window would otherwise remove history as
 * a side effect, and a run outside the window parks the job at the moved clock's next window.
 */
public final class HistoryCleanupJobs {

  private HistoryCleanupJobs() {}

  public static boolean isCleanup(Job job) {
    return job instanceof JobEntity entity
        && HistoryCleanupJobHandler.TYPE.equals(entity.getJobHandlerType());
  }

  /**
   * Schedules the cleanup for the next window as the engine's clock now reads it. The cleanup job
   * is one row for all nodes: when a job executor (this node's or another's) or another node's
   * clock move changes it at the same moment, the update fails on the row's revision and is tried
   * again with the row as it now is.
   */
  public static void reschedule(HistoryService history) {
    for (int attempt = 1; ; attempt++) {
      try {
        if (!history.findHistoryCleanupJobs().isEmpty()) {
          history.cleanUpHistoryAsync(false);
        }
        return;
      } catch (OptimisticLockingException concurrentChange) {
        if (attempt == 5) {
          throw concurrentChange;
        }
      }
    }
  }
}
