package cn.gridcase.event;

import java.time.OffsetDateTime;

/**
 * An open step of an event: the user task waiting at a unit, with its deadline ({@code due}).
 *
 * @param taskKey {@code accept}, {@code handle} or {@code feedback}
 */
public record OpenStep(String eventNumber, EventLevel level, String unitCode, String gridCode, String villageCode,
    String townshipCode, String departmentCode, String taskId, String taskName, String taskKey, String assignee,
    OffsetDateTime due) {}
