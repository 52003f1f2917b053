package cn.gridcase.accountability;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StepRefused;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} listener of the case's user tasks: validates what is submitted (C2, C4, C6,
 * C7) with the same rules as the API and notes who completed the task.
 */
@Component("caseStepCompletion")
public class CaseStepCompletion implements TaskListener {

  static final String COMPLETED_BY = "completedBy";

  private final CaseRepository cases;
  private final AccountabilityDecisions decisions;
  private final IdentityService identityService;
  private final Clock clock;

  CaseStepCompletion(CaseRepository cases, AccountabilityDecisions decisions, IdentityService identityService,
      Clock clock) {
    this.cases = cases;
    this.decisions = decisions;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    long caseId = Long.parseLong(task.getExecution().getProcessBusinessKey());
    CaseRecord c = cases.find(caseId).orElseThrow(() -> new NotFound("No case " + caseId));
    Map<String, Object> values = switch (task.getTaskDefinitionKey()) {
      case "InvestigateCaseTask" -> values(task, CaseRules.INVESTIGATION_FIELDS, true);
      case "NotifySubjectTask" -> values(task, CaseRules.NOTICE_FIELDS, false);
      default -> values(task, CaseRules.EXECUTION_FIELDS, false);
    };
    List<ApiError> errors = new java.util.ArrayList<>(CaseRules.checkTexts(values));
    errors.addAll(switch (task.getTaskDefinitionKey()) {
      case "InvestigateCaseTask" -> CaseRules.checkInvestigation(c, values, decisions,
          task.getDueDate() != null && GridCaseTime.now(clock).toInstant().isAfter(task.getDueDate().toInstant()));
      case "NotifySubjectTask" -> CaseRules.checkNotice(c, values, GridCaseTime.now(clock));
      default -> CaseRules.checkExecution(values);
    });
    if (!errors.isEmpty()) {
      throw new StepRefused("The case step is refused", errors);
    }
    var authentication = identityService.getCurrentAuthentication();
    String actor = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
        : task.getAssignee() == null ? "system" : task.getAssignee();
    task.getExecution().setVariable(COMPLETED_BY, actor);
  }

  /** The named variables and, for the investigation form, its measure and circumstance checkboxes. */
  private static Map<String, Object> values(DelegateTask task, List<String> names, boolean checkboxes) {
    Map<String, Object> values = new HashMap<>();
    for (String name : names) {
      values.put(name, task.getVariable(name));
    }
    if (checkboxes) {
      for (Measure measure : Measure.values()) {
        values.put("measure_" + measure.name(), task.getVariable("measure_" + measure.name()));
      }
      for (Circumstance circumstance : Circumstance.values()) {
        values.put("circumstance_" + circumstance.name(), task.getVariable("circumstance_" + circumstance.name()));
      }
    }
    return values;
  }
}
