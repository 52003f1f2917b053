package cn.gridcase.event;

/** The filters of the event list; null means "any". */
public record EventFilter(EventStatus status, EventLevel level, String gridCode, Boolean overdue) {}
