package cn.gridcase.event.internal;

import cn.gridcase.event.LateStepEnded;
import cn.gridcase.event.StepStage;
import java.time.OffsetDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Whether a step ends late, and what ending late means (E4, C3): the one place the acceptance and
 * the handling step (and their listeners) ask it.
 */
@Component
public class StepLateness {

  private final EventDeadlineWatch deadlineWatch;
  private final ApplicationEventPublisher domainEvents;

  public StepLateness(EventDeadlineWatch deadlineWatch, ApplicationEventPublisher domainEvents) {
    this.deadlineWatch = deadlineWatch;
    this.domainEvents = domainEvents;
  }

  public boolean isLate(OffsetDateTime moment, OffsetDateTime due) {
    return due != null && moment.isAfter(due);
  }

  /**
   * The step of {@code stage} (ACCEPT or HANDLE) ends at {@code now} under {@code due}: when late
   * and the timer's job has not run yet, it is marked as the timer would have; a late step's end is
   * published ({@link LateStepEnded}) so its proposal learns when the lateness ended. Returns
   * whether the step was late.
   */
  public boolean settle(Event event, String stage, OffsetDateTime due, OffsetDateTime now) {
    boolean late = isLate(now, due);
    boolean marked =
        stage.equals("ACCEPT")
            ? event.step().lateAcceptanceMarked()
            : event.step().lateHandlingMarked();
    if (late) {
      if (!marked) {
        // completed late before the timer's job ran: mark it as the timer would have
        deadlineWatch.overdue(event, stage, due, now);
      }
      domainEvents.publishEvent(
          new LateStepEnded(event.number(), StepStage.valueOf(stage), event.level(), now));
    } else if (marked) {
      // in time by E4 but late against a 督办 (S1): that proposal's lateness is fixed now too
      domainEvents.publishEvent(
          new LateStepEnded(event.number(), StepStage.valueOf(stage), event.level(), now));
    }
    return late;
  }
}
