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
  /** 督办: a supervisor named a new limit in working days for the open step (S1). */
  SUPERVISED,
  /** 办结待反馈: the event was resolved, the result is to be fed back (E9). */
  EVENT_RESOLVED,
  /** 移交县级: the event went to a county department (E5). */
  REFERRED_TO_COUNTY,
  /** 责任追究建议: the system raised an accountability proposal (C3). */
  PROPOSAL_RAISED,
  /** 责任追究立案: a case was opened and assigned to investigators. */
  CASE_ASSIGNED,
  /** 责任追究进展: an extension, a decision, a notice. */
  CASE_UPDATED,
  /** 责任追究超期: a case's investigation or notice ran late (C6, C7). */
  CASE_OVERDUE,
  /** 例会待召开: a unit is to hold its meeting of the period (S2, S3). */
  MEETING_DUE,
  /** 例会超期: a period ended without its meeting (S3). */
  MEETING_OVERDUE,
  /** 交办任务: a task for a matter was given to the grid worker (S4). */
  ASSIGNMENT_RECEIVED,
  /** 交办待审批: a task for a matter not on the list awaits the supervisor's approval (S4). */
  ASSIGNMENT_AWAITING_APPROVAL,
  /** 交办被退回: the supervisor rejected a task for a matter not on the list, with a reason (S4). */
  ASSIGNMENT_REJECTED,
  /** 交办任务超期: an assignment or its approval ran past its deadline (S4). */
  ASSIGNMENT_OVERDUE,
  /** 季度考核公示: the quarter's draft is published to the grid worker, who may object (A4). */
  ASSESSMENT_DRAFT_PUBLISHED,
  /** 考核异议: a grid worker objected (to the assessment group), or the answer (to the worker). */
  ASSESSMENT_OBJECTION,
  /** 季度考核结果: the quarter was finalized — score, grade, subsidy (A5, A6). */
  ASSESSMENT_FINAL
}
