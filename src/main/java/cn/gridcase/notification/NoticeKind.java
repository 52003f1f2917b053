package cn.gridcase.notification;

/** Why a notice was sent. */
public enum NoticeKind {
  /** 新事件待受理: an event reached a unit's queue (E5, E7). */
  EVENT_RECEIVED,
  /** 上报/派单抄送: the township center is told of an escalation or a dispatch (E7). */
  EVENT_ESCALATED,
  /** 研判预警: a major event reached the township at once (E8). */
  EARLY_WARNING,
  /** 临期提醒: one working day before a deadline. */
  DEADLINE_REMINDER,
  /** 超期: a step ran past its deadline (E4). */
  OVERDUE,
  /** 催办: a supervisor urged the open step (S1). */
  URGED,
  /** 办结待反馈: the event was resolved, the result is to be fed back (E9). */
  EVENT_RESOLVED,
  /** 移交县级: the event went to a county department (E5). */
  REFERRED_TO_COUNTY
}
