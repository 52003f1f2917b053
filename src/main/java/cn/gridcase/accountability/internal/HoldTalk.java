package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.Measure;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.StepRefused;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The user task 约谈 ({@code HoldTalkTask}, C5): offered by name to the talk's conductors (the case's
 * investigators when nobody holds the role), and the check of the talk's record.
 */
@Component("holdTalk")
public class HoldTalk {

  private final CaseRepository cases;
  private final TalkConductors talkConductors;
  private final Clock clock;

  HoldTalk(CaseRepository cases, TalkConductors talkConductors, Clock clock) {
    this.cases = cases;
    this.talkConductors = talkConductors;
    this.clock = clock;
  }

  /**
   * 含约谈？ ({@code ${holdTalk.needed(execution.processBusinessKey)}}): the decision includes a talk.
   */
  public boolean needed(String businessKey) {
    return cases.byKey(businessKey).measures().contains(Measure.TALK);
  }

  /** {@code ${holdTalk.conductors(execution.processBusinessKey)}}: the task's candidate users. */
  public String conductors(String businessKey) {
    CaseRecord c = cases.byKey(businessKey);
    List<String> conductors = c.talk().conductors();
    if (conductors.isEmpty()) {
      // decided before the conductors were named (Flyway V11): named now, as a decision would
      CaseRecord.Talk who = talkConductors.of(c);
      cases.talkConductors(c.id(), who.conductors(), who.vacant());
      conductors = who.conductors();
    }
    return String.join(",", conductors);
  }

  TalkRecord check(String businessKey, TalkRecord talk) {
    List<ApiError> errors = new ArrayList<>(CaseRules.checkTexts(talk.texts()));
    LocalDate today = LocalDate.now(clock.withZone(GridCaseTime.ZONE));
    errors.addAll(CaseRules.checkTalk(cases.byKey(businessKey), talk, today));
    if (!errors.isEmpty()) {
      throw new StepRefused("The case step is refused", errors);
    }
    return talk;
  }
}
