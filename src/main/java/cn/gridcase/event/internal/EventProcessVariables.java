package cn.gridcase.event.internal;

import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventLevel;
import cn.gridcase.event.Events;
import cn.gridcase.platform.ProcessVariableCatalogue;
import cn.gridcase.platform.ProcessVariableCatalogue.HistoricValue;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The variables of the event processes the engine's history may keep: the event number, the level
 * and category handed to each level, the routing outcome with its department, and the township's
 * limits shown in the forms (names: {@link EventVariables}). Everything else — what is typed into
 * the handle and feedback forms — lives in the process only until the step's listener has read it
 * into the step's command; the event's own tables keep it (E10). The commands and {@link
 * CompletedStep} are transient and never reach a table.
 */
@Component
class EventProcessVariables implements ProcessVariableCatalogue {

  @Override
  public Map<String, Map<String, HistoricValue>> historicVariables() {
    HistoricValue number = HistoricValue.matching(Events.NUMBER);
    HistoricValue outcome = HistoricValue.oneOf(HandlingOutcome.class);
    return Map.of(
        Events.PROCESS_KEY,
            Map.of(
                EventVariables.EVENT_NUMBER,
                number,
                EventVariables.MAJOR,
                HistoricValue.flag(),
                EventVariables.OUTCOME,
                outcome,
                EventVariables.DEPARTMENT_CODE,
                HistoricValue.identifier()),
        StepDeadlines.LEVEL_PROCESS,
            Map.of(
                EventVariables.EVENT_NUMBER, number,
                EventVariables.CATEGORY, HistoricValue.oneOf(EventCategory.class),
                EventVariables.LEVEL, HistoricValue.oneOf(EventLevel.class),
                EventVariables.UNIT_CODE, HistoricValue.identifier(),
                EventVariables.ACCEPTED_ON_REPORTING, HistoricValue.flag(),
                EventVariables.OUTCOME, outcome,
                EventVariables.DEPARTMENT_CODE, HistoricValue.identifier(),
                EventVariables.ACCEPT_DAYS, HistoricValue.number(),
                EventVariables.HANDLE_DAYS, HistoricValue.number()));
  }
}
