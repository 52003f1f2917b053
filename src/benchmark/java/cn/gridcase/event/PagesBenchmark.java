package cn.gridcase.event;

import cn.gridcase.GridCaseApplication;
import cn.gridcase.calendar.BenchmarkDatabases;
import cn.gridcase.calendar.BenchmarkReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Server time of the pages (issue 11, part 6), measured through HTTP with real form logins:
 *
 * <ol>
 *   <li>{@code demo}: every page of every demo role on the embedded demo database (H2, the demo
 *       profile, as {@code mvn spring-boot:run} starts it) — target p95 ≤ 100 ms;
 *   <li>{@code board}: the supervisor's pages on PostgreSQL with 100,000 open events, the database
 *       that the intake benchmark's work-list part leaves ({@value IntakeBenchmark#DATABASE};
 *       seeded by it when missing or short) — target p95 ≤ 300 ms for the board.
 * </ol>
 *
 * Each page is requested {@code pages.warmup} times unmeasured, then {@code pages.requests} times
 * one after the other by the same logged-in browser session; the time is from sending the request
 * to the last byte of the answer on loopback, so it holds the server's time and a little more.
 * Every answer must be 200 with the page's Chinese title, or the run fails. The CPU other processes
 * used meanwhile is recorded to flag a disturbed run.
 *
 * <p>Run: {@code mvn -Pbenchmark test-compile exec:exec@pages} (writes docs/benchmarks.md); {@code
 * -Dpages.parts=demo} or {@code board} for one part.
 */
public final class PagesBenchmark {

  static final Set<String> PARTS =
      Set.of(System.getProperty("pages.parts", "demo,board").split(","));
  static final int WARMUP = Integer.getInteger("pages.warmup", 30);
  static final int REQUESTS = Integer.getInteger("pages.requests", 200);
  static final double TARGET_PAGE_P95_MS = 100;
  static final double TARGET_BOARD_P95_MS = 300;
  static final String PASSWORD = "demo";

  /**
   * Only these paths (comma-separated, as listed below), e.g. to time one page again; empty: all.
   */
  static final List<String> ONLY =
      Arrays.stream(System.getProperty("pages.only", "").split(","))
          .map(String::trim)
          .filter(p -> !p.isEmpty())
          .toList();

  /**
   * One page as one user opens it; {@code path} may hold {EVENT}, a demo event the user may see.
   */
  record Page(String user, String path, String title) {}

  record PageRun(
      Page page, String resolvedPath, long[] sortedNanos, int bytes, IntakeBenchmark.Cores cores) {
    double p50() {
      return IntakeBenchmark.ms(IntakeBenchmark.percentile(sortedNanos, 50));
    }

    double p95() {
      return IntakeBenchmark.ms(IntakeBenchmark.percentile(sortedNanos, 95));
    }

    double max() {
      return IntakeBenchmark.ms(IntakeBenchmark.percentile(sortedNanos, 100));
    }
  }

  static final List<Page> DEMO_PAGES =
      List.of(
          new Page(null, "/login", "登录"),
          new Page("worker1", "/", "首页"),
          new Page("worker1", "/events/new", "上报事件"),
          new Page("worker1", "/events/mine", "我的事件"),
          new Page("worker1", "/events/{EVENT}", "事件"),
          new Page("worker1", "/tasks", "我的任务"),
          new Page("worker1", "/notifications", "通知"),
          new Page("station1", "/tasks", "我的任务"),
          new Page("center1", "/", "首页"),
          new Page("supervisor1", "/supervision", "督办看板"),
          new Page("supervisor1", "/supervision/overdue", "超期事项"),
          new Page("supervisor1", "/supervision/events/{EVENT}", "事件"),
          new Page("supervisor1", "/supervision/steps?townshipCode=GS&due=OPEN", "在办步骤"),
          new Page("supervisor1", "/accountability/proposals", "问责建议"),
          new Page("head1", "/supervision", "督办看板"));

