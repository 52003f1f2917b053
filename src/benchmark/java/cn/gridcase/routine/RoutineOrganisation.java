package cn.gridcase.routine;

import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.internal.IdCardNumber;
import cn.gridcase.security.UserAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The organisation of {@link ShortfallsBenchmark}, made the way a county would make it, through the
 * application: townships, villages and departments with {@code POST /api/units} (as the
 * administrator), the login accounts with {@link UserAccounts} (the product has no HTTP API for
 * accounts; Camunda Admin does the same through the identity service), then one roster file per
 * township with {@code POST /api/roster/import} — its 1,000 grids with their full-time grid worker
 * and the township's supervisor (政法委), each row checked as {@code POST /api/appointments} checks it
 * (G3–G5), the workers' Camunda groups derived as on every appointment.
 *
 * <p>Shape: {@code routine.townships} townships (20) × 50 villages × 20 grids; in each township the
 * first 10 villages are urban communities (社区: 19 urban community grids and one exclusive grid
 * each), the other 40 rural villages (20 rural grids, 村民小组, each). Every grid 300–500 households
 * and 800–1,200 people (G2's standard). Grid workers {@code gw00001}… in the order of their grid
 * codes, all appointed on {@value #STARTS_ON_TEXT}, aged 25–44 then; the township supervisors
 * {@code sup01}…; three departments per township.
 */
final class RoutineOrganisation {

  static final int TOWNSHIPS = Integer.getInteger("routine.townships", 20);
  static final int VILLAGES = 50;
  static final int COMMUNITIES = 10;
  static final int GRIDS = 20;
  static final String STARTS_ON_TEXT = "2024-07-01";
  static final LocalDate STARTS_ON = LocalDate.parse(STARTS_ON_TEXT);
  static final String ADMIN = "admin";
  static final String PASSWORD = "bench-routine-2026";

  private static final String[] TOWNSHIP_NAMES = {
    "城关", "东岗", "西固", "安宁", "七里河", "榆中", "皋兰", "永登", "红古", "连城",
    "河桥", "中堡", "秦王川", "树屏", "苦水", "武胜驿", "通远", "柳树", "民乐", "上川"
  };
  private static final String[] COMMUNITY_NAMES = {
    "东街", "西街", "南关", "北关", "新华", "建设", "和平", "团结", "幸福", "文化"
  };
  private static final String[] VILLAGE_NAMES = {
    "新庄", "王家", "李家", "张家", "红山", "东湾", "西湾", "南川", "北塬", "沙河",
    "杨柳", "石门", "马家", "赵家", "陈家", "高崖", "黄坪", "柳沟", "桃园", "杏树",
    "上庄", "下庄", "前进", "胜利", "红星", "光明", "双湾", "三合", "四井", "五里",
    "六坝", "七道", "八里", "九条", "十里", "龙泉", "金沟", "银滩", "水磨", "磨沟",
    "大寨", "小寨", "古城", "新城", "堡子", "营盘", "寺沟", "庙湾", "花寨", "麻家"
  };
  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗",
    "高", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "董", "曹", "袁", "魏", "雷", "苏"
  };
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平",
    "刚", "建华", "海燕", "晓东", "玉兰", "志刚", "春梅", "文博", "雪梅", "国庆", "红梅", "永强"
  };
  private static final String[] DEPARTMENTS = {"应急管理办公室", "民政办公室", "自然资源所"};

  private final ConfigurableApplicationContext app;
  private final RoutineRecords steps;
  private final HttpClient http;
  private final URI base;

  RoutineOrganisation(
      ConfigurableApplicationContext app, RoutineRecords steps, HttpClient http, URI base) {
    this.app = app;
    this.steps = steps;
    this.http = http;
    this.base = base;
  }

  static String township(int t) {
    return String.format(Locale.ROOT, "T%02d", t);
  }

  static String village(int t, int v) {
    return township(t) + String.format(Locale.ROOT, "-V%02d", v);
  }

  static String grid(int t, int v, int g) {
    return village(t, v) + String.format(Locale.ROOT, "-G%02d", g);
  }

  /** The grid worker of grid g of village v of township t: gw00001 … */
  static int workerNumber(int t, int v, int g) {
    return ((t - 1) * VILLAGES + (v - 1)) * GRIDS + g;
  }

  static String worker(int n) {
    return String.format(Locale.ROOT, "gw%05d", n);
  }

  static String supervisor(int t) {
    return String.format(Locale.ROOT, "sup%02d", t);
  }

  static int workers() {
    return TOWNSHIPS * VILLAGES * GRIDS;
  }

  static String realName(int n) {
    return SURNAMES[n % SURNAMES.length] + GIVEN[(n / SURNAMES.length) % GIVEN.length];
  }

  /** A valid id-card number of Lanzhou (620102), born 1980–1999, unique per n. */
  static String idCard(int n) {
    return IdCardNumber.forBirthDate(
        "620102", LocalDate.of(1980, 1, 1).plusDays(n % 7000), n / 7000);
  }

  void build() throws Exception {
    units();
    accounts();
    for (int t = 1; t <= TOWNSHIPS; t++) {
      roster(t);
    }
  }

  private void units() throws Exception {
    if (steps.done("units")) {
      return;
    }
    long start = System.nanoTime();
    Organisation organisation = app.getBean(Organisation.class);
    int created = 0;
    for (int t = 1; t <= TOWNSHIPS; t++) {
      String name = TOWNSHIP_NAMES[(t - 1) % TOWNSHIP_NAMES.length];
      created += unit(organisation, township(t), name + (t > 16 ? "乡" : "镇"), "TOWNSHIP", null);
      for (int d = 1; d <= DEPARTMENTS.length; d++) {
        created +=
            unit(
                organisation,
                township(t) + "-D0" + d,
                name + DEPARTMENTS[d - 1],
                "DEPARTMENT",
                township(t));
      }
      for (int v = 1; v <= VILLAGES; v++) {
        String village =
            v <= COMMUNITIES
                ? COMMUNITY_NAMES[v - 1] + "社区"
                : VILLAGE_NAMES[(v - 1) % VILLAGE_NAMES.length] + "村";
        created += unit(organisation, village(t, v), village, "VILLAGE", township(t));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    steps.record("units", seconds, created + " units through POST /api/units");
    System.out.printf(Locale.ROOT, "%d units created through HTTP in %.1f s%n", created, seconds);
  }

  private int unit(Organisation organisation, String code, String name, String kind, String parent)
      throws IOException, InterruptedException {
    if (organisation.unit(code).isPresent()) {
      return 0;
    }
    String body =
        "{\"code\":\""
            + code
            + "\",\"name\":\""
            + name
            + "\",\"kind\":\""
            + kind
            + "\""
            + (parent == null ? "" : ",\"parentCode\":\"" + parent + "\"")
            + "}";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/units"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(ADMIN))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "POST /api/units " + code + ": " + response.statusCode() + " " + response.body());
    }
    return 1;
  }

  /** The workers' and supervisors' login accounts, 4 threads. */
  private void accounts() throws Exception {
    if (steps.done("accounts")) {
      return;
    }
    long start = System.nanoTime();
    UserAccounts accounts = app.getBean(UserAccounts.class);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> created = new ArrayList<>();
      for (int n = 1; n <= workers(); n++) {
        int number = n;
        created.add(
            pool.submit(
                () ->
                    accounts.createIfAbsent(
                        worker(number), realName(number), null, null, PASSWORD)));
      }
      for (int t = 1; t <= TOWNSHIPS; t++) {
        int number = workers() + t;
        String username = supervisor(t);
        created.add(
            pool.submit(
                () -> accounts.createIfAbsent(username, realName(number), null, null, PASSWORD)));
      }
      int count = 0;
      for (Future<Boolean> f : created) {
        count += f.get() ? 1 : 0;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      steps.record("accounts", seconds, count + " accounts through UserAccounts, 4 threads");
      System.out.printf(Locale.ROOT, "%,d accounts created in %.1f s%n", count, seconds);
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  /** The township's roster: its grids with their worker, and its supervisor. */
  private void roster(int t) throws IOException, InterruptedException, SQLException {
    String step = "roster:" + township(t);
    if (steps.done(step)) {
      return;
    }
    long start = System.nanoTime();
    StringBuilder csv =
        new StringBuilder(
            "unitCode,gridName,villageCode,gridType,households,population,realName,idCardNumber,"
                + "phone,education,currentPost,exclusions,role,startsOn,username\n");
    for (int v = 1; v <= VILLAGES; v++) {
      boolean community = v <= COMMUNITIES;
      for (int g = 1; g <= GRIDS; g++) {
        int n = workerNumber(t, v, g);
        String type = !community ? "RURAL" : g == GRIDS ? "EXCLUSIVE" : "URBAN_COMMUNITY";
        String gridName =
            type.equals("RURAL")
                ? "第" + g + "村民小组网格"
                : type.equals("EXCLUSIVE") ? "工业园区专属网格" : "第" + g + "网格";
        int households = 300 + (n * 37) % 201;
        int population = 800 + (households - 300) * 2;
        csv.append(
            String.join(
                ",",
                grid(t, v, g),
                gridName,
                village(t, v),
                type,
                Integer.toString(households),
                Integer.toString(population),
                realName(n),
                idCard(n),
                String.format(Locale.ROOT, "139%08d", n),
                education(n),
                "NONE",
                "",
                "GRID_WORKER",
                STARTS_ON_TEXT,
                worker(n)));
        csv.append('\n');
      }
    }
    int s = workers() + t;
    csv.append(
            String.join(
                ",",
                township(t),
                "",
                "",
                "",
                "",
                "",
                realName(s),
                idCard(s),
                String.format(Locale.ROOT, "138%08d", s),
                "BACHELOR",
                "NONE",
                "",
                "SUPERVISOR",
                STARTS_ON_TEXT,
                supervisor(t)))
        .append('\n');
    String boundary = "----gridcase-bench-" + System.nanoTime();
    byte[] body =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster-"
                + township(t)
                + ".csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/roster/import"))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", basic(ADMIN))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "POST /api/roster/import "
              + township(t)
              + ": "
              + response.statusCode()
              + " "
              + response.body().substring(0, Math.min(3000, response.body().length())));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    steps.record(step, seconds, response.body());
    System.out.printf(
        Locale.ROOT,
        "roster of %s imported in %.1f s: %s%n",
        township(t),
        seconds,
        response.body());
  }

  private static String education(int n) {
    return switch (n % 10) {
      case 0, 1 -> "JUNIOR_HIGH";
      case 2, 3, 4, 5 -> "SENIOR_HIGH";
      case 6, 7, 8 -> "COLLEGE";
      default -> "BACHELOR";
    };
  }

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
