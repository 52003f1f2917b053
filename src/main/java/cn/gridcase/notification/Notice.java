package cn.gridcase.notification;

/**
 * One message to people: what kind it is, a short title, the text and, where it concerns an event,
 * the event's number.
 */
public record Notice(NoticeKind kind, String title, String body, String eventNumber) {}
