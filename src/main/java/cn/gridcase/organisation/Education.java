package cn.gridcase.organisation;

/** Education levels, lowest first (S1 asks junior high or above of a grid worker). */
public enum Education {
  PRIMARY("小学及以下"),
  JUNIOR_HIGH("初中"),
  SENIOR_HIGH("高中/中专"),
  COLLEGE("大专"),
  BACHELOR("本科"),
  POSTGRADUATE("研究生");

  private final String label;

  Education(String label) {
    this.label = label;
  }

  /** The level as the officials name it (messages, audit views). */
  public String label() {
    return label;
  }
}
