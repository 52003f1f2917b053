package cn.gridcase.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventStep;
import cn.gridcase.event.StepBeanFixtures;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RecordAcceptanceTests {

  private final EventProcessSupport support = mock(EventProcessSupport.class);
  private final EventRepository events = mock(EventRepository.class);
  private final StepLateness lateness = mock(StepLateness.class);
  private final StepDeadlines stepDeadlines = mock(StepDeadlines.class);
  private final RecordAcceptance recordAcceptance =
      new RecordAcceptance(support, events, lateness, stepDeadlines);

  @Test
  @DisplayName(
      "E4/E10: a department's late 报到承接 is recorded with who, when, the deadline and the late flag;"
          + " the handling task gets its acceptor and stored deadline")
  void lateDepartmentAcceptance() {
    Event event =
        StepBeanFixtures.event(EventCategory.HAZARD, EventLevel.DEPARTMENT, "DEPT-SAFETY", false);
    when(support.eventOf(event.number())).thenReturn(event);
    when(support.now()).thenReturn(StepBeanFixtures.NOW);
    OffsetDateTime due = StepBeanFixtures.NOW.minusDays(1);
    when(lateness.settle(event, "ACCEPT", due, StepBeanFixtures.NOW)).thenReturn(true);

    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getProcessBusinessKey()).thenReturn(event.number());
    when(execution.getProcessInstanceId()).thenReturn("pi-1");
    StepDeadlines.Limit handling =
        new StepDeadlines.Limit(
            new Deadline(StepBeanFixtures.NOW, 5, StepBeanFixtures.HANDLE_BY, false),
            new Deadline(StepBeanFixtures.NOW, 4, StepBeanFixtures.HANDLE_BY.minusDays(1), false));
    when(stepDeadlines.accepted(event, "pi-1", StepBeanFixtures.NOW, "safety1"))
        .thenReturn(handling);
    recordAcceptance.record(execution, new CompletedStep("safety1", due, StepBeanFixtures.NOW));

    verify(stepDeadlines).handToHandlingTask(execution, "DEPT-SAFETY", "safety1", handling);
    ArgumentCaptor<EventStep> step = ArgumentCaptor.forClass(EventStep.class);
    verify(events).addStep(eq(7L), step.capture());
    assertThat(step.getValue())
        .isEqualTo(
            new EventStep(
                "ACCEPTED",
                EventLevel.DEPARTMENT,
                "DEPT-SAFETY",
                "safety1",
                StepBeanFixtures.NOW,
                due,
                true,
                "报到承接"));
  }

  @Test
  @DisplayName(
      "E10: without the completion its listener hands over — none, or a stored one — recording"
          + " fails loudly and records nothing")
  void missingHandOverIsLoud() {
    CompletedStep completed = new CompletedStep("safety1", null, StepBeanFixtures.NOW);
    for (TypedValue present : Arrays.asList(null, Variables.objectValue(completed).create())) {
      DelegateExecution execution = mock(DelegateExecution.class);
      when(execution.getProcessBusinessKey()).thenReturn("SJ-20261102-0001");
      when(execution.getVariableTyped("completedStep")).thenReturn(present);

      assertThatThrownBy(() -> recordAcceptance.record(execution))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("「受理事件」的提交未交接到记录步骤，请重新提交此步骤");
    }
    verify(events, never()).addStep(anyLong(), any());
  }
}
