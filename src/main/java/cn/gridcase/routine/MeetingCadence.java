package cn.gridcase.routine;

/** How often a meeting obligation recurs: per ISO week, calendar month or quarter. */
public enum MeetingCadence {
  WEEKLY("每周"),
  MONTHLY("每月"),
  QUARTERLY("每季度");

  private final String label;

  MeetingCadence(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
