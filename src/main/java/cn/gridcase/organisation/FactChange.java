package cn.gridcase.organisation;

import java.time.OffsetDateTime;

/**
 * One change of a G5 fact on a person's file (Flyway V10): who changed it, when, from what to what
 * and why. Never updated or deleted.
 */
public record FactChange(
    long id,
    long personId,
    PersonFact fact,
    String oldValue,
    String newValue,
    String reason,
    String changedBy,
    OffsetDateTime changedAt) {}
