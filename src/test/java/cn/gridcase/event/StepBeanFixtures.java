package cn.gridcase.event;

import cn.gridcase.event.internal.Event;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Events as the step beans' unit tests need them, without a database. */
public final class StepBeanFixtures {

  static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-02T09:00:00+08:00");
  public static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-03T10:00:00+08:00");

  /**
   * The stored deadlines of the step: 2 and 5 working days after receipt (no holiday in between).
   */
  static final OffsetDateTime ACCEPT_BY = OffsetDateTime.parse("2026-11-04T23:59:59+08:00");

  public static final OffsetDateTime HANDLE_BY = OffsetDateTime.parse("2026-11-09T23:59:59+08:00");
  static final Clock CLOCK = Clock.fixed(NOW.toInstant(), ZoneOffset.UTC);

  private StepBeanFixtures() {}

  /**
   * An event at {@code level} in unit {@code unit}, reported by worker1 in grid GS-V01-G01,
   * accepted by worker1.
   */
  public static Event event(
      EventCategory category, EventLevel level, String unit, boolean lateHandlingMarked) {
    return new Event(
        7,
        "SJ-20261102-0001",
        category,
        "井盖缺失",
        "GS-V01-G01",
        "GS-V01",
        "GS",
        RECEIVED.minusHours(1),
        "村口",
        "村民",
        "井盖被盗",
        "路人险些跌倒",
        false,
        RECEIVED,
        "worker1",
        EventStatus.IN_HANDLING,
        level,
        unit,
        level == EventLevel.DEPARTMENT ? unit : null,
        false,
        false,
        null,
        null,
        null,
        null,
        List.of(),
        new Event.Step(
            RECEIVED,
            2,
            5,
            RECEIVED,
            "worker1",
            false,
            lateHandlingMarked,
            ACCEPT_BY,
            ACCEPT_BY.minusDays(1),
            false,
            HANDLE_BY,
            HANDLE_BY.minusDays(1),
            false,
            null,
            false,
            false),
        false);
  }

  public static Event hazardAtGrid() {
    return event(EventCategory.HAZARD, EventLevel.GRID, "GS-V01-G01", false);
  }
}
