package cn.gridcase.routine.internal;

import cn.gridcase.organisation.SpecialGroup;
import java.util.Optional;

/** The groups of a household visit: FAMILY or one of the special groups (A4 item 5). */
public final class VisitGroups {

  public static final String FAMILY = "FAMILY";

  private VisitGroups() {}

  /** The group's code for a value given by code (any case) or Chinese label; empty if unknown. */
  public static Optional<String> of(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (FAMILY.equalsIgnoreCase(v) || "家庭".equals(v)) {
      return Optional.of(FAMILY);
    }
    return SpecialGroup.of(v).map(SpecialGroup::name);
  }

  public static String allowed() {
    return "FAMILY 家庭、" + SpecialGroup.allowed();
  }
}
