package cn.gridcase.accountability;

/** Circumstances recorded with a decision (rule C4, S0 第五条). */
public enum Circumstance {
  /** 主动发现错误并及时补救 (mitigating). */
  REMEDIED(true, "主动发现错误并及时采取补救措施"),
  /** 不可抗力 (mitigating). */
  FORCE_MAJEURE(true, "因不可抗力难以履行职责"),
  /** 其他从轻情节 (mitigating). */
  OTHER_MITIGATING(true, "其他可从轻、减轻或免予处理情节"),
  /** 被省、地、市级责成处理 (aggravating). */
  ORDERED_BY_HIGHER_LEVEL(false, "被省、地、市级要求责成处理"),
  /** 一年内两次以上应予追究 (aggravating; detected by the system). */
  REPEATED_WITHIN_YEAR(false, "一年内出现两次以上应予追究责任行为"),
  /** 打击、报复、干扰、阻挠调查 (aggravating). */
  OBSTRUCTION(false, "打击、报复、干扰、阻挠责任追究调查、处理"),
  /** 拒不整改 (aggravating). */
  REFUSED_TO_RECTIFY(false, "拒不整改或无正当理由拒不采纳整改建议"),
  /** 敏感节点、重要时段工作不力 (aggravating). */
  SENSITIVE_TIME(false, "在敏感节点、重要时段等方面工作不力造成后果"),
  /** 其他从重情节 (aggravating). */
  OTHER_AGGRAVATING(false, "其他应当从重或加重处理情节");

  private final boolean mitigating;
  private final String label;

  Circumstance(boolean mitigating, String label) {
    this.mitigating = mitigating;
    this.label = label;
  }

  public boolean mitigating() {
    return mitigating;
  }

  public String label() {
    return label;
  }
}
