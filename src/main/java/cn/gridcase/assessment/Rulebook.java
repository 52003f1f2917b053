package cn.gridcase.assessment;

/**
 * Which document decides the consequences of 不合格 quarters (rule C3, A6), a township setting: S0
 * (古山镇责任追究办法, the default) — one 不合格 quarter → 通报批评, two consecutive → the dismissal procedure; S1
 * (乡镇网格员考核管理办法) — two consecutive → 通报批评, three → not renewed for the next year.
 */
public enum Rulebook {
  S0("责任追究办法（S0）：一个季度不合格通报批评，连续两个季度不合格启动辞退程序"),
  S1("考核管理办法（S1）：连续两个季度不合格通报批评，连续三个季度不合格下一年不予续用");

  private final String label;

  Rulebook(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