  static final List<Page> BOARD_PAGES =
      List.of(
          new Page("supervisor1", "/supervision", "督办看板"),
          new Page("supervisor1", "/api/supervision/board", null),
          new Page("supervisor1", "/supervision?villageCode=GS-V01", "督办看板"),
          new Page("supervisor1", "/supervision/steps?gridCode=GS-V01-G01&due=OPEN", "在办步骤"),
          new Page("leader1", "/supervision", "督办看板"),
          new Page("arealeader1", "/supervision", "督办看板"),
          new Page("head1", "/supervision", "督办看板"),
          new Page("supervisor1", "/supervision/overdue", "超期事项"));

  public static void main(String[] args) throws Exception {
    if (PARTS.contains("demo")) {
      Path dir = Files.createTempDirectory("gridcase-pages");
      String loadBefore = IntakeBenchmark.loadAverage();
      String url =
          "jdbc:h2:file:" + dir.resolve("gridcase") + ";NON_KEYWORDS=VALUE,YEAR,DAY;WRITE_DELAY=0";
      try (ConfigurableApplicationContext app =
          new SpringApplicationBuilder(GridCaseApplication.class)
              .run(
                  "--server.port=0",
                  "--spring.datasource.url=" + url,
                  "--logging.level.root=WARN")) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        List<PageRun> runs = timeAll(app, jdbc, DEMO_PAGES);
        write(
            "pages-demo",
            report(
                "Embedded H2, the demo profile (`mvn spring-boot:run`'s database), demo data as"
                    + " loaded on first start.",
                runs,
                TARGET_PAGE_P95_MS,
                loadBefore,
                "demo"));
      }
    }
    if (PARTS.contains("board")) {
      String loadBefore = IntakeBenchmark.loadAverage();
      String url = BenchmarkDatabases.url(IntakeBenchmark.DATABASE);
      try (ConfigurableApplicationContext app = BenchmarkDatabases.start(url, List.of("demo"))) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        IntakeBenchmark.Seeding seeding = IntakeBenchmark.seed(app.getBean(Events.class), jdbc);
        if (seeding.created() > 0) {
          jdbc.execute("vacuum analyze");
        }
        long open = IntakeBenchmark.openEvents(jdbc);
        long openTasks = jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
        List<PageRun> runs = timeAll(app, jdbc, BOARD_PAGES);
        String version = IntakeBenchmark.serverVersion(jdbc);
        write(
            "pages-board",
            report(
                String.format(
                    Locale.ROOT,
                    "PostgreSQL (%s) on the same machine, database `%s` with %,d open events and"
                        + " %,d open user tasks, made through `Events.report` by the intake"
                        + " benchmark's seeding (%s).",
                    version,
                    IntakeBenchmark.DATABASE,
                    open,
                    openTasks,
                    seeding.created() > 0
                        ? String.format(Locale.ROOT, "%,d of them in this run", seeding.created())
                        : "reused from an earlier run"),
                runs,
                TARGET_BOARD_P95_MS,
                loadBefore,
                "board"));
      }
    }
  }

  static List<PageRun> timeAll(
      ConfigurableApplicationContext app, JdbcTemplate jdbc, List<Page> pages)
      throws IOException, InterruptedException {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    String event =
        jdbc.queryForObject(
            "select min(number) from event where grid_code = 'GS-V01-G01'", String.class);
    Map<String, HttpClient> sessions = new LinkedHashMap<>();
    List<PageRun> runs = new ArrayList<>();
    for (Page page : pages) {
      if (!ONLY.isEmpty() && !ONLY.contains(page.path())) {
        continue;
      }
      HttpClient browser =
          sessions.computeIfAbsent(String.valueOf(page.user()), user -> login(port, page.user()));
      runs.add(time(browser, port, page, page.path().replace("{EVENT}", event)));
    }
    return runs;
  }

  static PageRun time(HttpClient browser, int port, Page page, String path)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", page.title() == null ? "application/json" : "text/html")
            .header("Accept-Language", "zh-CN")
            .GET()
            .build();
    long[] nanos = new long[REQUESTS];
    int bytes = 0;
    IntakeBenchmark.CpuSample cpuStart = null;
    for (int i = -WARMUP; i < REQUESTS; i++) {
      if (i == 0) {
        cpuStart = IntakeBenchmark.CpuSample.take();
      }
      long start = System.nanoTime();
      HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - start;
      if (response.statusCode() != 200
          || page.title() != null && !titleOf(response.body()).contains(page.title())) {
        throw new IllegalStateException(
            "GET "
                + path
                + " as "
                + page.user()
                + ": "
                + response.statusCode()
                + " "
                + response.body().substring(0, Math.min(500, response.body().length())));
      }
      if (i >= 0) {
        nanos[i] = took;
      }
      bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
    }
    IntakeBenchmark.Cores cores = cpuStart.coresUntil(IntakeBenchmark.CpuSample.take());
    Arrays.sort(nanos);
    PageRun run = new PageRun(page, path, nanos, bytes, cores);
    System.out.printf(
        Locale.ROOT,
        "%-12s %-40s p50 %6.1f  p95 %6.1f  max %6.1f ms  %,d bytes%n",
        String.valueOf(page.user()),
        path,
        run.p50(),
        run.p95(),
        run.max(),
        bytes);
    return run;
  }

  private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  static String titleOf(String html) {
    Matcher matcher = TITLE.matcher(html);
    return matcher.find() ? matcher.group(1) : "";
  }

  /** A browser session: the login page's CSRF token, then the form login, as a person logs in. */
  static HttpClient login(int port, String user) {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    if (user == null || user.equals("null")) {
      return browser;
    }
    try {
      String base = "http://127.0.0.1:" + port;
      String form =
          browser
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher csrf = CSRF.matcher(form);
      if (!csrf.find()) {
        throw new IllegalStateException("no CSRF field on the login page");
      }
      String body =
          "username="
              + user
              + "&password="
              + PASSWORD
              + "&_csrf="
              + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
      HttpResponse<String> answer =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String location = answer.headers().firstValue("Location").orElse("");
      if (answer.statusCode() != 302 || location.contains("error")) {
        throw new IllegalStateException(
            "login of " + user + " failed: " + answer.statusCode() + " " + location);
      }
      return browser;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String report(
      String setting, List<PageRun> runs, double target, String loadBefore, String part) {
    StringBuilder md = new StringBuilder();
    md.append(
        "| User | Page | p50 ms | p95 ms | max ms | Size | Target p95 | CPU: this JVM / PostgreSQL"
            + " / other |\n");
    md.append("|---|---|---:|---:|---:|---:|---|---|\n");
    for (PageRun run : runs) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | `%s` | %.1f | %.1f | %.1f | %,d B | %s %.0f ms | %.2f / %.2f / %.2f |%n",
              run.page().user() == null ? "(not logged in)" : run.page().user(),
              run.resolvedPath(),
              run.p50(),
              run.p95(),
              run.max(),
              run.bytes(),
              run.p95() <= target ? "met ≤" : "**missed** ≤",
              target,
              run.cores().self(),
              run.cores().postgres(),
              run.cores().other()));
    }
    md.append('\n')
        .append(setting)
        .append(
            String.format(
                Locale.ROOT,
                " %d warm-up and %d measured requests per page, one after the other, by one"
                    + " logged-in session (form login, session cookie), measured at the client on"
                    + " loopback. Load average (1/5/15 min): %s before, %s after. Machine: %s."
                    + " Command: `mvn -Pbenchmark test-compile exec:exec@pages"
                    + " -Dpages.parts=%s%s`.",
                WARMUP,
                REQUESTS,
                loadBefore,
                IntakeBenchmark.loadAverage(),
                BenchmarkReport.machine(),
                part,
                (ONLY.isEmpty() ? "" : " -Dpages.only=" + String.join(",", ONLY))
                    + (REQUESTS == 200 ? "" : " -Dpages.requests=" + REQUESTS)
                    + (WARMUP == 30 ? "" : " -Dpages.warmup=" + WARMUP)));
    return md.toString();
  }

  static void write(String name, String markdown) {
    if (Boolean.parseBoolean(System.getProperty("pages.write", "true"))) {
      BenchmarkReport.write(name, markdown);
    } else {
      System.out.println(markdown);
    }
  }

  private PagesBenchmark() {}
}
