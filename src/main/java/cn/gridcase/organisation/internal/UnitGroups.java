package cn.gridcase.organisation.internal;

import cn.gridcase.organisation.AppointmentRole;

/**
 * How units and roles are named as Camunda groups, so that a BPMN candidate group can name a unit.
 *
 * <ul>
 *   <li>{@code GS-V01-G01} — the unit's work queue: everyone currently appointed there in a role
 *       that {@linkplain AppointmentRole#worksUnitQueue() works the queue} (the grid worker of a
 *       grid, the station staff of a village, the center staff of a township, a department's
 *       handlers). Group type {@value #UNIT_TYPE}.
 *   <li>{@code GS-V01.GRID_LEADER} — everyone currently appointed to that unit in that role. Group
 *       type {@value #UNIT_ROLE_TYPE}.
 * </ul>
 */
public final class UnitGroups {

  public static final String UNIT_TYPE = "UNIT";
  public static final String UNIT_ROLE_TYPE = "UNIT_ROLE";

  private UnitGroups() {}

  /**
   * The candidate group of the tasks offered to a unit, e.g. {@code ${unitGroups.queueOf('GS')}}.
   */
  public static String queueOf(String unitCode) {
    return unitCode;
  }

  /** The group of the holders of one role in one unit. */
  public static String roleIn(String unitCode, AppointmentRole role) {
    return unitCode + "." + role.name();
  }
}
