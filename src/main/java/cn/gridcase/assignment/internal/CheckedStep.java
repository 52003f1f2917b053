package cn.gridcase.assignment.internal;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A user task's completion as its listener checked it, handed to the recording service task after
 * it: who acted and the one instant by which lateness is judged.
 */
public sealed interface CheckedStep extends Serializable {

  String by();

  OffsetDateTime at();

  /** 审批交办任务: approved or rejected, with the reason. */
  record Approval(boolean approved, String reason, String by, OffsetDateTime at)
      implements CheckedStep {}

  /** 办理交办任务: the grid whose task it was (from the task, not from a variable), the note. */
  record Done(String gridCode, String note, String by, OffsetDateTime at) implements CheckedStep {}
}
