package cn.gridcase.assessment;

import cn.gridcase.assessment.internal.OpenQuarterAssessments;
import cn.gridcase.calendar.BenchmarkDatabases;
import cn.gridcase.calendar.BenchmarkReport;
import cn.gridcase.test.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 14's scale requirement: a quarter's drafts (A4) for 20,000 grid workers in ≤ 10 minutes on
 * this machine, with a year of events and work records in PostgreSQL.
 *
 * <p><b>Data.</b> The year database of the shortfalls benchmark ({@code gridcase_bench_shortfalls}:
 * 20 townships, 20,000 grid workers, 2025-10-01 … 2026-09-30, work records and the workers' events;
 * see {@code cn.gridcase.routine.ShortfallsBenchmark}) is never changed: drafting writes the
 * assessment tables and starting this branch's application applies its migrations (V16, V17), so
 * the benchmark works on a copy, {@code gridcase_bench_quarter}, made once with {@code CREATE
 * DATABASE … TEMPLATE} (reused afterwards; {@code -Dquarter.recopy=true} copies anew). The events
 * there have no steps ({@code event_step}): the draft does not need them — A4 reads an event only
 * as an information entry of its week (item 1: reporter, grid, time); steps matter for the pay
 * statements (A1's counted entries), which only finalizing reads (A5's tie-break), not the draft.
 * Meetings are not in that database: item 7 deducts nothing there.
 *
 * <p><b>Measurement</b>, the application running on the copy (profile {@code postgres}, job
 * executor off, same JVM), the engine clock at 2026-10-01 03:00 (Beijing), the moment the timer
 * start event 每季度结束 fires: the previous drafts of 2026-Q3 are removed, then what the timer's
 * service task does — {@code OpenQuarterAssessments#open("2026-Q3")}: one process instance per
 * township, each stopping before its asynchronous 生成考核草稿 — and then every township's draft job, run
 * by {@code quarter.threads} (3, the job executor's core pool) threads as the job executor would.
 * The wall time from the timer's task to the last draft is the figure judged.
 *
 * <p>Run: {@code mvn -Pbenchmark test-compile exec:exec@quarter-drafts-postgres} (writes
 * docs/benchmarks.md). Knobs: {@code routine.townships} (20; fewer uses the shortfalls benchmark's
 * {@code _tN} database, and prints instead of writing), {@code quarter.threads} (3), {@code
 * quarter.recopy} (false), {@code quarter.write} (true).
 */
public final class QuarterDraftsBenchmark {

  static final int TOWNSHIPS = Integer.getInteger("routine.townships", 20);
  static final int THREADS = Integer.getInteger("quarter.threads", 3);
  static final boolean RECOPY = Boolean.getBoolean("quarter.recopy");
  static final boolean WRITE = Boolean.parseBoolean(System.getProperty("quarter.write", "true"));
  static final String QUARTER = "2026-Q3";
  static final String FIRES_AT = "2026-10-01T03:00:00+08:00";
  static final double TARGET_MINUTES = 10;
  static final String ADMIN = "admin";
  static final String PASSWORD = "bench-routine-2026";

  private QuarterDraftsBenchmark() {}

  /** One township's draft job: how long it ran and what it wrote. */
  record Draft(String township, double seconds, String error) {}

  public static void main(String[] args) throws Exception {
    String suffix = TOWNSHIPS == 20 ? "" : "_t" + TOWNSHIPS;
    String source = "gridcase_bench_shortfalls" + suffix;
    String target = "gridcase_bench_quarter" + suffix;
    double copySeconds = copy(source, target);
    String loadBefore = loadAverage();
    String url = BenchmarkDatabases.url(target);
    System.out.printf("%s, load average %s%n", url, loadBefore);
    try (ConfigurableApplicationContext app =
            BenchmarkDatabases.start(
                url,
                List.of(),
                "--camunda.bpm.job-execution.enabled=false",
                "--gridcase.organisation.id-card-key="
                    + "YmVuY2htYXJrLWtleS0zMi1ieXRlcy1sb25nLS0tLSE=",
                "--gridcase.bootstrap-admin.username=" + ADMIN,
                "--gridcase.bootstrap-admin.password=" + PASSWORD);
        Connection db = PostgresServer.connect(url)) {
      RuntimeService runtime = app.getBean(RuntimeService.class);
      ManagementService management = app.getBean(ManagementService.class);
      for (ProcessInstance pi :
          runtime.createProcessInstanceQuery().processDefinitionKey("assessment-quarter").list()) {
        runtime.deleteProcessInstance(pi.getId(), "benchmark re-run", true, true);
      }
      try (Statement s = db.createStatement()) {
        String ids = "(select id from assessment_quarter where quarter = '" + QUARTER + "')";
        s.execute("delete from assessment_objection where assessment_id in " + ids);
        s.execute("delete from assessment_deduction where assessment_id in " + ids);
        s.execute("delete from assessment_worker where assessment_id in " + ids);
        s.execute("delete from assessment_quarter where quarter = '" + QUARTER + "'");
      }
      ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(FIRES_AT).toInstant()));
      long start = System.nanoTime();
      int opened = app.getBean(OpenQuarterAssessments.class).open(QUARTER);
      double openSeconds = (System.nanoTime() - start) / 1e9;
      // the townships' draft jobs (asynchronous continuations), not the timer start event's own job
      List<Job> jobs =
          management.createJobQuery().processDefinitionKey("assessment-quarter").list().stream()
              .filter(j -> j.getProcessInstanceId() != null)
              .toList();
      Map<String, String> townshipOf = new LinkedHashMap<>();
      for (ProcessInstance pi :
          runtime.createProcessInstanceQuery().processDefinitionKey("assessment-quarter").list()) {
        townshipOf.put(pi.getId(), pi.getBusinessKey().replace("assessment-", ""));
      }
      System.out.printf(
          Locale.ROOT,
          "opened %d townships in %.1f s; %d draft jobs%n",
          opened,
          openSeconds,
          jobs.size());
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<Draft>> futures = new ArrayList<>();
      for (Job job : jobs) {
        futures.add(
            pool.submit(
                () -> {
                  long t = System.nanoTime();
                  String error = null;
                  try {
                    management.executeJob(job.getId());
                  } catch (RuntimeException e) {
                    error = e.toString();
                  }
                  double seconds = (System.nanoTime() - t) / 1e9;
                  String township = townshipOf.get(job.getProcessInstanceId());
                  System.out.printf(Locale.ROOT, "  %s drafted in %.1f s%n", township, seconds);
                  return new Draft(township, seconds, error);
                }));
      }
      List<Draft> drafts = new ArrayList<>();
      for (Future<Draft> f : futures) {
        drafts.add(f.get());
      }
      pool.shutdown();
      double totalSeconds = (System.nanoTime() - start) / 1e9;
      ClockUtil.reset();
      Map<String, Long> counts = counts(db);
      String markdown =
          report(
              source,
              target,
              copySeconds,
              opened,
              openSeconds,
              drafts,
              totalSeconds,
              counts,
              loadBefore,
              loadAverage(),
              serverVersion(db));
      if (WRITE && TOWNSHIPS == 20) {
        BenchmarkReport.write("quarter-drafts-postgres", markdown);
      } else {
        System.out.println(markdown);
      }
    }
  }

  /** Copies the shortfalls benchmark's year database once (seconds it took, 0 when reused). */
  static double copy(String source, String target) throws SQLException {
    try (Connection src = PostgresServer.connect(BenchmarkDatabases.url(source));
        Statement s = src.createStatement();
        ResultSet rs = s.executeQuery("select info from bench.step where name = 'complete'")) {
      if (!rs.next()) {
        throw new IllegalStateException(
            source
                + " is not complete: run mvn -Pbenchmark test-compile"
                + " exec:exec@shortfalls-postgres first");
      }
      System.out.println(source + ": " + rs.getString(1));
    }
    try (Connection admin = PostgresServer.connect(PostgresServer.adminUrl());
        Statement s = admin.createStatement()) {
      boolean exists;
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_database where datname = '" + target + "'")) {
        exists = rs.next();
      }
      if (exists && !RECOPY) {
        System.out.println(target + " exists: reused");
        return 0;
      }
      if (exists) {
        s.execute("drop database " + target + " with (force)");
      }
      long start = System.nanoTime();
      s.execute("create database " + target + " template " + source);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "copied %s to %s in %.0f s%n", source, target, seconds);
      return seconds;
    }
  }

  static Map<String, Long> counts(Connection db) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    String of = "(select id from assessment_quarter where quarter = '" + QUARTER + "')";
    counts.put(
        "townships",
        one(db, "select count(*) from assessment_quarter where quarter = '" + QUARTER + "'"));
    counts.put(
        "grid workers",
        one(db, "select count(*) from assessment_worker where assessment_id in " + of));
    counts.put(
        "deductions",
        one(db, "select count(*) from assessment_deduction where assessment_id in " + of));
    for (int item = 1; item <= 7; item++) {
      counts.put(
          "item " + item + " deductions",
          one(
              db,
              "select count(*) from assessment_deduction where item = "
                  + item
                  + " and assessment_id in "
                  + of));
    }
    counts.put("work records", one(db, "select count(*) from work_record"));
    counts.put("events", one(db, "select count(*) from event"));
    return counts;
  }

  static long one(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String report(
      String source,
      String target,
      double copySeconds,
      int opened,
      double openSeconds,
      List<Draft> drafts,
      double totalSeconds,
      Map<String, Long> counts,
      String loadBefore,
      String loadAfter,
      String pgVersion) {
    List<Double> seconds = new ArrayList<>();
    drafts.forEach(d -> seconds.add(d.seconds()));
    Collections.sort(seconds);
    long errors = drafts.stream().filter(d -> d.error() != null).count();
    double minutes = totalSeconds / 60;
    StringBuilder md = new StringBuilder();
    md.append("Measured ")
        .append(BenchmarkReport.machine())
        .append("; PostgreSQL ")
        .append(pgVersion)
        .append(", load average before ")
        .append(loadBefore)
        .append(", after ")
        .append(loadAfter)
        .append(".\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| What | Figure |\n|---|---|\n"
                + "| **2026-Q3 drafted for all townships (the timer's task to the last draft)** |"
                + " **%.1f min** (target ≤ %.0f min: %s) |\n"
                + "| townships opened (process instances) | %d in %.1f s |\n"
                + "| draft jobs, %d threads | %d; fastest %.1f s, median %.1f s, slowest %.1f s;"
                + " %d failed |\n",
            minutes,
            TARGET_MINUTES,
            minutes <= TARGET_MINUTES ? "met" : "**not met**",
            opened,
            openSeconds,
            THREADS,
            drafts.size(),
            seconds.isEmpty() ? 0 : seconds.get(0),
            seconds.isEmpty() ? 0 : seconds.get(seconds.size() / 2),
            seconds.isEmpty() ? 0 : seconds.get(seconds.size() - 1),
            errors));
    counts.forEach(
        (k, v) ->
            md.append("| ")
                .append(k)
                .append(" | ")
                .append(String.format(Locale.ROOT, "%,d", v))
                .append(" |\n"));
    md.append(
        String.format(
            Locale.ROOT,
            "| database | `%s`, a copy of `%s` (%s) |\n",
            target,
            source,
            copySeconds == 0
                ? "copied before, reused"
                : String.format(Locale.ROOT, "copied in %.0f s", copySeconds)));
    drafts.stream()
        .filter(d -> d.error() != null)
        .findFirst()
        .ifPresent(
            d ->
                md.append("\nFirst failure (")
                    .append(d.township())
                    .append("): `")
                    .append(d.error())
                    .append("`\n"));
    return md.toString();
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String serverVersion(Connection db) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("show server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
