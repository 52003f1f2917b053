package cn.gridcase.event.internal;

import cn.gridcase.event.Events;
import cn.gridcase.platform.ProcessVariableCatalogue;
import cn.gridcase.platform.ProcessVariableCatalogue.HistoricValue;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the engine's history keeps of the event processes. Variables: where each instance went — the
 * major flag, the unit that had the level, the routing outcome with its department (names: {@link
 * EventVariables}). The rest of the process's variables are copies of the event's own rows (the
 * number is the business key of every instance; category, level and the township's limits are the
 * event's and its steps'), and what is typed into the handle and feedback forms lives in the
 * process only until the step's listener has read it into the step's command; the event's own
 * tables keep it (E10). The commands and {@link CompletedStep} are transient and never reach a
 * table. Activities: both models keep only what someone did or waited for (the tasks, the levels,
 * the timers): they run for every event, and their gateways and automatic steps were most of an
 * event's history bytes (docs/benchmarks.md, "Growth").
 */
@Component
class EventProcessVariables implements ProcessVariableCatalogue {

  @Override
  public Map<String, Map<String, HistoricValue>> historicVariables() {
    HistoricValue outcome = HistoricValue.oneOf(HandlingOutcome.class);
    return Map.of(
        Events.PROCESS_KEY,
            Map.of(
                EventVariables.MAJOR,
                HistoricValue.flag(),
                EventVariables.OUTCOME,
                outcome,
                EventVariables.DEPARTMENT_CODE,
                HistoricValue.identifier()),
        StepDeadlines.LEVEL_PROCESS,
            Map.of(
                EventVariables.UNIT_CODE, HistoricValue.identifier(),
                EventVariables.OUTCOME, outcome,
                EventVariables.DEPARTMENT_CODE, HistoricValue.identifier()));
  }

  @Override
  public Set<String> waitsOnlyActivityHistory() {
    return Set.of(Events.PROCESS_KEY, StepDeadlines.LEVEL_PROCESS);
  }
}
