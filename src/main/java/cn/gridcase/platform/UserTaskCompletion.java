package cn.gridcase.platform;

import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * How the {@code /api} completes a user task for a user it has checked: the user becomes the
 * assignee (so the process records who acted), a concurrent change is a 409, and a task listener's
 * refusal reaches the caller as the {@link DomainRuleViolation} it is (the engine wraps it).
 */
@Component
public class UserTaskCompletion {

  private final TaskService taskService;

  UserTaskCompletion(TaskService taskService) {
    this.taskService = taskService;
  }

  public void completeAs(String taskId, String user, Map<String, Object> values) {
    try {
      taskService.setAssignee(taskId, user);
      taskService.complete(taskId, values);
    } catch (OptimisticLockingException e) {
      throw new StateConflict("It changed meanwhile; reload and try again");
    } catch (ProcessEngineException e) {
      throw DomainRuleViolation.in(e).<RuntimeException>map(v -> v).orElse(e);
    }
  }
}
