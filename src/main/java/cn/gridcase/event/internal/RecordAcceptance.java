package cn.gridcase.event.internal;

import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventStep;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 记录受理 ({@code RecordAcceptanceTask}): the unit accepted the event (受理; for a department 报到承接),
 * E10.
 */
@Component
public class RecordAcceptance {

  private final EventProcessSupport support;
  private final EventRepository events;
  private final StepLateness lateness;
  private final StepDeadlines stepDeadlines;

  public RecordAcceptance(
      EventProcessSupport support,
      EventRepository events,
      StepLateness lateness,
      StepDeadlines stepDeadlines) {
    this.support = support;
    this.events = events;
    this.lateness = lateness;
    this.stepDeadlines = stepDeadlines;
  }

  /**
   * {@code ${recordAcceptance.record(execution)}}: the acceptance its listener handed over. The
   * handling deadline is computed now, once, stored on the step (E4, E6) and handed to the handling
   * task and its timers as variables of the level's instance.
   */
  public void record(DelegateExecution execution) {
    record(execution, HandOver.COMPLETED_STEP.from(execution, "受理事件"));
  }

  void record(DelegateExecution execution, CompletedStep completed) {
    String number = execution.getProcessBusinessKey();
    Event event = support.eventOf(number);
    EventLevel level = event.level();
    OffsetDateTime now = completed.at();
    boolean late = lateness.settle(event, "ACCEPT", completed.due(), now);
    StepDeadlines.Limit handling =
        stepDeadlines.accepted(event, execution.getProcessInstanceId(), now, completed.actor());
    stepDeadlines.handToHandlingTask(execution, event.unitCode(), completed.actor(), handling);
    events.addStep(
        event.id(),
        new EventStep(
            "ACCEPTED",
            level,
            event.unitCode(),
            completed.actor(),
            now,
            completed.due(),
            late,
            level == EventLevel.DEPARTMENT ? "报到承接" : null));
  }
}
