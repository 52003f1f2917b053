package cn.gridcase.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventStep;
import cn.gridcase.event.StepBeanFixtures;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.StepRefused;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;

class RecordHandlingTests {

  private final EventProcessSupport support = mock(EventProcessSupport.class);
  private final EventRepository events = mock(EventRepository.class);
  private final EventStaff staff = mock(EventStaff.class);
  private final Notifications notifications = mock(Notifications.class);
  private final StepLateness lateness = mock(StepLateness.class);
  private final RecordHandling recordHandling =
      new RecordHandling(support, events, staff, notifications, lateness);

  @BeforeEach
  void now() {
    when(support.now()).thenReturn(StepBeanFixtures.NOW);
  }

  @Test
  @DisplayName(
      "E3: a resolution in time is stored as typed, recorded as RESOLVED and told to the grid and"
          + " the reporter")
  void resolution() {
    Event event = StepBeanFixtures.hazardAtGrid();
    when(support.eventOf(event.number())).thenReturn(event);
    OffsetDateTime due = StepBeanFixtures.NOW.plusDays(2);
    when(lateness.settle(event, "HANDLE", due, StepBeanFixtures.NOW)).thenReturn(false);
    when(staff.queueOf("GS-V01-G01")).thenReturn(List.of("worker1", "worker2"));

    recordHandling.record(
        event.number(),
        Submitted.of(new Resolution(" 已补装井盖 ", null, null, null, null, null)),
        new CompletedStep("worker2", due, StepBeanFixtures.NOW));

    ArgumentCaptor<Event.Resolution> stored = ArgumentCaptor.forClass(Event.Resolution.class);
    verify(events).resolve(eq(7L), stored.capture());
    assertThat(stored.getValue().result()).isEqualTo("已补装井盖");
    assertThat(stored.getValue().resolvedBy()).isEqualTo("worker2");
    ArgumentCaptor<EventStep> step = ArgumentCaptor.forClass(EventStep.class);
    verify(events).addStep(eq(7L), step.capture());
    assertThat(step.getValue())
        .isEqualTo(
            new EventStep(
                "RESOLVED",
                EventLevel.GRID,
                "GS-V01-G01",
                "worker2",
                StepBeanFixtures.NOW,
                due,
                false,
                "已补装井盖"));
    ArgumentCaptor<Notice> notice = ArgumentCaptor.forClass(Notice.class);
    verify(notifications).send(notice.capture(), eq(List.of("worker1", "worker2", "worker1")));
    assertThat(notice.getValue().kind()).isEqualTo(NoticeKind.EVENT_RESOLVED);
    verify(events, never()).recordDelayReason(any(Long.class), any());
  }

  @Test
  @DisplayName(
      "E5/E6: a late escalation keeps its delay reason on the event and in the step's note")
  void lateEscalation() {
    Event event = StepBeanFixtures.hazardAtGrid();
    when(support.eventOf(event.number())).thenReturn(event);
    OffsetDateTime due = StepBeanFixtures.NOW.minusHours(1);
    when(lateness.settle(event, "HANDLE", due, StepBeanFixtures.NOW)).thenReturn(true);

    recordHandling.record(
        event.number(),
        Submitted.of(new Escalation("需村里协调", "材料未到")),
        new CompletedStep("worker1", due, StepBeanFixtures.NOW));

    verify(events).recordDelayReason(7L, "材料未到");
    ArgumentCaptor<EventStep> step = ArgumentCaptor.forClass(EventStep.class);
    verify(events).addStep(eq(7L), step.capture());
    assertThat(step.getValue().action()).isEqualTo("ESCALATED");
    assertThat(step.getValue().late()).isTrue();
    assertThat(step.getValue().note()).isEqualTo("上报：需村里协调；超期原因：材料未到");
    verify(notifications, never()).send(any(), anyCollection());
  }

  @Test
  @DisplayName(
      "E5: a dispatch to a department that is not the township's is refused, naming the department")
  void dispatchRefused() {
    Event event = StepBeanFixtures.event(EventCategory.HAZARD, EventLevel.TOWNSHIP, "GS", false);
    when(staff.departmentsOf("GS")).thenReturn(Set.of("DEPT-SAFETY"));
    when(lateness.isLate(StepBeanFixtures.NOW, null)).thenReturn(false);

    assertThatThrownBy(
            () ->
                recordHandling.check(
                    event,
                    Submitted.of(new Dispatch("GS-V02", null, null)),
                    new CompletedStep("center1", null, StepBeanFixtures.NOW)))
        .isInstanceOfSatisfying(
            StepRefused.class,
            refused ->
                assertThat(refused.errors())
                    .extracting(ApiError::code)
                    .containsExactly("E5.department"));
  }

