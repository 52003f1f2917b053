package cn.gridcase.event.internal;

import java.time.OffsetDateTime;

/**
 * How a user task of the event processes was completed, as its listener saw it: who acted, the
 * deadline the step ran under and when (E10). Handed to the service task that records the step, so
 * the check and the record judge lateness by the same instant.
 */
public record CompletedStep(String actor, OffsetDateTime due, OffsetDateTime at) {}
