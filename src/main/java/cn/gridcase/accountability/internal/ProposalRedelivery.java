package cn.gridcase.accountability.internal;

import cn.gridcase.event.LateStepEnded;
import cn.gridcase.event.StepRanOverdue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the domain events accountability listens to whose delivery was not completed (a
 * listener failed, or the application stopped between the commit and the listener): at every start
 * and every {@code gridcase.accountability.redelivery-interval} (5 minutes), those older than that
 * interval, so a listener still at work (here or on another node) is not run twice meanwhile; a
 * late step's proposal is unique by its step's key all the same. The listeners are idempotent, so a
 * second delivery (another node of a cluster at start) raises nothing twice.
 */
@Component
public class ProposalRedelivery {

  private static final Logger log = LoggerFactory.getLogger(ProposalRedelivery.class);

  private final IncompleteEventPublications publications;
  private final Clock clock;
  private final Duration interval;

  ProposalRedelivery(
      IncompleteEventPublications publications,
      Clock clock,
      @Value("${gridcase.accountability.redelivery-interval:PT5M}") Duration interval) {
    this.publications = publications;
    this.clock = clock;
    this.interval = interval;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    // not younger ones: another node may be delivering them right now
    redeliver(interval);
  }

  @Scheduled(
      fixedDelayString = "${gridcase.accountability.redelivery-interval:PT5M}",
      initialDelayString = "${gridcase.accountability.redelivery-interval:PT5M}")
  void periodically() {
    redeliver(interval);
  }

  /**
   * Delivers again every incomplete publication of those events published at least {@code age} ago.
   */
  public void redeliver(Duration age) {
    Instant before = clock.instant().minus(age);
    try {
      publications.resubmitIncompletePublications(
          p -> ours(p) && !p.getPublicationDate().isAfter(before));
    } catch (RuntimeException e) {
      // a failing listener is logged by the registry; this only keeps the schedule alive
      log.warn("redelivery of accountability's domain events failed: {}", e.toString());
    }
  }

  /** The domain events accountability listens to (a publication is one event for one listener). */
  private static boolean ours(EventPublication publication) {
    return publication.getEvent() instanceof StepRanOverdue
        || publication.getEvent() instanceof LateStepEnded;
  }
}
