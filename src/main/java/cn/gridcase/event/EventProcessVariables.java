package cn.gridcase.event;

import cn.gridcase.platform.ProcessVariableCatalogue;
import cn.gridcase.platform.ProcessVariableCatalogue.HistoricValue;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The variables of the event processes the engine's history may keep: the event number, the
 * level and category handed to each level, the routing outcome with its department, and the
 * township's limits shown in the forms. Everything else — what is typed into the accept, handle
 * and feedback forms, and the bookkeeping {@code completedBy}/{@code stepDue} — lives in the
 * process only while it runs; the event's own tables keep it (E10).
 */
@Component
class EventProcessVariables implements ProcessVariableCatalogue {

  @Override
  public Map<String, Map<String, HistoricValue>> historicVariables() {
    HistoricValue number = HistoricValue.matching(Events.NUMBER);
    HistoricValue outcome = HistoricValue.oneOf(HandlingOutcome.class);
    return Map.of(
        Events.PROCESS_KEY, Map.of(
            "eventNumber", number,
            "outcome", outcome,
            "departmentCode", HistoricValue.identifier()),
        "event-level-handling", Map.of(
            "eventNumber", number,
            "category", HistoricValue.oneOf(EventCategory.class),
            "level", HistoricValue.oneOf(EventLevel.class),
            "outcome", outcome,
            "departmentCode", HistoricValue.identifier(),
            "acceptDays", HistoricValue.number(),
            "handleDays", HistoricValue.number()));
  }
}
