package cn.gridcase.event.internal;

import cn.gridcase.event.EventLevel;

/**
 * A township's time limits for events, in working days (rules E4, E6; defaults in
 * docs/processes.md): every level accepts within {@code acceptance} working days of receiving the
 * event; handling runs from acceptance for the level's limit.
 */
public record TimeLimits(int acceptance, int grid, int village, int township, int department) {

  public static final TimeLimits DEFAULTS = new TimeLimits(2, 5, 3, 2, 5);

  /** The handling limit of a level. */
  public int handling(EventLevel level) {
    return switch (level) {
      case GRID -> grid;
      case VILLAGE -> village;
      case TOWNSHIP -> township;
      case DEPARTMENT -> department;
      case COUNTY ->
          throw new IllegalArgumentException("the county's limits are not the township's");
    };
  }
}
