package cn.gridcase.event.internal;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.TaskActor;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What the event process beans share: the event of a process instance, the time. */
@Component
public class EventProcessSupport {

  /** The actor of the steps GridCase records itself (timers, early warning). */
  static final String SYSTEM = TaskActor.SYSTEM;

  private final EventRepository events;
  private final Clock clock;

  EventProcessSupport(EventRepository events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /**
   * The event of a process instance, by its business key (the event number) — never by a process
   * variable, which a task's user could overwrite when completing it.
   */
  public Event eventOf(String number) {
    return events.find(number).orElseThrow(() -> new NotFound("No event " + number));
  }

  public Event eventOf(DelegateExecution execution) {
    return eventOf(execution.getProcessBusinessKey());
  }

  public OffsetDateTime now() {
    return GridCaseTime.now(clock);
  }
}
