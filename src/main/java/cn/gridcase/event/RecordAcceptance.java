package cn.gridcase.event;

import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** 记录受理 ({@code RecordAcceptanceTask}): the unit accepted the event (受理; for a department 报到承接), E10. */
@Component
public class RecordAcceptance {

  private final EventProcessSupport support;
  private final EventRepository events;
  private final StepLateness lateness;

  RecordAcceptance(EventProcessSupport support, EventRepository events, StepLateness lateness) {
    this.support = support;
    this.events = events;
    this.lateness = lateness;
  }

  /** {@code ${recordAcceptance.record(execution)}}: the acceptance its listener handed over. */
  public void record(DelegateExecution execution) {
    record(execution.getProcessBusinessKey(), HandOver.COMPLETED_STEP.from(execution, "受理事件"));
  }

  void record(String number, CompletedStep completed) {
    Event event = support.eventOf(number);
    EventLevel level = event.level();
    OffsetDateTime now = completed.at();
    boolean late = lateness.settle(event, "ACCEPT", completed.due(), now);
    events.stepAccepted(event.id(), now, completed.actor());
    events.addStep(event.id(), new EventStep("ACCEPTED", level, event.unitCode(), completed.actor(), now,
        completed.due(), late, level == EventLevel.DEPARTMENT ? "报到承接" : null));
  }
}
