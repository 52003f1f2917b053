package cn.gridcase.event.internal;

/** 移交县级: beyond the township's competence, to a county department with a reason (E5). */
record Referral(String countyDepartment, String reason, String delayReason) implements Handling {

  Referral {
    countyDepartment = EventRules.text(countyDepartment);
    reason = EventRules.text(reason);
    delayReason = EventRules.text(delayReason);
  }

  @Override
  public HandlingOutcome outcome() {
    return HandlingOutcome.REFER_COUNTY;
  }
}
