package cn.gridcase.event.internal;

/** 吹哨派单: the township center sends the event to one of its departments, with instructions. */
public record Dispatch(String departmentCode, String instructions, String delayReason)
    implements Handling {

  public Dispatch {
    departmentCode = EventRules.text(departmentCode);
    instructions = EventRules.text(instructions);
    delayReason = EventRules.text(delayReason);
  }

  @Override
  public HandlingOutcome outcome() {
    return HandlingOutcome.DISPATCH;
  }
}
