package cn.gridcase.calendar;

import java.util.Collection;
import java.util.Map;

/**
 * A feature that keeps working-day deadlines on its own rows (an event's open step keeps its
 * acceptance and handling deadlines, issue 12 A4) and registers them with {@link
 * EngineDeadlines#rememberStored}: when a year's schedule is loaded (T3) the recompute reads and
 * moves them here, together with the timers and due dates that were set from them.
 */
public interface StoredDeadlines {

  /**
   * The prefix of every key this feature registers, e.g. {@code event:}; one feature per prefix.
   */
  String prefix();

  /**
   * The value now kept under each key, as epoch milliseconds, for the keys whose deadline is still
   * pending; a key whose step has moved on is absent (its registration is then forgotten).
   */
  Map<String, Long> current(Collection<String> keys);

  /** Keeps the recomputed deadlines (date and provisional flag) under their keys. */
  void move(Map<String, Deadline> moved);
}
