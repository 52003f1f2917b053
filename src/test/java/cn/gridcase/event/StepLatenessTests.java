package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import cn.gridcase.event.internal.Event;
import cn.gridcase.event.internal.EventDeadlineWatch;
import cn.gridcase.event.internal.StepLateness;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

class StepLatenessTests {

  private final EventDeadlineWatch deadlineWatch = mock(EventDeadlineWatch.class);
  private final ApplicationEventPublisher domainEvents = mock(ApplicationEventPublisher.class);
  private final StepLateness lateness = new StepLateness(deadlineWatch, domainEvents);

  @Test
  @DisplayName(
      "E4/C3: a step ended late before its timer ran is marked as the timer would, and its end"
          + " published (LateStepEnded)")
  void lateBeforeTimer() {
    Event event = StepBeanFixtures.hazardAtGrid();
    OffsetDateTime due = StepBeanFixtures.NOW.minusMinutes(1);

    assertThat(lateness.settle(event, "HANDLE", due, StepBeanFixtures.NOW)).isTrue();

    verify(deadlineWatch).overdue(event, "HANDLE", due, StepBeanFixtures.NOW);
    verify(domainEvents)
        .publishEvent(
            new LateStepEnded(
                event.number(), StepStage.HANDLE, event.level(), StepBeanFixtures.NOW));
  }

  @Test
  @DisplayName(
      "E4/S1: in time by E4 but marked late by a 督办: no new mark, the proposal's lateness ends")
  void markedBySupervision() {
    Event event = StepBeanFixtures.event(EventCategory.HAZARD, EventLevel.GRID, "GS-V01-G01", true);

    assertThat(
            lateness.settle(
                event, "HANDLE", StepBeanFixtures.NOW.plusDays(1), StepBeanFixtures.NOW))
        .isFalse();

    verify(deadlineWatch, never()).overdue(any(), any(), any(), any());
    verify(domainEvents)
        .publishEvent(
            new LateStepEnded(
                event.number(), StepStage.HANDLE, event.level(), StepBeanFixtures.NOW));
  }

  @Test
  @DisplayName("E4: in time and unmarked: nothing to settle")
  void inTime() {
    assertThat(
            lateness.settle(StepBeanFixtures.hazardAtGrid(), "ACCEPT", null, StepBeanFixtures.NOW))
        .isFalse();
    verifyNoInteractions(deadlineWatch, domainEvents);
  }
}
