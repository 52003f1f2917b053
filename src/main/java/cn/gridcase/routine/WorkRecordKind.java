package cn.gridcase.routine;

/** The kinds of a grid worker's work record (S2, A4), one table for all. */
public enum WorkRecordKind {
  /** 打卡: the daily check-in on working days (S2). */
  CHECK_IN("打卡"),
  /** 巡查: at least 2 hours a working day in all (S2). */
  PATROL("巡查"),
  /** 走访: a household visit, a family or a registered special-group person (A4 item 5). */
  VISIT("走访"),
  /** 民情日志: two a week (A4 item 6). */
  DIARY("民情日志"),
  /** 隐患排查: the weekly screening of instability (A4 item 3). */
  SCREENING("隐患排查"),
  /** 信息采集: information collected and updated (A4 item 1). */
  INFO_ENTRY("信息采集"),
  /** 撤销: withdraws a record made by mistake (with a reason); the record stays, uncounted. */
  WITHDRAWAL("撤销");

  private final String label;

  WorkRecordKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
