package cn.gridcase.platform.time;

import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A {@link Clock} that reads the process engine's clock ({@link ClockUtil}), so the domain's "now"
 * and the engine's timers are always the same moment. Zone: Asia/Shanghai.
 */
final class EngineClock extends Clock {

  private final ZoneId zone;

  EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public String toString() {
    return "EngineClock[" + zone + "]";
  }

  static EngineClock gridCaseClock() {
    return new EngineClock(GridCaseTime.ZONE);
  }
}
