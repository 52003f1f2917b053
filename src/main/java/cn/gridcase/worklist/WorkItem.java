package cn.gridcase.worklist;

import java.time.OffsetDateTime;

/**
 * One open task of the caller: an event step ({@code eventNumber}) or, later, an accountability
 * case step ({@code caseId}). {@code provisional}: the due date reaches into a year without a
 * loaded holiday schedule (rule T3).
 */
public record WorkItem(
    String taskId,
    String name,
    String taskKey,
    String eventNumber,
    String caseId,
    OffsetDateTime due,
    boolean provisional,
    boolean overdue,
    String assignee,
    boolean claimable,
    OffsetDateTime created) {}
