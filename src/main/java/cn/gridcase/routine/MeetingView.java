package cn.gridcase.routine;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A meeting held, as {@code /api/meetings} answers it: the unit, the kind, when it was held, the
 * minutes, the obligation it fulfilled (null for a training or an extra meeting) with its period
 * and whether it was held late (after the obligation's due moment), who recorded it when, and the
 * attendance of every expected attendee; {@code reportsMissing}: whose written report was missing.
 */
public record MeetingView(
    long id,
    String unitCode,
    String unitName,
    String townshipCode,
    MeetingKind kind,
    String kindLabel,
    OffsetDateTime heldAt,
    String minutes,
    Long obligationId,
    String period,
    boolean heldLate,
    String recordedBy,
    OffsetDateTime recordedAt,
    List<Attendance> attendance,
    List<String> reportsMissing) {

  /** One attendee: login, name (family name first), status and its Chinese name. */
  public record Attendance(
      String username,
      String name,
      MeetingAttendanceStatus status,
      String statusLabel,
      boolean reportMissing) {}
}
