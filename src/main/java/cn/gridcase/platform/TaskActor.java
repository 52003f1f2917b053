package cn.gridcase.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who completed a user task, the one answer for every feature's task listeners: the engine's
 * authenticated user (Tasklist, {@code /engine-rest}), else the task's assignee ({@code /api}
 * claims the task for its caller before completing it), else {@value #SYSTEM}.
 */
@Component
public class TaskActor {

  /** The actor of what GridCase itself does (timers, a task nobody held). */
  public static final String SYSTEM = "system";

  private final IdentityService identityService;

  TaskActor(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The user completing {@code task} now. */
  public String of(DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() == null ? SYSTEM : task.getAssignee();
  }
}
