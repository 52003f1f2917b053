package cn.gridcase.organisation.internal;

import java.util.List;

/**
 * The columns of the roster's special-group register (the XLSX sheet {@value Roster#PERSONS_SHEET},
 * or a CSV file of its own); a header cell may hold the key or the Chinese label. A row with an
 * {@code id} is a person already registered (exported): a leaving date records that they left; a
 * row without one registers a person.
 */
public enum SpecialPersonColumn {
  ID("id", "编号"),
  GRID_CODE("gridCode", "网格编码"),
  NAME("name", "姓名"),
  GROUP("group", "人群类别"),
  HOUSEHOLD("household", "住户"),
  REGISTERED_ON("registeredOn", "登记日期"),
  LEFT_ON("leftOn", "离开日期"),
  LEFT_REASON("leftReason", "离开原因");

  final String key;
  final String label;

  SpecialPersonColumn(String key, String label) {
    this.key = key;
    this.label = label;
  }

  static SpecialPersonColumn of(String header) {
    String h = header == null ? "" : header.trim();
    for (SpecialPersonColumn column : values()) {
      if (column.key.equalsIgnoreCase(h) || column.label.equals(h)) {
        return column;
      }
    }
    return null;
  }

  /** Whether a header row is the register's (it names the group column). */
  static boolean isRegister(List<String> header) {
    return header.stream().anyMatch(cell -> of(cell) == GROUP);
  }
}
