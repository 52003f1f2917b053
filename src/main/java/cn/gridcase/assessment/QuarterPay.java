package cn.gridcase.assessment;

import java.util.List;

/**
 * A grid worker's quarterly payment (A2: base and bonus are paid quarterly, the sum of the
 * quarter's three months as paid): the months they were grid worker in, each as paid, and the sums
 * in fen. {@code quarterOver} is false while the quarter is still running (the figures are then
 * what would be paid today).
 */
public record QuarterPay(
    String username,
    String name,
    String gridCode,
    String quarter,
    boolean quarterOver,
    int entries,
    int countedEntries,
    long baseFen,
    long deductionFen,
    long bonusFen,
    long totalFen,
    List<PayStatement> months) {}
