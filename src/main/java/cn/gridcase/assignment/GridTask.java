package cn.gridcase.assignment;

import java.time.OffsetDateTime;

/**
 * One grid's part of an assignment: the grid worker it reached ({@code gridWorker}, null before it
 * reached them or in a grid without one), the open task ({@code taskId}, null once done or before
 * it reached the grid), its deadline, and once done when, by whom, with what note, and whether late
 * (done after the deadline). {@code overdue}: the deadline passed while it was open (kept for
 * ever).
 */
public record GridTask(
    String gridCode,
    String villageCode,
    String gridWorker,
    String taskId,
    OffsetDateTime due,
    boolean overdue,
    OffsetDateTime doneAt,
    String doneBy,
    String note,
    boolean late) {

  public boolean done() {
    return doneAt != null;
  }
}
