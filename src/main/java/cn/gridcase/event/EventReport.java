package cn.gridcase.event;

import cn.gridcase.event.internal.EventRules;
import cn.gridcase.platform.Text;
import cn.gridcase.platform.TextRules;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A report of an event (事件上报) as a grid worker or a handler enters it: the elements E2 asks for
 * (when, where, who, cause, course; for a dispute both parties with a phone).
 */
public record EventReport(
    EventCategory category,
    @Text(max = 64) String gridCode,
    @Text(max = EventRules.TITLE_MAX) String title,
    OffsetDateTime occurredAt,
    @Text(max = EventRules.LOCATION_MAX) String location,
    @Text(max = EventRules.PERSONS_MAX, multiLine = true) String persons,
    @Text(max = TextRules.LONG_MAX, multiLine = true) String cause,
    @Text(max = TextRules.LONG_MAX, multiLine = true) String course,
    List<Party> parties,
    Boolean major) {

  public boolean isMajor() {
    return Boolean.TRUE.equals(major);
  }
}
