package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.AssessmentQuarters;
import cn.gridcase.assessment.internal.QuarterRepository.ObjectionRow;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.StepRefused;
import cn.gridcase.platform.TaskActor;
import cn.gridcase.security.UserAccounts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The listener of 答复异议: on {@code create} it takes the oldest objection of the quarter that has no
 * task yet (the one just raised, in the same transaction), names the task after the grid worker,
 * sets its due date ({@value AssessmentQuarters#ANSWER_DAYS} working days) and description; on
 * {@code complete} from Tasklist it records the answer with its reason.
 */
@Component("objectionTaskListener")
public class ObjectionTaskListener implements TaskListener {

  private final AssessmentQuarters quarters;
  private final QuarterRepository repository;
  private final QuarterStages stages;
  private final UserAccounts accounts;
  private final TaskActor actor;

  ObjectionTaskListener(
      AssessmentQuarters quarters,
      QuarterRepository repository,
      QuarterStages stages,
      UserAccounts accounts,
      TaskActor actor) {
    this.quarters = quarters;
    this.repository = repository;
    this.stages = stages;
    this.accounts = accounts;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateTask task) {
    QuarterKey key = QuarterKey.of(task.getExecution().getProcessBusinessKey());
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      QuarterRepository.QuarterRow q = quarters.row(key.township(), key.quarter());
      ObjectionRow o =
          repository
              .withoutTask(q.id())
              .orElseThrow(() -> new IllegalStateException("no objection waits for a task"));
      repository.objectionTask(o.id(), task.getId());
      task.setVariableLocal(QuarterVariables.OBJECTION_ID, Variables.longValue(o.id()));
      task.setName(
          "答复考核异议："
              + accounts.nameOf(o.username())
              + "（"
              + AssessmentQuarters.label(key.quarter())
              + "）");
      task.setDueDate(stages.answerDue(o.raisedAt()));
      task.setDescription(
          "网格员："
              + accounts.nameOf(o.username())
              + "（"
              + o.username()
              + "）\n异议："
              + o.text()
              + "\n请在“答复”中写明处理结果及理由；如需调整扣分，先在考核审核页添加或说明。");
      return;
    }
    if (!QuarterProcess.fromApi(task)) {
      Object id = task.getVariableLocal(QuarterVariables.OBJECTION_ID);
      Object answer = task.getVariable(QuarterVariables.ANSWER);
      try {
        quarters.answer(
            key.quarter(),
            ((Number) id).longValue(),
            answer == null ? null : answer.toString(),
            actor.of(task),
            true);
      } catch (DomainRuleViolation e) {
        throw new StepRefused(e.getMessage(), e.errors());
      }
    }
    task.removeVariable(QuarterVariables.ANSWER);
  }
}
