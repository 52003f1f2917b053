package cn.gridcase.event;

/** 上报 to the next level with a reason (E5); from a department, back to the township center. */
record Escalation(String reason, String delayReason) implements Handling {

  Escalation {
    reason = EventRules.text(reason);
    delayReason = EventRules.text(delayReason);
  }

  @Override
  public HandlingOutcome outcome() {
    return HandlingOutcome.ESCALATE;
  }
}
