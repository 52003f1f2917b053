package cn.gridcase.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventStep;
import cn.gridcase.event.Satisfaction;
import cn.gridcase.event.StepBeanFixtures;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.StepRefused;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RecordFeedbackTests {

  private final EventProcessSupport support = mock(EventProcessSupport.class);
  private final EventRepository events = mock(EventRepository.class);
  private final RecordFeedback recordFeedback = new RecordFeedback(support, events);

  @Test
  @DisplayName("E9: the satisfaction closes the event and is recorded at the reporting grid")
  void closes() {
    Event event = StepBeanFixtures.event(EventCategory.HAZARD, EventLevel.TOWNSHIP, "GS", false);
    when(support.eventOf(event.number())).thenReturn(event);
    when(support.now()).thenReturn(StepBeanFixtures.NOW);

    recordFeedback.record(
        event.number(),
        Submitted.of(new Feedback(Satisfaction.SATISFIED, " 村民满意 ")),
        new CompletedStep("worker1", null, StepBeanFixtures.NOW));

    verify(events).close(7L, Satisfaction.SATISFIED, "村民满意", StepBeanFixtures.NOW);
    ArgumentCaptor<EventStep> step = ArgumentCaptor.forClass(EventStep.class);
    verify(events).addStep(eq(7L), step.capture());
    assertThat(step.getValue())
        .isEqualTo(
            new EventStep(
                "FEEDBACK",
                EventLevel.TOWNSHIP,
                "GS-V01-G01",
                "worker1",
                StepBeanFixtures.NOW,
                null,
                false,
                "SATISFIED：村民满意"));
  }

  @Test
  @DisplayName("E9: an unknown satisfaction is refused once, with its value")
  void unknownSatisfaction() {
    Map<String, Object> form = Map.of("satisfaction", "HAPPY");

    assertThatThrownBy(() -> recordFeedback.check(FeedbackVariables.read(form::get)))
        .isInstanceOfSatisfying(
            StepRefused.class,
            refused -> {
              assertThat(refused.errors())
                  .extracting(ApiError::code)
                  .containsExactly("E9.satisfaction");
              assertThat(refused.errors().get(0).message()).startsWith("'HAPPY'");
            });
  }
}
