package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.Assignments;
import cn.gridcase.platform.ProcessVariableCatalogue;
import cn.gridcase.platform.ProcessVariableCatalogue.HistoricValue;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The variables of the assignment process the engine's history may keep: the assignment's id, the
 * two routing flags and each instance's grid code. The reasons and notes the forms submit stay out
 * of the history; the assignment's tables keep them.
 */
@Component
class AssignmentProcessVariables implements ProcessVariableCatalogue {

  @Override
  public Map<String, Map<String, HistoricValue>> historicVariables() {
    return Map.of(
        Assignments.PROCESS_KEY,
        Map.of(
            AssignmentVariables.ASSIGNMENT_ID, HistoricValue.number(),
            AssignmentVariables.NEEDS_APPROVAL, HistoricValue.flag(),
            AssignmentVariables.APPROVED, HistoricValue.flag(),
            AssignmentVariables.GRID_CODE, HistoricValue.identifier()));
  }
}
