package cn.gridcase.calendar.internal;

import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.platform.GridCaseTime;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every node of a cluster on the current calendar: polls the calendar version (one row read
 * every {@code gridcase.calendar.refresh-interval}, default 5 s) and, when another node has loaded
 * a schedule, reloads the snapshot and recomputes the deadlines that this node may have computed
 * with the old calendar in the meantime (remembered since shortly before that load).
 */
@Component
public class CalendarRefresh {

  /** Deadlines remembered this long before a load are recomputed again by the nodes catching up. */
  private static final long CATCH_UP_MINUTES = 5;

  private final WorkingDays workingDays;
  private final DeadlineStore store;
  private final DeadlineRecompute recompute;

  CalendarRefresh(WorkingDays workingDays, DeadlineStore store, DeadlineRecompute recompute) {
    this.workingDays = workingDays;
    this.store = store;
    this.recompute = recompute;
  }

  @Scheduled(
      fixedDelayString = "${gridcase.calendar.refresh-interval:PT5S}",
      initialDelayString = "${gridcase.calendar.refresh-interval:PT5S}")
  public void refreshIfChanged() {
    if (!workingDays.isStale()) {
      return;
    }
    workingDays.reload();
    Map<String, Object> load = store.latestLoad();
    if (load != null) {
      OffsetDateTime loadedAt = toOffsetDateTime(load.get("loaded_at"));
      recompute.recompute(
          ((Number) load.get("schedule_year")).intValue(),
          ((Number) load.get("id")).longValue(),
          loadedAt.minusMinutes(CATCH_UP_MINUTES));
    }
  }

  private static OffsetDateTime toOffsetDateTime(Object value) {
    if (value instanceof OffsetDateTime offset) {
      return offset;
    }
    if (value instanceof Timestamp timestamp) {
      return OffsetDateTime.ofInstant(timestamp.toInstant(), GridCaseTime.ZONE);
    }
    return OffsetDateTime.parse(value.toString());
  }
}
