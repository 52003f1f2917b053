package cn.gridcase.calendar;

import java.util.List;

/**
 * Published in the transaction that moved them: these open tasks' due dates were recomputed after a
 * year's holiday schedule was loaded (rule T3). The recompute writes the engine's task table with
 * its own SQL, so the engine's task listeners do not see it; features that keep a copy of task due
 * dates (the work list) listen for this instead.
 */
public record TaskDueDatesMoved(List<String> taskIds) {

  public TaskDueDatesMoved {
    taskIds = List.copyOf(taskIds);
  }
}
