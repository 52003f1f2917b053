package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RecordAcceptanceTests {

  private final EventProcessSupport support = mock(EventProcessSupport.class);
  private final EventRepository events = mock(EventRepository.class);
  private final StepLateness lateness = mock(StepLateness.class);
  private final RecordAcceptance recordAcceptance = new RecordAcceptance(support, events, lateness);

  @Test
  @DisplayName("E4/E10: a department's late 报到承接 is recorded with who, when, the deadline and the late flag")
  void lateDepartmentAcceptance() {
    Event event = StepBeanFixtures.event(EventCategory.HAZARD, EventLevel.DEPARTMENT, "DEPT-SAFETY", false);
    when(support.eventOf(event.number())).thenReturn(event);
    when(support.now()).thenReturn(StepBeanFixtures.NOW);
    OffsetDateTime due = StepBeanFixtures.NOW.minusDays(1);
    when(lateness.settle(event, "ACCEPT", due, StepBeanFixtures.NOW)).thenReturn(true);

    recordAcceptance.record(event.number(), new CompletedStep("safety1", due, StepBeanFixtures.NOW));

    verify(events).stepAccepted(7L, StepBeanFixtures.NOW, "safety1");
    ArgumentCaptor<EventStep> step = ArgumentCaptor.forClass(EventStep.class);
    verify(events).addStep(eq(7L), step.capture());
    assertThat(step.getValue()).isEqualTo(new EventStep("ACCEPTED", EventLevel.DEPARTMENT, "DEPT-SAFETY", "safety1",
        StepBeanFixtures.NOW, due, true, "报到承接"));
  }
}
