package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.AccountabilityCases;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.StepRefused;
import cn.gridcase.platform.TaskActor;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} listener of the case's user tasks: it only maps and delegates. The step's
 * command is the one {@code /api} handed over (a transient variable) or, from Tasklist and {@code
 * /engine-rest}, the form's variables mapped by {@link CaseStepForms}; the step's bean checks it (a
 * refusal is the StepRefused the caller sees), and the command and who acted go on to the service
 * task after the user task as transient values (same transaction, no async boundary).
 */
@Component("caseStepCompletion")
public class CaseStepCompletion implements TaskListener {

  private final CaseStepForms forms;
  private final InvestigateCase investigateCase;
  private final NotifySubject notifySubject;
  private final RecordExecution recordExecution;
  private final HoldTalk holdTalk;
  private final TaskActor actor;
  private final Clock clock;

  CaseStepCompletion(
      CaseStepForms forms,
      InvestigateCase investigateCase,
      NotifySubject notifySubject,
      RecordExecution recordExecution,
      HoldTalk holdTalk,
      TaskActor actor,
      Clock clock) {
    this.forms = forms;
    this.investigateCase = investigateCase;
    this.notifySubject = notifySubject;
    this.recordExecution = recordExecution;
    this.holdTalk = holdTalk;
    this.actor = actor;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    refuseStored(task, CaseVariables.COMMAND);
    refuseStored(task, CaseVariables.COMPLETED_BY);
    String businessKey = task.getExecution().getProcessBusinessKey();
    Object given = task.getVariable(CaseVariables.COMMAND);
    Serializable command =
        switch (task.getTaskDefinitionKey()) {
          case AccountabilityCases.INVESTIGATE_TASK ->
              investigateCase.check(
                  businessKey,
                  given instanceof CaseConclusion conclusion ? conclusion : forms.conclusion(task),
                  pastDue(task));
          case AccountabilityCases.NOTIFY_TASK ->
              notifySubject.check(
                  businessKey, given instanceof SubjectNotice notice ? notice : forms.notice(task));
          case AccountabilityCases.TALK_TASK ->
              holdTalk.check(
                  businessKey, given instanceof TalkRecord talk ? talk : forms.talk(task));
          default ->
              recordExecution.check(
                  given instanceof ExecutionRecord record ? record : forms.execution(task));
        };
    task.getExecution().setVariable(CaseVariables.COMMAND, CaseVariables.transientCommand(command));
    task.getExecution()
        .setVariable(CaseVariables.COMPLETED_BY, Variables.stringValue(actor.of(task), true));
  }

  /**
   * A variable a client sent under a name the step hands on (through {@code /engine-rest}, even a
   * null) would stand in the way of the transient value: refused, naming it, like the event steps.
   */
  private static void refuseStored(DelegateTask task, String name) {
    TypedValue present = task.getVariableTyped(name);
    if (task.hasVariable(name) && (present == null || !present.isTransient())) {
      throw new StepRefused(
          "The case step is refused",
          List.of(new ApiError(name, "E10.variable", "变量名 " + name + " 由系统使用，不能提交")));
    }
  }

  private boolean pastDue(DelegateTask task) {
    return task.getDueDate() != null
        && GridCaseTime.now(clock).toInstant().isAfter(task.getDueDate().toInstant());
  }
}
