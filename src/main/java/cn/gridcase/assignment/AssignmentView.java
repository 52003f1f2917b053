package cn.gridcase.assignment;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An assignment (交办, S4) as the API shows it. {@code matterListed}: its matter was on the list when
 * it was given, so it went to the grid workers at once; otherwise it waited for a supervisor's
 * approval ({@code approvalDue}, {@code approvalOverdue} once that deadline passed undecided,
 * {@code approvalLate} when decided after it; {@code decisionReason}: the reason of a rejection, or
 * the note given with an approval). {@code dueBy}: the grid workers' deadline, N working days after
 * the assignment reached them (null before). Each grid's task is in {@code grids}.
 */
public record AssignmentView(
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
    OffsetDateTime approvalDue,
    boolean approvalOverdue,
    boolean approvalLate,
    String decidedBy,
    OffsetDateTime decidedAt,
    String decisionReason,
    OffsetDateTime assignedAt,
    OffsetDateTime dueBy,
    boolean dueProvisional,
    OffsetDateTime doneAt,
    List<GridTask> grids) {

  public AssignmentView {
    grids = List.copyOf(grids);
  }
}
