package cn.gridcase.event;

/** Where an event stands. */
public enum EventStatus {
  /** 待受理: a unit has it in its queue. */
  AWAITING_ACCEPTANCE,
  /** 办理中: accepted, being handled. */
  IN_HANDLING,
  /** 已办结，待反馈. */
  RESOLVED,
  /** 已结案: feedback collected (E9). */
  CLOSED,
  /** 已移交县级 (E5). */
  REFERRED_TO_COUNTY
}
