package cn.gridcase.accountability;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An open step of an accountability case past its deadline (C6 investigation, C7 notice), as the
 * supervisors' overdue list shows it: the case's number, its township, the step, who holds it
 * ({@code assignee}, null while unclaimed) and who may take it ({@code investigators}). Nothing of
 * the case's content (subject, facts) is in it, so listing it is not a read of the case.
 *
 * @param taskKey {@code InvestigateCaseTask} or {@code NotifySubjectTask}
 */
public record OverdueCaseStep(
    long caseId,
    String townshipCode,
    String eventNumber,
    String taskId,
    String taskName,
    String taskKey,
    String assignee,
    List<String> investigators,
    OffsetDateTime due) {}
