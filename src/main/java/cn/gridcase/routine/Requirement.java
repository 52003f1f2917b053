package cn.gridcase.routine;

/**
 * What the routine requires of a grid worker, each with the rule it comes from and the unit it is
 * judged by: a working day (S2), an ISO week or a month (A4 items 1, 3, 5, 6).
 */
public enum Requirement {
  /** S2: a check-in on every working day. */
  CHECK_IN("S2", Unit.DAY, 1, "每个工作日打卡"),
  /** S2: at least 2 hours of patrol on every working day (the day's patrols summed). */
  PATROL("S2", Unit.DAY, 1, "每个工作日巡查累计不少于2小时"),
  /** A4 item 6: two diaries a week (−1 per diary short). */
  DIARY("A4.6", Unit.WEEK, 2, "每周民情日志不少于2篇"),
  /** A4 item 5: two family visits a week (−0.1 per visit short). */
  FAMILY_VISIT("A4.5", Unit.WEEK, 2, "每周走访家庭不少于2户次"),
  /**
   * A4 item 5: every person on the grid's special-group register during the week visited in it (−1
   * per person not visited); one unit per person and week.
   */
  SPECIAL_PERSON_VISIT("A4.5", Unit.WEEK, 1, "每周走访每一名登记的特殊人群"),
  /** A4 item 3: a screening every week (−0.5 per week without). */
  SCREENING("A4.3", Unit.WEEK, 1, "每周开展隐患排查"),
  /**
   * A4 item 1: information entries a week, 2 in a rural (or exclusive) grid and 5 in an urban
   * community grid, by the type of the grid held on the week's first working day; the events the
   * worker reported count as entries (−1 per week short).
   */
  INFO_ENTRY("A4.1", Unit.WEEK, 2, "每周信息采集不少于2条（城镇社区网格5条，上报的事件计入）"),
  /** A4 item 5: 20 distinct households visited a month (−0.1 per household short). */
  HOUSEHOLDS("A4.5", Unit.MONTH, 20, "每月走访不同住户不少于20户");

  /** What a requirement is judged by. */
  public enum Unit {
    DAY,
    WEEK,
    MONTH
  }

  /** The number a week requires in an urban community grid (A4 item 1). */
  public static final int INFO_ENTRIES_URBAN = 5;

  /** The minutes of patrol a working day requires (S2). */
  public static final int PATROL_MINUTES = 120;

  private final String rule;
  private final Unit unit;
  private final int perUnit;
  private final String label;

  Requirement(String rule, Unit unit, int perUnit, String label) {
    this.rule = rule;
    this.unit = unit;
    this.perUnit = perUnit;
    this.label = label;
  }

  /** The rule ID: S2, or A4 with the item (A4.5). */
  public String rule() {
    return rule;
  }

  public Unit unit() {
    return unit;
  }

  /** How many one unit requires (INFO_ENTRY: in a rural grid). */
  public int perUnit() {
    return perUnit;
  }

  /** The requirement in Chinese. */
  public String label() {
    return label;
  }
}
