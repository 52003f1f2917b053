package cn.gridcase.calendar;

import cn.gridcase.calendar.internal.WorkdaysExpression;
import org.springframework.stereotype.Component;

/**
 * The expression bean {@code workdays} for BPMN models: a timer or a user task's due date written
 * {@code ${workdays.from(acceptedAt, 5)}} is due 5 working days after the moment held by the
 * variable {@code acceptedAt} (rule T2). The result is a working-day expression that the engine's
 * business calendar resolves, so the deadline is remembered and recomputed when a holiday schedule
 * changes (T3).
 */
@Component("workdays")
public class Workdays {

  /**
   * N working days after {@code moment} (a Date, OffsetDateTime, ZonedDateTime, Instant or ISO
   * string).
   */
  public String from(Object moment, int workingDays) {
    return WorkdaysExpression.format(moment, workingDays);
  }

  /**
   * N working days after the moment the timer or task is created (same as writing {@code
   * workdays:N}).
   */
  public String after(int workingDays) {
    return WorkdaysExpression.PREFIX + workingDays;
  }
}
