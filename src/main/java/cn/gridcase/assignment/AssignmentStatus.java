package cn.gridcase.assignment;

/** Where an assignment (交办, rule S4) stands. */
public enum AssignmentStatus {
  /** 待审批: its matter is not on the list; a supervisor (政法委) decides first. */
  AWAITING_APPROVAL("待审批"),
  /** 办理中: it reached the grid workers; some grids' tasks are open. */
  ASSIGNED("办理中"),
  /** 已退回: the supervisor rejected it, with a reason sent to the assigner. */
  REJECTED("已退回"),
  /** 已完成: every grid's task is done. */
  DONE("已完成");

  private final String label;

  AssignmentStatus(String label) {
    this.label = label;
  }

  /** The Chinese name. */
  public String label() {
    return label;
  }
}
