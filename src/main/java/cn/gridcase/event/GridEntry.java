package cn.gridcase.event;

import java.time.OffsetDateTime;

/**
 * A reported event with the facts of its grid-level step that pay and rankings judge (A1–A3, A9):
 * how the grid ended its step ({@code gridEnd}: {@code RESOLVED} 办结 or {@code ESCALATED} 上报, null
 * while the event is still with the grid), when, whether any grid-level step ran late (acceptance
 * or handling, E4/E6; set for ever, E10) and, while still open at the grid, the deadline of the
 * open step ({@code openDeadline}: the acceptance deadline while it awaits acceptance, the handling
 * deadline once accepted). A major event (E8) goes to the township at once and has no grid-level
 * step: {@code gridEnd} is null and {@code major} true.
 */
public record GridEntry(
    String number,
    EventCategory category,
    boolean major,
    boolean beijingPetition,
    String gridCode,
    String townshipCode,
    String reportedBy,
    OffsetDateTime reportedAt,
    String gridEnd,
    OffsetDateTime gridEndedAt,
    boolean gridLate,
    OffsetDateTime openDeadline) {

  /** 办结 at the grid. */
  public static final String RESOLVED = "RESOLVED";

  /** 上报 from the grid to the village station. */
  public static final String ESCALATED = "ESCALATED";
}
