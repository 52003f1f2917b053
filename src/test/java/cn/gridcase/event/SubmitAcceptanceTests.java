package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gridcase.event.internal.CompletedStep;
import cn.gridcase.event.internal.Event;
import cn.gridcase.event.internal.EventDeadlineWatch;
import cn.gridcase.event.internal.EventProcessSupport;
import cn.gridcase.event.internal.SubmitAcceptance;
import cn.gridcase.event.internal.TaskCompletions;
import cn.gridcase.platform.TaskActor;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SubmitAcceptanceTests {

  @Test
  @DisplayName(
      "E4/E10: accepting hands who accepted and the statutory deadline to the recording step,"
          + " transiently")
  void handsCompletion() {
    EventProcessSupport support = mock(EventProcessSupport.class);
    TaskActor actor = mock(TaskActor.class);
    EventDeadlineWatch deadlines = mock(EventDeadlineWatch.class);
    DelegateTask task = mock(DelegateTask.class);
    DelegateExecution execution = mock(DelegateExecution.class);
    Event event = StepBeanFixtures.hazardAtGrid();
    OffsetDateTime due = StepBeanFixtures.RECEIVED.plusDays(2);
    when(task.getExecution()).thenReturn(execution);
    when(support.eventOf(execution)).thenReturn(event);
    when(actor.of(task)).thenReturn("worker1");
    when(deadlines.deadlineOf(event, "ACCEPT")).thenReturn(due);

    new SubmitAcceptance(support, new TaskCompletions(actor, deadlines, StepBeanFixtures.CLOCK))
        .notify(task);

    ArgumentCaptor<ObjectValue> handed = ArgumentCaptor.forClass(ObjectValue.class);
    verify(execution).setVariable(eq("completedStep"), handed.capture());
    assertThat(handed.getValue().isTransient()).isTrue();
    assertThat(handed.getValue().getValue())
        .isEqualTo(new CompletedStep("worker1", due, StepBeanFixtures.NOW));
  }
}
