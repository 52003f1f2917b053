package cn.gridcase.accountability.internal;

import org.springframework.stereotype.Component;

/**
 * The candidate users of the case's tasks: its investigators (C5), from the case's table ({@code
 * ${caseInvestigators.of(execution.processBusinessKey)}}).
 */
@Component("caseInvestigators")
public class CaseInvestigators {

  private final CaseRepository cases;

  CaseInvestigators(CaseRepository cases) {
    this.cases = cases;
  }

  public String of(String businessKey) {
    return String.join(",", cases.byKey(businessKey).investigators());
  }
}
