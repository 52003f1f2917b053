package cn.gridcase.platform;

import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * How the {@code /api} completes a user task for a user it has checked: the user becomes the
 * assignee (so the process records who acted), a concurrent change is a 409, and a task listener's
 * refusal reaches the caller as the {@link DomainRuleViolation} it is (the engine wraps it). A task
 * someone holds (签收) is theirs alone: anyone else is refused (403), whatever unit they work for; a
 * section head reassigns it first, as a recorded step.
 */
@Component
public class UserTaskCompletion {

  private final TaskService taskService;

  UserTaskCompletion(TaskService taskService) {
    this.taskService = taskService;
  }

  /** Completes {@code task}, as the caller has just read it, for {@code user}. */
  public void completeAs(Task task, String user, Map<String, Object> values) {
    String taskId = task.getId();
    if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
      throw new AccessDeniedException("此任务已由 " + task.getAssignee() + " 签收，只有签收人可以办理");
    }
    try {
      if (task.getAssignee() == null) {
        // claim, not set: someone who claimed it meanwhile (Tasklist) keeps it
        taskService.claim(taskId, user);
      }
      taskService.complete(taskId, values);
    } catch (TaskAlreadyClaimedException e) {
      throw new AccessDeniedException("此任务已由 " + e.getTaskAssignee() + " 签收，只有签收人可以办理");
    } catch (OptimisticLockingException e) {
      throw new StateConflict("此步骤刚被他人改动，请刷新后重试 (it changed meanwhile; reload and try again)");
    } catch (NullValueException e) {
      if (e.getMessage() == null || !e.getMessage().contains("Cannot find task")) {
        throw e;
      }
      // completed by someone else since it was read
      throw new StateConflict("此步骤刚被他人办理，请刷新后重试 (the step was completed meanwhile)");
    } catch (ProcessEngineException e) {
      throw DomainRuleViolation.in(e).<RuntimeException>map(v -> v).orElse(e);
    }
  }
}
