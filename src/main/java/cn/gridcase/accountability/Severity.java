package cn.gridcase.accountability;

/** How grave a late event step is (C3: 情节较轻 / 较重 / 严重). */
public enum Severity {
  LIGHT,
  SERIOUS,
  GRAVE
}
