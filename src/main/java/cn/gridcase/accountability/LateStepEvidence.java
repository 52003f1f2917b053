package cn.gridcase.accountability;

import java.time.OffsetDateTime;

/**
 * The facts of a step that ran past its deadline, as the event process saw them (rule C3: an
 * event handler who let an event run overdue).
 *
 * @param trigger {@code OVERDUE_ACCEPTANCE} or {@code OVERDUE_HANDLING}
 * @param subject the user held responsible (the acceptor, or the staff of the unit's queue when
 *     nobody had accepted), or null when the post was vacant
 * @param subjectRole the subject's role in the unit (GRID_WORKER, EVENT_HANDLER, SECTION_HEAD)
 */
public record LateStepEvidence(String trigger, String subject, String subjectRole, String unitCode,
    String townshipCode, String eventNumber, String stepAction, String stepLevel, OffsetDateTime deadline,
    OffsetDateTime detectedAt) {}
