package cn.gridcase.assessment;

import java.math.BigDecimal;

/**
 * One place of a ranking (A9): a grid ({@code code} its code, {@code username} its grid worker at
 * the end of the period) or a grid worker ({@code code} their grid). {@code onTimeRate} is the
 * share of the settled entries (closed, escalated or late; open ones left out) that were closed or
 * escalated within their limits, 0..1 with four decimals, null while none has settled. {@code rank}
 * is a competition rank (1, 2, 2, 4), null for an item below the township's minimum entries ({@code
 * ranked} false).
 */
public record RankingItem(
    Integer rank,
    String code,
    String username,
    String name,
    int entries,
    int countedEntries,
    int settledEntries,
    BigDecimal onTimeRate,
    boolean ranked) {}
