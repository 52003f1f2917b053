package cn.gridcase.assessment;

import cn.gridcase.GridCaseApplication;
import cn.gridcase.calendar.BenchmarkReport;
import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.Events;
import cn.gridcase.organisation.AppointmentRequest;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.TestPeople;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.security.UserAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pay sheet of a township of 300 grid workers and its Excel export (issue 14 scale: ≤ 2 s):
 *
 * <ol>
 *   <li><b>Built</b> through the application on a fresh embedded H2 file database (the demo
 *       profile, as {@code mvn spring-boot:run} starts it): a township {@code PB} with {@code
 *       pay.workers} grids (300) in villages of 10, each with its grid worker appointed through
 *       {@code Organisation#appoint} (G3–G5 checked), and {@code pay.entries} events (12) per
 *       worker this month reported through {@code Events#report} (each starts its event process) —
 *       two of three resolved at once, the rest left open (the sheet is provisional).
 *   <li><b>Measured</b> through HTTP (Basic, as the administrator, on loopback, one after the
 *       other): {@code pay.warmup} (5) unmeasured, then {@code pay.requests} (20) of each of {@code
 *       GET /api/assessment/pay?townshipCode=PB&month=} (JSON) and {@code …&format=xlsx} (Excel);
 *       every answer must be 200 with every worker on it.
 * </ol>
 *
 * <p>Run: {@code mvn -Pbenchmark test-compile exec:exec@pay-sheet} (writes docs/benchmarks.md);
 * small: {@code -Dpay.workers=20 -Dpay.entries=3 -Dpay.requests=3 -Dpay.write=false}.
 */
public final class PaySheetBenchmark {

  static final int WORKERS = Integer.getInteger("pay.workers", 300);
  static final int ENTRIES = Integer.getInteger("pay.entries", 12);
  static final int WARMUP = Integer.getInteger("pay.warmup", 5);
  static final int REQUESTS = Integer.getInteger("pay.requests", 20);
  static final boolean WRITE = Boolean.parseBoolean(System.getProperty("pay.write", "true"));
  static final double TARGET_MS = 2_000;
  static final String TOWNSHIP = "PB";

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("gridcase-pay");
    String url =
        "jdbc:h2:file:" + dir.resolve("gridcase") + ";NON_KEYWORDS=VALUE,YEAR,DAY;WRITE_DELAY=0";
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(GridCaseApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--gridcase.demo.sample-events=false",
                "--gridcase.demo.sample-meetings=false",
                "--gridcase.demo.sample-pay=false",
                "--logging.level.root=WARN")) {
      long built = System.nanoTime();
      int events = build(app);
      double buildSeconds = (System.nanoTime() - built) / 1e9;
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      String month = YearMonth.from(GridCaseTime.now(app.getBean(Clock.class))).toString();
      String base = "http://localhost:" + port + "/api/assessment/pay?townshipCode=" + TOWNSHIP;
      long[] json = time(base + "&month=" + month, false);
      long[] xlsx = time(base + "&month=" + month + "&format=xlsx", true);
      String markdown =
          String.format(
              Locale.ROOT,
              """
              %s

              Township `PB`: %d grid workers, %d events this month (%d per worker, two of three
              resolved), built through the application in %.0f s. %d requests each after %d warm-up.

              | Request | p50 | p95 | max | target |
              |---|---|---|---|---|
              | `GET /api/assessment/pay?townshipCode=PB&month=%s` (JSON) | %.0f ms | %.0f ms | %.0f ms | ≤ %.0f ms |
              | `…&format=xlsx` (Excel) | %.0f ms | %.0f ms | %.0f ms | ≤ %.0f ms |
              """,
              BenchmarkReport.machine(),
              WORKERS,
              events,
              ENTRIES,
              buildSeconds,
              REQUESTS,
              WARMUP,
              month,
              ms(json, 50),
              ms(json, 95),
              ms(json, 100),
              TARGET_MS,
              ms(xlsx, 50),
              ms(xlsx, 95),
              ms(xlsx, 100),
              TARGET_MS);
      System.out.println(markdown);
      if (WRITE) {
        BenchmarkReport.write("pay-sheet", markdown);
      }
    }
  }

  /** The township, its grids and grid workers, and this month's events: through the application. */
  static int build(ConfigurableApplicationContext app) {
    Organisation organisation = app.getBean(Organisation.class);
    UserAccounts accounts = app.getBean(UserAccounts.class);
    Events events = app.getBean(Events.class);
    organisation.createUnitIfAbsent(new Unit(TOWNSHIP, "报酬基准镇", UnitKind.TOWNSHIP, null));
    LocalDate appointed = LocalDate.now(GridCaseTime.ZONE).withDayOfMonth(1).minusMonths(6);
    for (int w = 0; w < WORKERS; w++) {
      String village = String.format("PB-V%02d", w / 10 + 1);
      String grid = String.format("%s-G%02d", village, w % 10 + 1);
      String user = String.format("pb%03d", w + 1);
      if (w % 10 == 0) {
        organisation.createUnitIfAbsent(
            new Unit(village, "基准村" + (w / 10 + 1), UnitKind.VILLAGE, TOWNSHIP));
      }
      organisation.createGrid(new Grid(grid, "基准网格" + (w + 1), village, GridType.RURAL, 400, 1000));
      accounts.createIfAbsent(user, "基", "准" + (w + 1), user + "@gridcase.invalid", "bench-pay");
      AppointmentRequest.PersonDetails person = TestPeople.person("基准" + (w + 1), user);
      organisation.appoint(
          new AppointmentRequest(person, grid, AppointmentRole.GRID_WORKER, appointed));
    }
    Clock clock = app.getBean(Clock.class);
    int count = 0;
    for (int e = 0; e < ENTRIES; e++) {
      for (int w = 0; w < WORKERS; w++) {
        String user = String.format("pb%03d", w + 1);
        String grid = String.format("PB-V%02d-G%02d", w / 10 + 1, w % 10 + 1);
        String number =
            events
                .report(
                    new EventReport(
                        e % 2 == 0 ? EventCategory.HAZARD : EventCategory.SERVICE,
                        grid,
                        "基准事件" + e,
                        GridCaseTime.now(clock).minusMinutes(30),
                        "村口",
                        "村民",
                        "巡查发现",
                        "现场核实",
                        List.of(),
                        false,
                        e == ENTRIES - 1 && w % 5 == 0),
                    user)
                .number();
        if (e % 3 != 2) {
          events.resolve(number, user, Map.of("result", "已处理"));
        }
        count++;
      }
    }
    return count;
  }

  static long[] time(String url, boolean excel) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String auth =
        "Basic "
            + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
    long[] nanos = new long[REQUESTS];
    for (int i = 0; i < WARMUP + REQUESTS; i++) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build();
      long start = System.nanoTime();
      HttpResponse<byte[]> reply = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      long took = System.nanoTime() - start;
      if (reply.statusCode() != 200) {
        throw new IllegalStateException(
            url
                + " → "
                + reply.statusCode()
                + " "
                + new String(reply.body(), StandardCharsets.UTF_8));
      }
      if (!excel) {
        String body = new String(reply.body(), StandardCharsets.UTF_8);
        String last = String.format("pb%03d", WORKERS);
        if (!body.contains("\"" + last + "\"")) {
          throw new IllegalStateException("the sheet lacks " + last);
        }
      } else if (reply.body().length < 1000) {
        throw new IllegalStateException("an Excel file of " + reply.body().length + " bytes");
      }
      if (i >= WARMUP) {
        nanos[i - WARMUP] = took;
      }
    }
    Arrays.sort(nanos);
    return nanos;
  }

  static double ms(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
