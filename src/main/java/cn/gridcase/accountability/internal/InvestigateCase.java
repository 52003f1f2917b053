package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.CaseStep;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.StepRefused;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The user task 调查处理 ({@code InvestigateCaseTask}): who continues it after an extension, its due
 * date (C6, also its timer's), and the check of the conclusion submitted (C2, C4, C6).
 */
@Component("investigateCase")
public class InvestigateCase {

  private final CaseRepository cases;
  private final CaseDeadlines deadlines;
  private final AccountabilityDecisions decisions;

  InvestigateCase(
      CaseRepository cases, CaseDeadlines deadlines, AccountabilityDecisions decisions) {
    this.cases = cases;
    this.deadlines = deadlines;
    this.decisions = decisions;
  }

  /** After an extension the investigation task goes back to the investigator who asked for it. */
  public String assignee(String businessKey) {
    CaseRecord c = cases.byKey(businessKey);
    if (!c.extended()) {
      return null;
    }
    return cases.steps(c.id()).stream()
        .filter(s -> s.action().equals("EXTENDED"))
        .map(CaseStep::actor)
        .reduce((first, second) -> second)
        .orElse(null);
  }

  /** C6: 10 working days after opening, plus the extension. */
  public String dueBy(String businessKey) {
    return deadlines.investigationExpression(cases.byKey(businessKey));
  }

  /**
   * The conclusion as submitted, or refused with every problem (the texts' limits and C2, C4, C6).
   */
  CaseConclusion check(String businessKey, CaseConclusion conclusion, boolean deadlinePassed) {
    List<ApiError> errors = new ArrayList<>(CaseRules.checkTexts(conclusion.texts()));
    errors.addAll(
        CaseRules.checkConclusion(cases.byKey(businessKey), conclusion, decisions, deadlinePassed));
    if (!errors.isEmpty()) {
      throw new StepRefused("The case step is refused", errors);
    }
    return conclusion;
  }
}
