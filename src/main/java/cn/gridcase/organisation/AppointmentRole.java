package cn.gridcase.organisation;

/** The roles a person can be appointed to in a unit (rule G4). */
public enum AppointmentRole {
  /** 专职网格员: works the grid's queue. */
  GRID_WORKER("网格员", true),
  /** 网格长: village chief cadre over the village's grids. */
  GRID_LEADER("网格长", false),
  /** 网格指导员: township cadre stationed in the village. */
  GRID_INSTRUCTOR("网格指导员", false),
  /** 网格事件经办人员 (受理人/承办人): village station, township center or department staff. */
  EVENT_HANDLER("事件经办人", true),
  /** 科室负责人: head of the township center or of a department. */
  SECTION_HEAD("科室负责人", true),
  /** 网格工作片领导: work-area leader over several villages. */
  AREA_LEADER("工作片长", false),
  /** 政法委督办人员: supervisor of the township. */
  SUPERVISOR("督办人员", false),
  /** 责任追究调查人员: investigator of accountability cases. */
  INVESTIGATOR("调查人员", false);

  private final String label;
  private final boolean worksUnitQueue;

  AppointmentRole(String label, boolean worksUnitQueue) {
    this.label = label;
    this.worksUnitQueue = worksUnitQueue;
  }

  /** The Chinese name of the role. */
  public String label() {
    return label;
  }

  /** Whether holders of this role take the tasks offered to the unit as a whole. */
  public boolean worksUnitQueue() {
    return worksUnitQueue;
  }
}
