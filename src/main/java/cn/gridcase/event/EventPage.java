package cn.gridcase.event;

import java.util.List;

/** One page of the event list. */
public record EventPage(List<EventView> items, long total, int page, int size) {}
