package cn.gridcase.event;

import cn.gridcase.calendar.BenchmarkDatabases;
import cn.gridcase.calendar.BenchmarkReport;
import cn.gridcase.event.IntakeBenchmark.Cores;
import cn.gridcase.event.IntakeBenchmark.CpuSample;
import cn.gridcase.test.PostgresServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, target 1: the work list of every demo user at two sizes of the same database, measured
 * in one run — {@value #SMALL_DEFAULT} open events (a fresh database) and {@value #LARGE_DEFAULT}
 * (database {@value #LARGE_DATABASE}, kept between runs because seeding it through the application
 * takes about an hour here; topped up when it holds fewer). For each user, through HTTP with Basic
 * login, one client: {@code GET /api/tasks} (the first 200), {@code GET /api/tasks/count}, and the
 * two Tasklist filters every user has (我的任务, 待认领任务) as Tasklist asks for them ({@code POST
 * /engine-rest/filter/{id}/list?firstResult=0&maxResults=15} sorted by creation time, newest first,
 * and {@code /count}).
 *
 * <p>Run: {@code mvn -Pbenchmark test-compile exec:exec@worklist-postgres}; knobs {@code
 * -Dworklist.small=5000 -Dworklist.large=500000 -Dworklist.requests=100 -Dworklist.write=true}.
 */
public final class WorklistBenchmark {

  static final int SMALL_DEFAULT = 5_000;
  static final int LARGE_DEFAULT = 500_000;
  static final String SMALL_DATABASE = "gridcase_bench_worklist_small";
  static final String LARGE_DATABASE = "gridcase_bench_worklist";
  static final long SMALL = Long.getLong("worklist.small", SMALL_DEFAULT);
  static final long LARGE = Long.getLong("worklist.large", LARGE_DEFAULT);
  static final int REQUESTS = Integer.getInteger("worklist.requests", 100);
  static final int WARMUP = Integer.getInteger("worklist.warmup", 20);
  static final boolean WRITE = Boolean.parseBoolean(System.getProperty("worklist.write", "true"));

  /** false: the work list and its count only (Tasklist's filters not timed). */
  static final boolean TASKLIST =
      Boolean.parseBoolean(System.getProperty("worklist.tasklist", "true"));

  static final Timing NOT_TIMED = new Timing(Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);
  static final double TARGET_LIST_MS = 50;
  static final double TARGET_COUNT_MS = 50;
  static final double TARGET_TASKLIST_MS = 300;
  static final double TARGET_GROWTH = 1.5;

  static final List<String> USERS =
      List.of(
          "worker1",
          "worker2",
          "worker3",
          "leader1",
          "instructor1",
          "station1",
          "center1",
          "head1",
          "safety1",
          "civil1",
          "arealeader1",
          "supervisor1",
          "investigator1",
          "admin");

  static final ObjectMapper JSON = new ObjectMapper();

  /** Latencies of one request kind for one user, in ms. */
  record Timing(double p50, double p95, double p99, double max, Cores cores) {}

  /** What one user's requests gave at one size. */
  record UserRun(
      String user,
      long count,
      int listed,
      Timing list,
      Timing countTiming,
      Timing mine,
      Timing offered,
      Timing named) {}

  /** One size: its database and each user's figures. */
  record SizeRun(
      String label, long openEvents, long openTasks, double startSeconds, List<UserRun> users) {}

  public static void main(String[] args) throws Exception {
    String loadBefore = IntakeBenchmark.loadAverage();
    SizeRun small = run("small", BenchmarkDatabases.fresh(SMALL_DATABASE), SMALL);
    SizeRun large = run("large", largeDatabase(), LARGE);
    String report = report(small, large, loadBefore, IntakeBenchmark.loadAverage());
    System.out.println(report);
    if (WRITE) {
      BenchmarkReport.write("worklist-scale", report);
    }
  }

  /** The large database, created empty the first time (then seeded to {@link #LARGE}). */
  static String largeDatabase() throws SQLException {
    String url = BenchmarkDatabases.url(LARGE_DATABASE);
    try (Connection connection = PostgresServer.connect(PostgresServer.adminUrl());
        Statement statement = connection.createStatement()) {
      var exists =
          statement.executeQuery(
              "select 1 from pg_database where datname = '" + LARGE_DATABASE + "'");
      if (!exists.next()) {
        statement.execute("create database " + LARGE_DATABASE);
      }
    }
    return url;
  }

  static SizeRun run(String label, String url, long openEvents) throws Exception {
    long startAt = System.nanoTime();
    try (ConfigurableApplicationContext app =
        BenchmarkDatabases.start(
            url, List.of("demo"), "--camunda.bpm.job-execution.enabled=true")) {
      double startSeconds = (System.nanoTime() - startAt) / 1e9;
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      Events events = app.getBean(Events.class);
      if (IntakeBenchmark.openEvents(jdbc) < openEvents) {
        IntakeBenchmark.seed(events, jdbc, openEvents);
      }
      long vacuum = System.nanoTime();
      jdbc.execute("vacuum analyze");
      System.out.printf(
          "%s: VACUUM ANALYZE in %.1f s%n", label, (System.nanoTime() - vacuum) / 1e9);
      long open = IntakeBenchmark.openEvents(jdbc);
      long tasks = jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      String base = "http://127.0.0.1:" + port;
      List<UserRun> users = new ArrayList<>();
      for (String user : USERS) {
        users.add(timeUser(http, base, user));
        System.out.println(label + " " + users.get(users.size() - 1));
      }
      return new SizeRun(label, open, tasks, startSeconds, users);
    }
  }

  static UserRun timeUser(HttpClient http, String base, String user) throws Exception {
    Map<String, String> filters = new LinkedHashMap<>();
    for (JsonNode filter :
        JSON.readTree(
            send(http, base, user, "GET", "/engine-rest/filter?resourceType=Task", null))) {
      filters.put(filter.get("name").asText(), filter.get("id").asText());
    }
    String mine = filters.get("我的任务");
    String offered = filters.get("待认领任务");
    String named = filters.get("点名交办任务");
    if (mine == null || offered == null || named == null) {
      throw new IllegalStateException(user + " lacks the Tasklist filters: " + filters);
    }
    long count =
        JSON.readTree(send(http, base, user, "GET", "/api/tasks/count", null))
            .get("count")
            .asLong();
    int listed = JSON.readTree(send(http, base, user, "GET", "/api/tasks", null)).size();
    Timing list = time(http, base, user, "GET", "/api/tasks", null);
    Timing countTiming = time(http, base, user, "GET", "/api/tasks/count", null);
    Timing mineTiming = TASKLIST ? tasklist(http, base, user, mine) : NOT_TIMED;
    Timing offeredTiming = TASKLIST ? tasklist(http, base, user, offered) : NOT_TIMED;
    Timing namedTiming = TASKLIST ? tasklist(http, base, user, named) : NOT_TIMED;
    return new UserRun(
        user, count, listed, list, countTiming, mineTiming, offeredTiming, namedTiming);
  }

  /** One Tasklist look at a filter: its first page of 15, newest first, and its count. */
  static Timing tasklist(HttpClient http, String base, String user, String filter)
      throws Exception {
    String sorting = "{\"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}]}";
    return time(
        http,
        base,
        user,
        "POST",
        "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
        sorting,
        "/engine-rest/filter/" + filter + "/count",
        "{}");
  }

  /** Times requests (pairs of path and body, all sent per sample), after warm-up. */
  static Timing time(HttpClient http, String base, String user, String method, String... pairs)
      throws Exception {
    for (int i = 0; i < WARMUP; i++) {
      sendAll(http, base, user, method, pairs);
    }
    long[] nanos = new long[REQUESTS];
    CpuSample cpuStart = CpuSample.take();
    for (int i = 0; i < REQUESTS; i++) {
      long start = System.nanoTime();
      sendAll(http, base, user, method, pairs);
      nanos[i] = System.nanoTime() - start;
    }
    Cores cores = cpuStart.coresUntil(CpuSample.take());
    Arrays.sort(nanos);
    return new Timing(
        IntakeBenchmark.percentile(nanos, 50) / 1e6,
        IntakeBenchmark.percentile(nanos, 95) / 1e6,
        IntakeBenchmark.percentile(nanos, 99) / 1e6,
        nanos[nanos.length - 1] / 1e6,
        cores);
  }

  private static void sendAll(
      HttpClient http, String base, String user, String method, String... pairs) throws Exception {
    for (int p = 0; p < pairs.length; p += 2) {
      send(http, base, user, method, pairs[p], p + 1 < pairs.length ? pairs[p + 1] : null);
    }
  }

  static String send(
      HttpClient http, String base, String user, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", IntakeBenchmark.basic(user))
            .header("Accept", "application/json");
    if ("POST".equals(method)) {
      request
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body));
    } else {
      request.GET();
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
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

  static String report(SizeRun small, SizeRun large, String loadBefore, String loadAfter) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| User | open tasks (small / large) | `GET /api/tasks` p50 / p95 ms, small | p50 / p95"
            + " ms, large | p95 large ÷ small | `GET /api/tasks/count` p95 ms, small / large |"
            + " Tasklist 我的任务 / 待认领任务 / 点名交办任务 p95 ms, small | the same, large | CPU"
            + " cores JVM / PostgreSQL / other (list, large) |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    double worstList = 0;
    double worstCount = 0;
    double worstTasklist = 0;
    double worstRatio = 0;
    for (int i = 0; i < small.users().size(); i++) {
      UserRun s = small.users().get(i);
      UserRun l = large.users().get(i);
      double ratio = l.list().p95() / s.list().p95();
      worstList = Math.max(worstList, Math.max(s.list().p95(), l.list().p95()));
      worstCount = Math.max(worstCount, Math.max(s.countTiming().p95(), l.countTiming().p95()));
      worstTasklist =
          Math.max(
              worstTasklist,
              Math.max(l.mine().p95(), Math.max(l.offered().p95(), l.named().p95())));
      worstRatio = Math.max(worstRatio, ratio);
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d / %,d | %.1f / %.1f | %.1f / **%.1f** | %.2f | %.1f / **%.1f** | %.0f /"
                  + " %.0f / %.0f | %.0f / %.0f / %.0f | %.2f / %.2f / %.2f |%n",
              s.user(),
              s.count(),
              l.count(),
              s.list().p50(),
              s.list().p95(),
              l.list().p50(),
              l.list().p95(),
              ratio,
              s.countTiming().p95(),
              l.countTiming().p95(),
              s.mine().p95(),
              s.offered().p95(),
              s.named().p95(),
              l.mine().p95(),
              l.offered().p95(),
              l.named().p95(),
              l.list().cores().self(),
              l.list().cores().postgres(),
              l.list().cores().other()));
    }
    out.append('\n');
    out.append("| Target | Measured (worst user) | |\n|---|---|---|\n");
    out.append(
        target("`GET /api/tasks` p95 ≤ 50 ms, both sizes", worstList, TARGET_LIST_MS, " ms"));
    out.append(
        target("count of open tasks p95 ≤ 50 ms, both sizes", worstCount, TARGET_COUNT_MS, " ms"));
    out.append(
        target(
            "p95 at the large size ≤ 1.5 × p95 at the small size",
            worstRatio,
            TARGET_GROWTH,
            " ×"));
    if (TASKLIST) {
      out.append(
          target(
              "Tasklist's filters (first page of 15 and count) p95 ≤ 300 ms, large size",
              worstTasklist,
              TARGET_TASKLIST_MS,
              " ms"));
    }
    out.append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "Small: fresh database `%s`, %,d open events (%,d open tasks), seeded through"
                + " `Events.report` as the intake benchmark seeds (the 16 demo grids; the grid's"
                + " worker reports in worker1's, worker2's and worker3's grids, one in five"
                + " escalated at once to the village station; center1 in the others; one in fifty"
                + " major, to the township center); application started in %.1f s. Large: database"
                + " `%s`, %,d open events (%,d open tasks), made the same way; application started"
                + " in %.1f s (on a database made before V22 the first start builds the work"
                + " list's queues from the open tasks; a later start finds them built)."
                + " `VACUUM ANALYZE` before each size. Per user and request"
                + " kind %d warm-up and %d measured requests, one client, HTTP/1.1 keep-alive,"
                + " Basic auth on every request; a Tasklist sample is the filter's first 15 tasks"
                + " (newest first) plus its count, as Tasklist asks when a filter is opened,"
                + " through `/engine-rest` (the same engine queries as Tasklist's own API). Load"
                + " average (1/5/15 min): %s before, %s after. Machine: %s. Command: `mvn"
                + " -Pbenchmark test-compile exec:exec@worklist-postgres`.",
            SMALL_DATABASE,
            small.openEvents(),
            small.openTasks(),
            small.startSeconds(),
            LARGE_DATABASE,
            large.openEvents(),
            large.openTasks(),
            large.startSeconds(),
            WARMUP,
            REQUESTS,
            loadBefore,
            loadAfter,
            BenchmarkReport.machine()));
    return out.toString();
  }

  private static String target(String what, double measured, double limit, String unit) {
    return String.format(
        Locale.ROOT,
        "| %s | **%.2f%s** | %s |%n",
        what,
        measured,
        unit,
        measured <= limit ? "met" : "NOT met");
  }

  private WorklistBenchmark() {}
}
