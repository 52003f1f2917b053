package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gridcase.event.internal.CompletedStep;
import cn.gridcase.event.internal.EventDeadlineWatch;
import cn.gridcase.event.internal.Feedback;
import cn.gridcase.event.internal.RecordFeedback;
import cn.gridcase.event.internal.SubmitFeedback;
import cn.gridcase.event.internal.Submitted;
import cn.gridcase.event.internal.TaskCompletions;
import cn.gridcase.platform.TaskActor;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SubmitFeedbackTests {

  @Test
  @DisplayName(
      "E9: the feedback form's fields become one Feedback, checked, removed from the process and"
          + " handed on")
  void formFields() {
    TaskActor actor = mock(TaskActor.class);
    RecordFeedback recordFeedback = mock(RecordFeedback.class);
    DelegateTask task = mock(DelegateTask.class);
    DelegateExecution execution = mock(DelegateExecution.class);
    Map<String, Object> form = Map.of("satisfaction", "BASICALLY_SATISFIED", "comment", "还行");
    when(task.getExecution()).thenReturn(execution);
    when(task.getVariable(anyString())).thenAnswer(call -> form.get(call.<String>getArgument(0)));
    when(actor.of(task)).thenReturn("worker1");

    TaskCompletions completions =
        new TaskCompletions(actor, mock(EventDeadlineWatch.class), StepBeanFixtures.CLOCK);
    new SubmitFeedback(completions, recordFeedback).notify(task);

    Submitted<Feedback> expected =
        Submitted.of(new Feedback(Satisfaction.BASICALLY_SATISFIED, "还行"));
    verify(recordFeedback).check(expected);
    verify(execution).removeVariable("satisfaction");
    verify(execution).removeVariable("comment");
    ArgumentCaptor<ObjectValue> handed = ArgumentCaptor.forClass(ObjectValue.class);
    verify(execution).setVariable(eq("feedback"), handed.capture());
    verify(execution).setVariable(eq("completedStep"), handed.capture());
    assertThat(handed.getAllValues())
        .extracting(ObjectValue::getValue)
        .containsExactly(expected, new CompletedStep("worker1", null, StepBeanFixtures.NOW));
  }
}
