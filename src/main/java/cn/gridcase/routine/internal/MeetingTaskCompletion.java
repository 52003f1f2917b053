package cn.gridcase.routine.internal;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.StepRefused;
import cn.gridcase.platform.TaskActor;
import cn.gridcase.routine.MeetingCommand;
import cn.gridcase.routine.Meetings;
import cn.gridcase.routine.internal.MeetingRepository.Obligation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} listener of 召开…例会: it takes the meeting {@code /api} handed over (a
 * transient value) or maps the form's variables ({@link MeetingForms}), always for this task's
 * obligation, checks it with the rules every door shares (a refusal names every problem: Tasklist
 * shows it above the form, {@code /engine-rest} answers 400, {@code /api} 422), and hands the
 * checked meeting and who acted to the recording task after it as transient values.
 */
@Component("meetingTaskCompletion")
public class MeetingTaskCompletion implements TaskListener {

  private final MeetingTaskFacts facts;
  private final MeetingForms forms;
  private final Meetings meetings;
  private final TaskActor actor;
  private final Clock clock;

  MeetingTaskCompletion(
      MeetingTaskFacts facts, MeetingForms forms, Meetings meetings, TaskActor actor, Clock clock) {
    this.facts = facts;
    this.forms = forms;
    this.meetings = meetings;
    this.actor = actor;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    refuseStored(task, MeetingVariables.COMMAND);
    refuseStored(task, MeetingVariables.COMPLETED_BY);
    Obligation obligation = facts.obligation(task.getExecution().getProcessBusinessKey());
    Object given = task.getVariable(MeetingVariables.COMMAND);
    List<ApiError> errors = new ArrayList<>();
    MeetingCommand command;
    if (given instanceof MeetingCommand handed) {
      command =
          new MeetingCommand(
              handed.unitCode(),
              handed.kind(),
              handed.heldAt(),
              handed.minutes(),
              handed.attendance(),
              handed.reportsMissing(),
              obligation.id());
    } else {
      MeetingForms.Read read = forms.read(task, obligation);
      errors.addAll(read.errors());
      command = read.command();
    }
    errors.addAll(
        meetings.check(
            command, Optional.of(obligation.place()), obligation, GridCaseTime.now(clock)));
    if (!errors.isEmpty()) {
      throw new StepRefused("会议记录不符合要求", errors);
    }
    task.getExecution()
        .setVariable(MeetingVariables.COMMAND, MeetingVariables.transientCommand(command));
    task.getExecution()
        .setVariable(MeetingVariables.COMPLETED_BY, Variables.stringValue(actor.of(task), true));
  }

  /** A variable a client sent under a name the step hands on would stand in its way: refused. */
  private static void refuseStored(DelegateTask task, String name) {
    TypedValue present = task.getVariableTyped(name);
    if (task.hasVariable(name) && (present == null || !present.isTransient())) {
      throw new StepRefused(
          "会议记录不符合要求", List.of(new ApiError(name, "E10.variable", "变量名 " + name + " 由系统使用，不能提交")));
    }
  }
}
