package cn.gridcase.assessment;

import cn.gridcase.event.EventCategory;
import java.time.OffsetDateTime;

/**
 * One entry on a pay statement (A1–A3), in report order: its event, whether it is major or a 进京非访
 * report, when it was reported, how it ended at the grid, whether it counts, what it earns ({@code
 * amountFen}: the bonus in fen, 0 for base and uncounted lines) and why, in Chinese.
 */
public record PayLine(
    String eventNumber,
    EventCategory category,
    boolean major,
    boolean beijingPetition,
    OffsetDateTime reportedAt,
    EntryOutcome outcome,
    boolean counted,
    PayEarning earns,
    long amountFen,
    String note) {}
