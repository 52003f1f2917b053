package cn.gridcase.assignment;

/** Where a matter stands on its township's list (事项清单, rule S4). */
public enum MatterStatus {
  /** 清单内: a task for it reaches the grid workers at once. */
  LISTED("清单内"),
  /** 禁入: grid workers may never be given it; a task for it is refused. */
  PROHIBITED("禁入"),
  /**
   * 已退出: taken off the list; a task for it needs the 政法委's approval, like any matter not listed.
   */
  WITHDRAWN("已退出");

  private final String label;

  MatterStatus(String label) {
    this.label = label;
  }

  /** The Chinese name. */
  public String label() {
    return label;
  }
}
