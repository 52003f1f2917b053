package cn.gridcase.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * A ranking of a township's grids or grid workers over a month or an ISO week (A9), sorted by rank
 * with the unranked last; {@code minEntries} is the township's minimum in force for the period.
 */
public record Ranking(
    String period,
    RankingScope scope,
    String townshipCode,
    LocalDate from,
    LocalDate to,
    int minEntries,
    List<RankingItem> items) {}
