package cn.gridcase.event;

/** Event categories (rule E1). Only the first three count as entries for pay. */
public enum EventCategory {
  /** 矛盾纠纷. */
  DISPUTE("矛盾纠纷", true),
  /** 治安安全隐患. */
  HAZARD("治安安全隐患", true),
  /** 民生服务. */
  SERVICE("民生服务", true),
  /** 其他 / 专项行动 (e.g. 优化环境"八大行动"). */
  OTHER("其他", false);

  private final String label;
  private final boolean countsAsEntry;

  EventCategory(String label, boolean countsAsEntry) {
    this.label = label;
    this.countsAsEntry = countsAsEntry;
  }

  public String label() {
    return label;
  }

  /** Whether an event of this category counts as an entry for the grid worker's pay (E1). */
  public boolean countsAsEntry() {
    return countsAsEntry;
  }
}
