package cn.gridcase.supervision.internal;

import cn.gridcase.event.Events;
import cn.gridcase.platform.ProcessVariableCatalogue;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The variables of the supervision process (督办, {@code event-supervision}): the event number (also
 * the business key) and the id of the 督办 order; the order itself lives in {@code step_supervision}.
 */
@Component
public class SupervisionProcessVariables implements ProcessVariableCatalogue {

  public static final String PROCESS_KEY = "event-supervision";
  static final String EVENT_NUMBER = "eventNumber";
  static final String SUPERVISION_ID = "supervisionId";

  @Override
  public Map<String, Map<String, HistoricValue>> historicVariables() {
    return Map.of(
        PROCESS_KEY,
        Map.of(
            EVENT_NUMBER, HistoricValue.matching(Events.NUMBER),
            SUPERVISION_ID, HistoricValue.number()));
  }
}
