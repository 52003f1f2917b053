package cn.gridcase.accountability;

import java.time.OffsetDateTime;

/** An accountability proposal the system raised (C3), with its evidence. */
public record Proposal(long id, String trigger, String subject, String subjectRole, String unitCode,
    String townshipCode, String eventNumber, String stepAction, String stepLevel, OffsetDateTime deadline,
    OffsetDateTime detectedAt, String evidence, String status) {}
