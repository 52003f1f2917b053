package cn.gridcase.event;

import cn.gridcase.calendar.BenchmarkDatabases;
import cn.gridcase.calendar.BenchmarkReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #5's speed requirement on PostgreSQL, 2 cores:
 *
 * <ol>
 *   <li>Event intake through HTTP {@code POST /api/events}: ≥ 200 events/s sustained with p99 ≤ 200
 *       ms, and at least half the rate of the bare engine. Measured side by side in the same JVM,
 *       on the same database, concurrency level by concurrency level: N HTTP clients ({@code
 *       java.net.http}, HTTP/1.1 keep-alive, Basic auth on every request) reporting a 50/50 mix of
 *       worker1 in GS-V01-G01 (the grid's own worker: accepted at reporting, the handling task is
 *       assigned to them) and station1 in GS-V01-G01/G02 (not self-accepted: an acceptance task
 *       offered to the grid), against N threads calling {@code
 *       runtimeService.startProcessInstanceByKey} of a one-user-task process directly in Java (no
 *       HTTP, no authentication, no application tables) as the baseline, and N threads starting
 *       {@code intake-shape.bpmn} likewise: the event's BPMN shape without GridCase code, the ratio
 *       no implementation of this model can exceed.
 *   <li>{@code GET /api/tasks} p95 ≤ 50 ms with 100,000 open events: the database is topped up to
 *       that many open events through {@link Events} (threads in the same JVM; real events with
 *       their process instances, tasks and timers, spread over the 16 demo grids), then the work
 *       lists of worker1, station1 and center1 are fetched one request at a time.
 * </ol>
 *
 * <p>The application is the real one ({@code postgres,demo} profiles, random port, job executor on
 * as in production: the events' timers are due in working days, so none fires during the run)
 * against a fresh database {@value #DATABASE} on the server of {@code GRIDCASE_TEST_PG_URL}
 * (default the local one). The database is dropped at the start of the next run, not at the end, so
 * that its queries can be examined afterwards. Load generator and server share the JVM and the 2
 * cores; the CPU that other processes used during each measurement is recorded to flag a disturbed
 * run.
 *
 * <p>Run: {@code mvn -Pbenchmark test-compile exec:exec@intake-postgres} (writes
 * docs/benchmarks.md). Knobs (system properties, set in the pom's exec execution): {@code
 * intake.concurrency} (4,8,16), {@code intake.warmup} (60 s), {@code intake.rampup} (5 s per level,
 * not measured), {@code intake.seconds} (30 s per level), {@code intake.openEvents} (100000),
 * {@code intake.listRequests} (200), {@code intake.seedThreads} (4), {@code intake.write} (true),
 * {@code intake.baselines} (true; false times the intake alone and writes nothing), {@code
 * intake.parts} (intake,worklist: either part alone re-measures just its block of
 * docs/benchmarks.md), {@code intake.reuseDatabase} (false; true keeps the last run's database,
 * e.g. to time the work lists again without seeding: {@code -Dintake.parts=worklist
 * -Dintake.reuseDatabase=true}).
 */
public final class IntakeBenchmark {

  static final String DATABASE = "gridcase_bench_intake";
  static final String BASELINE_KEY = "IntakeBaseline";

  /**
   * The engine's floor for the event's shape: intake-shape.bpmn calling intake-shape-level.bpmn.
   */
  static final String SHAPE_KEY = "IntakeShape";

  static final String SHAPE_LEVEL_KEY = "IntakeShapeLevel";

  static final int[] CONCURRENCY =
      Arrays.stream(System.getProperty("intake.concurrency", "4,8,16").split(","))
          .map(String::trim)
          .mapToInt(Integer::parseInt)
          .toArray();

  /** JIT compilation of the intake path takes a while on 2 busy cores: 20 s left it half done. */
  static final int WARMUP_SECONDS = Integer.getInteger("intake.warmup", 60);

  static final int RAMPUP_SECONDS = Integer.getInteger("intake.rampup", 5);
  static final int MEASURE_SECONDS = Integer.getInteger("intake.seconds", 30);
  static final int OPEN_EVENTS = Integer.getInteger("intake.openEvents", 100_000);
  static final int LIST_REQUESTS = Integer.getInteger("intake.listRequests", 200);
  static final int LIST_WARMUP = 20;
  static final int SEED_THREADS = Integer.getInteger("intake.seedThreads", 4);
  static final boolean WRITE = Boolean.parseBoolean(System.getProperty("intake.write", "true"));

  /**
   * false: the intake alone, without the engine baselines and without writing (a quick look while
   * tuning).
   */
  static final boolean BASELINES =
      Boolean.parseBoolean(System.getProperty("intake.baselines", "true"));

  static final AtomicReference<String> AUTOVACUUM = new AtomicReference<>("?");
  static final boolean REUSE_DATABASE = Boolean.getBoolean("intake.reuseDatabase");
  static final Set<String> PARTS =
      Set.of(System.getProperty("intake.parts", "intake,worklist").split(","));

  static final double TARGET_RATE = 200;
  static final double TARGET_P99_MS = 200;
  static final double TARGET_RATIO = 0.5;
  static final double TARGET_LIST_P95_MS = 50;

  /**
   * Who reports where in the intake mix; {@code self}: the grid's own worker (E2: accepted at
   * reporting).
   */
  record Reporter(String user, String grid, boolean self) {}

  static final List<Reporter> INTAKE_MIX =
      List.of(
          new Reporter("worker1", "GS-V01-G01", true),
              new Reporter("station1", "GS-V01-G01", false),
          new Reporter("worker1", "GS-V01-G01", true),
              new Reporter("station1", "GS-V01-G02", false));

  static final List<String> LIST_USERS = List.of("worker1", "station1", "center1");
  static final String PASSWORD = "demo";

  public static void main(String[] args) throws Exception {
    String loadBefore = loadAverage();
    String url =
        REUSE_DATABASE ? BenchmarkDatabases.url(DATABASE) : BenchmarkDatabases.fresh(DATABASE);
    System.out.println("Database " + url + "; load average before start: " + loadBefore);
    try (ConfigurableApplicationContext app =
        BenchmarkDatabases.start(
            url, List.of("demo"), "--camunda.bpm.job-execution.enabled=true")) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      RuntimeService runtime = app.getBean(RuntimeService.class);
      RepositoryService repository = app.getBean(RepositoryService.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      for (String key : List.of(BASELINE_KEY, SHAPE_KEY, SHAPE_LEVEL_KEY)) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
          throw new IllegalStateException(
              "the benchmark model " + key + " (bpmn/benchmark/) was not deployed");
        }
      }
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      URI events = URI.create("http://127.0.0.1:" + port + "/api/events");
      AtomicLong baselineKeys = new AtomicLong();

      Operation intake =
          (thread, i) -> {
            Reporter reporter = INTAKE_MIX.get((int) ((thread + i) % INTAKE_MIX.size()));
            HttpResponse<String> response =
                http.send(
                    HttpRequest.newBuilder(events)
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", basic(reporter.user()))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("Accept", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                reportJson(reporter.grid(), i), StandardCharsets.UTF_8))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
              throw new IllegalStateException(
                  "POST /api/events as "
                      + reporter.user()
                      + ": "
                      + response.statusCode()
                      + " "
                      + response.body());
            }
            return reporter.self() ? 0 : 1;
          };
      Operation baseline =
          (thread, i) -> {
            runtime.startProcessInstanceByKey(
                BASELINE_KEY, "BASE-" + baselineKeys.incrementAndGet());
            return 0;
          };
      Operation shape =
          (thread, i) -> {
            String key = "SHAPE-" + baselineKeys.incrementAndGet();
            runtime.startProcessInstanceByKey(SHAPE_KEY, key, Map.of("eventNumber", key));
            return 0;
          };

      // 1. intake vs. bare engine, level by level
      if (PARTS.contains("intake")) {
        System.out.printf(
            "Warm-up: %d s of HTTP intake and %d s of bare engine at concurrency 8%n",
            WARMUP_SECONDS, WARMUP_SECONDS / 3);
        // the tables grow from empty: without statistics PostgreSQL plans e.g. the task query by
        // business
        // key as a sequential scan (275 ms at 138,000 tasks). Autovacuum would analyze them as they
        // grow;
        // it may be off (it is off on the development machine), so analyze before every
        // measurement.
        analyze(jdbc);
        measure("warm-up intake", 8, intake, WARMUP_SECONDS, 1);
        analyze(jdbc);
        if (BASELINES) {
          analyze(jdbc);
          measure("warm-up engine", 8, baseline, WARMUP_SECONDS / 3, 1);
          analyze(jdbc);
          measure("warm-up shape", 8, shape, WARMUP_SECONDS / 3, 1);
        }
        List<Run> intakeRuns = new ArrayList<>();
        List<Run> engineRuns = new ArrayList<>();
        List<Run> shapeRuns = new ArrayList<>();
        for (int threads : CONCURRENCY) {
          analyze(jdbc);
          intakeRuns.add(measure("intake", threads, intake, RAMPUP_SECONDS, MEASURE_SECONDS));
          if (BASELINES) {
            analyze(jdbc);
            engineRuns.add(measure("engine", threads, baseline, RAMPUP_SECONDS, MEASURE_SECONDS));
            analyze(jdbc);
            shapeRuns.add(measure("shape", threads, shape, RAMPUP_SECONDS, MEASURE_SECONDS));
          }
        }
        if (!BASELINES) {
          return; // a quick look at the intake alone: nothing to compare with, nothing written
        }
        write(
            "intake-postgres",
            intakeReport(
                intakeRuns, engineRuns, shapeRuns, serverVersion(jdbc), loadBefore, loadAverage()));
      }

      // 2. without the baseline's instances, top up to OPEN_EVENTS open events, then time the work
      // lists
      if (PARTS.contains("worklist")) {
        String loadBeforeLists = loadAverage();
        double deleteSeconds = deleteBaselineInstances(jdbc);
        Seeding seeding = seed(app.getBean(Events.class), jdbc);
        long vacuumStart = System.nanoTime();
        jdbc.execute("vacuum analyze");
        double vacuumSeconds = (System.nanoTime() - vacuumStart) / 1e9;
        List<ListRun> lists = new ArrayList<>();
        for (String user : LIST_USERS) {
          lists.add(timeWorklist(http, port, user, app));
        }
        String openByLevel =
            jdbc
                .queryForList(
                    "select level, count(*) as n from event where status not in"
                        + " ('CLOSED', 'REFERRED_TO_COUNTY') group by level order by count(*) desc")
                .stream()
                .map(
                    row ->
                        row.get("level")
                            + String.format(
                                Locale.ROOT, " %,d", ((Number) row.get("n")).longValue()))
                .collect(Collectors.joining(", "));
        long openInG01 =
            jdbc.queryForObject(
                "select count(*) from event where status not in ('CLOSED',"
                    + " 'REFERRED_TO_COUNTY') and grid_code = 'GS-V01-G01'",
                Long.class);
        write(
            "worklist-postgres",
            worklistReport(
                deleteSeconds,
                seeding,
                vacuumSeconds,
                lists,
                serverVersion(jdbc),
                openByLevel,
                openInG01,
                loadBeforeLists,
                loadAverage()));
      }
    }
  }

  static void analyze(JdbcTemplate jdbc) {
    long start = System.nanoTime();
    jdbc.execute("analyze");
    AUTOVACUUM.set(jdbc.queryForObject("show autovacuum", String.class));
    System.out.printf(
        "ANALYZE in %.1f s (autovacuum %s)%n", (System.nanoTime() - start) / 1e9, AUTOVACUUM.get());
  }

  static void write(String name, String markdown) {
    if (WRITE) {
      BenchmarkReport.write(name, markdown);
    } else {
      System.out.println(markdown);
    }
  }

  /**
   * The command that reproduces this run: the exec execution plus the knobs that differ from its
   * defaults.
   */
  static String command() {
    StringBuilder command =
        new StringBuilder("mvn -Pbenchmark test-compile exec:exec@intake-postgres");
    if (!PARTS.equals(Set.of("intake", "worklist"))) {
      command.append(" -Dintake.parts=").append(String.join(",", new TreeSet<>(PARTS)));
    }
    if (!levels().equals("4/8/16")) {
      command.append(" -Dintake.concurrency=").append(levels().replace('/', ','));
    }
    if (MEASURE_SECONDS != 30) {
      command.append(" -Dintake.seconds=").append(MEASURE_SECONDS);
    }
    if (OPEN_EVENTS != 100_000) {
      command.append(" -Dintake.openEvents=").append(OPEN_EVENTS);
    }
    if (REUSE_DATABASE) {
      command.append(" -Dintake.reuseDatabase=true");
    }
    return command.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // measuring

  /** One request or call; returns the kind of latency to record it under (0 or 1). */
  @FunctionalInterface
  interface Operation {
    int run(int thread, long i) throws Exception;
  }

  /** A measured level: {@code kinds[k]} the latencies of kind k, all in nanoseconds. */
  record Run(
      String name,
      int threads,
      long count,
      long errors,
      String firstError,
      double seconds,
      long[] all,
      long[][] kinds,
      Cores cores,
      List<String> otherJvms) {

    double rate() {
      return count / seconds;
    }

    double percentile(double p) {
      return IntakeBenchmark.percentile(all, p);
    }
  }

  /**
   * Runs {@code threads} loops of {@code op} for {@code rampSeconds + measureSeconds}; records the
   * operations started after the ramp-up. The rate is what completed of those over the time up to
   * the last of them.
   */
  static Run measure(String name, int threads, Operation op, int rampSeconds, int measureSeconds)
      throws InterruptedException {
    long begin = System.nanoTime();
    long measureFrom = begin + rampSeconds * 1_000_000_000L;
    long measureUntil = measureFrom + measureSeconds * 1_000_000_000L;
    LongList[][] latencies = new LongList[threads][2];
    long[] lastEnd = new long[threads];
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      latencies[t][0] = new LongList();
      latencies[t][1] = new LongList();
      Thread worker =
          new Thread(
              () -> {
                long i = 0;
                while (true) {
                  long start = System.nanoTime();
                  if (start >= measureUntil) {
                    break;
                  }
                  try {
                    int kind = op.run(thread, i++);
                    long end = System.nanoTime();
                    if (start >= measureFrom) {
                      latencies[thread][kind].add(end - start);
                      lastEnd[thread] = end;
                    }
                  } catch (Exception e) {
                    if (start >= measureFrom) {
                      errors.incrementAndGet();
                    }
                    firstError.compareAndSet(null, e.toString());
                  }
                }
              },
              name + "-" + t);
      worker.setDaemon(true);
      workers.add(worker);
    }
    workers.forEach(Thread::start);
    Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
    CpuSample cpuStart = CpuSample.take();
    Set<String> otherJvms = new TreeSet<>(otherJvms());
    Thread.sleep(Math.max(0, (measureUntil - System.nanoTime()) / 2_000_000));
    otherJvms.addAll(otherJvms());
    for (Thread worker : workers) {
      worker.join(120_000);
      if (worker.isAlive()) {
        throw new IllegalStateException(worker.getName() + " did not finish in time");
      }
    }
    CpuSample cpuEnd = CpuSample.take();
    otherJvms.addAll(otherJvms());
    long until = Arrays.stream(lastEnd).max().orElse(measureUntil);
    double seconds = Math.max(until - measureFrom, 1) / 1e9;
    long[][] kinds = new long[2][];
    for (int k = 0; k < 2; k++) {
      int kind = k;
      kinds[k] =
          Arrays.stream(latencies)
              .flatMapToLong(perThread -> Arrays.stream(perThread[kind].toArray()))
              .sorted()
              .toArray();
    }
    long[] all = Arrays.stream(kinds).flatMapToLong(Arrays::stream).sorted().toArray();
    Run run =
        new Run(
            name,
            threads,
            all.length,
            errors.get(),
            firstError.get(),
            seconds,
            all,
            kinds,
            cpuStart.coresUntil(cpuEnd),
            List.copyOf(otherJvms));
    System.out.printf(
        Locale.ROOT,
        "%-15s c=%2d  %8.1f /s  n=%6d  p50 %6.1f  p95 %6.1f  p99 %6.1f  max %7.1f ms"
            + "  errors %d  CPU cores: this JVM %.2f, PostgreSQL %.2f, other %.2f%s%s%n",
        name,
        threads,
        run.rate(),
        run.count(),
        ms(run.percentile(50)),
        ms(run.percentile(95)),
        ms(run.percentile(99)),
        ms(run.percentile(100)),
        run.errors(),
        run.cores().self(),
        run.cores().postgres(),
        run.cores().other(),
        otherJvms.isEmpty() ? "" : "  OTHER JVMs: " + otherJvms,
        firstError.get() == null ? "" : "  first error: " + firstError.get());
    return run;
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }

  static double ms(double nanos) {
    return nanos / 1e6;
  }

  /** A growable long[]. */
  static final class LongList {
    private long[] values = new long[4096];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // requests

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** A complete report (E2); every fourth one a dispute with both parties and a phone. */
  static String reportJson(String grid, long i) {
    EventCategory category = category(i);
    String occurredAt =
        OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).format(ISO);
    String parties =
        category == EventCategory.DISPUTE
            ? ",\"parties\":[{\"name\":\"张三\",\"phone\":\"13800000001\"},{\"name\":\"李四\",\"phone\":\"13800000002\"}]"
            : "";
    return "{\"category\":\""
        + category
        + "\",\"gridCode\":\""
        + grid
        + "\",\"title\":\"压测事件 "
        + i
        + "\","
        + "\"occurredAt\":\""
        + occurredAt
        + "\",\"location\":\"古山村12号\",\"persons\":\"张三、李四\","
        + "\"cause\":\"邻里之间因排水沟堵塞发生争执\",\"course\":\"网格员现场查看，双方情绪激动，需进一步协调\""
        + parties
        + ",\"major\":false}";
  }

  static EventCategory category(long i) {
    return EventCategory.values()[(int) (i % 4)];
  }

  static EventReport report(String grid, long i, boolean major) {
    EventCategory category = category(i);
    List<Party> parties =
        category == EventCategory.DISPUTE
            ? List.of(new Party("张三", "13800000001"), new Party("李四", "13800000002"))
            : List.of();
    return new EventReport(
        category,
        grid,
        "压测事件 " + i,
        OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1),
        "古山村12号",
        "张三、李四",
        "邻里之间因排水沟堵塞发生争执",
        "网格员现场查看，双方情绪激动，需进一步协调",
        parties,
        major);
  }

  // ---------------------------------------------------------------------------------------------
  // 100,000 open events

  record Seeding(
      long before, long created, long escalated, long major, double seconds, long openAfter) {}

  /**
   * The 16 demo grids; the three with a worker get reports from their worker, the others from
   * center1.
   */
  static final List<String> GRIDS;

  static {
    List<String> grids = new ArrayList<>();
    for (int v = 1; v <= 8; v++) {
      for (int g = 1; g <= 2; g++) {
        grids.add(String.format("GS-V%02d-G%02d", v, g));
      }
    }
    GRIDS = List.copyOf(grids);
  }

  static String workerOf(String grid) {
    return switch (grid) {
      case "GS-V01-G01" -> "worker1";
      case "GS-V01-G02" -> "worker2";
      case "GS-V02-G01" -> "worker3";
      default -> null;
    };
  }

  /**
   * Tops the database up to {@link #OPEN_EVENTS} open events, spread over the 16 grids: the grid's
   * worker reports in their own grid (self-accepted; one in five they escalate at once to the
   * village station, so station1 has a queue), center1 in the others (an acceptance task for the
   * grid), one in fifty is major (straight to the township center, center1's queue).
   */
  static Seeding seed(Events events, JdbcTemplate jdbc) throws InterruptedException {
    return seed(events, jdbc, OPEN_EVENTS);
  }

  /**
   * Tops the database up to {@code target} open events (see {@link #seed(Events, JdbcTemplate)}).
   */
  static Seeding seed(Events events, JdbcTemplate jdbc, long target) throws InterruptedException {
    long before = openEvents(jdbc);
    long wanted = Math.max(0, target - before);
    System.out.printf(
        "Seeding %,d events (%,d open already) with %d threads%n", wanted, before, SEED_THREADS);
    AtomicLong next = new AtomicLong();
    AtomicLong escalated = new AtomicLong();
    AtomicLong major = new AtomicLong();
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<Exception> firstFailure = new AtomicReference<>();
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < SEED_THREADS; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (long j = next.getAndIncrement(); j < wanted; j = next.getAndIncrement()) {
                  String grid = GRIDS.get((int) (j % GRIDS.size()));
                  boolean isMajor = j % 50 == 49;
                  String worker = isMajor ? null : workerOf(grid);
                  try {
                    EventView event =
                        events.report(
                            report(grid, 1_000_000 + j, isMajor),
                            worker == null ? "center1" : worker);
                    if (isMajor) {
                      major.incrementAndGet();
                    } else if (worker != null && (j / GRIDS.size()) % 5 == 0) {
                      events.escalate(event.number(), worker, "需村级工作站协调", null);
                      escalated.incrementAndGet();
                    }
                  } catch (Exception e) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, e);
                    if (failures.get() > 100) {
                      return;
                    }
                  }
                  if ((j + 1) % 10_000 == 0) {
                    System.out.printf(
                        "  %,d of %,d seeded in %.0f s%n",
                        j + 1, wanted, (System.nanoTime() - start) / 1e9);
                    analyze(jdbc); // as autovacuum would while the tables grow
                  }
                }
              },
              "seed-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (firstFailure.get() != null) {
      throw new IllegalStateException(
          failures.get() + " events failed to seed", firstFailure.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long after = openEvents(jdbc);
    System.out.printf(
        "Seeded %,d events in %.1f s (%.0f/s); %,d open now%n",
        wanted, seconds, wanted / seconds, after);
    return new Seeding(before, wanted, escalated.get(), major.get(), seconds, after);
  }

  /**
   * The baseline's and the shape's open tasks are not events: out of the way before the work lists
   * are timed. Bulk SQL on the runtime tables of the benchmark-only process (its history stays):
   * the engine's own deletion managed about 100 instances/s here, minutes for the baseline's tens
   * of thousands.
   */
  static double deleteBaselineInstances(JdbcTemplate jdbc) {
    long start = System.nanoTime();
    String definitions =
        "(select id_ from act_re_procdef where key_ in ('"
            + BASELINE_KEY
            + "', '"
            + SHAPE_KEY
            + "', '"
            + SHAPE_LEVEL_KEY
            + "'))";
    jdbc.update(
        "delete from act_ru_identitylink where task_id_ in (select id_ from act_ru_task where"
            + " proc_def_id_ in "
            + definitions
            + ")");
    jdbc.update("delete from act_ru_job where process_def_id_ in " + definitions);
    jdbc.update(
        "delete from act_ru_variable where proc_inst_id_ in (select id_ from act_ru_execution where"
            + " proc_def_id_ in "
            + definitions
            + ")");
    int tasks = jdbc.update("delete from act_ru_task where proc_def_id_ in " + definitions);
    int executions =
        jdbc.update("delete from act_ru_execution where proc_def_id_ in " + definitions);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "Deleted the bare engine's and the shape's %,d open tasks (%,d executions) in %.1f s%n",
        tasks, executions, seconds);
    return seconds;
  }

  static long openEvents(JdbcTemplate jdbc) {
    return jdbc.queryForObject(
        "select count(*) from event where status not in ('CLOSED', 'REFERRED_TO_COUNTY')",
        Long.class);
  }

  // ---------------------------------------------------------------------------------------------
  // GET /api/tasks

  record ListRun(
      String user,
      long matching,
      int returned,
      long[] latencies,
      Cores cores,
      List<String> otherJvms) {}

  static ListRun timeWorklist(
      HttpClient http, int port, String user, ConfigurableApplicationContext app)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tasks"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", basic(user))
            .header("Accept", "application/json")
            .GET()
            .build();
    int returned = 0;
    long[] latencies = new long[LIST_REQUESTS];
    CpuSample cpuStart = null;
    Set<String> otherJvms = new TreeSet<>();
    for (int i = -LIST_WARMUP; i < LIST_REQUESTS; i++) {
      if (i == 0) {
        cpuStart = CpuSample.take();
        otherJvms.addAll(otherJvms());
      }
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long nanos = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "GET /api/tasks as " + user + ": " + response.statusCode() + " " + response.body());
      }
      if (i >= 0) {
        latencies[i] = nanos;
      } else {
        returned = count(response.body(), "\"taskId\"");
      }
    }
    Cores cores = cpuStart.coresUntil(CpuSample.take());
    otherJvms.addAll(otherJvms());
    Arrays.sort(latencies);
    List<String> groups =
        app.getBean(IdentityService.class).createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList();
    var query = app.getBean(TaskService.class).createTaskQuery().active();
    if (groups.isEmpty()) {
      query.taskAssignee(user);
    } else {
      query.or().taskAssignee(user).taskCandidateGroupIn(groups).endOr();
    }
    long matching = query.count();
    ListRun run = new ListRun(user, matching, returned, latencies, cores, List.copyOf(otherJvms));
    System.out.printf(
        Locale.ROOT,
        "GET /api/tasks %-9s %,7d matching, %3d returned: p50 %6.1f  p95 %6.1f  p99 %6.1f"
            + "  max %6.1f ms  CPU cores: this JVM %.2f, PostgreSQL %.2f, other %.2f%s%n",
        user,
        matching,
        returned,
        ms(percentile(latencies, 50)),
        ms(percentile(latencies, 95)),
        ms(percentile(latencies, 99)),
        ms(percentile(latencies, 100)),
        cores.self(),
        cores.postgres(),
        cores.other(),
        otherJvms.isEmpty() ? "" : "  OTHER JVMs: " + otherJvms);
    return run;
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
      n++;
    }
    return n;
  }

  // ---------------------------------------------------------------------------------------------
  // the report

  static String intakeReport(
      List<Run> intakeRuns,
      List<Run> engineRuns,
      List<Run> shapeRuns,
      String pgVersion,
      String loadBefore,
      String loadAfter) {
    Run bestIntake = best(intakeRuns);
    Run bestEngine = best(engineRuns);
    Run bestShape = best(shapeRuns);
    Run sameLevelEngine = engineRuns.get(intakeRuns.indexOf(bestIntake));
    Run meeting =
        intakeRuns.stream()
            .filter(IntakeBenchmark::meetsIntakeTarget)
            .max(Comparator.comparingDouble(Run::rate))
            .orElse(null);
    double ratio = bestIntake.rate() / bestEngine.rate();
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "| Event intake, HTTP `POST /api/events`, best sustained rate (concurrency %d of %s) |"
                + " **%s events/s**; latency p50 %s ms, p95 %s ms, p99 **%s ms** (%,d events in"
                + " %.0f s, %d errors) | ≥ 200 events/s with p99 ≤ 200 ms: %s |%n",
            bestIntake.threads(),
            levels(),
            rate(bestIntake),
            f1(ms(bestIntake.percentile(50))),
            f1(ms(bestIntake.percentile(95))),
            f1(ms(bestIntake.percentile(99))),
            bestIntake.count(),
            bestIntake.seconds(),
            bestIntake.errors(),
            meeting == null
                ? "NOT met"
                : meeting == bestIntake
                    ? "met"
                    : "met at concurrency "
                        + meeting.threads()
                        + " ("
                        + rate(meeting)
                        + " events/s, p99 "
                        + f1(ms(meeting.percentile(99)))
                        + " ms)"));
    md.append(
        String.format(
            Locale.ROOT,
            "| Bare engine, `runtimeService.startProcessInstanceByKey` of a one-user-task process,"
                + " direct Java calls, best rate (concurrency %d) | **%s instances/s**; p50 %s ms,"
                + " p95 %s ms, p99 %s ms | baseline |%n",
            bestEngine.threads(),
            rate(bestEngine),
            f1(ms(bestEngine.percentile(50))),
            f1(ms(bestEngine.percentile(95))),
            f1(ms(bestEngine.percentile(99)))));
    md.append(
        String.format(
            Locale.ROOT,
            "| Intake rate ÷ bare engine rate (each at its best concurrency; at the same"
                + " concurrency %d: %.2f) | **%.2f** | ≥ 0.50: %s |%n",
            bestIntake.threads(),
            bestIntake.rate() / sameLevelEngine.rate(),
            ratio,
            ratio >= TARGET_RATIO ? "met" : "NOT met"));
    // issue 15's anchor: the same model in the bare engine, at the same concurrency
    Run sameLevelShape = shapeRuns.get(intakeRuns.indexOf(bestIntake));
    double shapeRatio = bestIntake.rate() / sameLevelShape.rate();
    md.append(
        String.format(
            Locale.ROOT,
            "| Intake rate ÷ the event's shape in the bare engine, at the best intake's"
                + " concurrency (%d) | **%.2f** | ≥ 0.60 (issue 15): %s |%n",
            bestIntake.threads(),
            shapeRatio,
            shapeRatio >= 0.6 ? "met" : "NOT met"));
    md.append(
        String.format(
            Locale.ROOT,
            "| The engine alone on the event's shape (`intake-shape.bpmn`: gateway, call activity,"
                + " level process with a service task, gateway, user task for a group with due date"
                + " and two non-interrupting timers; the same process variables), direct Java"
                + " calls, no GridCase code, best rate (concurrency %d) | **%s instances/s**; p50"
                + " %s ms, p99 %s ms; ÷ bare engine **%.2f** | the best ratio any code running this"
                + " model can reach |%n",
            bestShape.threads(),
            rate(bestShape),
            f1(ms(bestShape.percentile(50))),
            f1(ms(bestShape.percentile(99))),
            bestShape.rate() / bestEngine.rate()));
    md.append(
            "\n"
                + "Each level: intake, then the bare engine, then the event's shape in the bare"
                + " engine (")
        .append(RAMPUP_SECONDS)
        .append(" s ramp-up, then ")
        .append(MEASURE_SECONDS)
        .append(" s measured; latency of each request or call, client side), after ")
        .append(WARMUP_SECONDS)
        .append(
            " s of warm-up. Intake is a 50/50 mix of worker1 in GS-V01-G01 (self-accepted: the"
                + " handling task is assigned to them) and station1 in GS-V01-G01/G02 (an"
                + " acceptance task offered to the grid), shown apart. `ANALYZE` before each"
                + " measurement, as autovacuum would do while the tables grow (autovacuum is "
                + AUTOVACUUM.get()
                + " on this server). CPU: cores used meanwhile by this JVM (server and load"
                + " generator), by PostgreSQL and by everything else; a concurrent build shows"
                + " under \"other\" and among other JVMs.\n\n");
    md.append(
        "| Concurrency | Intake events/s | p50 / p95 / p99 / max ms | worker1 p50 / p99 | station1"
            + " p50 / p99 | Bare engine instances/s | p50 / p95 / p99 / max ms | Ratio | Shape"
            + " instances/s (÷ bare) | CPU cores JVM / PostgreSQL / other (intake; engine; shape)"
            + " |\n"
            + "|---|---|---|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < intakeRuns.size(); i++) {
      Run in = intakeRuns.get(i);
      Run en = engineRuns.get(i);
      Run sh = shapeRuns.get(i);
      md.append(
          String.format(
              Locale.ROOT,
              "| %d%s | %s | %s | %s / %s | %s / %s | %s | %s | %.2f | %s (%.2f) | %s; %s; %s%s"
                  + " |%n",
              in.threads(),
              in == bestIntake ? " (best)" : "",
              rate(in),
              latencies(in),
              f1(ms(percentile(in.kinds()[0], 50))),
              f1(ms(percentile(in.kinds()[0], 99))),
              f1(ms(percentile(in.kinds()[1], 50))),
              f1(ms(percentile(in.kinds()[1], 99))),
              rate(en),
              latencies(en),
              in.rate() / en.rate(),
              rate(sh),
              sh.rate() / en.rate(),
              cores(in.cores()),
              cores(en.cores()),
              cores(sh.cores()),
              otherJvmNote(in, en)));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nApplication: profiles `postgres,demo`, job executor on (the events' timers are"
                + " working days away), logging at WARN, in the same JVM as the load generator"
                + " (`java.net.http`, HTTP/1.1 keep-alive, Basic auth on every request). PostgreSQL"
                + " %s on the same machine, default settings, %s `%s`. Load average (1/5/15 min):"
                + " %s before start, %s after these runs. Machine: %s. Command: `%s`.",
            pgVersion,
            REUSE_DATABASE ? "the previous run's database" : "fresh database",
            DATABASE,
            loadBefore,
            loadAfter,
            BenchmarkReport.machine(),
            command()));
    return md.toString();
  }

  static String worklistReport(
      double deleteSeconds,
      Seeding seeding,
      double vacuumSeconds,
      List<ListRun> lists,
      String pgVersion,
      String openByLevel,
      long openInG01,
      String loadBefore,
      String loadAfter) {
    StringBuilder md = new StringBuilder();
    for (ListRun list : lists) {
      double p95 = ms(percentile(list.latencies(), 95));
      md.append(
          String.format(
              Locale.ROOT,
              "| `GET /api/tasks` as %s, %,d open events (%,d of the open tasks are theirs, %d"
                  + " returned), one client, %d requests | p50 %s ms, p95 **%s ms**, p99 %s ms, max"
                  + " %s ms (CPU cores JVM / PostgreSQL / other: %s%s) | p95 ≤ 50 ms: %s |%n",
              list.user(),
              seeding.openAfter(),
              list.matching(),
              list.returned(),
              LIST_REQUESTS,
              f1(ms(percentile(list.latencies(), 50))),
              f1(p95),
              f1(ms(percentile(list.latencies(), 99))),
              f1(ms(percentile(list.latencies(), 100))),
              cores(list.cores()),
              list.otherJvms().isEmpty()
                  ? ""
                  : "; other JVMs: " + String.join(", ", list.otherJvms()),
              p95 <= TARGET_LIST_P95_MS ? "met" : "NOT met"));
    }
    String setUp =
        seeding.created() == 0 && REUSE_DATABASE
            ? "the previous run's database as it was (`-Dintake.reuseDatabase=true`): its intake"
                + " runs' events plus the ones it reported through `Events.report` to reach the"
                + " open events above"
            : String.format(
                Locale.ROOT,
                "the bare engine's open instances removed (%.1f s, SQL); %,d open events there from"
                    + " the intake runs, topped up to %,d by %,d reports through `Events.report`"
                    + " from %d threads in the JVM in %.0f s (%.0f events/s, no HTTP), spread over"
                    + " the 16 demo grids: the grid's worker reports in worker1's, worker2's and"
                    + " worker3's grids (%,d of those escalated at once to the village station),"
                    + " center1 in the others, %,d major (to the township center)",
                deleteSeconds,
                seeding.before(),
                seeding.openAfter(),
                seeding.created(),
                SEED_THREADS,
                seeding.seconds(),
                seeding.created() / Math.max(seeding.seconds(), 0.001),
                seeding.escalated(),
                seeding.major());
    md.append(
        String.format(
            Locale.ROOT,
            "%nSet-up (not timed): %s. Open events by level: %s; in worker1's grid GS-V01-G01: %,d."
                + " Each open event has its two process instances (event, level), one open user"
                + " task and that task's two timers. Then `VACUUM ANALYZE` (%.0f s, as autovacuum"
                + " would) and %d warm-up requests per user. PostgreSQL %s, database `%s`. Load"
                + " average (1/5/15 min): %s before, %s after. Machine: %s. Command: `%s`.",
            setUp,
            openByLevel,
            openInG01,
            vacuumSeconds,
            LIST_WARMUP,
            pgVersion,
            DATABASE,
            loadBefore,
            loadAfter,
            BenchmarkReport.machine(),
            command()));
    return md.toString();
  }

  static boolean meetsIntakeTarget(Run run) {
    return run.errors() == 0
        && run.rate() >= TARGET_RATE
        && ms(run.percentile(99)) <= TARGET_P99_MS;
  }

  static Run best(List<Run> runs) {
    return runs.stream().max(Comparator.comparingDouble(Run::rate)).orElseThrow();
  }

  static String levels() {
    return Arrays.stream(CONCURRENCY).mapToObj(Integer::toString).collect(Collectors.joining("/"));
  }

  static String latencies(Run run) {
    return f1(ms(run.percentile(50)))
        + " / "
        + f1(ms(run.percentile(95)))
        + " / "
        + f1(ms(run.percentile(99)))
        + " / "
        + f1(ms(run.percentile(100)));
  }

  static String otherJvmNote(Run intake, Run engine) {
    Set<String> jvms = new TreeSet<>(intake.otherJvms());
    jvms.addAll(engine.otherJvms());
    return jvms.isEmpty() ? "" : "; other JVMs: " + String.join(", ", jvms);
  }

  static String cores(Cores cores) {
    return String.format(
        Locale.ROOT, "%.2f / %.2f / %.2f", cores.self(), cores.postgres(), cores.other());
  }

  static String rate(Run run) {
    return String.format(Locale.ROOT, "%,.0f", run.rate());
  }

  static String f1(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  // ---------------------------------------------------------------------------------------------
  // machine

  static String serverVersion(JdbcTemplate jdbc) {
    return jdbc.queryForObject("show server_version", String.class);
  }

  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Java processes other than this one and the Maven that started it (e.g. a concurrent build's
   * surefire).
   */
  public static List<String> otherJvms() {
    Set<Long> mine = new HashSet<>();
    for (ProcessHandle p = ProcessHandle.current(); p != null; p = p.parent().orElse(null)) {
      mine.add(p.pid());
    }
    return ProcessHandle.allProcesses()
        .filter(p -> !mine.contains(p.pid()))
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .map(
            p -> {
              String line = p.info().commandLine().orElse("java");
              return line.contains("surefire")
                  ? "surefire"
                  : line.contains("plexus-classworlds")
                      ? "maven"
                      : line.contains("spring-boot") || line.contains("GridCaseApplication")
                          ? "gridcase"
                          : "java";
            })
        .distinct()
        .sorted()
        .toList();
  }

  /** CPU ticks of the whole machine, of this JVM and of the PostgreSQL processes (Linux /proc). */
  public record CpuSample(long nanos, long busy, long self, long postgres) {

    public static CpuSample take() {
      long busy = 0;
      long self = 0;
      long postgres = 0;
      try {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < cpu.length && i <= 8; i++) {
          total += Long.parseLong(cpu[i]);
        }
        busy = total - Long.parseLong(cpu[4]) - Long.parseLong(cpu[5]);
        self = ticks(ProcessHandle.current().pid(), false);
        // with the children each has reaped: the short-lived parallel query workers end up in the
        // postmaster's
        postgres =
            ProcessHandle.allProcesses()
                .filter(p -> "postgres".equals(comm(p.pid())))
                .mapToLong(p -> ticks(p.pid(), true))
                .sum();
      } catch (IOException | RuntimeException e) {
        return new CpuSample(System.nanoTime(), -1, 0, 0);
      }
      return new CpuSample(System.nanoTime(), busy, self, postgres);
    }

    /** Cores used between this sample and {@code later} (ticks of 1/100 s). */
    public Cores coresUntil(CpuSample later) {
      if (busy < 0 || later.busy < 0) {
        return new Cores(Double.NaN, Double.NaN, Double.NaN);
      }
      double seconds = (later.nanos - nanos) / 1e9;
      long other = (later.busy - busy) - (later.self - self) - (later.postgres - postgres);
      return new Cores(
          (later.self - self) / 100.0 / seconds,
          (later.postgres - postgres) / 100.0 / seconds,
          Math.max(0, other) / 100.0 / seconds);
    }

    private static String comm(long pid) {
      try {
        return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
      } catch (IOException | RuntimeException e) {
        return "";
      }
    }

    private static long ticks(long pid, boolean withChildren) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is the state (field 3); utime, stime, cutime, cstime are fields 14 to 17
        return Long.parseLong(fields[11])
            + Long.parseLong(fields[12])
            + (withChildren ? Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : 0);
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }
  }

  /**
   * CPU used during a measurement, in cores: this JVM (server and load generator), PostgreSQL, the
   * rest.
   */
  public record Cores(double self, double postgres, double other) {}

  private IntakeBenchmark() {}
}
