package cn.gridcase.event.internal;

/** 上报 to the next level with a reason (E5); from a department, back to the township center. */
public record Escalation(String reason, String delayReason) implements Handling {

  public Escalation {
    reason = EventRules.text(reason);
    delayReason = EventRules.text(delayReason);
  }

  @Override
  public HandlingOutcome outcome() {
    return HandlingOutcome.ESCALATE;
  }
}
