package cn.gridcase.accountability;

/** Where an accountability case stands. */
public enum CaseStatus {
  /** 调查中 (C6: 10 working days, once extended by at most 5). */
  INVESTIGATING,
  /** 已作出决定; awaiting notification (C7) or, for a talk only, the record of execution. */
  DECIDED,
  /** 已告知被追究人. */
  NOTIFIED,
  /** 已执行并归档. */
  ARCHIVED,
  /** 免予追究 (no liability found). */
  DISMISSED
}
