package cn.gridcase.organisation;

/** Education levels, lowest first (S1 asks junior high or above of a grid worker). */
public enum Education {
  /** 小学及以下. */
  PRIMARY,
  /** 初中. */
  JUNIOR_HIGH,
  /** 高中/中专. */
  SENIOR_HIGH,
  /** 大专. */
  COLLEGE,
  /** 本科. */
  BACHELOR,
  /** 研究生. */
  POSTGRADUATE
}
