package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.EntryOutcome;
import cn.gridcase.assessment.PayEarning;
import cn.gridcase.assessment.PayLine;
import cn.gridcase.assessment.PaySettings;
import cn.gridcase.event.GridEntry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The month's pay from its entries (A1–A3), without Spring: pure arithmetic on the entries' grid
 * facts and the township's settings.
 *
 * <ul>
 *   <li>An entry counts when the grid closed or escalated it within its limits (a major event is
 *       reported to the township at once, E8: escalated on time); late at the grid, it counts for
 *       nothing (A3); still open within its limit it does not count yet and the statement is
 *       provisional — or, as paid with the quarter, it counts as not counted (A1).
 *   <li>Base: full at {@code threshold} counted entries; each counted entry short of it deducts
 *       {@code deductionPercent} of the base, at most {@code maxDeductionPercent} (rounded down to
 *       the fen).
 *   <li>Bonus, in report order: the first {@code threshold} counted entries earn the base, each
 *       later one {@code bonusClosedFen} if closed, {@code bonusEscalatedFen} if escalated; the
 *       capped ones together at most {@code capFen} (the one that reaches the cap earns what is
 *       left of it); major entries and 进京非访 reports are outside the cap (A2).
 * </ul>
 */
public final class PayCalculation {

  private PayCalculation() {}

  /** The calculated month: totals in fen and one line per entry in report order. */
  public record Result(
      boolean provisional,
      int entries,
      int countedEntries,
      long baseFen,
      long deductionFen,
      long bonusFen,
      long totalFen,
      List<PayLine> lines) {}

  /**
   * @param entries the grid worker's entries of the month (E1's three categories, in their own
   *     grid), any order
   * @param now the moment the statement is made: an open entry past its deadline at {@code now} is
   *     late
   * @param paid as paid with the quarter: an entry still open counts as not counted
   * @param monthOver whether the month has ended (a running month is provisional)
   */
  public static Result compute(
      List<GridEntry> entries,
      PaySettings settings,
      OffsetDateTime now,
      boolean paid,
      boolean monthOver) {
    List<GridEntry> ordered =
        entries.stream()
            .sorted(Comparator.comparing(GridEntry::reportedAt).thenComparing(GridEntry::number))
            .toList();
    List<PayLine> lines = new ArrayList<>();
    int counted = 0;
    boolean open = false;
    long cappedBonus = 0;
    long bonus = 0;
    for (GridEntry entry : ordered) {
      EntryOutcome outcome = outcome(entry, now);
      boolean counts = outcome == EntryOutcome.CLOSED || outcome == EntryOutcome.ESCALATED;
      if (!counts) {
        open |= outcome == EntryOutcome.OPEN;
        lines.add(line(entry, outcome, false, PayEarning.NONE, 0, uncounted(entry, outcome, paid)));
        continue;
      }
      counted++;
      String how = counts(entry, outcome);
      if (counted <= settings.threshold()) {
        lines.add(
            line(entry, outcome, true, PayEarning.BASE, 0, how + "，第" + counted + "件计件，计入基本报酬"));
        continue;
      }
      long amount =
          outcome == EntryOutcome.CLOSED ? settings.bonusClosedFen() : settings.bonusEscalatedFen();
      String beyond = how + "，第" + counted + "件计件（超过" + settings.threshold() + "件）";
      if (entry.major() || entry.beijingPetition()) {
        bonus += amount;
        String why = entry.major() ? "重大事件" : "进京非访信息";
        lines.add(
            line(
                entry,
                outcome,
                true,
                amount > 0 ? PayEarning.BONUS : PayEarning.NONE,
                amount,
                beyond + "，奖励" + Money.yuan(amount) + "元（" + why + "，不受每月奖励上限限制）"));
        continue;
      }
      long room = Math.max(0, settings.capFen() - cappedBonus);
      long paidHere = Math.min(amount, room);
      cappedBonus += paidHere;
      bonus += paidHere;
      String note;
      if (paidHere == amount) {
        note = beyond + "，奖励" + Money.yuan(amount) + "元";
      } else if (paidHere > 0) {
        note =
            beyond
                + "，奖励"
                + Money.yuan(paidHere)
                + "元（达到每月奖励上限"
                + Money.yuan(settings.capFen())
                + "元）";
      } else {
        note = beyond + "，每月奖励已达上限" + Money.yuan(settings.capFen()) + "元，不再奖励";
      }
      lines.add(
          line(
              entry,
              outcome,
              true,
              paidHere > 0 ? PayEarning.BONUS : PayEarning.NONE,
              paidHere,
              note));
    }
    long base = settings.baseFen();
    int shortBy = Math.max(0, settings.threshold() - counted);
    long percent =
        Math.min((long) shortBy * settings.deductionPercent(), settings.maxDeductionPercent());
    long deduction = base * percent / 100;
    boolean provisional = !paid && (open || !monthOver);
    return new Result(
        provisional,
        ordered.size(),
        counted,
        base,
        deduction,
        bonus,
        base - deduction + bonus,
        List.copyOf(lines));
  }

  /** How the grid ended the entry, as of {@code now}. */
  public static EntryOutcome outcome(GridEntry entry, OffsetDateTime now) {
    if (entry.gridLate()) {
      return EntryOutcome.LATE;
    }
    if (GridEntry.RESOLVED.equals(entry.gridEnd())) {
      return EntryOutcome.CLOSED;
    }
    if (GridEntry.ESCALATED.equals(entry.gridEnd())) {
      return EntryOutcome.ESCALATED;
    }
    if (entry.major()) {
      return EntryOutcome.ESCALATED;
    }
    if (entry.openDeadline() != null && now.isAfter(entry.openDeadline())) {
      return EntryOutcome.LATE;
    }
    return EntryOutcome.OPEN;
  }

  private static String counts(GridEntry entry, EntryOutcome outcome) {
    if (entry.major() && entry.gridEnd() == null) {
      return "重大事件直接报送镇综治中心，视为按期上报";
    }
    return outcome == EntryOutcome.CLOSED ? "网格内按期办结" : "按期上报上级";
  }

  private static String uncounted(GridEntry entry, EntryOutcome outcome, boolean paid) {
    if (outcome == EntryOutcome.LATE) {
      if (entry.gridLate()) {
        return "未在期限内受理、办结或上报（超期），不计基本报酬也不计奖励";
      }
      return "已过期限" + Money.day(entry.openDeadline()) + "仍未办结或上报（超期），不计基本报酬也不计奖励";
    }
    String due = entry.openDeadline() == null ? "" : "（期限" + Money.day(entry.openDeadline()) + "）";
    return paid ? "季度结算时仍未办结或上报" + due + "，按不计件处理" : "办理中" + due + "，尚未计件，本月报酬为暂定";
  }

  private static PayLine line(
      GridEntry entry,
      EntryOutcome outcome,
      boolean counted,
      PayEarning earns,
      long amountFen,
      String note) {
    return new PayLine(
        entry.number(),
        entry.category(),
        entry.major(),
        entry.beijingPetition(),
        entry.reportedAt(),
        outcome,
        counted,
        earns,
        amountFen,
        note);
  }
}
