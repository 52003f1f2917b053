package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gridcase.event.internal.Event;
import cn.gridcase.event.internal.EventProcessSupport;
import cn.gridcase.event.internal.EventRepository;
import cn.gridcase.event.internal.EventStaff;
import cn.gridcase.event.internal.IssueEarlyWarning;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class IssueEarlyWarningTests {

  private final EventProcessSupport support = mock(EventProcessSupport.class);
  private final EventRepository events = mock(EventRepository.class);
  private final EventStaff staff = mock(EventStaff.class);
  private final Notifications notifications = mock(Notifications.class);
  private final IssueEarlyWarning issueEarlyWarning =
      new IssueEarlyWarning(support, events, staff, notifications);

  @Test
  @DisplayName(
      "E8: the early warning is a step of the system at the township center, sent to its staff and"
          + " supervisors")
  void warns() {
    Event event = StepBeanFixtures.event(EventCategory.HAZARD, EventLevel.TOWNSHIP, "GS", false);
    when(support.eventOf(event.number())).thenReturn(event);
    when(support.now()).thenReturn(StepBeanFixtures.NOW);
    when(staff.centerStaffOf("GS")).thenReturn(List.of("center1"));
    when(staff.supervisorsOf("GS")).thenReturn(List.of("supervisor1"));

    issueEarlyWarning.issue(event.number());

    ArgumentCaptor<EventStep> step = ArgumentCaptor.forClass(EventStep.class);
    verify(events).addStep(eq(7L), step.capture());
    assertThat(step.getValue().action()).isEqualTo("EARLY_WARNING");
    assertThat(step.getValue().actor()).isEqualTo("system");
    assertThat(step.getValue().unitCode()).isEqualTo("GS");
    ArgumentCaptor<Notice> notice = ArgumentCaptor.forClass(Notice.class);
    verify(notifications).send(notice.capture(), eq(List.of("center1", "supervisor1")));
    assertThat(notice.getValue().kind()).isEqualTo(NoticeKind.EARLY_WARNING);
  }
}
