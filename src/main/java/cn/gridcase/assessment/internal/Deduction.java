package cn.gridcase.assessment.internal;

/**
 * One deduction from an A4 item: the item (1–7), the points in tenths, why, the records it comes
 * from ({@code evidence}: record ids, ISO weeks, dates, meetings), and whether the system counted
 * it ({@code SYSTEM}) or a reviewer found it ({@code REVIEWER}, with who).
 */
public record Deduction(
    int item, int tenths, String reason, String evidence, String source, String recordedBy) {

  static final String SYSTEM = "SYSTEM";
  static final String REVIEWER = "REVIEWER";

  static Deduction system(int item, int tenths, String reason, String evidence) {
    return new Deduction(item, tenths, reason, evidence, SYSTEM, null);
  }
}
