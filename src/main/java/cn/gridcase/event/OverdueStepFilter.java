package cn.gridcase.event;

/**
 * Which overdue open steps to list (rule S1, {@code GET /api/supervision/overdue}); a null member
 * does not filter. {@code departmentCode} keeps the steps waiting at that department; {@code
 * assignee} the steps held by that user.
 */
public record OverdueStepFilter(
    String townshipCode,
    String villageCode,
    String gridCode,
    String departmentCode,
    String assignee) {

  public static final OverdueStepFilter NONE = new OverdueStepFilter(null, null, null, null, null);

  /** Blank members are no filter. */
  public OverdueStepFilter {
    townshipCode = blankToNull(townshipCode);
    villageCode = blankToNull(villageCode);
    gridCode = blankToNull(gridCode);
    departmentCode = blankToNull(departmentCode);
    assignee = blankToNull(assignee);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
