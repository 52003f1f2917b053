package cn.gridcase.routine;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A meeting a unit has to hold in a period (S2, S3): due by the end of the period's last working
 * day ({@code dueProvisional} when that falls in a year without a holiday schedule, T3), {@code
 * overdue} for ever once its deadline passed while it was open, {@code OPEN} until a meeting is
 * recorded for it ({@code HELD}, {@code heldLate} when recorded after the deadline), with its open
 * user task while there is one.
 */
public record MeetingObligationView(
    long id,
    String unitCode,
    String unitName,
    String townshipCode,
    String villageCode,
    String gridCode,
    MeetingKind kind,
    String kindLabel,
    String rule,
    String period,
    String periodLabel,
    LocalDate periodStart,
    LocalDate periodEnd,
    OffsetDateTime due,
    boolean dueProvisional,
    String status,
    boolean overdue,
    OffsetDateTime overdueAt,
    boolean heldLate,
    Long meetingId,
    String taskId,
    String taskName,
    OffsetDateTime openedAt) {}
