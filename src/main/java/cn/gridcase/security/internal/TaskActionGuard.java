package cn.gridcase.security.internal;

import cn.gridcase.platform.ActionRefused;
import cn.gridcase.security.SystemGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Who may act on a user task that someone holds (已签收), in every model and through every door that
 * acts under the user's own engine authentication (Tasklist, {@code /engine-rest}): only the
 * assignee completes it, and a user takes only a task nobody holds, for themselves. The engine
 * itself would let any candidate of the task complete it or claim it for somebody else. A section
 * head reassigns through {@code /api}, where the change is recorded as a step; administrators may
 * reassign in the webapps. {@code /api} checks its callers itself before it acts without an engine
 * authentication ({@code platform.UserTaskCompletion}).
 */
@Component
class TaskActionGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(
              Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            var definition =
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            definition.addBuiltInTaskListener(
                TaskListener.EVENTNAME_ASSIGNMENT, TaskActionGuard::checkAssignment);
            definition.addBuiltInTaskListener(
                TaskListener.EVENTNAME_COMPLETE, TaskActionGuard::checkCompletion);
          }
        });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static void checkCompletion(DelegateTask task) {
    Authentication caller = caller();
    if (caller != null
        && task.getAssignee() != null
        && !task.getAssignee().equals(caller.getUserId())) {
      throw new ActionRefused(
          "此任务已由 "
              + task.getAssignee()
              + " 签收，只有签收人可以办理"
              + " (only the assignee may complete this task)");
    }
  }

  static void checkAssignment(DelegateTask task) {
    Authentication caller = caller();
    if (caller == null || isAdmin(caller) || isNew((TaskEntity) task)) {
      // a task created with its assignee (the model names them) is not a user's assignment
      return;
    }
    PropertyChange change = ((TaskEntity) task).getPropertyChanges().get(TaskEntity.ASSIGNEE);
    String before = change == null ? null : (String) change.getOrgValue();
    String after = task.getAssignee();
    String self = caller.getUserId();
    boolean claimsForSelf = before == null && Objects.equals(after, self);
    boolean releasesOwn = Objects.equals(before, self) && after == null;
    if (!claimsForSelf && !releasesOwn && !Objects.equals(before, after)) {
      throw new ActionRefused(
          before == null
              ? "只能为自己签收任务 (a user claims a task only for themselves)"
              : "此任务已由 " + before + " 签收，改派须由科室负责人办理 (only a section head reassigns a held task)");
    }
  }

  /**
   * The user the engine acts for in this command, or null when GridCase itself acts (after its own
   * checks).
   */
  private static Authentication caller() {
    var context = Context.getCommandContext();
    return context == null ? null : context.getAuthentication();
  }

  private static boolean isNew(TaskEntity task) {
    return Context.getCommandContext().getDbEntityManager().getDbEntityCache().isTransient(task);
  }

  private static boolean isAdmin(Authentication caller) {
    return caller.getGroupIds() != null && caller.getGroupIds().contains(SystemGroups.ADMINS);
  }
}
