package cn.gridcase.assessment;

/** How an entry ended at the grid, as pay judges it (A1, A3). */
public enum EntryOutcome {
  /** 按期办结: accepted and closed within the grid's limits. */
  CLOSED("按期办结"),
  /** 按期上报: escalated to a higher level within the limits (a major event at once, E8). */
  ESCALATED("按期上报"),
  /** 超期: not closed or escalated within its limit (A3). */
  LATE("超期"),
  /** 办理中: still open within its limit. */
  OPEN("办理中");

  private final String label;

  EntryOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
