package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.internal.QuarterRepository.ObjectionRow;
import cn.gridcase.assessment.internal.QuarterRepository.QuarterRow;
import cn.gridcase.platform.TransientValue;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What {@code /api} does to the quarter's process after the service recorded an action: it
 * completes the stage's open task (claimed for the caller, marked {@code fromApi} so the listener
 * does not record it twice) or correlates an objection. A correction version has no process.
 */
@Component
public class QuarterProcess {

  private final TaskService taskService;
  private final RuntimeService runtimeService;

  QuarterProcess(TaskService taskService, RuntimeService runtimeService) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
  }

  /**
   * Starts one township's quarter through the message start event (business key {@code
   * assessment-<township>-<quarter>}) unless an instance of it runs; false when it does.
   */
  public boolean start(String township, String quarter) {
    String key = QuarterVariables.businessKey(township, quarter);
    boolean running =
        runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(QuarterVariables.PROCESS)
                .processInstanceBusinessKey(key)
                .count()
            > 0;
    if (running) {
      return false;
    }
    runtimeService
        .createMessageCorrelation(QuarterVariables.TOWNSHIP_MESSAGE)
        .processInstanceBusinessKey(key)
        .setVariable(QuarterVariables.TOWNSHIP, township)
        .setVariable(QuarterVariables.QUARTER, quarter)
        .correlateStartMessage();
    return true;
  }

  /**
   * The mark {@code /api} completes a task with: an object held in memory for the transaction only
   * ({@link TransientValue}), which no engine REST client can send — a transient Boolean could be
   * sent by anyone completing the task in {@code /engine-rest} and skip the listeners' checks.
   */
  private static final Object API_MARK = new Object();

  /** Whether the task was completed by {@code /api} (a mark only the server sets). */
  static boolean fromApi(DelegateTask task) {
    TypedValue flag = task.getVariableTyped(QuarterVariables.FROM_API);
    return flag != null && flag.isTransient() && flag.getValue() == API_MARK;
  }

  private List<Task> open(QuarterRow q, String taskKey) {
    if (q.processInstanceId() == null || q.correctsId() != null) {
      return List.of();
    }
    return taskService
        .createTaskQuery()
        .processInstanceId(q.processInstanceId())
        .taskDefinitionKey(taskKey)
        .active()
        .list();
  }

  private void complete(Task task, String by) {
    if (task.getAssignee() == null) {
      taskService.setAssignee(task.getId(), by);
    }
    taskService.complete(
        task.getId(),
        Variables.createVariables()
            .putValueTyped(QuarterVariables.FROM_API, TransientValue.of(API_MARK)));
  }

  public void satisfactionEntered(QuarterRow q, String village, String by) {
    for (Task task : open(q, QuarterVariables.SATISFACTION_TASK)) {
      Object v = taskService.getVariable(task.getId(), QuarterVariables.VILLAGE);
      if (village.equals(v)) {
        complete(task, by);
      }
    }
  }

  public void reviewed(QuarterRow q, String by) {
    open(q, QuarterVariables.REVIEW_TASK).forEach(t -> complete(t, by));
  }

  public void objectionRaised(QuarterRow q, long objectionId) {
    if (q.processInstanceId() == null || q.correctsId() != null) {
      return;
    }
    boolean running =
        runtimeService.createProcessInstanceQuery().processInstanceId(q.processInstanceId()).count()
            > 0;
    if (running) {
      runtimeService
          .createMessageCorrelation(QuarterVariables.OBJECTION_MESSAGE)
          .processInstanceId(q.processInstanceId())
          .correlate();
    }
  }

  public void objectionAnswered(ObjectionRow o, String by) {
    if (o.taskId() == null) {
      return;
    }
    Task task = taskService.createTaskQuery().taskId(o.taskId()).active().singleResult();
    if (task != null) {
      complete(task, by);
    }
  }

  public boolean awaitingFinal(QuarterRow q) {
    return !open(q, QuarterVariables.FINALIZE_TASK).isEmpty();
  }

  public void finalized(QuarterRow q, String by) {
    open(q, QuarterVariables.FINALIZE_TASK).forEach(t -> complete(t, by));
  }
}
