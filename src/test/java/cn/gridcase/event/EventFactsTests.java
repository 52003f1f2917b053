package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gridcase.event.internal.Event;
import cn.gridcase.event.internal.EventFacts;
import cn.gridcase.event.internal.EventProcessSupport;
import cn.gridcase.event.internal.EventRepository;
import cn.gridcase.event.internal.EventStaff;
import cn.gridcase.event.internal.TaskDescription;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventFactsTests {

  private final EventProcessSupport support = mock(EventProcessSupport.class);
  private final EventRepository events = mock(EventRepository.class);
  private final EventStaff staff = mock(EventStaff.class);
  private final TaskDescription description = mock(TaskDescription.class);
  private final EventFacts facts = new EventFacts(support, events, staff, description);

  @Test
  @DisplayName("E9: the feedback task is the reporting grid's, read by the event's number")
  void reads() {
    Event event =
        StepBeanFixtures.event(EventCategory.DISPUTE, EventLevel.VILLAGE, "GS-V01", false);
    when(support.eventOf(event.number())).thenReturn(event);

    assertThat(facts.feedbackQueue(event.number())).isEqualTo("GS-V01-G01");
  }

  @Test
  @DisplayName(
      "E10: a task's description at the township center lists the departments it may dispatch to")
  void summaryAtTownship() {
    Event event = StepBeanFixtures.event(EventCategory.HAZARD, EventLevel.TOWNSHIP, "GS", false);
    when(events.find(event.number())).thenReturn(Optional.of(event));
    when(staff.departmentNamesOf("GS")).thenReturn("安监办");
    when(description.of(event, "安监办")).thenReturn("井盖缺失\n可派单：安监办");

    assertThat(facts.summary(event.number())).isEqualTo("井盖缺失\n可派单：安监办");
    assertThat(facts.summary("SJ-20261102-0999"))
        .as("an unknown event shows its number")
        .isEqualTo("SJ-20261102-0999");
  }
}
