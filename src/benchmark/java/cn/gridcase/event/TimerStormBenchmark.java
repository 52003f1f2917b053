package cn.gridcase.event;

import cn.gridcase.calendar.BenchmarkDatabases;
import cn.gridcase.calendar.BenchmarkReport;
import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApplicationProcess;
import cn.gridcase.test.PostgresServer;
import cn.gridcase.test.TimerStormEffects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 15 items 3 and 4, PostgreSQL: a timer storm. {@code storm.events} events (default 50,000)
 * are reported through {@code POST /api/events} by the three demo grid workers in their grids (8
 * clients; accepted at once, so each has a handling deadline and its reminder, all on the same
 * day); then the demo clock is moved past the reminders (50,000 jobs due at once) and past the
 * deadlines (50,000 more: each an OVERDUE_HANDLING step, notices, a proposal), and the job executor
 * drains them while worker1 reports at a fixed rate ({@code storm.intakeRate}, 10/s, an open model)
 * whose latency is measured. Each node is an application process of its own, started from the
 * benchmark's class path with {@code gridcase.demo.clock-runs-due-jobs=false}.
 *
 * <p>Part one: one node. Part two: a second node on the same database, as many events again
 * reported through both (4 clients each: the combined intake at the same offered concurrency), the
 * storm on both, and the second node killed with SIGKILL once a third of the deadlines are drained:
 * the first runs the jobs the dead one had locked once their lock ({@code storm.lockMillis}, 60 s)
 * ran out. After each part every effect is checked exactly once ({@link TimerStormEffects}).
 *
 * <p>Run: {@code mvn -Pbenchmark test-compile exec:exec@timer-storm-postgres}; knobs {@code
 * storm.events}, {@code storm.parts} (one,two), {@code storm.write} (true), {@code storm.nodeArgs}
 * (more arguments for the nodes, e.g. other job executor settings, comma separated). A fresh
 * database {@value #DATABASE}, kept until the next run; the nodes' logs in target/timer-storm.
 */
public final class TimerStormBenchmark {

  static final String DATABASE = "gridcase_bench_storm";
  static final int EVENTS = Integer.getInteger("storm.events", 50_000);
  static final Set<String> PARTS = Set.of(System.getProperty("storm.parts", "one,two").split(","));
  static final boolean WRITE = Boolean.parseBoolean(System.getProperty("storm.write", "true"));
  static final int SEED_CLIENTS = 8;
  static final int INTAKE_RATE = Integer.getInteger("storm.intakeRate", 10);
  static final int LOCK_MILLIS = Integer.getInteger("storm.lockMillis", 60_000);
  static final String NODE_ARGS =
      System.getProperty("storm.nodeArgs", "-").equals("-")
          ? ""
          : System.getProperty("storm.nodeArgs");
  static final double TARGET_RATE = 300;
  static final double TARGET_P95_MS = 300;
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final List<String> WORKERS = List.of("worker1", "worker2", "worker3");
  private static final Map<String, String> GRID_OF =
      Map.of("worker1", "GS-V01-G01", "worker2", "GS-V01-G02", "worker3", "GS-V02-G01");

  private TimerStormBenchmark() {}

  record Seeding(Set<String> numbers, double seconds, int nodes) {
    double rate() {
      return numbers.size() / seconds;
    }
  }

  record Drain(
      String what,
      int nodes,
      int due,
      double seconds,
      double secondsToKill,
      int dueAtKill,
      int lockedAtKill,
      long[] intakeNanos,
      int intakeFailures) {
    double rate() {
      return due / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    long began = System.nanoTime();
    String url = BenchmarkDatabases.fresh(DATABASE);
    Path directory = directory();
    List<String> lines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    ApplicationProcess one = start(directory, "node-1.log", url);
    ApplicationProcess two = null;
    try (Connection db = PostgresServer.connect(url)) {
      Seeding seedOne = null;
      Drain[] stormOne = null;
      if (PARTS.contains("one")) {
        seedOne = seed(List.of(one), EVENTS);
        System.out.printf(
            Locale.ROOT, "one node: %,d reports in %.0f s%n", EVENTS, seedOne.seconds());
        stormOne = storm(db, List.of(one), seedOne.numbers(), false);
        problems.addAll(settle(db, seedOne.numbers(), "one node"));
      }
      Seeding seedTwo = null;
      Drain[] stormTwo = null;
      if (PARTS.contains("two")) {
        two = start(directory, "node-2.log", url);
        // the second node's clock where the first's is (moved by part one)
        String now =
            ApiClient.anonymous(one.port())
                .as("admin")
                .get("/api/admin/clock")
                .json()
                .get("now")
                .asText();
        Reply set =
            ApiClient.anonymous(two.port())
                .as("admin")
                .put("/api/admin/clock", "{\"now\": \"" + now + "\"}");
        if (set.status() != 200) {
          throw new IllegalStateException("clock of node 2: " + set);
        }
        seedTwo = seed(List.of(one, two), EVENTS);
        System.out.printf(
            Locale.ROOT, "two nodes: %,d reports in %.0f s%n", EVENTS, seedTwo.seconds());
        stormTwo = storm(db, List.of(one, two), seedTwo.numbers(), true);
        problems.addAll(settle(db, seedTwo.numbers(), "two nodes"));
      }
      lines.add(report(seedOne, stormOne, seedTwo, stormTwo, problems, began, server(db)));
    } finally {
      one.close();
      if (two != null) {
        two.close();
      }
    }
    String markdown = String.join("\n", lines);
    if (WRITE) {
      BenchmarkReport.write("timer-storm-postgres", markdown);
    } else {
      System.out.println(markdown);
    }
  }

  /** The nodes' JVM options: 1 GiB of heap, and {@code storm.nodeJvmArgs} (separated by spaces). */
  static List<String> jvmArguments() {
    List<String> jvm = new ArrayList<>(List.of("-Xmx1g"));
    String extra = System.getProperty("storm.nodeJvmArgs", "-");
    if (!extra.equals("-") && !extra.isBlank()) {
      jvm.addAll(Arrays.asList(extra.trim().split("\\s+")));
    }
    return jvm;
  }

  static ApplicationProcess start(Path directory, String log, String url) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--gridcase.demo.clock-runs-due-jobs=false",
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
                "--gridcase.accountability.redelivery-interval=PT30S",
                "--logging.level.root=WARN"));
    if (!NODE_ARGS.isBlank()) {
      arguments.addAll(Arrays.asList(NODE_ARGS.split(",")));
    }
    long start = System.nanoTime();
    ApplicationProcess node =
        ApplicationProcess.startFromClassPath(
            directory,
            log,
            Map.of(
                "SPRING_PROFILES_ACTIVE",
                "postgres,demo",
                "GRIDCASE_DB_URL",
                url,
                "GRIDCASE_DB_USER",
                PostgresServer.user(),
                "GRIDCASE_DB_PASSWORD",
                PostgresServer.password()),
            jvmArguments(),
            arguments.toArray(String[]::new));
    System.out.printf(
        Locale.ROOT, "%s started in %.0f s%n", log, (System.nanoTime() - start) / 1e9);
    return node;
  }

  /** {@code count} reports from {@value #SEED_CLIENTS} clients spread over the nodes. */
  static Seeding seed(List<ApplicationProcess> nodes, int count) throws InterruptedException {
    Set<String> numbers = ConcurrentHashMap.newKeySet();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(SEED_CLIENTS);
    long start = System.nanoTime();
    for (int c = 0; c < SEED_CLIENTS; c++) {
      ApplicationProcess node = nodes.get(c % nodes.size());
      String worker = WORKERS.get(c % WORKERS.size());
      clients.execute(
          () -> {
            ApiClient client = ApiClient.anonymous(node.port()).as(worker);
            int i;
            while ((i = next.incrementAndGet()) <= count && failures.size() < 10) {
              Reply reply =
                  client.post("/api/events", IntakeBenchmark.reportJson(GRID_OF.get(worker), i));
              if (reply.status() == 201) {
                numbers.add(reply.json().get("number").asText());
              } else {
                failures.add(reply.toString());
              }
              if (i % 5000 == 0) {
                System.out.printf(
                    Locale.ROOT,
                    "  %,d reported, %.0f/s%n",
                    i,
                    i / ((System.nanoTime() - start) / 1e9));
              }
            }
          });
    }
    clients.shutdown();
    clients.awaitTermination(2, TimeUnit.HOURS);
    if (!failures.isEmpty()) {
      throw new IllegalStateException("reports failed: " + failures);
    }
    return new Seeding(numbers, (System.nanoTime() - start) / 1e9, nodes.size());
  }

  /** The reminders' storm, then the deadlines' (with the second node killed if {@code kill}). */
  static Drain[] storm(
      Connection db, List<ApplicationProcess> nodes, Set<String> numbers, boolean kill)
      throws SQLException {
    OffsetDateTime remindAt = latest(db, numbers, "step_handle_remind_at");
    OffsetDateTime deadline = earliest(db, numbers, "step_handle_by");
    // 10:00 Beijing, outside the history cleanup's nightly window
    ZonedDateTime reminders = remindAt.atZoneSameInstant(SHANGHAI);
    reminders =
        reminders.toLocalTime().isAfter(LocalTime.of(10, 0))
            ? reminders.truncatedTo(ChronoUnit.DAYS).plusDays(1).withHour(10)
            : reminders.truncatedTo(ChronoUnit.DAYS).withHour(10);
    if (!reminders.toOffsetDateTime().isBefore(deadline)) {
      throw new IllegalStateException("no moment between " + remindAt + " and " + deadline);
    }
    OffsetDateTime deadlines =
        latest(db, numbers, "step_handle_by")
            .atZoneSameInstant(SHANGHAI)
            .truncatedTo(ChronoUnit.DAYS)
            .plusDays(1)
            .withHour(10)
            .toOffsetDateTime();
    Drain first = drain(db, nodes, "reminders", reminders.toOffsetDateTime(), false);
    Drain second = drain(db, nodes, "deadlines", deadlines, kill);
    return new Drain[] {first, second};
  }

  static Drain drain(
      Connection db, List<ApplicationProcess> nodes, String what, OffsetDateTime to, boolean kill)
      throws SQLException {
    int due = TimerStormEffects.dueJobs(db, to);
    System.out.printf(
        Locale.ROOT, "%s: %,d jobs due at %s on %d node(s)%n", what, due, to, nodes.size());
    Intake intake = new Intake(nodes.get(0));
    long start = System.nanoTime();
    for (ApplicationProcess node : nodes) {
      Reply clock =
          ApiClient.anonymous(node.port())
              .as("admin")
              .put("/api/admin/clock", "{\"now\": \"" + to + "\"}");
      if (clock.status() != 200) {
        throw new IllegalStateException("clock: " + clock);
      }
    }
    double secondsToKill = 0;
    int dueAtKill = 0;
    int lockedAtKill = 0;
    boolean killed = !kill;
    int left = due;
    long lastPrint = start;
    while (left > 0 || locked(db) > 0) {
      ApplicationProcess.sleep(250);
      left = TimerStormEffects.dueJobs(db, to);
      if (!killed && left <= due * 2 / 3) {
        dueAtKill = left;
        lockedAtKill = locked(db);
        nodes.get(1).kill();
        secondsToKill = (System.nanoTime() - start) / 1e9;
        killed = true;
        System.out.printf(
            Locale.ROOT,
            "  node 2 killed after %.0f s: %,d due, %d locked%n",
            secondsToKill,
            dueAtKill,
            lockedAtKill);
      }
      if (System.nanoTime() - lastPrint > 15e9) {
        lastPrint = System.nanoTime();
        System.out.printf(
            Locale.ROOT, "  %,d left after %.0f s%n", left, (System.nanoTime() - start) / 1e9);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    intake.stop();
    Drain drain =
        new Drain(
            what,
            nodes.size(),
            due,
            seconds,
            secondsToKill,
            dueAtKill,
            lockedAtKill,
            intake.latencies(),
            intake.failures.get());
    System.out.printf(
        Locale.ROOT,
        "  drained in %.0f s: %.0f jobs/s; intake p95 %.0f ms (%d reports, %d failed)%n",
        seconds,
        drain.rate(),
        ms(percentile(drain.intakeNanos(), 95)),
        drain.intakeNanos().length,
        drain.intakeFailures());
    return drain;
  }

  /** worker1 reports at {@link #INTAKE_RATE} a second, each at its time whatever the others do. */
  static final class Intake {
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newCachedThreadPool();
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong index = new AtomicLong(10_000_000);

    Intake(ApplicationProcess node) {
      ApiClient client = ApiClient.anonymous(node.port()).as("worker1");
      clock.scheduleAtFixedRate(
          () -> {
            long due = System.nanoTime();
            senders.execute(
                () -> {
                  try {
                    Reply reply =
                        client.post(
                            "/api/events",
                            IntakeBenchmark.reportJson("GS-V01-G01", index.incrementAndGet()));
                    if (reply.status() == 201) {
                      nanos.add(System.nanoTime() - due);
                    } else {
                      failures.incrementAndGet();
                    }
                  } catch (IllegalStateException e) {
                    failures.incrementAndGet();
                  }
                });
          },
          0,
          1_000_000 / INTAKE_RATE,
          TimeUnit.MICROSECONDS);
    }

    void stop() {
      clock.shutdownNow();
      senders.shutdown();
      try {
        senders.awaitTermination(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    long[] latencies() {
      synchronized (nanos) {
        return nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      }
    }
  }

  /** Waits (up to 3 minutes: redelivered proposals) until every effect is there exactly once. */
  static List<String> settle(Connection db, Set<String> numbers, String part) throws SQLException {
    long start = System.nanoTime();
    TimerStormEffects.Report report = TimerStormEffects.check(db, numbers, true);
    while (!report.problems().isEmpty() && System.nanoTime() - start < 180e9) {
      ApplicationProcess.sleep(5000);
      report = TimerStormEffects.check(db, numbers, true);
    }
    System.out.printf(
        Locale.ROOT,
        "%s: effects checked for %,d events after %.0f s: %s%n",
        part,
        numbers.size(),
        (System.nanoTime() - start) / 1e9,
        report.problems().isEmpty() ? "each exactly once" : report.problems());
    return report.problems().stream().map(p -> part + ": " + p).toList();
  }

  /**
   * The server and whether autovacuum runs: dead job rows left by a storm slow the acquisition
   * query down when nothing vacuums them (docs/architecture.md, "The job executor and several
   * nodes").
   */
  static String server(Connection db) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet version = statement.executeQuery("show server_version")) {
      version.next();
      String server = "PostgreSQL " + version.getString(1);
      try (ResultSet autovacuum = statement.executeQuery("show autovacuum")) {
        autovacuum.next();
        return server + " on the same machine, autovacuum " + autovacuum.getString(1);
      }
    }
  }

  static String report(
      Seeding seedOne,
      Drain[] stormOne,
      Seeding seedTwo,
      Drain[] stormTwo,
      List<String> problems,
      long began,
      String server) {
    StringBuilder md = new StringBuilder();
    md.append("`mvn -Pbenchmark test-compile exec:exec@timer-storm-postgres")
        .append(EVENTS == 50_000 ? "" : " -Dstorm.events=" + EVENTS)
        .append(
            PARTS.equals(Set.of("one", "two")) ? "" : " -Dstorm.parts=" + String.join(",", PARTS))
        .append(NODE_ARGS.isBlank() ? "" : " -Dstorm.nodeArgs=" + NODE_ARGS)
        .append("`; ")
        .append(server)
        .append("; ")
        .append(BenchmarkReport.machine())
        .append(
            String.format(
                Locale.ROOT, "; %.0f min in all.%n%n", (System.nanoTime() - began) / 60e9))
        .append(
            "| Part | Jobs due at once | Drained in | Rate (target ≥ 300/s) | Intake meanwhile"
                + " (10/s): p50 / p95 (target ≤ 300 ms) / p99 |\n"
                + "|---|---|---|---|---|\n");
    for (Drain[] storm : new Drain[][] {stormOne, stormTwo}) {
      if (storm == null) {
        continue;
      }
      for (Drain d : storm) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s, %s%s | %,d | %.0f s | **%.0f jobs/s** | %.0f / **%.0f** / %.0f ms (%,d"
                    + " reports%s) |%n",
                d.nodes() == 1 ? "one node" : "two nodes",
                d.what(),
                d.secondsToKill() > 0
                    ? String.format(
                        Locale.ROOT,
                        ", node 2 killed after %.0f s (%,d due, %d locked)",
                        d.secondsToKill(),
                        d.dueAtKill(),
                        d.lockedAtKill())
                    : "",
                d.due(),
                d.seconds(),
                d.rate(),
                ms(percentile(d.intakeNanos(), 50)),
                ms(percentile(d.intakeNanos(), 95)),
                ms(percentile(d.intakeNanos(), 99)),
                d.intakeNanos().length,
                d.intakeFailures() > 0 ? ", " + d.intakeFailures() + " failed" : ""));
      }
    }
    md.append('\n');
    if (seedOne != null) {
      md.append(
          String.format(
              Locale.ROOT,
              "Intake before the storm, %d clients: one node %.0f events/s (%,d events, 0 → %,d"
                  + " open)",
              SEED_CLIENTS,
              seedOne.rate(),
              seedOne.numbers().size(),
              seedOne.numbers().size()));
    }
    if (seedTwo != null) {
      md.append(
          String.format(
              Locale.ROOT,
              "%stwo nodes %.0f events/s (%,d events, 4 clients each)",
              seedOne == null ? "Intake before the storm: " : "; ",
              seedTwo.rate(),
              seedTwo.numbers().size()));
      if (seedOne != null) {
        md.append(
            String.format(
                Locale.ROOT,
                ": **%.2f × one node** (target ≥ 0.9)",
                seedTwo.rate() / seedOne.rate()));
      }
    }
    md.append(".\n\n");
    md.append(
        problems.isEmpty()
            ? "Effects: every seeded event has exactly one OVERDUE_HANDLING step, one 超期 notice per"
                + " person told, one 临期提醒 per person reminded and one proposal; no number twice.\n"
            : "Effects: **" + String.join("; ", problems) + "**\n");
    return md.toString();
  }

  static OffsetDateTime latest(Connection db, Set<String> numbers, String column)
      throws SQLException {
    return one(db, numbers, "select max(" + column + ") from event where number = any(?)");
  }

  static OffsetDateTime earliest(Connection db, Set<String> numbers, String column)
      throws SQLException {
    return one(db, numbers, "select min(" + column + ") from event where number = any(?)");
  }

  private static OffsetDateTime one(Connection db, Set<String> numbers, String sql)
      throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setArray(1, db.createArrayOf("varchar", numbers.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getObject(1, OffsetDateTime.class);
      }
    }
  }

  static int locked(Connection db) throws SQLException {
    try (PreparedStatement statement =
            db.prepareStatement(
                "select count(*) from act_ru_job where lock_owner_ is not null and retries_ > 0");
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static double ms(double nanos) {
    return nanos / 1e6;
  }

  static Path directory() {
    Path directory = Path.of("target/timer-storm");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return directory;
  }
}
