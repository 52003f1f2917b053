package cn.gridcase.event.internal;

/**
 * How a level ends its handling (办理事件, rules E3, E5, E6): one typed command per outcome. The {@code
 * /api} builds it from its JSON, {@link HandlingVariables} from the handling form's fields.
 */
public sealed interface Handling permits Resolution, Escalation, Dispatch, Referral {

  HandlingOutcome outcome();

  /** Why the step is late (E6): required once the handling deadline has passed. */
  String delayReason();
}
