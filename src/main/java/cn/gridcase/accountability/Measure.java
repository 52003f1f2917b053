package cn.gridcase.accountability;

/** Accountability measures (rule C2, S0 第三条); combinable. */
public enum Measure {
  /** 约谈. */
  TALK("约谈"),
  /** 通报批评. */
  CIRCULATED_CRITICISM("通报批评"),
  /** 待岗培训. */
  SUSPENSION_FOR_TRAINING("待岗培训"),
  /** 诫勉谈话. */
  ADMONISHMENT("诫勉谈话"),
  /** 劝退 (grid leaders only). */
  PERSUADE_TO_RESIGN("劝退"),
  /** 辞退 (full-time grid workers only). */
  DISMISSAL("辞退"),
  /** 列入不宜担任下届村（社区）两委干部人选 (grid leaders only). */
  UNFIT_FOR_NEXT_COMMITTEE("列入不宜担任下届两委人选"),
  /** 经济责任. */
  ECONOMIC("经济责任"),
  /** 党政纪处分. */
  DISCIPLINARY("党政纪处分"),
  /** 移交司法机关. */
  JUDICIAL_TRANSFER("移交司法机关");

  private final String label;

  Measure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
