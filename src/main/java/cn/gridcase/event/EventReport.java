package cn.gridcase.event;

import cn.gridcase.event.internal.EventRules;
import cn.gridcase.platform.Text;
import cn.gridcase.platform.TextRules;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A report of an event (事件上报) as a grid worker or a handler enters it: the elements E2 asks for
 * (when, where, who, cause, course; for a dispute both parties with a phone), whether it is major
 * (E8) and whether it is a 进京非访 report (A2).
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
    Boolean major,
    Boolean beijingPetition) {

  /** A report without the 进京非访 mark (the mark is optional, default false). */
  public EventReport(
      EventCategory category,
      String gridCode,
      String title,
      OffsetDateTime occurredAt,
      String location,
      String persons,
      String cause,
      String course,
      List<Party> parties,
      Boolean major) {
    this(
        category,
        gridCode,
        title,
        occurredAt,
        location,
        persons,
        cause,
        course,
        parties,
        major,
        null);
  }

  public boolean isMajor() {
    return Boolean.TRUE.equals(major);
  }

  /**
   * 进京非访 (S2 四2): the report concerns people likely to petition in Beijing; its bonus is outside
   * the monthly cap (A2).
   */
  public boolean isBeijingPetition() {
    return Boolean.TRUE.equals(beijingPetition);
  }
}
