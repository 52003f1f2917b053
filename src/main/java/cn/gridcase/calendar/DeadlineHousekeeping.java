package cn.gridcase.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the deadline registry to the pending deadlines: every night it forgets those whose timer
 * has fired or whose task has ended (safe to run on every node of a cluster at once).
 */
@Component
class DeadlineHousekeeping {

  private static final Logger log = LoggerFactory.getLogger(DeadlineHousekeeping.class);

  private final DeadlineStore store;

  DeadlineHousekeeping(DeadlineStore store) {
    this.store = store;
  }

  @Scheduled(cron = "${gridcase.calendar.housekeeping-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
  int forgetEnded() {
    int forgotten = store.forgetEnded();
    if (forgotten > 0) {
      log.info("Forgot {} working-day deadline(s) whose timer fired or whose task ended", forgotten);
    }
    return forgotten;
  }
}
