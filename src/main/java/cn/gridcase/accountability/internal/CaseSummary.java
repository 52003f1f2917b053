package cn.gridcase.accountability.internal;

import org.springframework.stereotype.Component;

/**
 * The task description in Tasklist: whom the case is about and why ({@code ${caseSummary.of(…)}}).
 */
@Component("caseSummary")
public class CaseSummary {

  private final CaseRepository cases;

  CaseSummary(CaseRepository cases) {
    this.cases = cases;
  }

  public String of(String businessKey) {
    return cases
        .find(Long.parseLong(businessKey))
        .map(
            c ->
                "被追究人："
                    + c.subject()
                    + "（"
                    + c.subjectRole()
                    + "，"
                    + c.subjectUnit()
                    + "）\n依据："
                    + c.clause()
                    + "\n事实："
                    + c.facts()
                    + (c.detectedAggravating().isEmpty() ? "" : "\n系统发现：一年内两次以上应予追究（从重情节，已预选）"))
        .orElse(businessKey);
  }
}
