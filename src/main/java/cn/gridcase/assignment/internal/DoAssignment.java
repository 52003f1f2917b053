package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.internal.AssignmentRepository.GridRow;
import cn.gridcase.calendar.EngineDeadlines;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.StepRefused;
import cn.gridcase.platform.TextRules;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 办理交办任务 (S4): each grid's task is due N working days after the assignment reached the grid workers
 * (T2), the deadline kept on the assignment; the check of a grid worker's completion (what was
 * done, plausible text).
 */
@Component("doAssignment")
public class DoAssignment {

  private final AssignmentSteps steps;
  private final EngineDeadlines engineDeadlines;

  DoAssignment(AssignmentSteps steps, EngineDeadlines engineDeadlines) {
    this.steps = steps;
    this.engineDeadlines = engineDeadlines;
  }

  /**
   * The grid workers' deadline as computed when it reached them (下达网格员) and kept on the assignment:
   * the task's due date and its timer, remembered for the recompute (T3).
   */
  public Date dueBy(DelegateExecution execution) {
    return engineDeadlines.dueDate(steps.assignment(execution).dueDeadline());
  }

  /** The completion checked: every problem named, or the step to record. */
  public CheckedStep.Done check(GridRow grid, Completion completion, String by, OffsetDateTime at) {
    List<ApiError> errors = new ArrayList<>();
    if (grid.doneAt() != null) {
      errors.add(new ApiError(null, "S4.state", "网格 " + grid.gridCode() + " 的交办任务已完成"));
    }
    String note = completion.note() == null ? "" : completion.note().trim();
    if (note.isEmpty()) {
      errors.add(new ApiError(AssignmentVariables.NOTE, "S4.note", "请填写办理情况"));
    } else {
      TextRules.check(AssignmentVariables.NOTE, note, TextRules.LONG_MAX, true)
          .ifPresent(errors::add);
    }
    if (!errors.isEmpty()) {
      throw new StepRefused("交办任务未完成", errors);
    }
    return new CheckedStep.Done(grid.gridCode(), note, by, at);
  }
}
