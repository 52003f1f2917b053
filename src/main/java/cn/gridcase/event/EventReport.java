package cn.gridcase.event;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A report of an event (事件上报) as a grid worker or a handler enters it: the elements E2 asks for
 * (when, where, who, cause, course; for a dispute both parties with a phone).
 */
public record EventReport(EventCategory category, String gridCode, String title, OffsetDateTime occurredAt,
    String location, String persons, String cause, String course, List<Party> parties, Boolean major) {

  boolean isMajor() {
    return Boolean.TRUE.equals(major);
  }
}
