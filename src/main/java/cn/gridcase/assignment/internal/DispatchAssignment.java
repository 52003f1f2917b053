package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.internal.AssignmentRepository.GridRow;
import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.EngineDeadlines;
import cn.gridcase.calendar.WorkingDays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 下达网格员 (S4): the assignment reaches the grid workers now — at once for a listed matter, after the
 * approval otherwise — and their deadline is counted from now: the end of the N-th working day
 * (T2), computed once, kept on the assignment and remembered for the recompute (T3). Each grid's
 * worker today is kept with its grid. {@link #grids} is 各网格办理's collection: one instance per grid.
 */
@Component("dispatchAssignment")
public class DispatchAssignment {

  private final AssignmentSteps steps;
  private final AssignmentRepository assignments;
  private final AssignmentPeople people;
  private final WorkingDays workingDays;
  private final EngineDeadlines engineDeadlines;

  DispatchAssignment(
      AssignmentSteps steps,
      AssignmentRepository assignments,
      AssignmentPeople people,
      WorkingDays workingDays,
      EngineDeadlines engineDeadlines) {
    this.steps = steps;
    this.assignments = assignments;
    this.people = people;
    this.workingDays = workingDays;
    this.engineDeadlines = engineDeadlines;
  }

  public void dispatch(DelegateExecution execution) {
    AssignmentRecord a = steps.assignment(execution);
    Deadline due = workingDays.deadline(steps.now(), a.workingDays());
    Map<String, String> workers = new LinkedHashMap<>();
    for (GridRow grid : assignments.grids(a.id())) {
      workers.put(grid.gridCode(), people.gridWorkerOf(grid.gridCode()).orElse(null));
    }
    assignments.dispatched(a.id(), due, workers);
    engineDeadlines.rememberStored(
        AssignmentDeadlines.dueKey(a.id()), execution.getProcessInstanceId(), due);
  }

  /** The grids of the assignment, in code order: one instance of 各网格办理 each. */
  public List<String> grids(String businessKey) {
    return assignments.grids(AssignmentSteps.id(businessKey)).stream()
        .map(GridRow::gridCode)
        .toList();
  }
}
