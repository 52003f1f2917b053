package cn.gridcase.event;

import java.time.OffsetDateTime;

/**
 * Domain event: a step that had run late was done at last (accepted, or its handling ended), so how
 * late it ran is now fixed (C3). Published in the transaction that records the step.
 */
public record LateStepEnded(
    String eventNumber, StepStage stage, EventLevel level, OffsetDateTime endedAt) {}
