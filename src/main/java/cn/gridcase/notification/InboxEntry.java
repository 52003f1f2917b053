package cn.gridcase.notification;

import java.time.OffsetDateTime;

/** A notice in one user's inbox. */
public record InboxEntry(
    long id,
    NoticeKind kind,
    String title,
    String body,
    String eventNumber,
    OffsetDateTime createdAt,
    OffsetDateTime readAt) {}
