package cn.gridcase.accountability;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An accountability proposal the system raised (C3), with its evidence. For a late event step: how
 * many working days it ran late ({@code workingDaysLate}, until it ended or now), how many late
 * steps the subject had within the year before ({@code lateStepsInYear}, this one included), the
 * resulting {@code severity} and the measures the township's table suggests.
 */
public record Proposal(
    long id,
    String trigger,
    String subject,
    String subjectRole,
    String unitCode,
    String townshipCode,
    String eventNumber,
    String stepAction,
    String stepLevel,
    OffsetDateTime deadline,
    OffsetDateTime detectedAt,
    OffsetDateTime stepEndedAt,
    Integer workingDaysLate,
    Integer lateStepsInYear,
    Severity severity,
    List<Measure> suggestedMeasures,
    String clause,
    String evidence,
    String status,
    Long caseId,
    String decidedBy,
    OffsetDateTime decidedAt,
    String decisionReason) {}
