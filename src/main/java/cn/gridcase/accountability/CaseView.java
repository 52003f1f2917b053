package cn.gridcase.accountability;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An accountability case as API clients see it (docs/api.md, Accountability). {@code investigateBy}
 * and {@code notifyBy} are the deadlines of the open task (C6, C7); the overdue flags stay true for
 * ever once a deadline passed. {@code talkConductors}: who holds a decided talk (C5; the
 * investigators, with {@code talkConductorsVacant}, when nobody holds the role), {@code talkHeldOn}
 * and {@code talkRecord} once it was held.
 */
public record CaseView(
    long id,
    String townshipCode,
    String subject,
    String subjectRole,
    String subjectUnit,
    String clause,
    String facts,
    String eventNumber,
    Long proposalId,
    CaseStatus status,
    String openedBy,
    OffsetDateTime openedAt,
    List<String> investigators,
    OffsetDateTime investigateBy,
    boolean extended,
    Integer extensionDays,
    String extensionReason,
    OffsetDateTime notifyBy,
    boolean overdueInvestigation,
    boolean overdueNotification,
    List<Circumstance> detectedAggravating,
    String findings,
    List<Measure> measures,
    List<Circumstance> mitigating,
    List<Circumstance> aggravating,
    String reasoning,
    String talkConductor,
    OffsetDateTime decidedAt,
    String decidedBy,
    OffsetDateTime notifiedAt,
    String notificationChannel,
    String executionNote,
    List<String> talkConductors,
    boolean talkConductorsVacant,
    LocalDate talkHeldOn,
    String talkRecord,
    List<CaseStep> steps) {}
