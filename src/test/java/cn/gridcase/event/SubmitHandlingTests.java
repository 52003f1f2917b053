package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gridcase.event.internal.CompletedStep;
import cn.gridcase.event.internal.Dispatch;
import cn.gridcase.event.internal.Event;
import cn.gridcase.event.internal.EventDeadlineWatch;
import cn.gridcase.event.internal.EventProcessSupport;
import cn.gridcase.event.internal.Handling;
import cn.gridcase.event.internal.RecordHandling;
import cn.gridcase.event.internal.Resolution;
import cn.gridcase.event.internal.SubmitHandling;
import cn.gridcase.event.internal.Submitted;
import cn.gridcase.event.internal.TaskCompletions;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.StepRefused;
import cn.gridcase.platform.TaskActor;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SubmitHandlingTests {

  private static final OffsetDateTime DUE = StepBeanFixtures.NOW.plusDays(3);
  private static final CompletedStep COMPLETED =
      new CompletedStep("center1", DUE, StepBeanFixtures.NOW);

  private final EventProcessSupport support = mock(EventProcessSupport.class);
  private final TaskActor actor = mock(TaskActor.class);
  private final EventDeadlineWatch deadlines = mock(EventDeadlineWatch.class);
  private final RecordHandling recordHandling = mock(RecordHandling.class);
  private final SubmitHandling listener =
      new SubmitHandling(
          support, new TaskCompletions(actor, deadlines, StepBeanFixtures.CLOCK), recordHandling);
  private final DelegateTask task = mock(DelegateTask.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final Event event =
      StepBeanFixtures.event(EventCategory.HAZARD, EventLevel.TOWNSHIP, "GS", false);

  @BeforeEach
  void task() {
    when(task.getExecution()).thenReturn(execution);
    when(support.eventOf(execution)).thenReturn(event);
    when(actor.of(task)).thenReturn("center1");
    when(deadlines.deadlineOf(event, "HANDLE")).thenReturn(DUE);
  }

  @Test
  @DisplayName(
      "E5: the form's fields become one Dispatch, checked against the statutory deadline, routed"
          + " and handed on")
  void formFields() {
    Map<String, Object> form =
        Map.of("outcome", "DISPATCH", "departmentCode", " DEPT-SAFETY ", "instructions", "速办");
    when(task.getVariable(anyString())).thenAnswer(call -> form.get(call.<String>getArgument(0)));

    listener.notify(task);

    Submitted<Handling> expected = Submitted.of(new Dispatch("DEPT-SAFETY", "速办", null));
    verify(recordHandling).check(event, expected, COMPLETED);
    verify(execution).setVariable("outcome", "DISPATCH");
    verify(execution).setVariable("departmentCode", "DEPT-SAFETY");
    verify(execution).removeVariable("instructions");
    ArgumentCaptor<ObjectValue> handed = ArgumentCaptor.forClass(ObjectValue.class);
    verify(execution).setVariable(eq("handling"), handed.capture());
    verify(execution).setVariable(eq("completedStep"), handed.capture());
    assertThat(handed.getAllValues())
        .allMatch(ObjectValue::isTransient)
        .extracting(ObjectValue::getValue)
        .containsExactly(expected, COMPLETED);
  }

  @Test
  @DisplayName(
      "E3: the command /api handed over is the one checked; a refusal leaves the process untouched")
  void refusedCommand() {
    Submitted<Handling> given = Submitted.of(new Resolution(null, null, null, null, null, null));
    when(task.getVariable("handling")).thenReturn(given);
    doThrow(new StepRefused("refused", List.of(new ApiError("result", "E3.result", "missing"))))
        .when(recordHandling)
        .check(event, given, COMPLETED);

    assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(StepRefused.class);
    verify(execution, never()).setVariable(anyString(), any());
  }
}
