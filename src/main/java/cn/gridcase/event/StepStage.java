package cn.gridcase.event;

/** The two stages of an event's step at one level (E4): accepting it, then handling it. */
public enum StepStage {
  /** 受理 (for a department 报到承接). */
  ACCEPT,
  /** 办理: resolved, escalated, dispatched or referred. */
  HANDLE
}
