package cn.gridcase.platform.history;

import cn.gridcase.platform.GridCaseTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history cleanup (removal-time based: an instance's history goes its model's {@code
 * historyTimeToLive} after it ended): a nightly window in Beijing time, {@code
 * gridcase.history.cleanup.window-start} to {@code window-end} (default 20:00–06:00, when the
 * townships do not work), and the number of instances removed per run. Without a window the engine
 * never cleans anything. The engine reads the window in the JVM's time zone, so it is converted
 * here: a server set to another zone still cleans at night in Beijing.
 */
@Component
class HistoryCleanupWindow extends AbstractProcessEnginePlugin {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private final LocalTime start;
  private final LocalTime end;
  private final int batchSize;

  HistoryCleanupWindow(
      @Value("${gridcase.history.cleanup.window-start:20:00}") String start,
      @Value("${gridcase.history.cleanup.window-end:06:00}") String end,
      @Value("${gridcase.history.cleanup.batch-size:500}") int batchSize) {
    this.start = LocalTime.parse(start);
    this.end = LocalTime.parse(end);
    this.batchSize = batchSize;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryCleanupBatchWindowStartTime(inJvmZone(start));
    configuration.setHistoryCleanupBatchWindowEndTime(inJvmZone(end));
    configuration.setHistoryCleanupBatchSize(batchSize);
  }

  /** A Beijing time of day as the JVM's zone reads it today (e.g. 20:00 → 07:00 in New York). */
  static String inJvmZone(LocalTime beijing) {
    return LocalDate.now(GridCaseTime.ZONE)
        .atTime(beijing)
        .atZone(GridCaseTime.ZONE)
        .withZoneSameInstant(ZoneId.systemDefault())
        .toLocalTime()
        .format(HH_MM);
  }
}
