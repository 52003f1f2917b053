package cn.gridcase.event;

/** The levels an event passes through (rule E5). */
public enum EventLevel {
  /** 网格: the grid worker handles it in the grid. */
  GRID("网格"),
  /** 村（社区）社会服务管理站. */
  VILLAGE("村级工作站"),
  /** 镇社会服务管理中心 / 乡镇综治中心. */
  TOWNSHIP("镇中心"),
  /** 镇属部门/科室, after 吹哨派单. */
  DEPARTMENT("部门"),
  /** 县级部门: beyond the township's competence. */
  COUNTY("县级部门");

  private final String label;

  EventLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
