package cn.gridcase.routine.internal;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.MeetingCommand;
import cn.gridcase.routine.Meetings;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service task 记录例会 of {@code meeting-obligation.bpmn}, right after the user task in the same
 * transaction: the checked meeting goes into the meeting tables, the obligation is held (late when
 * held after its deadline), and the form's fields leave the process.
 */
@Component("meetingRecording")
public class MeetingRecording {

  private final MeetingTaskFacts facts;
  private final Meetings meetings;
  private final Clock clock;

  MeetingRecording(MeetingTaskFacts facts, Meetings meetings, Clock clock) {
    this.facts = facts;
    this.meetings = meetings;
    this.clock = clock;
  }

  /** {@code ${meetingRecording.record(execution, meetingCommand, completedBy)}}. */
  public void record(DelegateExecution execution, MeetingCommand command, String actor) {
    MeetingRepository.Obligation obligation = facts.obligation(execution.getProcessBusinessKey());
    meetings.store(command, obligation.place(), obligation, actor, GridCaseTime.now(clock));
    for (String field :
        new String[] {
          MeetingVariables.HELD_AT,
          MeetingVariables.MINUTES,
          MeetingVariables.ATTENDANCE,
          MeetingVariables.REPORTS_MISSING
        }) {
      execution.removeVariable(field);
    }
  }
}
