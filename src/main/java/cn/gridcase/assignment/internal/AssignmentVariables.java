package cn.gridcase.assignment.internal;

/**
 * Every variable name of the assignment process ({@code bpmn/assignment.bpmn}) and of its forms, in
 * one place. The process keeps the assignment's id, two routing flags and, in each grid's instance
 * of 各网格办理, the grid's code; the assignment lives in its tables. What a form submits is read by the
 * task's listener into the step's command and removed by the recording step; the checked command
 * travels to the recording step as a transient value (never stored, never in the history).
 */
public final class AssignmentVariables {

  /** The assignment's id, shown in the task names and forms ({@code {{assignmentId}}}). */
  public static final String ASSIGNMENT_ID = "assignmentId";

  /** Routing, set when the process starts: the matter is not on the list (S4: approval first). */
  public static final String NEEDS_APPROVAL = "needsApproval";

  /** Routing, set by the approval's listener from the checked decision. */
  public static final String APPROVED = "approved";

  /** The multi-instance element: the grid of this instance of 各网格办理 (its queue is the group). */
  public static final String GRID_CODE = "gridCode";

  /** Transient: the step's command — from {@code /api}, or the listener's checked one. */
  public static final String COMMAND = "assignmentStepCommand";

  /** The approval form (assignment-approve.form): APPROVE or REJECT. */
  static final String DECISION = "decision";

  /** The approval form: the reason (required to reject). */
  static final String REASON = "reason";

  /** The completion form (assignment-done.form): what was done. */
  static final String NOTE = "note";

  private AssignmentVariables() {}
}
