package cn.gridcase.event.internal;

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
   * belongs to.
   */
  static void mark(DelegateExecution execution, String taskKey) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task :
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(taskKey)
            .list()) {
      if (task.getName() == null || !task.getName().endsWith(MARK)) {
        task.setName((task.getName() == null ? "" : task.getName() + " ") + MARK);
        task.setPriority(OVERDUE_PRIORITY);
        tasks.saveTask(task);
      }
    }
  }
}
