package cn.gridcase.accountability;

import java.time.OffsetDateTime;

/** One step of a case: who did what, when, under which deadline, late or not. */
public record CaseStep(
    String action,
    String actor,
    OffsetDateTime at,
    OffsetDateTime deadline,
    boolean late,
    String note) {}
