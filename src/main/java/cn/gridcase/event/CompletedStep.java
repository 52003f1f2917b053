package cn.gridcase.event;

import java.time.OffsetDateTime;

/**
 * How a user task of the event processes was completed, as its listener saw it: who acted and the
 * deadline the step ran under (E10). Handed to the service task that records the step.
 */
record CompletedStep(String actor, OffsetDateTime due) {}
