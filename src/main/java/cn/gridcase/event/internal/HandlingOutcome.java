package cn.gridcase.event.internal;

import cn.gridcase.event.EventLevel;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a level ends its handling of an event (rules E3, E5): the routing flag the event process
 * reads after each level.
 */
public enum HandlingOutcome {
  /** 办结. */
  RESOLVE,
  /** 上报 to the next level; from a department: returned to the township center. */
  ESCALATE,
  /** 吹哨派单 to a department (township center only). */
  DISPATCH,
  /** 移交县级部门 (township center only). */
  REFER_COUNTY;

  /** The outcomes open at a level. */
  public static Set<HandlingOutcome> allowedAt(EventLevel level) {
    return switch (level) {
      case GRID, VILLAGE, DEPARTMENT -> EnumSet.of(RESOLVE, ESCALATE);
      case TOWNSHIP -> EnumSet.of(RESOLVE, DISPATCH, REFER_COUNTY);
      case COUNTY -> EnumSet.noneOf(HandlingOutcome.class);
    };
  }
}
