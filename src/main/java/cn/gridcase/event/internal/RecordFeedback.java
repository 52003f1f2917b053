package cn.gridcase.event.internal;

import cn.gridcase.event.EventStep;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.StepRefused;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** 记录满意度并结案 ({@code RecordFeedbackTask}, E9): the residents' satisfaction closes the event. */
@Component
public class RecordFeedback {

  private final EventProcessSupport support;
  private final EventRepository events;

  public RecordFeedback(EventProcessSupport support, EventRepository events) {
    this.support = support;
    this.events = events;
  }

  /** E9 on what was submitted, whichever door it came through; refused with every problem. */
  public void check(Submitted<Feedback> submitted) {
    List<ApiError> errors = submitted.with(EventRules.checkFeedback(submitted.command()));
    if (!errors.isEmpty()) {
      throw new StepRefused("The feedback is incomplete", errors);
    }
  }

  /**
   * {@code ${recordFeedback.record(execution)}}: the feedback its listener checked and handed over.
   */
  public void record(DelegateExecution execution) {
    record(
        execution.getProcessBusinessKey(),
        HandOver.FEEDBACK.from(execution, "回访反馈"),
        HandOver.COMPLETED_STEP.from(execution, "回访反馈"));
  }

  void record(String number, Submitted<Feedback> submitted, CompletedStep completed) {
    Feedback feedback = submitted.command();
    Event event = support.eventOf(number);
    OffsetDateTime now = completed.at();
    events.close(event.id(), feedback.satisfaction(), feedback.comment(), now);
    events.addStep(
        event.id(),
        new EventStep(
            "FEEDBACK",
            event.level(),
            event.gridCode(),
            completed.actor(),
            now,
            null,
            false,
            feedback.satisfaction().name()
                + (feedback.comment() == null ? "" : "：" + feedback.comment())));
  }
}
