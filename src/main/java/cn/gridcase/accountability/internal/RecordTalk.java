package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.CaseStep;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 记录约谈 ({@code RecordTalkTask}, C5): the talk's day and what was said go into the case and its
 * steps.
 */
@Component("recordTalk")
public class RecordTalk {

  private final CaseRepository cases;
  private final Clock clock;

  RecordTalk(CaseRepository cases, Clock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  /** {@code ${recordTalk.record(execution, caseStepCommand, completedBy)}}. */
  public void record(DelegateExecution execution, TalkRecord talk, String actor) {
    CaseRecord c = cases.byKey(execution.getProcessBusinessKey());
    OffsetDateTime now = GridCaseTime.now(clock);
    LocalDate heldOn = CaseRules.day(talk.heldOn());
    String record = CaseRules.text(talk.record());
    cases.talkHeld(c.id(), heldOn, record, actor, now);
    cases.addStep(
        c.id(), new CaseStep("TALK_HELD", actor, now, null, false, "约谈于 " + heldOn + "：" + record));
    execution.removeVariable(CaseVariables.TALK_HELD_ON);
    execution.removeVariable(CaseVariables.TALK_RECORD);
  }
}
