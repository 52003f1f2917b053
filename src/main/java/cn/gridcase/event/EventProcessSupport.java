package cn.gridcase.event;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** What the event process beans share: the event of an execution, the time, who acts. */
@Component
class EventProcessSupport {

  /** Set on the execution when a user task completes: who completed it and its due date then. */
  static final String COMPLETED_BY = "completedBy";
  static final String STEP_DUE = "stepDue";
  static final String SYSTEM = "system";

  private final EventRepository events;
  private final IdentityService identityService;
  private final Clock clock;

  EventProcessSupport(EventRepository events, IdentityService identityService, Clock clock) {
    this.events = events;
    this.identityService = identityService;
    this.clock = clock;
  }

  /**
   * The event of an execution, by the process instance's business key (the event number) — never
   * by a process variable, which a task's user could overwrite when completing it.
   */
  Event eventOf(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    return events.find(number).orElseThrow(() -> new NotFound("No event " + number));
  }

  OffsetDateTime now() {
    return GridCaseTime.now(clock);
  }

  /** The user completing a task: the engine's authenticated user (Tasklist, REST), else the assignee. */
  String actor(String assignee) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return assignee == null ? SYSTEM : assignee;
  }

  static OffsetDateTime at(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return GridCaseTime.at(date);
    }
    if (value instanceof OffsetDateTime offset) {
      return offset;
    }
    throw new IllegalArgumentException("not a moment: " + value);
  }
}
