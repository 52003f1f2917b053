package cn.gridcase.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * The time of GridCase: every domain time is in Asia/Shanghai, whatever the machine's zone, and
 * "now" is the process engine's clock, so that domain code and BPMN timers move together when the
 * clock is controlled (tests, demo clock).
 */
public final class GridCaseTime {

  /** The zone of every domain time (rule T1). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private GridCaseTime() {}

  /**
   * A moment as pages, notices and exports show it: {@code 2026-12-01 09:30}, Beijing time; "" for
   * none.
   */
  public static String minute(OffsetDateTime moment) {
    return moment == null ? "" : moment.atZoneSameInstant(ZONE).format(MINUTE);
  }

  /**
   * A moment read from the database (or the engine, e.g. a due date) as an offset time in {@link
   * #ZONE}; null stays null.
   */
  public static OffsetDateTime at(Date moment) {
    return moment == null ? null : OffsetDateTime.ofInstant(moment.toInstant(), ZONE);
  }

  /** The current moment of {@code clock} as an offset time in {@link #ZONE}. */
  public static OffsetDateTime now(Clock clock) {
    return OffsetDateTime.ofInstant(clock.instant(), ZONE);
  }
}
