package cn.gridcase.event.internal;

import cn.gridcase.platform.EngineTables;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/**
 * The server's overdue state on the task itself, for Tasklist. Tasklist compares a task's due date
 * with the browser's clock ("Due in 2 days" after the demo clock moved past it); the deadline timer
 * (E4) fires on the engine's clock, so when it has fired the task says so whatever the browser's
 * clock: its name ends in {@value #MARK} and its priority is raised to {@value #OVERDUE_PRIORITY}
 * (Tasklist sorts by priority). Like the event's overdue marks it stays for the rest of the step.
 */
final class OverdueTaskMark {

  static final String MARK = "【已超期】";

  /** Camunda's default priority is 50. */
  static final int OVERDUE_PRIORITY = 100;

  private OverdueTaskMark() {}

  /**
   * Marks the open task {@code taskKey} of the level process that {@code execution} (the timer's)
   * belongs to. Found by a native query (the process instance's tasks, an indexed column, and the
   * task key) rather than the task query, whose dynamic SQL with its authorization checks cost four
   * tenths of a deadline job's time in a timer storm (docs/benchmarks.md, "Timer storm"). A timer's
   * job runs as no user (or, when the demo clock runs due jobs, as the admin who moved it, who may
   * see every task), so no authorization would narrow the query either way. The change itself goes
   * through {@code saveTask}: the task's history, its update listeners (the work list) and the user
   * operation log see it as before.
   */
  static void mark(DelegateExecution execution, String taskKey) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task :
        tasks
            .createNativeTaskQuery()
            .sql(
                "select * from "
                    + EngineTables.TASK
                    + " where PROC_INST_ID_ = #{processInstanceId} and TASK_DEF_KEY_ = #{taskKey}")
            .parameter("processInstanceId", execution.getProcessInstanceId())
            .parameter("taskKey", taskKey)
            .list()) {
      if (task.getName() == null || !task.getName().endsWith(MARK)) {
        task.setName((task.getName() == null ? "" : task.getName() + " ") + MARK);
        task.setPriority(OVERDUE_PRIORITY);
        tasks.saveTask(task);
      }
    }
  }
}
