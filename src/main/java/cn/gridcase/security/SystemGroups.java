package cn.gridcase.security;

/**
 * Camunda groups that do not stand for a unit of the organisation. Unit groups (a grid's, a village
 * station's, ...) are derived from appointments by the organisation feature.
 */
public final class SystemGroups {

  /** Every GridCase user: access to Tasklist and the shared task filters. */
  public static final String USERS = "gridcase-users";

  /** System administrators: Camunda's admin group, all authorizations, Cockpit and Admin. */
  public static final String ADMINS = "camunda-admin";

  /** Spring Security role of the members of {@link #ADMINS}. */
  public static final String ADMIN_ROLE = "ADMIN";

  /** Prefix of the Spring authority that stands for a Camunda group membership. */
  public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  /** Group type of these groups in Camunda's identity store. */
  public static final String SYSTEM_TYPE = "SYSTEM";

  private SystemGroups() {}
}
