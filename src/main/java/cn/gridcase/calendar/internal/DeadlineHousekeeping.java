package cn.gridcase.calendar.internal;

import cn.gridcase.calendar.internal.DeadlineStore.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the deadline registry to the pending deadlines: every night it forgets those whose timer
 * has fired or whose task has ended, and the stored copies whose step has moved on (safe to run on
 * every node of a cluster at once).
 */
@Component
public class DeadlineHousekeeping {

  private static final Logger log = LoggerFactory.getLogger(DeadlineHousekeeping.class);

  private final DeadlineStore store;
  private final DeadlineRecompute recompute;

  DeadlineHousekeeping(DeadlineStore store, DeadlineRecompute recompute) {
    this.store = store;
    this.recompute = recompute;
  }

  @Scheduled(cron = "${gridcase.calendar.housekeeping-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
  public int forgetEnded() {
    int forgotten = store.forgetEnded() + forgetEndedStored();
    if (forgotten > 0) {
      log.info(
          "Forgot {} working-day deadline(s) whose timer fired or whose task ended", forgotten);
    }
    return forgotten;
  }

  /** The stored copies whose step has moved on, as their feature says, or whose feature is gone. */
  private int forgetEndedStored() {
    List<Long> ended = new ArrayList<>();
    long afterId = 0;
    while (true) {
      List<Row> rows = store.stored("", afterId, DeadlineRecompute.BATCH_SIZE);
      if (rows.isEmpty()) {
        break;
      }
      afterId = rows.get(rows.size() - 1).id();
      Map<String, Long> current =
          recompute.currentStored(rows.stream().map(Row::targetId).toList());
      rows.stream()
          .filter(row -> !current.containsKey(row.targetId()))
          .forEach(row -> ended.add(row.id()));
    }
    store.forget(ended);
    return ended.size();
  }
}
