package cn.gridcase.routine;

import cn.gridcase.calendar.BenchmarkDatabases;
import cn.gridcase.calendar.BenchmarkReport;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.event.IntakeBenchmark;
import cn.gridcase.event.IntakeBenchmark.Cores;
import cn.gridcase.event.IntakeBenchmark.CpuSample;
import cn.gridcase.event.internal.EventRepository;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.internal.ShortfallCount;
import cn.gridcase.routine.internal.WorkRecordRepository;
import cn.gridcase.test.PostgresServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13's scale requirement: with a year of work records of 20,000 grid workers in PostgreSQL
 * (200,000 records a day, 73 million), the shortfalls of one person for a quarter answer {@code GET
 * /api/work/shortfalls/{username}?period=2026-Q3} with p95 ≤ 50 ms.
 *
 * <p><b>Data.</b> Two databases on the server of {@code GRIDCASE_TEST_PG_URL}, each made once and
 * kept: {@value #YEAR_DATABASE} with the year 2025-10-01 … 2026-09-30, and {@value #MONTH_DATABASE}
 * with September 2026 only — the same organisation and the same workers, so that the ratio of their
 * figures says what the year's volume costs, on any machine. Each is made by starting the
 * application on an empty database (Flyway and the engine create the schema), then:
 *
 * <ul>
 *   <li>the organisation through the application, as {@link RoutineOrganisation} describes: units
 *       with {@code POST /api/units}, 20,020 accounts with {@code UserAccounts}, one roster file
 *       per township with {@code POST /api/roster/import} (grids, people, appointments, groups);
 *   <li>the special-group registers, the work records with their details and the workers' events
 *       with SQL in the database ({@code insert … select} over the workers, day by day), as {@link
 *       RoutineRecords} describes: keys and indexes dropped first and built after the load, then
 *       {@code VACUUM ANALYZE}. Not made: patrol tracks ({@code work_patrol_point}, optional, not
 *       read by the counts), the events' steps, parties and process history (the counts read the
 *       event row only).
 * </ul>
 *
 * <p>A database whose build finished ({@code bench.step} "complete") is reused; one whose build
 * stopped resumes; {@code -Droutine.rebuild=true} drops both and makes them anew.
 *
 * <p><b>Measurement</b>, on each database, the application running (profile {@code postgres}, job
 * executor off, same JVM): {@code routine.warmup} (500) requests and service calls, then for the
 * quarter 2026-Q3, the month 2026-09 and the ISO week 2026-W38, {@code routine.requests} (1,000)
 * each of: {@code GET /api/work/shortfalls/{username}?period=} for random workers, one after the
 * other, as the supervisor (政法委) of the worker's township with HTTP Basic (a scope check); {@link
 * Shortfalls#of} called in the JVM (no HTTP, no login, no scope, no JSON); the report's main query
 * alone ({@code WorkRecordRepository#counted} over the count's reading window). Random workers with
 * fixed seeds: the same workers on both databases. Then {@code EXPLAIN (ANALYZE, BUFFERS)} of the
 * report's two reads that grow with the records, and the databases' sizes.
 *
 * <p>Run: {@code mvn -Pbenchmark test-compile exec:exec@shortfalls-postgres} (writes
 * docs/benchmarks.md). Knobs: {@code routine.requests} (1000), {@code routine.warmup} (500), {@code
 * routine.parts} (year,month), {@code routine.rebuild} (false), {@code routine.write} (true),
 * {@code routine.townships} (20; fewer for a quick try, into databases of their own).
 */
public final class ShortfallsBenchmark {

  static final String YEAR_DATABASE = "gridcase_bench_shortfalls";
  static final String MONTH_DATABASE = "gridcase_bench_shortfalls_month";
  static final int REQUESTS = Integer.getInteger("routine.requests", 1000);
  static final int WARMUP = Integer.getInteger("routine.warmup", 500);
  static final boolean REBUILD = Boolean.getBoolean("routine.rebuild");
  static final boolean WRITE = Boolean.parseBoolean(System.getProperty("routine.write", "true"));
  static final Set<String> PARTS =
      new TreeSet<>(Arrays.asList(System.getProperty("routine.parts", "year,month").split(",")));
  static final double TARGET_P95_MS = 50;

  static final List<String> PERIODS = List.of("2026-Q3", "2026-09", "2026-W38");

  /** A database of records from {@code from} to {@code to}. */
  record Data(String part, String database, LocalDate from, LocalDate to) {}

  enum Layer {
    HTTP("`GET /api/work/shortfalls/{u}?period=` as the township's supervisor"),
    SERVICE("`Shortfalls.of` in the JVM"),
    QUERY("the main query alone (`WorkRecordRepository.counted`)");

    final String label;

    Layer(String label) {
      this.label = label;
    }
  }

  /** One measured set: latencies (ns, sorted), CPU, load and PostgreSQL's block counts. */
  record Measured(
      String period,
      Layer layer,
      long[] nanos,
      long errors,
      String firstError,
      Cores cores,
      String loadBefore,
      String loadAfter,
      double blocksRead,
      double blocksHit,
      double readMillis,
      double rows,
      double chars) {

    double ms(double p) {
      return percentile(nanos, p) / 1e6;
    }
  }

  /** What one database gave. */
  record Result(
      Data data,
      boolean built,
      double buildSeconds,
      Map<String, Double> stepSeconds,
      Map<String, Long> counts,
      List<RoutineRecords.TableSize> sizes,
      Map<String, Long> recordIndexes,
      long databaseBytes,
      List<Measured> measured,
      String explain,
      Map<String, Map<Requirement, Integer>> workersShort,
      Map<String, Integer> reports,
      String pgVersion,
      String loadBefore,
      String loadAfter) {

    Measured get(String period, Layer layer) {
      return measured.stream()
          .filter(m -> m.period().equals(period) && m.layer() == layer)
          .findFirst()
          .orElse(null);
    }
  }

  public static void main(String[] args) throws Exception {
    String suffix = RoutineOrganisation.TOWNSHIPS == 20 ? "" : "_t" + RoutineOrganisation.TOWNSHIPS;
    List<Data> data = new ArrayList<>();
    if (PARTS.contains("year")) {
      data.add(
          new Data(
              "year",
              YEAR_DATABASE + suffix,
              LocalDate.of(2025, 10, 1),
              LocalDate.of(2026, 9, 30)));
    }
    if (PARTS.contains("month")) {
      data.add(
          new Data(
              "month",
              MONTH_DATABASE + suffix,
              LocalDate.of(2026, 9, 1),
              LocalDate.of(2026, 9, 30)));
    }
    // all databases made first, then measured one after the other: the measurements lie close
    // in time (a similar load on the shared machine), and none follows a build directly
    Map<String, Boolean> built = new LinkedHashMap<>();
    for (Data d : data) {
      built.put(d.part(), run(d, true, false) != null);
    }
    List<Result> results = new ArrayList<>();
    for (Data d : data) {
      results.add(run(d, false, built.get(d.part())));
    }
    String markdown = report(results);
    if (WRITE && RoutineOrganisation.TOWNSHIPS == 20) {
      BenchmarkReport.write("shortfalls-postgres", markdown);
    } else {
      System.out.println(markdown);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // one database

  /**
   * Builds the database ({@code build}: returns null when it was complete, a placeholder result
   * otherwise), or measures it.
   */
  static Result run(Data data, boolean build, boolean builtInThisRun) throws Exception {
    String url = build ? database(data.database()) : BenchmarkDatabases.url(data.database());
    String loadBefore = IntakeBenchmark.loadAverage();
    System.out.printf("%s: %s, load average %s (%s)%n", data.part(), url, loadBefore, uptime());
    try (ConfigurableApplicationContext app =
            BenchmarkDatabases.start(
                url,
                List.of(),
                "--camunda.bpm.job-execution.enabled=false",
                "--gridcase.organisation.id-card-key="
                    + "YmVuY2htYXJrLWtleS0zMi1ieXRlcy1sb25nLS0tLSE=",
                "--gridcase.bootstrap-admin.username=" + RoutineOrganisation.ADMIN,
                "--gridcase.bootstrap-admin.password=" + RoutineOrganisation.PASSWORD);
        Connection db = PostgresServer.connect(url)) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      URI base = URI.create("http://127.0.0.1:" + port);
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      RoutineRecords records = new RoutineRecords(db, data.database());
      records.prepare();
      String parameters =
          "townships="
              + RoutineOrganisation.TOWNSHIPS
              + " from="
              + data.from()
              + " to="
              + data.to();
      if (build) {
        if (records.done("complete")) {
          if (!parameters.equals(records.info("complete"))) {
            throw new IllegalStateException(
                data.database()
                    + " was made with "
                    + records.info("complete")
                    + ", not "
                    + parameters
                    + ": run with -Droutine.rebuild=true");
          }
          System.out.println(data.database() + " is complete (" + parameters + "): reused");
          return null;
        }
        long start = System.nanoTime();
        new RoutineOrganisation(app, records, http, base).build();
        records.workers();
        records.specialPersons(data.from(), data.to());
        records.dropKeysAndIndexes();
        WorkingDays workingDays = app.getBean(WorkingDays.class);
        records.loadDays(RoutineRecords.days(data.from(), data.to(), workingDays::isWorkingDay));
        records.finish();
        records.count();
        records.record("complete", (System.nanoTime() - start) / 1e9, parameters);
        System.out.printf(
            Locale.ROOT,
            "%s made in %.1f min%n",
            data.database(),
            (System.nanoTime() - start) / 6e10);
        return new Result(
            data, true, 0, null, null, null, null, 0, null, null, null, null, null, null, null);
      }
      if (!records.done("complete")) {
        throw new IllegalStateException(data.database() + " is not complete");
      }
      double buildSeconds =
          records.stepSeconds().entrySet().stream()
              .filter(e -> !e.getKey().equals("complete"))
              .mapToDouble(Map.Entry::getValue)
              .sum();
      Measurement measurement = new Measurement(app, db, http, base);
      measurement.run();
      String explain = measurement.explain();
      return new Result(
          data,
          builtInThisRun,
          buildSeconds,
          records.stepSeconds(),
          records.counts(),
          records.sizes(),
          records.indexSizes("work_record"),
          records.databaseBytes(),
          measurement.measured,
          explain,
          measurement.workersShort,
          measurement.reports,
          serverVersion(db),
          loadBefore,
          IntakeBenchmark.loadAverage());
    }
  }

  /** The JDBC URL of the database, made (empty) when missing or when rebuilding. */
  static String database(String name) throws SQLException {
    try (Connection admin = PostgresServer.connect(PostgresServer.adminUrl());
        Statement s = admin.createStatement()) {
      if (REBUILD) {
        s.execute("drop database if exists " + name + " with (force)");
      }
      boolean exists;
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        s.execute("create database " + name);
        System.out.println("created the empty database " + name);
      }
      // the time reads took, for the figures (this database only; the server's settings unchanged)
      s.execute("alter database " + name + " set track_io_timing = on");
    }
    return BenchmarkDatabases.url(name);
  }

  // ---------------------------------------------------------------------------------------------
  // measuring

  /** The measured sets of one database. */
  static final class Measurement {
    final ConfigurableApplicationContext app;
    final Connection db;
    final HttpClient http;
    final URI base;
    final Shortfalls shortfalls;
    final WorkRecordRepository repository;
    final LocalDate today;
    final List<String[]> workers = new ArrayList<>(); // username, supervisor
    final List<Measured> measured = new ArrayList<>();

    /** Per period: how many of the reports counted in the JVM were short in each requirement. */
    final Map<String, Map<Requirement, Integer>> workersShort = new LinkedHashMap<>();

    final Map<String, Integer> reports = new LinkedHashMap<>();

    Measurement(ConfigurableApplicationContext app, Connection db, HttpClient http, URI base)
        throws SQLException {
      this.app = app;
      this.db = db;
      this.http = http;
      this.base = base;
      this.shortfalls = app.getBean(Shortfalls.class);
      this.repository = app.getBean(WorkRecordRepository.class);
      this.today = LocalDate.now(app.getBean(Clock.class).withZone(GridCaseTime.ZONE));
      try (Statement s = db.createStatement();
          ResultSet rs =
              s.executeQuery("select username, township_code from bench.worker order by w")) {
        while (rs.next()) {
          int t = Integer.parseInt(rs.getString(2).substring(1));
          workers.add(new String[] {rs.getString(1), RoutineOrganisation.supervisor(t)});
        }
      }
    }

    void run() throws Exception {
      System.out.printf("warm-up: %d requests and %d service calls (2026-Q3)%n", WARMUP, WARMUP);
      measure("2026-Q3", Layer.HTTP, WARMUP, 1);
      measure("2026-Q3", Layer.SERVICE, WARMUP, 2);
      measure("2026-Q3", Layer.QUERY, WARMUP, 3);
      measured.clear();
      for (int p = 0; p < PERIODS.size(); p++) {
        for (Layer layer : Layer.values()) {
          measured.add(measure(PERIODS.get(p), layer, REQUESTS, 100 + 10 * p + layer.ordinal()));
        }
      }
    }

    Measured measure(String period, Layer layer, int count, long seed) throws Exception {
      ShortfallPeriod parsed = ShortfallPeriod.parse(period);
      LocalDate[] window = ShortfallCount.window(parsed, today);
      Random random = new Random(seed);
      long[] nanos = new long[count];
      long errors = 0;
      String firstError = null;
      long rows = 0;
      long chars = 0;
      double[] io0 = io();
      String loadBefore = IntakeBenchmark.loadAverage();
      CpuSample cpu0 = CpuSample.take();
      for (int i = 0; i < count; i++) {
        String[] worker = workers.get(random.nextInt(workers.size()));
        long start = System.nanoTime();
        try {
          switch (layer) {
            case HTTP -> {
              HttpResponse<String> response =
                  http.send(
                      HttpRequest.newBuilder(
                              base.resolve(
                                  "/api/work/shortfalls/" + worker[0] + "?period=" + period))
                          .timeout(Duration.ofSeconds(30))
                          .header("Authorization", RoutineOrganisation.basic(worker[1]))
                          .header("Accept", "application/json")
                          .GET()
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() != 200
                  || !response.body().contains("\"username\":\"" + worker[0] + "\"")) {
                throw new IllegalStateException(
                    response.statusCode()
                        + " "
                        + response.body().substring(0, Math.min(300, response.body().length())));
              }
              chars += response.body().length();
            }
            case SERVICE -> {
              ShortfallReport report = shortfalls.of(worker[0], parsed);
              if (count == REQUESTS) {
                tally(period, report);
              }
            }
            case QUERY -> rows += repository.counted(worker[0], window[0], window[1]).size();
          }
        } catch (IOException | RuntimeException e) {
          errors++;
          if (firstError == null) {
            firstError = e.toString();
          }
        }
        nanos[i] = System.nanoTime() - start;
      }
      Cores cores = cpu0.coresUntil(CpuSample.take());
      String loadAfter = IntakeBenchmark.loadAverage();
      double[] io1 = io();
      Arrays.sort(nanos);
      Measured m =
          new Measured(
              period,
              layer,
              nanos,
              errors,
              firstError,
              cores,
              loadBefore,
              loadAfter,
              (io1[0] - io0[0]) / count,
              (io1[1] - io0[1]) / count,
              (io1[2] - io0[2]) / count,
              layer == Layer.QUERY ? (double) rows / count : Double.NaN,
              layer == Layer.HTTP ? (double) chars / count : Double.NaN);
      System.out.printf(
          Locale.ROOT,
          "%-8s %-7s n=%5d  p50 %6.1f  p95 %6.1f  p99 %6.1f  max %7.1f ms  errors %d%s"
              + "  blocks/call: read %.0f (%.2f ms), hit %.0f%s  CPU JVM %.2f PG %.2f other %.2f"
              + "  load %s -> %s%n",
          period,
          layer,
          count,
          m.ms(50),
          m.ms(95),
          m.ms(99),
          m.ms(100),
          errors,
          firstError == null ? "" : " (" + firstError + ")",
          m.blocksRead(),
          m.readMillis(),
          m.blocksHit(),
          layer == Layer.QUERY
              ? String.format(Locale.ROOT, "  rows/call %.0f", m.rows())
              : layer == Layer.HTTP
                  ? String.format(Locale.ROOT, "  %.0f chars/answer", m.chars())
                  : "",
          cores.self(),
          cores.postgres(),
          cores.other(),
          loadBefore,
          loadAfter);
      return m;
    }

    void tally(String period, ShortfallReport report) {
      reports.merge(period, 1, Integer::sum);
      Map<Requirement, Integer> tally =
          workersShort.computeIfAbsent(period, p -> new EnumMap<>(Requirement.class));
      for (ShortfallItem item : report.items()) {
        tally.merge(item.requirement(), item.shortBy() > 0 ? 1 : 0, Integer::sum);
      }
    }

    /** Blocks read (from outside shared buffers), hit, and read time (ms) of this database. */
    double[] io() throws SQLException, InterruptedException {
      Thread.sleep(1500); // backends report their statistics at most once a second
      try (Statement s = db.createStatement()) {
        s.execute("select pg_stat_clear_snapshot()");
        try (ResultSet rs =
            s.executeQuery(
                "select blks_read, blks_hit, blk_read_time from pg_stat_database"
                    + " where datname = current_database()")) {
          rs.next();
          return new double[] {rs.getLong(1), rs.getLong(2), rs.getDouble(3)};
        }
      }
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of a report's two reads that grow with the records — the person's
     * records ({@link WorkRecordRepository#COUNTED_SQL}) and the events they reported ({@link
     * EventRepository#REPORTED_BY_SQL}), the application's own statements — for a worker not
     * measured before, over the quarter's reading window.
     */
    String explain() throws SQLException {
      ShortfallPeriod quarter = ShortfallPeriod.parse("2026-Q3");
      LocalDate[] window = ShortfallCount.window(quarter, today);
      String worker = workers.get(new Random(7).nextInt(workers.size()))[0];
      try (Statement s = db.createStatement()) {
        s.execute("set track_io_timing = on");
      }
      StringBuilder text = new StringBuilder();
      text.append("-- ")
          .append(worker)
          .append(", ")
          .append(window[0])
          .append(" … ")
          .append(window[1])
          .append(" (2026-Q3's reading window): WorkRecordRepository.COUNTED_SQL\n");
      text.append(
          plan(
              WorkRecordRepository.COUNTED_SQL,
              worker,
              Date.valueOf(window[0]),
              Date.valueOf(window[1])));
      text.append("-- the same worker and window: EventRepository.REPORTED_BY_SQL\n");
      text.append(
          plan(
              EventRepository.REPORTED_BY_SQL,
              worker,
              Timestamp.from(window[0].atStartOfDay(GridCaseTime.ZONE).toInstant()),
              Timestamp.from(window[1].plusDays(1).atStartOfDay(GridCaseTime.ZONE).toInstant())));
      System.out.println(text);
      return text.toString();
    }

    private String plan(String sql, Object... parameters) throws SQLException {
      StringBuilder plan = new StringBuilder();
      try (PreparedStatement p = db.prepareStatement("explain (analyze, buffers) " + sql)) {
        for (int i = 0; i < parameters.length; i++) {
          p.setObject(i + 1, parameters[i]);
        }
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
      }
      return plan.toString();
    }
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }

  // ---------------------------------------------------------------------------------------------
  // report

  static String report(List<Result> results) {
    StringBuilder md = new StringBuilder();
    Result year =
        results.stream().filter(r -> r.data().part().equals("year")).findFirst().orElse(null);
    Result month =
        results.stream().filter(r -> r.data().part().equals("month")).findFirst().orElse(null);
    if (year != null) {
      Measured q = year.get("2026-Q3", Layer.HTTP);
      md.append("| What | Figure | Target |\n|---|---|---|\n");
      md.append(
          String.format(
              Locale.ROOT,
              "| `GET /api/work/shortfalls/{username}?period=2026-Q3` with a year of records (%s"
                  + " work records of %,d grid workers), %,d random workers one after the other, as"
                  + " their township's supervisor (HTTP Basic) | p50 %s ms, p95 **%s ms**, p99 %s"
                  + " ms, max %s ms%s | p95 ≤ 50 ms: %s |%n",
              millions(year.counts().getOrDefault("work_record", 0L)),
              RoutineOrganisation.workers(),
              q.nanos().length,
              f1(q.ms(50)),
              f1(q.ms(95)),
              f1(q.ms(99)),
              f1(q.ms(100)),
              q.errors() == 0 ? "" : ", " + q.errors() + " errors",
              q.ms(95) <= TARGET_P95_MS && q.errors() == 0 ? "met" : "NOT met"));
      md.append('\n');
    }
    md.append(
        "| Database | Period | Layer | p50 / p95 / p99 / max ms | Blocks per call read (read time)"
            + " / hit | Rows read, answer size | CPU cores JVM / PostgreSQL / other | Load average"
            + " before → after |\n"
            + "|---|---|---|---|---|---|---|---|\n");
    for (Result r : results) {
      for (Measured m : r.measured()) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s / %s / %s / %s%s | %.0f (%.2f ms) / %.0f | %s | %.2f / %.2f"
                    + " / %.2f | %s → %s |%n",
                r.data().part(),
                m.period(),
                m.layer().label,
                f1(m.ms(50)),
                f1(m.ms(95)),
                f1(m.ms(99)),
                f1(m.ms(100)),
                m.errors() == 0 ? "" : " (" + m.errors() + " errors)",
                m.blocksRead(),
                m.readMillis(),
                m.blocksHit(),
                !Double.isNaN(m.rows())
                    ? String.format(Locale.ROOT, "%.0f rows", m.rows())
                    : !Double.isNaN(m.chars())
                        ? String.format(Locale.ROOT, "%,.0f characters", m.chars())
                        : "",
                m.cores().self(),
                m.cores().postgres(),
                m.cores().other(),
                m.loadBefore(),
                m.loadAfter()));
      }
    }
    if (year != null && month != null) {
      md.append(
          "\n"
              + "Year ÷ month database (the same workers, the same requests; compare later runs by"
              + " these ratios):\n\n"
              + "| Period | Layer | p50 ratio | p95 ratio |\n"
              + "|---|---|---|---|\n");
      for (String period : PERIODS) {
        for (Layer layer : Layer.values()) {
          Measured y = year.get(period, layer);
          Measured m = month.get(period, layer);
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %.2f | %.2f |%n",
                  period,
                  layer.label,
                  y.ms(50) / m.ms(50),
                  y.ms(95) / m.ms(95)));
        }
      }
    }
    md.append("\nData (rows counted after the build; bytes: table incl. TOAST / its indexes):\n\n");
    md.append("| Table |");
    for (Result r : results) {
      md.append(' ').append(r.data().part()).append(": rows | bytes |");
    }
    md.append("\n|---|");
    md.append("---|---|".repeat(results.size()));
    md.append('\n');
    for (int i = 0; i < RoutineRecords.REPORTED_TABLES.size(); i++) {
      md.append("| `").append(RoutineRecords.REPORTED_TABLES.get(i)).append("` |");
      for (Result r : results) {
        RoutineRecords.TableSize size = r.sizes().get(i);
        md.append(
            String.format(
                Locale.ROOT,
                " %,d | %s / %s |",
                size.rows(),
                bytes(size.tableBytes()),
                bytes(size.indexBytes())));
      }
      md.append('\n');
    }
    md.append("| whole database |");
    for (Result r : results) {
      md.append(" | ").append(bytes(r.databaseBytes())).append(" |");
    }
    md.append('\n');
    for (Result r : results) {
      md.append('\n')
          .append(r.data().part())
          .append(" (`")
          .append(r.data().database())
          .append("`, ")
          .append(r.data().from())
          .append(" … ")
          .append(r.data().to())
          .append("): records by kind ")
          .append(
              r.counts().entrySet().stream()
                  .filter(e -> e.getKey().startsWith("kind:"))
                  .map(
                      e ->
                          e.getKey().substring(5)
                              + String.format(Locale.ROOT, " %,d", e.getValue()))
                  .collect(Collectors.joining(", ")))
          .append("; indexes of `work_record`: ")
          .append(
              r.recordIndexes().entrySet().stream()
                  .map(e -> "`" + e.getKey() + "` " + bytes(e.getValue()))
                  .collect(Collectors.joining(", ")))
          .append(". Made in ")
          .append(minutes(r.buildSeconds()))
          .append(" (")
          .append(
              r.stepSeconds().entrySet().stream()
                  .filter(e -> !e.getKey().equals("complete") && !e.getKey().equals("count"))
                  .map(e -> e.getKey() + " " + minutes(e.getValue()))
                  .collect(Collectors.joining(", ")))
          .append(r.built() ? "; in this run" : "; in an earlier run, reused here")
          .append(").");
      for (Map.Entry<String, Integer> counted : r.reports().entrySet()) {
        String period = counted.getKey();
        if (r.data().part().equals("month") && period.equals("2026-Q3")) {
          continue; // the month's database has no records of July and August
        }
        md.append(" Of the ")
            .append(counted.getValue())
            .append(" reports for ")
            .append(period)
            .append(" counted in the JVM, share short in at least one unit: ")
            .append(
                r.workersShort().get(period).entrySet().stream()
                    .map(
                        e ->
                            e.getKey()
                                + String.format(
                                    Locale.ROOT,
                                    " %.0f %%",
                                    100.0 * e.getValue() / counted.getValue()))
                    .collect(Collectors.joining(", ")))
            .append('.');
      }
      md.append('\n');
    }
    Result explained = year != null ? year : results.get(0);
    md.append(
            "\n"
                + "`EXPLAIN (ANALYZE, BUFFERS)` of a report's two reads that grow with the records,"
                + " on the ")
        .append(explained.data().part())
        .append(" database, after the measurements:\n\n```\n")
        .append(explained.explain().strip())
        .append("\n```\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%n%d warm-up requests and service calls per database first. Application: profile"
                + " `postgres`, job executor off, logging at WARN, in the same JVM as the client"
                + " (`java.net.http`, HTTP/1.1 keep-alive). PostgreSQL %s on the same machine,"
                + " default settings (shared_buffers 128 MB), `track_io_timing` on for these"
                + " databases. Load average (1/5/15 min, as `uptime` shows it): %s. Machine: %s."
                + " Command: `%s`.",
            WARMUP,
            results.get(0).pgVersion(),
            results.stream()
                .map(
                    r ->
                        r.data().part()
                            + " "
                            + r.loadBefore()
                            + " before, "
                            + r.loadAfter()
                            + " after")
                .collect(Collectors.joining("; ")),
            BenchmarkReport.machine(),
            command()));
    return md.toString();
  }

  static String command() {
    StringBuilder command =
        new StringBuilder("mvn -Pbenchmark test-compile exec:exec@shortfalls-postgres");
    if (REQUESTS != 1000) {
      command.append(" -Droutine.requests=").append(REQUESTS);
    }
    if (WARMUP != 500) {
      command.append(" -Droutine.warmup=").append(WARMUP);
    }
    if (!PARTS.equals(Set.of("month", "year"))) {
      command.append(" -Droutine.parts=").append(String.join(",", PARTS));
    }
    if (REBUILD) {
      command.append(" -Droutine.rebuild=true");
    }
    return command.toString();
  }

  static String uptime() {
    try {
      Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      return out;
    } catch (IOException | InterruptedException e) {
      return "uptime: " + e;
    }
  }

  static String serverVersion(Connection db) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("show server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }

  static String f1(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String millions(long n) {
    return String.format(Locale.ROOT, "%.1f million", n / 1e6);
  }

  static String minutes(double seconds) {
    return seconds < 120
        ? String.format(Locale.ROOT, "%.0f s", seconds)
        : String.format(Locale.ROOT, "%.1f min", seconds / 60);
  }

  static String bytes(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    }
    return String.format(Locale.ROOT, "%.0f kiB", bytes / 1024.0);
  }

  private ShortfallsBenchmark() {}
}
