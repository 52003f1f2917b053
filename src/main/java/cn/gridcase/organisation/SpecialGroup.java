package cn.gridcase.organisation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The special groups whose registered persons the grid worker visits every week (A4 item 5): the
 * groups of a household visit except the ordinary family.
 */
public enum SpecialGroup {
  POOR_PARTY_MEMBER("困难党员"),
  DISABLED("残疾人"),
  SINGLE_MOTHER("单亲母亲"),
  MIGRANT("流动人口"),
  ENTITLED("优抚对象"),
  COMMUNITY_CORRECTION("社区服刑人员"),
  DRUG_REHAB("社区戒毒人员"),
  RELEASED_PRISONER("刑满释放人员");

  private final String label;

  SpecialGroup(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The group named by its code (any case) or its Chinese label; empty for anything else. */
  public static Optional<SpecialGroup> of(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    return Arrays.stream(values())
        .filter(g -> g.name().equalsIgnoreCase(v) || g.label.equals(v))
        .findFirst();
  }

  /** The allowed values, for a message naming them. */
  public static String allowed() {
    StringBuilder text = new StringBuilder();
    for (SpecialGroup group : values()) {
      text.append(text.isEmpty() ? "" : "、").append(group.name()).append(' ').append(group.label);
    }
    return text.toString();
  }
}
