package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.event.internal.Event;
import cn.gridcase.event.internal.EventProcessSupport;
import cn.gridcase.event.internal.EventRepository;
import cn.gridcase.event.internal.EventStaff;
import cn.gridcase.event.internal.EventTimeLimits;
import cn.gridcase.event.internal.ReceiveEvent;
import cn.gridcase.event.internal.StepDeadlines;
import cn.gridcase.event.internal.TimeLimits;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ReceiveEventTests {

  private final EventProcessSupport support = mock(EventProcessSupport.class);
  private final EventRepository events = mock(EventRepository.class);
  private final EventTimeLimits timeLimits = mock(EventTimeLimits.class);
  private final EventStaff staff = mock(EventStaff.class);
  private final Notifications notifications = mock(Notifications.class);
  private final StepDeadlines stepDeadlines = mock(StepDeadlines.class);
  private final ReceiveEvent receiveEvent =
      new ReceiveEvent(support, events, timeLimits, staff, notifications, stepDeadlines);

  @Test
  @DisplayName(
      "E5/E7: an escalated event reaches the village station: the step opens, the station and the"
          + " center are told")
  void escalatedToVillage() {
    Event event = StepBeanFixtures.hazardAtGrid();
    DelegateExecution execution = mock(DelegateExecution.class);
    when(support.eventOf(execution)).thenReturn(event);
    when(support.now()).thenReturn(StepBeanFixtures.NOW);
    when(execution.getVariable("level")).thenReturn("VILLAGE");
    when(timeLimits.of("GS")).thenReturn(new TimeLimits(2, 5, 3, 2, 5));
    OffsetDateTime acceptBy = OffsetDateTime.parse("2026-11-05T23:59:59+08:00");
    StepDeadlines.Limit acceptance =
        new StepDeadlines.Limit(
            new Deadline(StepBeanFixtures.NOW, 2, acceptBy, false),
            new Deadline(StepBeanFixtures.NOW, 1, acceptBy.minusDays(1), false));
    when(stepDeadlines.limit(StepBeanFixtures.NOW, 2)).thenReturn(acceptance);
    Date acceptByDate = Date.from(acceptBy.toInstant());
    when(stepDeadlines.engineDate(acceptance.deadline(), 2)).thenReturn(acceptByDate);
    when(execution.getProcessInstanceId()).thenReturn("pi-1");
    when(staff.queueOf("GS-V01")).thenReturn(List.of("station1"));
    when(staff.centerStaffOf("GS")).thenReturn(List.of("center1"));

    receiveEvent.receive(execution);

    verify(execution).setVariable("category", "HAZARD");
    verify(execution).setVariable("unitCode", "GS-V01");
    verify(execution).setVariable("acceptedOnReporting", false);
    verify(execution).setVariable("acceptDays", 2);
    verify(execution).setVariable("handleDays", 3);
    verify(events)
        .receive(
            7L,
            EventStatus.AWAITING_ACCEPTANCE,
            EventLevel.VILLAGE,
            "GS-V01",
            null,
            StepBeanFixtures.NOW,
            2,
            3,
            null,
            null,
            acceptance,
            null);
    verify(stepDeadlines).rememberAcceptance(7L, "pi-1", acceptance);
    verify(execution).setVariable("acceptBy", acceptByDate);
    ArgumentCaptor<Notice> received = ArgumentCaptor.forClass(Notice.class);
    verify(notifications).send(received.capture(), eq(List.of("station1")));
    assertThat(received.getValue().kind()).isEqualTo(NoticeKind.EVENT_RECEIVED);
    assertThat(received.getValue().body()).contains("2026-11-05");
    ArgumentCaptor<Notice> copied = ArgumentCaptor.forClass(Notice.class);
    verify(notifications).send(copied.capture(), eq(List.of("center1")));
    assertThat(copied.getValue().kind()).isEqualTo(NoticeKind.EVENT_ESCALATED);
  }
}
