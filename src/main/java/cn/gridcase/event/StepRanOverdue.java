package cn.gridcase.event;

import cn.gridcase.organisation.AppointmentRole;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Domain event: a step of an event ran past a limit — E4's acceptance or handling deadline, or the
 * limit a 督办 named (S1). Published in the transaction that marks the step late (the timer's job, or
 * a step completed late before its timer ran); other features hear it once that commits
 * (accountability raises its C3 proposals from it).
 *
 * @param answerable who answers for the step (the acceptor, or the unit's handlers when nobody
 *     accepted, and a station's, the center's or a department's section head); one entry with a
 *     null user when the post was vacant
 */
public record StepRanOverdue(
    String eventNumber,
    StepStage stage,
    Limit limit,
    EventLevel level,
    String unitCode,
    String townshipCode,
    OffsetDateTime deadline,
    OffsetDateTime detectedAt,
    List<Answerable> answerable) {

  public StepRanOverdue {
    answerable = List.copyOf(answerable);
  }

  /** Which limit ran out. */
  public enum Limit {
    /** E4: not accepted within the acceptance limit. */
    ACCEPTANCE,
    /** E4/E6: neither closed nor passed on within the handling limit. */
    HANDLING,
    /** S1: not done within the limit a 督办 named. */
    SUPERVISION
  }

  /**
   * A person who answers for the late step, in the role they hold in the step's unit (null when
   * unknown).
   */
  public record Answerable(String username, AppointmentRole role) {}
}
