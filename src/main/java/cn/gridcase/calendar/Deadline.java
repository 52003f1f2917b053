package cn.gridcase.calendar;

import java.time.OffsetDateTime;

/**
 * A deadline in working days (rule T2): the last second (23:59:59 Asia/Shanghai) of the N-th
 * working day after the calendar day of {@code from}. {@code provisional} when the count falls in,
 * or passes through, a year with no loaded holiday schedule (T3): it was counted on Mon–Fri only.
 */
public record Deadline(
    OffsetDateTime from, int workingDays, OffsetDateTime deadline, boolean provisional) {}
