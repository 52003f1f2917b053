package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApplicationProcess;
import cn.gridcase.test.PostgresServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Issue 10 item 2 ("answered 201, then lost"): a 201 for a report means the event, its steps, its
 * task and its timers are on disk. The application runs as its own process (the fat jar); worker1
 * reports in a loop over HTTP, the process is killed with SIGKILL while reports are in flight, and
 * is started again on the same data — {@value #ROUNDS_DEFAULT} times on H2, once on PostgreSQL.
 * After every restart every number ever answered 201 must be there with its open handling task and
 * both of its timers, and no number may have been answered twice; at the end the day's number
 * counter must be past every number handed out. The figures of each round go to standard output
 * (docs/benchmarks.md quotes them).
 */
// the two databases run side by side: most of the time goes into starting the application, and the
// H2 run's restarts wait for H2's stale lock file
@Execution(ExecutionMode.CONCURRENT)
class IntakeCrashIT {

  static final int ROUNDS_DEFAULT = 2;

  /** Rounds on H2; {@code -Dgridcase.crash.rounds=5} for a stronger run by hand. */
  static final int ROUNDS = Integer.getInteger("gridcase.crash.rounds", ROUNDS_DEFAULT);

  /**
   * Rounds on PostgreSQL: one by default, which pays for TwoNodesIT's starts in the build's time
   * (PostgreSQL's durability is its own: 5 × 2 kills lost nothing, docs/benchmarks.md; H2's write
   * delay is what lost reports, so H2 keeps two); {@code -Dgridcase.crash.postgres-rounds=5} by
   * hand.
   */
  static final int POSTGRES_ROUNDS = Integer.getInteger("gridcase.crash.postgres-rounds", 1);

  /**
   * Reports answered 201 in a round before the kill (the kill lands while the next ones are in
   * flight).
   */
  static final int ANSWERED_BEFORE_KILL = Integer.getInteger("gridcase.crash.answered", 30);

  static final int REPORTERS = 4;

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Pattern NUMBER = Pattern.compile("SJ-(\\d{8})-(\\d{4})");

  /** The engine REST API's date format (Camunda's default {@code yyyy-MM-dd'T'HH:mm:ss.SSSZ}). */
  private static final DateTimeFormatter ENGINE_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  /**
   * What the model creates for a grid worker's own report (event-level-handling.bpmn, E2: accepted
   * at reporting).
   */
  private static final String OPEN_TASK = "HandleEventTask";

  private static final Set<String> TIMERS =
      Set.of("HandlingDeadlineEvent", "HandlingReminderEvent");
  private static final String DEADLINE_TIMER = "HandlingDeadlineEvent";

  @Test
  @DisplayName(
      "Issue 10 item 2 (E4, E10): on the embedded H2 default, every report answered 201 survives"
          + " kill -9 of the application with its open task and both timers, and no event number is"
          + " given twice")
  void h2DefaultSurvivesKill() {
    Path dir = ApplicationProcess.cleanDirectory("h2");
    // no datasource arguments: the default profiles h2,demo with the default URL, whose
    // ./data/gridcase
    // lands in the working directory
    CrashRun run = new CrashRun("H2", dir, Map.of(), ROUNDS);
    run.execute();
    run.checkDatabase(
        () ->
            DriverManager.getConnection(
                "jdbc:h2:file:"
                    + dir.resolve("data/gridcase").toAbsolutePath()
                    + ";NON_KEYWORDS=VALUE,YEAR,DAY;ACCESS_MODE_DATA=r",
                "sa",
                ""));
    run.assertNoProblems();
  }

  @Test
  @ExtendWith(PostgresServer.class)
  @DisplayName(
      "Issue 10 item 2 (E4, E10): on PostgreSQL, every report answered 201 survives kill -9 of the "
          + "application with its open task and both timers, and no event number is given twice")
  void postgresSurvivesKill() throws SQLException {
    String url = PostgresServer.createFreshDatabase();
    try (Connection connection = PostgresServer.connect(url);
        Statement statement = connection.createStatement();
        ResultSet settings =
            statement.executeQuery(
                "select name, setting from pg_settings where name in ('fsync',"
                    + " 'synchronous_commit', 'full_page_writes') order by name")) {
      StringBuilder line = new StringBuilder("PostgreSQL crash test RAN against " + url + ":");
      while (settings.next()) {
        line.append(' ').append(settings.getString(1)).append('=').append(settings.getString(2));
      }
      System.out.println(line);
    }
    CrashRun run =
        new CrashRun(
            "PostgreSQL",
            ApplicationProcess.cleanDirectory("postgres"),
            Map.of(
                "SPRING_PROFILES_ACTIVE",
                "postgres,demo",
                "GRIDCASE_DB_URL",
                url,
                "GRIDCASE_DB_USER",
                PostgresServer.user(),
                "GRIDCASE_DB_PASSWORD",
                PostgresServer.password()),
            POSTGRES_ROUNDS);
    run.execute();
    run.checkDatabase(() -> PostgresServer.connect(url));
    run.assertNoProblems();
  }

  /** Rounds of report, kill, restart, check on one database. */
  static final class CrashRun {

    private final String database;
    private final Path directory;
    private final Map<String, String> environment;
    private final int rounds;

    /** Every number answered 201, in every round. */
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    /**
     * The event view the first 201 of each number answered with: after a restart the event must
     * read the same.
     */
    private final Map<String, JsonNode> answeredViews = new ConcurrentHashMap<>();

    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> figures = new ArrayList<>();
    private final AtomicLong reportIndex = new AtomicLong();
    private final AtomicInteger answers = new AtomicInteger();
    private int starts;

    CrashRun(String database, Path directory, Map<String, String> environment, int rounds) {
      this.database = database;
      this.directory = directory;
      this.environment = environment;
      this.rounds = rounds;
    }

    void execute() {
      long began = System.nanoTime();
      ApplicationProcess application = start();
      try {
        Set<String> lostInAll = new HashSet<>();
        for (int round = 1; round <= rounds; round++) {
          Round report = reportUntilKilled(application, round);
          long restart = System.nanoTime();
          application = start();
          double restartSeconds = (System.nanoTime() - restart) / 1e9;
          Map<String, String> lost = missingOrIncomplete(application, acknowledged);
          long newlyLost = lost.keySet().stream().filter(lostInAll::add).count();
          figures.add(
              String.format(
                  "%s round %d: %d reports answered 201 in %.1f s, %d in flight at the kill (exit"
                      + " %d); restarted in %.1f s; %d of the %d numbers answered 201 so far"
                      + " missing or incomplete (%d of them newly)%s",
                  database,
                  round,
                  report.answered(),
                  report.seconds(),
                  report.inFlightAtKill(),
                  report.exitCode(),
                  restartSeconds,
                  lost.size(),
                  acknowledged.size(),
                  newlyLost,
                  lost.isEmpty() ? "" : ": " + lost.values().stream().limit(10).toList()));
          if (!lost.isEmpty()) {
            problems.add(
                database
                    + " round "
                    + round
                    + ": "
                    + lost.size()
                    + " of "
                    + acknowledged.size()
                    + " numbers answered 201 missing or incomplete after the restart: "
                    + lost.values());
          }
        }
        // after the last restart new reports get numbers nobody was given before
        ApiClient worker = ApiClient.anonymous(application.port()).as("worker1");
        for (int i = 0; i < 5; i++) {
          Reply reply = worker.post("/api/events", report());
          assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
          acknowledge(reply.json(), "after the last restart");
        }
        assertThat(application.stop()).as("a normal stop after the last round").isIn(0, 143);
        figures.add(
            String.format(
                "%s: %d rounds, %d starts, %d answers 201 for %d numbers, %d of the numbers lost"
                    + " or overwritten by a later event, %.0f s",
                database,
                rounds,
                starts,
                answers.get(),
                acknowledged.size(),
                lostInAll.size(),
                (System.nanoTime() - began) / 1e9));
      } finally {
        application.close();
        figures.forEach(System.out::println);
      }
    }

    /**
     * The database after the last stop: one row per number, and each day's counter past its
     * numbers.
     */
    void checkDatabase(ConnectionSource source) {
      try (Connection connection = source.open();
          Statement statement = connection.createStatement()) {
        Map<String, Integer> rows = new HashMap<>();
        try (ResultSet rs =
            statement.executeQuery("select number, count(*) from event group by number")) {
          while (rs.next()) {
            rows.put(rs.getString(1), rs.getInt(2));
          }
        }
        rows.forEach(
            (number, count) -> {
              if (count != 1) {
                problems.add(database + ": event number " + number + " stored " + count + " times");
              }
            });
        Map<LocalDate, Integer> counters = new HashMap<>();
        try (ResultSet rs =
            statement.executeQuery("select day, last_value from event_number_counter")) {
          while (rs.next()) {
            counters.put(rs.getDate(1).toLocalDate(), rs.getInt(2));
          }
        }
        for (String number : acknowledged) {
          if (!rows.containsKey(number)) {
            problems.add(database + ": " + number + " (answered 201) is not in the event table");
          }
          Matcher m = NUMBER.matcher(number);
          assertThat(m.matches()).as(number).isTrue();
          LocalDate day = LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
          int sequence = Integer.parseInt(m.group(2));
          Integer counter = counters.get(day);
          if (counter == null || counter < sequence) {
            problems.add(
                database
                    + ": the counter of "
                    + day
                    + " stands at "
                    + counter
                    + ", behind "
                    + number
                    + " (answered 201): the number would be handed out again");
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the " + database + " database", e);
      }
    }

    void assertNoProblems() {
      assertThat(problems).as(String.join("\n", figures)).isEmpty();
    }

    private ApplicationProcess start() {
      return ApplicationProcess.start(directory, "application-" + (starts++) + ".log", environment);
    }

    /**
     * worker1 reports from {@value #REPORTERS} threads, back to back, until the process is killed;
     * the kill comes once {@link #ANSWERED_BEFORE_KILL} reports were answered 201 in this round.
     */
    private Round reportUntilKilled(ApplicationProcess application, int round) {
      AtomicBoolean killed = new AtomicBoolean();
      AtomicInteger answered = new AtomicInteger();
      AtomicInteger inFlight = new AtomicInteger();
      AtomicInteger failures = new AtomicInteger();
      ExecutorService reporters = Executors.newFixedThreadPool(REPORTERS);
      long began = System.nanoTime();
      for (int t = 0; t < REPORTERS; t++) {
        reporters.execute(
            () -> {
              ApiClient worker = ApiClient.anonymous(application.port()).as("worker1");
              while (true) {
                Reply reply;
                inFlight.incrementAndGet();
                try {
                  reply = worker.post("/api/events", report());
                } catch (IllegalStateException e) {
                  if (!killed.get()) {
                    failures.incrementAndGet();
                    problems.add(
                        database
                            + " round "
                            + round
                            + ": a report failed before the kill: "
                            + e.getCause());
                  }
                  return; // the process is gone: this report's answer never came
                } finally {
                  inFlight.decrementAndGet();
                }
                if (reply.status() == 201) {
                  acknowledge(reply.json(), "round " + round);
                  answered.incrementAndGet();
                } else if (!killed.get()) {
                  failures.incrementAndGet();
                  problems.add(database + " round " + round + ": a report was answered " + reply);
                  return;
                }
              }
            });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (answered.get() < ANSWERED_BEFORE_KILL
          && System.nanoTime() < deadline
          && failures.get() == 0) {
        ApplicationProcess.sleep(5);
      }
      assertThat(answered.get())
          .as(
              "reports answered 201 before the kill; problems: "
                  + problems
                  + "\n"
                  + application.logTail())
          .isGreaterThanOrEqualTo(ANSWERED_BEFORE_KILL);
      killed.set(true);
      int inFlightAtKill = inFlight.get();
      int exitCode = application.kill();
      double seconds = (System.nanoTime() - began) / 1e9;
      reporters.shutdown();
      try {
        assertThat(reporters.awaitTermination(60, TimeUnit.SECONDS))
            .as("reporters end after the kill")
            .isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      assertThat(exitCode)
          .as("killed by SIGKILL (kill -9)")
          .isEqualTo(ApplicationProcess.KILLED_BY_SIGKILL);
      assertThat(inFlightAtKill).as("reports in flight when the process was killed").isPositive();
      return new Round(answered.get(), inFlightAtKill, exitCode, seconds);
    }

    private void acknowledge(JsonNode view, String when) {
      String number = view.get("number").asText();
      answers.incrementAndGet();
      answeredViews.putIfAbsent(number, view);
      if (!acknowledged.add(number)) {
        problems.add(database + ": " + number + " answered 201 a second time (" + when + ")");
      }
    }

    /**
     * The numbers (of those given) that after a restart are not there as answered: the event as
     * worker1 sees it (their own grid), its open handling task and both timers (engine REST as
     * admin).
     */
    private Map<String, String> missingOrIncomplete(
        ApplicationProcess application, Set<String> numbers) {
      ApiClient worker = ApiClient.anonymous(application.port()).as("worker1");
      ApiClient admin = ApiClient.anonymous(application.port()).as("admin");
      Map<String, String> timerActivities = new HashMap<>();
      for (JsonNode definition :
          admin
              .get("/engine-rest/job-definition?processDefinitionKey=event-level-handling")
              .json()) {
        timerActivities.put(definition.get("id").asText(), definition.get("activityId").asText());
      }
      Map<String, String> missing = new TreeMap<>();
      for (String number : numbers) {
        String incomplete = incomplete(number, worker, admin, timerActivities);
        if (incomplete != null) {
          missing.put(number, incomplete);
        }
      }
      return missing;
    }

    private String incomplete(
        String number, ApiClient worker, ApiClient admin, Map<String, String> timerActivities) {
      Reply event = worker.get("/api/events/" + number);
      if (event.status() == 404) {
        return number + " (no event)";
      }
      if (event.status() != 200) {
        return number + " (GET answered " + event + ")";
      }
      JsonNode view = event.json();
      if (!view.equals(answeredViews.get(number))) {
        return number + " (event " + view + ", answered with " + answeredViews.get(number) + ")";
      }
      if (!"IN_HANDLING".equals(view.path("status").asText())
          || view.path("handleBy").isNull()
          || view.path("steps").isEmpty()) {
        return number + " (event " + view + ")";
      }
      JsonNode tasks =
          admin
              .get(
                  "/engine-rest/task?processInstanceBusinessKey="
                      + number
                      + "&processDefinitionKey=event-level-handling")
              .json();
      if (tasks.size() != 1 || !OPEN_TASK.equals(tasks.get(0).get("taskDefinitionKey").asText())) {
        return number + " (open tasks " + tasks + ")";
      }
      String instance = tasks.get(0).get("processInstanceId").asText();
      Map<String, Instant> timers = new HashMap<>();
      for (JsonNode job :
          admin.get("/engine-rest/job?timers=true&processInstanceId=" + instance).json()) {
        timers.put(
            timerActivities.getOrDefault(job.get("jobDefinitionId").asText(), "?"),
            OffsetDateTime.parse(job.get("dueDate").asText(), ENGINE_DATE).toInstant());
      }
      if (!timers.keySet().equals(TIMERS)) {
        return number + " (timers " + timers.keySet() + ")";
      }
      Instant handleBy = OffsetDateTime.parse(view.get("handleBy").asText()).toInstant();
      if (!timers.get(DEADLINE_TIMER).equals(handleBy)) {
        return number
            + " (deadline timer "
            + timers.get(DEADLINE_TIMER)
            + ", handleBy "
            + handleBy
            + ")";
      }
      return null;
    }

    private String report() {
      long i = reportIndex.incrementAndGet();
      String occurredAt =
          OffsetDateTime.now(SHANGHAI).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
      return "{\"category\": \"HAZARD\", \"gridCode\": \"GS-V01-G01\", \"title\": \"河堤护栏破损 "
          + i
          + "\","
          + " \"occurredAt\": \""
          + occurredAt
          + "\", \"location\": \"东河堤200米处\", \"persons\": \"过往村民\","
          + " \"cause\": \"护栏年久失修\", \"course\": \"巡查发现护栏断裂，已设警示\", \"major\": false}";
    }
  }

  record Round(int answered, int inFlightAtKill, int exitCode, double seconds) {}

  @FunctionalInterface
  interface ConnectionSource {
    Connection open() throws SQLException;
  }
}
