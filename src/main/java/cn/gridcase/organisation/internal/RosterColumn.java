package cn.gridcase.organisation.internal;

/** The columns of a roster spreadsheet; a header cell may hold the key or the Chinese label. */
public enum RosterColumn {
  UNIT_CODE("unitCode", "单位编码"),
  GRID_NAME("gridName", "网格名称"),
  VILLAGE_CODE("villageCode", "所属村社区"),
  GRID_TYPE("gridType", "网格类型"),
  HOUSEHOLDS("households", "户数"),
  POPULATION("population", "人口"),
  REAL_NAME("realName", "姓名"),
  ID_CARD_NUMBER("idCardNumber", "身份证号"),
  PHONE("phone", "手机"),
  EDUCATION("education", "文化程度"),
  CURRENT_POST("currentPost", "现任职务"),
  EXCLUSIONS("exclusions", "排除情形"),
  ROLE("role", "角色"),
  STARTS_ON("startsOn", "任职日期"),
  USERNAME("username", "账号");

  final String key;
  final String label;

  RosterColumn(String key, String label) {
    this.key = key;
    this.label = label;
  }

  static RosterColumn of(String header) {
    String h = header == null ? "" : header.trim();
    for (RosterColumn column : values()) {
      if (column.key.equalsIgnoreCase(h) || column.label.equals(h)) {
        return column;
      }
    }
    return null;
  }
}
