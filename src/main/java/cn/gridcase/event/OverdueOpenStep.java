package cn.gridcase.event;

import java.time.OffsetDateTime;

/**
 * An open step of an event past its deadline ({@code due}), with what a supervisor's list shows of
 * the event (number, category, title) and where the step waits.
 *
 * @param taskKey {@code AcceptEventTask} or {@code HandleEventTask}
 */
public record OverdueOpenStep(
    String eventNumber,
    EventCategory category,
    String title,
    EventLevel level,
    String unitCode,
    String gridCode,
    String villageCode,
    String townshipCode,
    String departmentCode,
    String taskId,
    String taskName,
    String taskKey,
    String assignee,
    OffsetDateTime due) {}
