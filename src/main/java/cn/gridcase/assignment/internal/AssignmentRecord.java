package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.AssignmentStatus;
import cn.gridcase.calendar.Deadline;
import java.time.OffsetDateTime;

/**
 * One row of {@code assignment}: the assignment as it is kept (its grids are rows of their own).
 */
public record AssignmentRecord(
    long id,
    String townshipCode,
    String assignerUnit,
    String assignedBy,
    String matterCode,
    String matterName,
    boolean matterListed,
    String title,
    String instructions,
    int workingDays,
    AssignmentStatus status,
    OffsetDateTime createdAt,
    Integer approvalDays,
    OffsetDateTime approvalDue,
    boolean approvalProvisional,
    boolean approvalOverdue,
    String approvalTaskId,
    String decidedBy,
    OffsetDateTime decidedAt,
    boolean approvalLate,
    String decisionReason,
    OffsetDateTime assignedAt,
    OffsetDateTime dueBy,
    boolean dueProvisional,
    OffsetDateTime doneAt) {

  /** The approval's deadline as it was computed (T2), for the engine and the recompute (T3). */
  public Deadline approvalDeadline() {
    return approvalDue == null
        ? null
        : new Deadline(createdAt, approvalDays, approvalDue, approvalProvisional);
  }

  /** The grid workers' deadline as it was computed when the assignment reached them. */
  public Deadline dueDeadline() {
    return dueBy == null ? null : new Deadline(assignedAt, workingDays, dueBy, dueProvisional);
  }
}
