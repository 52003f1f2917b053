package cn.gridcase.event.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills in, once at start-up, the stored deadlines of steps that opened before they were stored
 * (Flyway V8, issue 12 A4): counted from the step's own moment and limit with today's calendar, as
 * the deadline methods counted them before — SQL alone cannot count working days. Each is
 * registered for the recompute (T3); the timers and due dates of those steps were registered when
 * they were set. Nothing to do on a database where every open step has them, which is one query.
 */
@Component
public class StepDeadlineBackfill {

  private static final Logger log = LoggerFactory.getLogger(StepDeadlineBackfill.class);

  private final EventRepository events;
  private final StepDeadlines stepDeadlines;
  private final TransactionTemplate transaction;

  StepDeadlineBackfill(
      EventRepository events, StepDeadlines stepDeadlines, TransactionTemplate transaction) {
    this.events = events;
    this.stepDeadlines = stepDeadlines;
    this.transaction = transaction;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void fillOpenSteps() {
    Integer filled =
        transaction.execute(
            status -> {
              List<Event> open = events.openStepsWithoutDeadlines();
              open.forEach(stepDeadlines::backfill);
              return open.size();
            });
    if (filled != null && filled > 0) {
      log.info(
          "Stored the deadlines of {} open event step(s) opened before they were stored", filled);
    }
  }
}
