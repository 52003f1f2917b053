package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventLevelStepsTests {

  private final EventProcessSupport support = mock(EventProcessSupport.class);
  private final EventLevelSteps levelSteps = new EventLevelSteps(support, mock(StepDeadlines.class));

  @Test
  @DisplayName("E5: the level's tasks go to the unit that has the event, the handling task to its acceptor")
  void queueAndAssignee() {
    Event event = StepBeanFixtures.event(EventCategory.HAZARD, EventLevel.DEPARTMENT, "DEPT-SAFETY", false);
    when(support.eventOf(event.number())).thenReturn(event);

    assertThat(levelSteps.unit(event.number())).isEqualTo("DEPT-SAFETY");
    assertThat(levelSteps.acceptor(event.number())).isEqualTo("worker1");
    assertThat(levelSteps.acceptedOnReporting(event.number())).isTrue();
  }
}
