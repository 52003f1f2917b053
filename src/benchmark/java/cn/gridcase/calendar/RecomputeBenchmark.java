package cn.gridcase.calendar;

import cn.gridcase.calendar.internal.HolidayScheduleLoading;
import cn.gridcase.test.PostgresServer;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Time to recompute 100,000 pending working-day deadlines on PostgreSQL after a year's schedule is
 * loaded (rule T3). The application runs with the production profile against a fresh database on
 * the server of {@code GRIDCASE_TEST_PG_URL}; 50 process instances create 1,000 tasks and 1,000
 * timers each, all due in a year without a schedule, then the year is loaded and every one of them
 * moves.
 *
 * <p>Run: {@code mvn -Pbenchmark test-compile exec:exec@recompute-postgres} (writes
 * docs/benchmarks.md).
 */
public final class RecomputeBenchmark {

  static final int INSTANCES = 50;
  static final int TASKS_PER_INSTANCE = 1_000;
  static final int YEAR = 2045;

  public static void main(String[] args) {
    String url = PostgresServer.createFreshDatabase();
    try (ConfigurableApplicationContext app =
        BenchmarkDatabases.start(
            url,
            List.of(),
            "--camunda.bpm.job-execution.enabled=false",
            "--gridcase.organisation.id-card-key=YmVuY2htYXJrLWtleS0zMi1ieXRlcy1sb25nLS0tLSE=")) {
      RuntimeService runtime = app.getBean(RuntimeService.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      HolidayScheduleLoading loading = app.getBean(HolidayScheduleLoading.class);

      // Thu 2045-09-28: 2 working days counted Mon–Fri = Fri Sep 29 and Mon Oct 2
      ClockUtil.setCurrentTime(
          Date.from(OffsetDateTime.parse(YEAR + "-09-28T10:00:00+08:00").toInstant()));
      long createStart = System.nanoTime();
      for (int i = 0; i < INSTANCES; i++) {
        runtime.startProcessInstanceByKey("RecomputeLoad", Map.of("count", TASKS_PER_INSTANCE));
      }
      double createSeconds = (System.nanoTime() - createStart) / 1e9;
      long pending = jdbc.queryForObject("select count(*) from working_day_deadline", Long.class);

      // Oct 2–6 become holidays: the 2nd working day moves from Mon Oct 2 to Mon Oct 9
      List<HolidayScheduleLoading.DayInput> days = new ArrayList<>();
      for (int day = 2; day <= 6; day++) {
        days.add(new HolidayScheduleLoading.DayInput(YEAR + "-10-0" + day, "国庆节", true));
      }
      long loadStart = System.nanoTime();
      HolidayScheduleLoading.Result result = loading.load(YEAR, YEAR, days, "benchmark");
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      ClockUtil.reset();

      long wrong =
          jdbc.queryForObject(
              "select count(*) from ACT_RU_JOB where DUEDATE_ < ?",
              Long.class,
              Timestamp.from(OffsetDateTime.parse(YEAR + "-10-09T23:59:59+08:00").toInstant()));
      if (wrong > 0 || result.recompute().moved() != pending) {
        throw new IllegalStateException(
            "recompute incomplete: moved "
                + result.recompute().moved()
                + " of "
                + pending
                + ", "
                + wrong
                + " timers still at the old date");
      }
      BenchmarkReport.write(
          "recompute-postgres",
          String.format(
              "| Recompute %,d pending deadlines (%,d timers + %,d task due dates) after loading a"
                  + " year, PostgreSQL %s | **%.1f s** for %,d moved in %d batches (%,.0f"
                  + " deadlines/s) | target ≤ 60 s: %s |%n%nSet-up (not timed in the figure): %,d"
                  + " deadlines created through the engine in %.1f s. Machine: %s; PostgreSQL on"
                  + " the same machine. Command: `mvn -Pbenchmark test-compile"
                  + " exec:exec@recompute-postgres`.",
              pending,
              pending / 2,
              pending / 2,
              serverVersion(jdbc),
              loadSeconds,
              result.recompute().moved(),
              result.recompute().batches(),
              result.recompute().moved() / loadSeconds,
              loadSeconds <= 60 ? "met" : "NOT met",
              pending,
              createSeconds,
              BenchmarkReport.machine()));
    }
  }

  private static String serverVersion(JdbcTemplate jdbc) {
    return jdbc.queryForObject("show server_version", String.class);
  }
}
