package cn.gridcase.event;

/** Residents' satisfaction with the result (rule E9). */
public enum Satisfaction {
  /** 满意. */
  SATISFIED,
  /** 基本满意. */
  BASICALLY_SATISFIED,
  /** 不满意. */
  DISSATISFIED
}
