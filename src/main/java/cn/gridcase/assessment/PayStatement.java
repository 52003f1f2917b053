package cn.gridcase.assessment;

import java.time.YearMonth;
import java.util.List;

/**
 * A grid worker's monthly pay statement (A1–A3), amounts in fen: the base pay less the deduction
 * for counted entries short of the threshold, plus the bonus, every line one entry in report order.
 * {@code provisional} while an entry is still open within its limit or the month is still running;
 * a statement as paid with the quarter is never provisional (an entry still open then counts as not
 * counted, A1).
 */
public record PayStatement(
    String username,
    String name,
    String gridCode,
    YearMonth month,
    boolean provisional,
    int entries,
    int countedEntries,
    long baseFen,
    long deductionFen,
    long bonusFen,
    long totalFen,
    List<PayLine> lines) {}
