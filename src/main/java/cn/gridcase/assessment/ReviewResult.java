package cn.gridcase.assessment;

/** The result of a grid leader's half-year performance review (半年考评, rule A8). */
public enum ReviewResult {
  COMPETENT("称职"),
  BASICALLY_COMPETENT("基本称职"),
  INCOMPETENT("不称职");

  private final String label;

  ReviewResult(String label) {
    this.label = label;
  }

  /** The result in Chinese. */
  public String label() {
    return label;
  }
}
