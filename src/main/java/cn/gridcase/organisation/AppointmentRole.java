package cn.gridcase.organisation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles a person can be appointed to in a unit (rules G3, G4), with the kinds of unit each
 * fits.
 */
public enum AppointmentRole {
  /** 专职网格员: works the grid's queue; one per grid at a time (G3). */
  GRID_WORKER("网格员", true, EnumSet.of(UnitKind.GRID)),
  /** 网格督导员 (1+4+X). */
  GRID_SUPERVISOR_ASSISTANT("网格督导员", false, EnumSet.of(UnitKind.GRID)),
  /** 网格警员 (1+4+X). */
  GRID_POLICE_OFFICER("网格警员", false, EnumSet.of(UnitKind.GRID)),
  /** 网格消防员 (1+4+X). */
  GRID_FIREFIGHTER("网格消防员", false, EnumSet.of(UnitKind.GRID)),
  /** 网格监督员 (1+4+X). */
  GRID_MONITOR("网格监督员", false, EnumSet.of(UnitKind.GRID)),
  /** 志愿者, the X of 1+4+X. */
  GRID_VOLUNTEER("网格志愿者", false, EnumSet.of(UnitKind.GRID)),
  /** 网格长: village chief cadre over the village's grids. */
  GRID_LEADER("网格长", false, EnumSet.of(UnitKind.VILLAGE)),
  /** 网格指导员: township cadre stationed in the village. */
  GRID_INSTRUCTOR("网格指导员", false, EnumSet.of(UnitKind.VILLAGE)),
  /** 网格事件经办人员 (受理人/承办人): village station, township center or department staff. */
  EVENT_HANDLER(
      "事件经办人", true, EnumSet.of(UnitKind.VILLAGE, UnitKind.TOWNSHIP, UnitKind.DEPARTMENT)),
  /** 科室负责人: head of the township center or of a department. */
  SECTION_HEAD("科室负责人", true, EnumSet.of(UnitKind.VILLAGE, UnitKind.TOWNSHIP, UnitKind.DEPARTMENT)),
  /** 网格工作片领导: work-area leader, one appointment per village of the area. */
  AREA_LEADER("工作片长", false, EnumSet.of(UnitKind.VILLAGE)),
  /** 政法委督办人员: supervisor of the township. */
  SUPERVISOR("督办人员", false, EnumSet.of(UnitKind.TOWNSHIP)),
  /** 责任追究调查人员: investigator of accountability cases. */
  INVESTIGATOR("调查人员", false, EnumSet.of(UnitKind.TOWNSHIP));

  private final String label;
  private final boolean worksUnitQueue;
  private final Set<UnitKind> unitKinds;

  AppointmentRole(String label, boolean worksUnitQueue, Set<UnitKind> unitKinds) {
    this.label = label;
    this.worksUnitQueue = worksUnitQueue;
    this.unitKinds = unitKinds;
  }

  /** The Chinese name of the role. */
  public String label() {
    return label;
  }

  /** Whether holders of this role take the tasks offered to the unit as a whole. */
  public boolean worksUnitQueue() {
    return worksUnitQueue;
  }

  /** The kinds of unit this role is held in. */
  public Set<UnitKind> unitKinds() {
    return unitKinds;
  }
}
