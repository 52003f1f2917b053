package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.AccountabilityCases;
import cn.gridcase.platform.ProcessVariableCatalogue;
import cn.gridcase.platform.ProcessVariableCatalogue.HistoricValue;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The variables of the investigation process the engine's history may keep: the case id and the two
 * routing flags. The investigation, notice and execution forms' contents — and the pre-filled
 * "repeated within a year" circumstance, a fact about the person — stay out of the history; the
 * case's own tables keep them under the case's access rules (C5) and read audit.
 */
@Component
class CaseProcessVariables implements ProcessVariableCatalogue {

  @Override
  public Map<String, Map<String, HistoricValue>> historicVariables() {
    return Map.of(
        AccountabilityCases.PROCESS_KEY,
        Map.of(
            CaseVariables.CASE_ID, HistoricValue.number(),
            CaseVariables.CONCLUSION, HistoricValue.oneOf(Set.of("EXTEND", "DECIDE", "DISMISS")),
            CaseVariables.ONLY_TALK, HistoricValue.flag()));
  }
}
