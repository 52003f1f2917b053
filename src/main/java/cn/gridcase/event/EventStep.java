package cn.gridcase.event;

import java.time.OffsetDateTime;

/**
 * One step of an event's history (rule E10): what was done ({@code action}), at which level and
 * unit, by whom, when, under which deadline, whether it was late, and a note (a reason, the
 * instructions of a dispatch, an urge's message).
 */
public record EventStep(
    String action,
    EventLevel level,
    String unitCode,
    String actor,
    OffsetDateTime at,
    OffsetDateTime deadline,
    boolean late,
    String note) {}
