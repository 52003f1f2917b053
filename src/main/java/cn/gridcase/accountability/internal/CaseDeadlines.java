package cn.gridcase.accountability.internal;

import cn.gridcase.calendar.Workdays;
import cn.gridcase.calendar.WorkingDays;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * The case's limits (C6: 10 working days after opening, plus the extension; C7: 3 after the
 * decision).
 */
@Component
public class CaseDeadlines {

  public static final int INVESTIGATION_DAYS = 10;
  static final int NOTICE_DAYS = 3;

  private final WorkingDays workingDays;
  private final Workdays workdays;

  CaseDeadlines(WorkingDays workingDays, Workdays workdays) {
    this.workingDays = workingDays;
    this.workdays = workdays;
  }

  private static int investigationDays(CaseRecord c) {
    return INVESTIGATION_DAYS + (c.extensionDays() == null ? 0 : c.extensionDays());
  }

  public OffsetDateTime investigation(CaseRecord c) {
    return workingDays.deadline(c.openedAt(), investigationDays(c)).deadline();
  }

  /** The investigation's limit as the engine's working-day expression (timer and due date). */
  String investigationExpression(CaseRecord c) {
    return workdays.from(c.openedAt(), investigationDays(c));
  }

  OffsetDateTime notice(CaseRecord c) {
    return workingDays.deadline(c.decidedAt(), NOTICE_DAYS).deadline();
  }

  String noticeExpression(CaseRecord c) {
    return workdays.from(c.decidedAt(), NOTICE_DAYS);
  }
}
