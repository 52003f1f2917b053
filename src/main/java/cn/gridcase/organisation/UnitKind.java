package cn.gridcase.organisation;

/** The kinds of unit of rule G1 (and the township's departments). */
public enum UnitKind {
  /** 乡镇/街道, level 1; its 综治中心 (township center) works the township's queue. */
  TOWNSHIP,
  /** 村/社区, level 2; its 村社会服务管理站 (village station) works the village's queue. */
  VILLAGE,
  /** 网格, level 3. */
  GRID,
  /** 职能部门/科室 of the township, receives dispatched events (吹哨派单). */
  DEPARTMENT
}
