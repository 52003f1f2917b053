package cn.gridcase.event;

/** 吹哨派单: the township center sends the event to one of its departments, with instructions. */
record Dispatch(String departmentCode, String instructions, String delayReason) implements Handling {

  Dispatch {
    departmentCode = EventRules.text(departmentCode);
    instructions = EventRules.text(instructions);
    delayReason = EventRules.text(delayReason);
  }

  @Override
  public HandlingOutcome outcome() {
    return HandlingOutcome.DISPATCH;
  }
}
