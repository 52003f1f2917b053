package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.AssessmentQuarters;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.StepRefused;
import cn.gridcase.platform.TaskActor;
import cn.gridcase.security.UserAccounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The listener of 录入群众满意度 (one task per village): on {@code create} it fills the form's list — one
 * line per grid worker of the village, {@code 用户名 姓名 得分} with the score already entered; on {@code
 * complete} from Tasklist it reads the lines and records them with the rules of {@code PUT
 * .../satisfaction} (every problem named), and refuses the task while a worker of the village has
 * no score.
 */
@Component("satisfactionTaskListener")
public class SatisfactionTaskListener implements TaskListener {

  private final AssessmentQuarters quarters;
  private final QuarterRepository repository;
  private final UserAccounts accounts;
  private final TaskActor actor;

  SatisfactionTaskListener(
      AssessmentQuarters quarters,
      QuarterRepository repository,
      UserAccounts accounts,
      TaskActor actor) {
    this.quarters = quarters;
    this.repository = repository;
    this.accounts = accounts;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateTask task) {
    QuarterKey key = QuarterKey.of(task.getExecution().getProcessBusinessKey());
    String village = (String) task.getVariable(QuarterVariables.VILLAGE);
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      StringBuilder lines = new StringBuilder();
      for (QuarterRepository.WorkerRow w :
          repository.workers(quarters.row(key.township(), key.quarter()).id())) {
        if (w.villageCode().equals(village)) {
          lines
              .append(w.username())
              .append(' ')
              .append(accounts.nameOf(w.username()))
              .append(' ')
              .append(
                  w.satisfactionTenths() == null
                      ? ""
                      : Tenths.points(w.satisfactionTenths()).toPlainString())
              .append('\n');
        }
      }
      task.setVariableLocal(QuarterVariables.SCORES, lines.toString().strip());
      return;
    }
    if (!QuarterProcess.fromApi(task)) {
      Object text = task.getVariable(QuarterVariables.SCORES);
      List<AssessmentQuarters.Score> scores = new ArrayList<>();
      List<ApiError> errors = new ArrayList<>();
      String[] lines = text == null ? new String[0] : text.toString().split("\\R");
      for (int i = 0; i < lines.length; i++) {
        String[] parts = lines[i].trim().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) {
          continue;
        }
        try {
          scores.add(
              new AssessmentQuarters.Score(parts[0], new BigDecimal(parts[parts.length - 1])));
        } catch (NumberFormatException e) {
          errors.add(
              new ApiError(
                  QuarterVariables.SCORES, "A4.satisfaction", "第" + (i + 1) + "行缺少得分：" + lines[i]));
        }
      }
      if (!errors.isEmpty()) {
        throw new StepRefused("满意度得分不符合要求", errors);
      }
      try {
        quarters.storeSatisfaction(key.quarter(), key.township(), scores, actor.of(task), false);
      } catch (DomainRuleViolation e) {
        throw new StepRefused(e.getMessage(), e.errors());
      }
    }
    List<String> missing = quarters.missingSatisfaction(key.township(), key.quarter(), village);
    if (!missing.isEmpty()) {
      throw new StepRefused(
          "满意度尚未录入完毕",
          List.of(
              new ApiError(
                  QuarterVariables.SCORES,
                  "A4.satisfaction.missing",
                  "尚未录入：" + String.join("、", missing))));
    }
    task.removeVariable(QuarterVariables.SCORES);
  }
}
