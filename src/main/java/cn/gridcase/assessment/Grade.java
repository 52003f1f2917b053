package cn.gridcase.assessment;

/** A quarter's grade (等次, rule A5): 优秀 ≥ 90 within the 20% quota, 合格 70–89.99, 不合格 below 70. */
public enum Grade {
  EXCELLENT("优秀"),
  PASS("合格"),
  FAIL("不合格");

  private final String label;

  Grade(String label) {
    this.label = label;
  }

  /** The grade in Chinese. */
  public String label() {
    return label;
  }
}
