package cn.gridcase.event;

import java.time.OffsetDateTime;

/** An event as its reporter's count of information entries sees it (A4 item 1). */
public record ReportedEvent(
    String number, EventCategory category, String gridCode, OffsetDateTime reportedAt) {}
