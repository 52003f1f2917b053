package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.EntryOutcome;
import cn.gridcase.assessment.PayEarning;
import cn.gridcase.assessment.PayLine;
import cn.gridcase.assessment.PaySettings;
import cn.gridcase.assessment.PayStatement;
import cn.gridcase.assessment.QuarterPay;
import cn.gridcase.event.EventCategory;
import cn.gridcase.platform.Text;
import cn.gridcase.platform.TextRules;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON of pay (docs/api.md, Assessment and pay): amounts as yuan numbers, two decimals. */
final class PayJson {

  private PayJson() {}

  /** {@code GET /api/assessment/pay/{username}/{yyyy-MM}}. */
  record Statement(
      String username,
      String name,
      String gridCode,
      String month,
      boolean provisional,
      int entries,
      int countedEntries,
      BigDecimal base,
      BigDecimal deductions,
      BigDecimal bonus,
      BigDecimal total,
      List<Line> lines) {

    static Statement of(PayStatement s) {
      return new Statement(
          s.username(),
          s.name(),
          s.gridCode(),
          s.month().toString(),
          s.provisional(),
          s.entries(),
          s.countedEntries(),
          Money.yuanNumber(s.baseFen()),
          Money.yuanNumber(s.deductionFen()),
          Money.yuanNumber(s.bonusFen()),
          Money.yuanNumber(s.totalFen()),
          s.lines().stream().map(Line::of).toList());
    }
  }

  record Line(
      String eventNumber,
      EventCategory category,
      boolean major,
      boolean beijingPetition,
      OffsetDateTime reportedAt,
      EntryOutcome outcome,
      boolean counted,
      PayEarning earns,
      BigDecimal amount,
      String note) {

    static Line of(PayLine l) {
      return new Line(
          l.eventNumber(),
          l.category(),
          l.major(),
          l.beijingPetition(),
          l.reportedAt(),
          l.outcome(),
          l.counted(),
          l.earns(),
          Money.yuanNumber(l.amountFen()),
          l.note());
    }
  }

  /** One row of the month's sheet: a grid worker's statement without its lines. */
  record Row(
      String username,
      String name,
      String gridCode,
      boolean provisional,
      int entries,
      int countedEntries,
      BigDecimal base,
      BigDecimal deductions,
      BigDecimal bonus,
      BigDecimal total) {

    static Row of(PayStatement s) {
      return new Row(
          s.username(),
          s.name(),
          s.gridCode(),
          s.provisional(),
          s.entries(),
          s.countedEntries(),
          Money.yuanNumber(s.baseFen()),
          Money.yuanNumber(s.deductionFen()),
          Money.yuanNumber(s.bonusFen()),
          Money.yuanNumber(s.totalFen()));
    }
  }

  /** {@code GET /api/assessment/pay?townshipCode=&month=}: the month's sheet. */
  record Sheet(
      String townshipCode,
      String month,
      boolean provisional,
      Settings settings,
      List<Row> items,
      BigDecimal total) {

    static Sheet of(String townshipCode, String month, PaySettings s, List<PayStatement> rows) {
      return new Sheet(
          townshipCode,
          month,
          rows.stream().anyMatch(PayStatement::provisional),
          Settings.of(s),
          rows.stream().map(Row::of).toList(),
          Money.yuanNumber(rows.stream().mapToLong(PayStatement::totalFen).sum()));
    }
  }

  /** One month of a quarter row. */
  record Month(String month, int countedEntries, BigDecimal total) {}

  /** One row of the quarter's payment sheet: the sum of the three months as paid (A2). */
  record QuarterRow(
      String username,
      String name,
      String gridCode,
      int entries,
      int countedEntries,
      BigDecimal base,
      BigDecimal deductions,
      BigDecimal bonus,
      BigDecimal total,
      List<Month> months) {

    static QuarterRow of(QuarterPay q) {
      return new QuarterRow(
          q.username(),
          q.name(),
          q.gridCode(),
          q.entries(),
          q.countedEntries(),
          Money.yuanNumber(q.baseFen()),
          Money.yuanNumber(q.deductionFen()),
          Money.yuanNumber(q.bonusFen()),
          Money.yuanNumber(q.totalFen()),
          q.months().stream()
              .map(
                  m ->
                      new Month(
                          m.month().toString(), m.countedEntries(), Money.yuanNumber(m.totalFen())))
              .toList());
    }
  }

  /** {@code GET /api/assessment/pay?townshipCode=&quarter=}: the quarter's payment. */
  record QuarterSheet(
      String townshipCode,
      String quarter,
      boolean quarterOver,
      List<QuarterRow> items,
      BigDecimal total) {

    static QuarterSheet of(
        String townshipCode, String quarter, boolean over, List<QuarterPay> rows) {
      return new QuarterSheet(
          townshipCode,
          quarter,
          over,
          rows.stream().map(QuarterRow::of).toList(),
          Money.yuanNumber(rows.stream().mapToLong(QuarterPay::totalFen).sum()));
    }
  }

  /** The settings as officials read them (yuan, percentages). */
  record Settings(
      String effectiveFrom,
      BigDecimal base,
      int deductionRate,
      int threshold,
      int maxDeduction,
      BigDecimal bonusClosed,
      BigDecimal bonusEscalated,
      BigDecimal cap,
      int minRankedEntries,
      String changedBy,
      OffsetDateTime changedAt,
      String reason) {

    static Settings of(PaySettings s) {
      return new Settings(
          s.effectiveFrom() == null ? null : s.effectiveFrom().toString(),
          Money.yuanNumber(s.baseFen()),
          s.deductionPercent(),
          s.threshold(),
          s.maxDeductionPercent(),
          Money.yuanNumber(s.bonusClosedFen()),
          Money.yuanNumber(s.bonusEscalatedFen()),
          Money.yuanNumber(s.capFen()),
          s.minRankedEntries(),
          s.changedBy(),
          s.changedAt(),
          s.reason());
    }
  }

  /**
   * {@code GET /api/admin/townships/{code}/pay-settings}: in force this month, in force next month
   * (a change already recorded for it shows here), and every change newest first.
   */
  record SettingsView(
      String townshipCode,
      String currentMonth,
      Settings current,
      Settings next,
      List<Settings> history) {}

  /** {@code PUT /api/admin/townships/{code}/pay-settings}: every value, and why. */
  record SettingsChange(
      BigDecimal base,
      Integer deductionRate,
      Integer threshold,
      Integer maxDeduction,
      BigDecimal bonusClosed,
      BigDecimal bonusEscalated,
      BigDecimal cap,
      Integer minRankedEntries,
      @Text(max = 7) String effectiveFrom,
      @Text(max = TextRules.NOTE_MAX, multiLine = true) String reason) {}
}