  @Test
  @DisplayName(
      "E3: an unreadable agreement form is named once, not again as missing, next to the other"
          + " gaps")
  void unreadableValueNamedOnce() {
    Event dispute =
        StepBeanFixtures.event(EventCategory.DISPUTE, EventLevel.GRID, "GS-V01-G01", false);
    when(staff.departmentsOf("GS")).thenReturn(Set.of());
    Map<String, Object> form = Map.of("outcome", "RESOLVE", "agreementForm", "PAPER");
    Submitted<Handling> submitted =
        HandlingVariables.read(form::get, EventCategory.DISPUTE, EventLevel.GRID);

    assertThatThrownBy(
            () ->
                recordHandling.check(
                    dispute, submitted, new CompletedStep("worker1", null, StepBeanFixtures.NOW)))
        .isInstanceOfSatisfying(
            StepRefused.class,
            refused -> {
              assertThat(refused.errors())
                  .extracting(ApiError::code)
                  .containsExactly(
                      "E3.result",
                      "E3.mediator",
                      "E3.mediationResult",
                      "E3.agreementForm",
                      "E3.agreementTerms");
              assertThat(refused.errors().get(3).message())
                  .isEqualTo("'PAPER' is not WRITTEN or ORAL");
            });
  }

  @Test
  @DisplayName(
      "E3/E5/E6: a late non-dispute handling with an unknown agreement form lists the step's gap, "
          + "the agreement form, then the delay reason")
  void lateHandlingWithUnknownAgreementFormKeepsTheOrder() {
    Event event = StepBeanFixtures.hazardAtGrid();
    when(staff.departmentsOf("GS")).thenReturn(Set.of());
    OffsetDateTime due = StepBeanFixtures.NOW.minusHours(1);
    when(lateness.isLate(StepBeanFixtures.NOW, due)).thenReturn(true);

    for (Map.Entry<String, String> outcome :
        Map.of("RESOLVE", "E3.result", "ESCALATE", "E5.reason").entrySet()) {
      Map<String, Object> form = Map.of("outcome", outcome.getKey(), "agreementForm", "PAPER");
      Submitted<Handling> submitted =
          HandlingVariables.read(form::get, EventCategory.HAZARD, EventLevel.GRID);

      assertThatThrownBy(
              () ->
                  recordHandling.check(
                      event, submitted, new CompletedStep("worker1", due, StepBeanFixtures.NOW)))
          .isInstanceOfSatisfying(
              StepRefused.class,
              refused ->
                  assertThat(refused.errors())
                      .as(outcome.getKey())
                      .extracting(ApiError::code)
                      .containsExactly(outcome.getValue(), "E3.agreementForm", "E6.delayReason"));
    }
  }

  @Test
  @DisplayName(
      "E6: a handling completed on its deadline's millisecond is judged by one instant: checked"
          + " without a delay reason and recorded in time, however the clock moves on meanwhile")
  void oneInstantForCheckAndRecord() {
    RecordHandling judged =
        new RecordHandling(
            support,
            events,
            staff,
            notifications,
            new StepLateness(
                mock(EventDeadlineWatch.class), mock(ApplicationEventPublisher.class)));
    Event event = StepBeanFixtures.hazardAtGrid();
    when(support.eventOf(event.number())).thenReturn(event);
    when(support.now()).thenReturn(StepBeanFixtures.NOW.plusNanos(1_000_000));
    when(staff.departmentsOf("GS")).thenReturn(Set.of());
    CompletedStep onTheDeadline =
        new CompletedStep("worker1", StepBeanFixtures.NOW, StepBeanFixtures.NOW);
    Submitted<Handling> submitted = Submitted.of(new Escalation("需村里协调", null));

    judged.check(event, submitted, onTheDeadline);
    judged.record(event.number(), submitted, onTheDeadline);

    ArgumentCaptor<EventStep> step = ArgumentCaptor.forClass(EventStep.class);
    verify(events).addStep(eq(7L), step.capture());
    assertThat(step.getValue().late()).isFalse();
    assertThat(step.getValue().at()).isEqualTo(StepBeanFixtures.NOW);
    assertThat(step.getValue().note()).isEqualTo("上报：需村里协调");
    verify(events, never()).recordDelayReason(any(Long.class), any());
  }
}
