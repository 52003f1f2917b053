package cn.gridcase.event;

import cn.gridcase.calendar.BenchmarkDatabases;
import cn.gridcase.calendar.BenchmarkReport;
import cn.gridcase.calendar.internal.DeadlineHousekeeping;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Database bytes per closed event (issue 15, item 5), PostgreSQL: {@code growth.events} events
 * (default 5,000) go through their whole life through {@code /api} — reported by worker1 in their
 * grid (accepted at once), three in four resolved there, one in four escalated to the village
 * station, accepted and resolved by station1, then each fed back (closed) — and the growth of every
 * table is read with {@code pg_total_relation_size} after a {@code VACUUM FULL}. Then the engine's
 * history cleanup runs as it would 91 days later in its nightly window (the engine clock moved;
 * {@code platform.history.HistoryCleanupWindow}), and what stays for ever is measured again after
 * {@code VACUUM FULL}, with the rate at which the cleanup removed instances.
 *
 * <p>Run: {@code mvn -Pbenchmark test-compile exec:exec@growth-postgres} (writes
 * docs/benchmarks.md; knobs {@code growth.events}, {@code growth.threads} (4), {@code growth.write}
 * (true)). A fresh database {@value #DATABASE}, kept until the next run.
 */
public final class GrowthBenchmark {

  static final String DATABASE = "gridcase_bench_growth";
  static final int EVENTS = Integer.getInteger("growth.events", 5_000);
  static final int THREADS = Integer.getInteger("growth.threads", 4);
  static final boolean WRITE = Boolean.parseBoolean(System.getProperty("growth.write", "true"));
  static final double TARGET_KB = 20;
  private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");

  private GrowthBenchmark() {}

  public static void main(String[] args) throws Exception {
    String url = BenchmarkDatabases.fresh(DATABASE);
    try (ConfigurableApplicationContext app =
        BenchmarkDatabases.start(
            url,
            List.of("demo"),
            "--camunda.bpm.job-execution.enabled=true",
            "--gridcase.demo.sample-events=false")) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      String base = "http://127.0.0.1:" + port;

      // compact, as the figures after are
      jdbc.execute("vacuum full analyze");
      Map<String, Long> before = sizes(jdbc);
      long start = System.nanoTime();
      AtomicLong done = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        work.add(
            pool.submit(
                () -> {
                  for (long i = thread; i < EVENTS; i += THREADS) {
                    lifeCycle(http, base, i);
                    long n = done.incrementAndGet();
                    if (n % 500 == 0) {
                      System.out.printf(
                          "%,d events closed in %.0f s%n", n, (System.nanoTime() - start) / 1e9);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
      pool.shutdown();
      double lifeSeconds = (System.nanoTime() - start) / 1e9;
      awaitQuiet(jdbc, app.getBean(ManagementService.class));
      long closed =
          jdbc.queryForObject("select count(*) from event where status = 'CLOSED'", Long.class);
      if (closed != EVENTS) {
        throw new IllegalStateException(closed + " events closed of " + EVENTS);
      }
      // compacted too: the runtime tables' free space (the ended instances' rows) is reused by the
      // next events, it is not growth
      jdbc.execute("vacuum full analyze");
      Map<String, Long> after = sizes(jdbc);
      String rows = historyRows(jdbc);

      // 91 days later, 21:00 in Beijing: inside the cleanup window
      ZonedDateTime later =
          ZonedDateTime.now(ZoneOffset.ofHours(8)).plusDays(91).with(LocalTime.of(21, 0));
      ClockUtil.setCurrentTime(Date.from(later.toInstant()));
      // the job is due at the window's start of the real clock: due at once for the moved one
      app.getBean(HistoryService.class).cleanUpHistoryAsync(true);
      long historicBefore = historicInstances(jdbc);
      long cleanStart = System.nanoTime();
      // the job executor runs the cleanup's job once the window has come (as in production); wait
      // until nothing whose removal time has passed is left
      while (removable(jdbc, later) > 0
          && System.nanoTime() - cleanStart < Duration.ofMinutes(20).toNanos()) {
        Thread.sleep(250);
      }
      double cleanSeconds = (System.nanoTime() - cleanStart) / 1e9;
      long historicAfter = historicInstances(jdbc);
      ClockUtil.reset();
      // and the nightly housekeeping of the deadline registry (the closed steps' deadlines)
      int forgotten = app.getBean(DeadlineHousekeeping.class).forgetEnded();
      System.out.printf("%,d remembered deadlines forgotten%n", forgotten);
      jdbc.execute("vacuum full analyze");
      Map<String, Long> kept = sizes(jdbc);

      String report =
          report(
                  before,
                  after,
                  kept,
                  lifeSeconds,
                  historicBefore - historicAfter,
                  historicAfter,
                  cleanSeconds,
                  jdbc.queryForObject("show server_version", String.class))
              + rows;
      if (WRITE) {
        BenchmarkReport.write("growth-postgres", report);
      }
      System.out.println(report);
    }
  }

  /** One event's whole life through /api; every fourth is escalated to the village station. */
  static void lifeCycle(HttpClient http, String base, long i) throws Exception {
    String body = IntakeBenchmark.reportJson("GS-V01-G01", i);
    String reported = send(http, base, "worker1", "POST", "/api/events", body, 201);
    Matcher m = NUMBER.matcher(reported);
    if (!m.find()) {
      throw new IllegalStateException("no number in " + reported);
    }
    String event = "/api/events/" + m.group(1);
    boolean dispute = body.contains("\"DISPUTE\"");
    String result =
        dispute
            ? "{\"result\":\"双方达成一致\",\"mediator\":\"张伟\",\"mediationResult\":\"疏通排水沟，费用分摊\","
                + "\"agreementForm\":\"ORAL\",\"agreementTerms\":\"三日内疏通\"}"
            : "{\"result\":\"已现场处理\"}";
    if (i % 4 == 3) {
      send(http, base, "worker1", "POST", event + "/escalate", "{\"reason\":\"需村里协调\"}", 200);
      send(http, base, "station1", "POST", event + "/accept", null, 200);
      send(http, base, "station1", "POST", event + "/resolve", result, 200);
    } else {
      send(http, base, "worker1", "POST", event + "/resolve", result, 200);
    }
    send(
        http,
        base,
        "worker1",
        "POST",
        event + "/feedback",
        "{\"satisfaction\":\"SATISFIED\",\"comment\":\"处理及时\"}",
        200);
  }

  static String send(
      HttpClient http, String base, String user, String method, String path, String json, int want)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", IntakeBenchmark.basic(user))
            .header("Accept", "application/json");
    if (json != null) {
      request
          .header("Content-Type", "application/json; charset=utf-8")
          .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != want) {
      throw new IllegalStateException(
          method
              + " "
              + path
              + " as "
              + user
              + ": "
              + response.statusCode()
              + " "
              + response.body());
    }
    return response.body();
  }

  /** Waits until the domain events are delivered and no job is executable (at most 2 minutes). */
  static void awaitQuiet(JdbcTemplate jdbc, ManagementService management)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < until) {
      long pending =
          jdbc.queryForObject(
              "select count(*) from event_publication where completion_date is null", Long.class);
      long jobs =
          management.createJobQuery().executable().list().stream()
              .filter(j -> j.getDuedate() == null || j.getDuedate().before(new Date()))
              .count();
      if (pending == 0 && jobs == 0) {
        return;
      }
      Thread.sleep(500);
    }
    System.out.println("still pending after 2 minutes: measuring anyway");
  }

  static long historicInstances(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class);
  }

  /**
   * History rows whose removal time has come, in every history table: the cleanup removes up to its
   * batch size of each table per run, so an instance's many activity rows take several runs.
   */
  static long removable(JdbcTemplate jdbc, ZonedDateTime at) {
    List<String> tables =
        jdbc.queryForList(
            "select table_name from information_schema.columns where table_schema ="
                + " current_schema() and column_name = 'removal_time_' and table_name like"
                + " 'act_hi_%'",
            String.class);
    long rows = 0;
    for (String table : tables) {
      rows +=
          jdbc.queryForObject(
              "select count(*) from " + table + " where removal_time_ <= ?",
              Long.class,
              Timestamp.from(at.toInstant()));
    }
    return rows;
  }

  /** Every table of the schema with its indexes and TOAST, in bytes. */
  static Map<String, Long> sizes(JdbcTemplate jdbc) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    jdbc.query(
        "select c.relname, pg_total_relation_size(c.oid) from pg_class c join pg_namespace n on"
            + " n.oid = c.relnamespace where c.relkind = 'r' and n.nspname = current_schema()"
            + " order by 1",
        rs -> {
          sizes.put(rs.getString(1), rs.getLong(2));
        });
    return sizes;
  }

  static String report(
      Map<String, Long> before,
      Map<String, Long> after,
      Map<String, Long> kept,
      double lifeSeconds,
      long removed,
      long historicLeft,
      double cleanSeconds,
      String server) {
    long grown = total(after) - total(before);
    long engineGrown = total(after, true) - total(before, true);
    long keptGrown = total(kept) - total(before);
    double perEvent = grown / (double) EVENTS / 1024;
    double keptPerEvent = keptGrown / (double) EVENTS / 1024;
    StringBuilder md = new StringBuilder();
    md.append("| What | Figure | Target |\n|---|---|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| Database bytes per closed event while its engine history is kept (90 days) |"
                + " **%.1f KB** (%,d events: %.1f KB in GridCase's tables, %.1f KB in the"
                + " engine's) | target ≤ %.0f KB: %s |%n",
            perEvent,
            EVENTS,
            (grown - engineGrown) / (double) EVENTS / 1024,
            engineGrown / (double) EVENTS / 1024,
            TARGET_KB,
            perEvent <= TARGET_KB ? "met" : "**not met**"));
    md.append(
        String.format(
            Locale.ROOT,
            "| Bytes per closed event kept for ever (after the history cleanup, `VACUUM FULL`) |"
                + " **%.1f KB** | — |%n",
            keptPerEvent));
    md.append(
        String.format(
            Locale.ROOT,
            "| History cleanup in its window (batch 500) | %,d instances removed in %.1f s (%,.0f"
                + " instances/s, the job executor running the cleanup's job); %,d left (other"
                + " models) | — |%n",
            removed,
            cleanSeconds,
            removed / Math.max(cleanSeconds, 0.001),
            historicLeft));
    md.append("\nThe tables that grew most (KB per closed event, with indexes and TOAST):\n\n");
    md.append("| Table | while kept | for ever |\n|---|---|---|\n");
    after.entrySet().stream()
        .sorted(
            (a, b) ->
                Long.compare(
                    b.getValue() - before.getOrDefault(b.getKey(), 0L),
                    a.getValue() - before.getOrDefault(a.getKey(), 0L)))
        .limit(12)
        .forEach(
            e ->
                md.append(
                    String.format(
                        Locale.ROOT,
                        "| `%s` | %.2f | %.2f |%n",
                        e.getKey(),
                        (e.getValue() - before.getOrDefault(e.getKey(), 0L))
                            / (double) EVENTS
                            / 1024,
                        (kept.getOrDefault(e.getKey(), 0L) - before.getOrDefault(e.getKey(), 0L))
                            / (double) EVENTS
                            / 1024)));
    md.append(
        String.format(
            Locale.ROOT,
            "%nEach event's life through `/api` (report by the grid's worker, accepted at once; one"
                + " in four escalated to the village station, accepted and resolved there, the"
                + " others resolved in the grid; every fourth a dispute with its mediation; fed"
                + " back and closed), %d clients, %.0f s for all (%.0f events/s). Sizes are"
                + " `pg_total_relation_size` of every table, each time compacted by `VACUUM FULL`"
                + " (the runtime tables' space freed by ended instances is reused, not growth); the"
                + " cleanup ran with the engine clock 91 days on, 21:00 Beijing time, then the"
                + " deadline registry's nightly housekeeping. PostgreSQL %s on the same machine."
                + " Machine: %s. Command: `mvn -Pbenchmark test-compile"
                + " exec:exec@growth-postgres`%s.%n",
            THREADS,
            lifeSeconds,
            EVENTS / lifeSeconds,
            server,
            BenchmarkReport.machine(),
            EVENTS == 5_000 ? "" : " -Dgrowth.events=" + EVENTS));
    return md.toString();
  }

  /**
   * The engine's history rows per closed event, by model and kind: which activities and variables
   * the bytes of {@code act_hi_actinst} and {@code act_hi_varinst} are made of.
   */
  static String historyRows(JdbcTemplate jdbc) {
    StringBuilder md = new StringBuilder();
    md.append(
        "\nThe engine's history rows per closed event, while kept (model, then activity type or"
            + " variable):\n\n| Table | Model | Kind | Rows per event |\n|---|---|---|---:|\n");
    jdbc.query(
        "select 'act_hi_actinst', proc_def_key_, act_type_, count(*) from act_hi_actinst group by"
            + " proc_def_key_, act_type_ union all select 'act_hi_varinst', proc_def_key_, name_,"
            + " count(*) from act_hi_varinst group by proc_def_key_, name_ union all select"
            + " 'act_hi_taskinst', proc_def_key_, task_def_key_, count(*) from act_hi_taskinst"
            + " group by proc_def_key_, task_def_key_ order by 1, 4 desc",
        rs -> {
          md.append(
              String.format(
                  Locale.ROOT,
                  "| `%s` | %s | %s | %.2f |%n",
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getLong(4) / (double) EVENTS));
        });
    return md.toString();
  }

  static long total(Map<String, Long> sizes) {
    return sizes.values().stream().mapToLong(Long::longValue).sum();
  }

  static long total(Map<String, Long> sizes, boolean engine) {
    return sizes.entrySet().stream()
        .filter(e -> e.getKey().startsWith("act_") == engine)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
