package cn.gridcase.assessment;

/** What a line of a pay statement earns (A1, A2). */
public enum PayEarning {
  /** One of the first counted entries (the threshold, default 8) that earn the base pay. */
  BASE("基本报酬"),
  /** A counted entry beyond the threshold: +20 closed, +10 escalated. */
  BONUS("奖励"),
  /** Nothing: not counted, or beyond the month's cap. */
  NONE("不计");

  private final String label;

  PayEarning(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
