package cn.gridcase.event;

import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/** 记录受理 ({@code RecordAcceptanceTask}): the unit accepted the event (受理; for a department 报到承接), E10. */
@Component
public class RecordAcceptance {

  private final EventProcessSupport support;
  private final EventRepository events;
  private final StepLateness lateness;
  private final StepDeadlines stepDeadlines;

  RecordAcceptance(EventProcessSupport support, EventRepository events, StepLateness lateness,
      StepDeadlines stepDeadlines) {
    this.support = support;
    this.events = events;
    this.lateness = lateness;
    this.stepDeadlines = stepDeadlines;
  }

  /**
   * {@code ${recordAcceptance.record(execution.processBusinessKey, execution.processInstanceId, completedStep)}}:
   * the handling deadline is computed now, once, and stored on the step (E4, E6).
   */
  public void record(String number, String processInstanceId, CompletedStep completed) {
    Event event = support.eventOf(number);
    EventLevel level = event.level();
    OffsetDateTime now = support.now();
    boolean late = lateness.settle(event, "ACCEPT", completed.due(), now);
    stepDeadlines.accepted(event, processInstanceId, now, completed.actor());
    events.addStep(event.id(), new EventStep("ACCEPTED", level, event.unitCode(), completed.actor(), now,
        completed.due(), late, level == EventLevel.DEPARTMENT ? "报到承接" : null));
  }
}
