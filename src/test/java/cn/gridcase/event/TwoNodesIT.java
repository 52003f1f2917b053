package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApplicationProcess;
import cn.gridcase.test.PostgresServer;
import cn.gridcase.test.TimerStormEffects;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Issue 15 item 4 at a small size: two application processes (the fat jar) on one PostgreSQL
 * database, job executors on both. Grid workers report {@value #EVENTS_DEFAULT} events through both
 * nodes at once; both nodes' clocks are moved past the events' reminders and handling deadlines
 * (E4), which leaves the due timers to the two job executors ({@code
 * gridcase.demo.clock-runs-due-jobs=false}); one node is killed with SIGKILL while they drain, and
 * the other must run the jobs the dead one had locked once their lock ({@value #LOCK_MILLIS} ms
 * here) has run out. Then every effect is there exactly once (see {@link TimerStormEffects}), no
 * event number was given twice, and both nodes served {@code /api} and Tasklist. The benchmark
 * {@code TimerStormBenchmark} runs the same at 50,000 events.
 */
// beside IntakeCrashIT: much of this test is waiting (lock time, start-ups on one core) that the
// crash test's start-ups fill
@Execution(ExecutionMode.CONCURRENT)
@ExtendWith(PostgresServer.class)
class TwoNodesIT {

  static final int EVENTS_DEFAULT = 150;
  static final int EVENTS = Integer.getInteger("gridcase.nodes.events", EVENTS_DEFAULT);
  static final int LOCK_MILLIS = 8_000;
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final List<String> WORKERS = List.of("worker1", "worker2");
  private static final Map<String, String> GRID_OF =
      Map.of("worker1", "GS-V01-G01", "worker2", "GS-V01-G02");

  @Test
  @DisplayName(
      "Issue 15 item 4 (E4, C3): two nodes on one PostgreSQL — event numbers unique across the"
          + " nodes, every overdue step's OVERDUE_HANDLING step, notice and proposal exactly once"
          + " with one node killed mid-drain, both nodes serve /api and Tasklist")
  void twoNodesRunEveryTimerOnce() throws Exception {
    long began = System.nanoTime();
    String url = PostgresServer.createFreshDatabase();
    Path directory = ApplicationProcess.cleanDirectory("two-nodes");
    Map<String, String> environment =
        Map.of(
            "SPRING_PROFILES_ACTIVE",
            "postgres,demo",
            "GRIDCASE_DB_URL",
            url,
            "GRIDCASE_DB_USER",
            PostgresServer.user(),
            "GRIDCASE_DB_PASSWORD",
            PostgresServer.password());
    String[] arguments = {
      "--gridcase.demo.clock-runs-due-jobs=false",
      "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
      // an idle acquisition asks again within 2 s (the engine's default waits up to 60 s)
      "--camunda.bpm.job-execution.max-wait=2000",
      "--gridcase.accountability.redelivery-interval=PT5S"
    };
    List<String> figures = new ArrayList<>();
    // one after the other: the first creates the schemas and the demo data
    try (ApplicationProcess a =
            ApplicationProcess.start(directory, "a.log", environment, arguments);
        ApplicationProcess b =
            ApplicationProcess.start(directory, "b.log", environment, arguments)) {
      figures.add(String.format("both nodes ready after %.1f s", seconds(began)));
      List<ApplicationProcess> nodes = List.of(a, b);

      // reports on both nodes at once
      long reporting = System.nanoTime();
      Set<String> numbers = ConcurrentHashMap.newKeySet();
      List<String> problems = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger next = new AtomicInteger();
      ExecutorService reporters = Executors.newFixedThreadPool(4);
      for (int t = 0; t < 4; t++) {
        ApplicationProcess node = nodes.get(t % 2);
        String worker = WORKERS.get(t / 2);
        reporters.execute(
            () -> {
              ApiClient client = ApiClient.anonymous(node.port()).as(worker);
              int i;
              while ((i = next.incrementAndGet()) <= EVENTS) {
                Reply reply = client.post("/api/events", report(GRID_OF.get(worker), i));
                if (reply.status() != 201) {
                  problems.add("report " + i + " answered " + reply);
                  return;
                }
                String number = reply.json().get("number").asText();
                if (!numbers.add(number)) {
                  problems.add(number + " answered twice");
                }
              }
            });
      }
      reporters.shutdown();
      assertThat(reporters.awaitTermination(180, TimeUnit.SECONDS)).isTrue();
      assertThat(problems).isEmpty();
      assertThat(numbers).hasSize(EVENTS);
      figures.add(String.format("%d reports on two nodes in %.1f s", EVENTS, seconds(reporting)));

      // both serve the API and the webapps (each its own session: docs/architecture.md)
      for (ApplicationProcess node : nodes) {
        assertThat(ApiClient.anonymous(node.port()).as("center1").get("/api/me").status())
            .isEqualTo(200);
        assertThat(
                ApiClient.anonymous(node.port())
                    .webappSession("center1", ApiClient.DEMO_PASSWORD)
                    .get("/camunda/api/engine/engine/default/task/count")
                    .status())
            .isEqualTo(200);
      }

      try (Connection db = PostgresServer.connect(url)) {
        OffsetDateTime deadline = latestDeadline(db, numbers);
        // 10:00 the next day: reminders and deadlines due, outside the history cleanup's window
        OffsetDateTime target =
            deadline
                .atZoneSameInstant(SHANGHAI)
                .truncatedTo(ChronoUnit.DAYS)
                .plusDays(1)
                .withHour(10)
                .toOffsetDateTime();
        long move = System.nanoTime();
        for (ApplicationProcess node : nodes) {
          Reply clock =
              ApiClient.anonymous(node.port())
                  .as("admin")
                  .put("/api/admin/clock", "{\"now\": \"" + target + "\"}");
          assertThat(clock.status()).as(clock.toString()).isEqualTo(200);
          assertThat(clock.json().get("jobsExecuted").asInt()).isZero();
        }
        int dueAtMove = TimerStormEffects.dueJobs(db, target);
        assertThat(dueAtMove).as("due jobs after the move").isGreaterThanOrEqualTo(EVENTS);
        // kill b while both drain
        while (TimerStormEffects.dueJobs(db, target) > dueAtMove * 2 / 3 && seconds(move) < 60) {
          ApplicationProcess.sleep(20);
        }
        int dueAtKill = TimerStormEffects.dueJobs(db, target);
        Map<String, Lock> atKill = locks(db);
        Set<String> ownersBeforeKill =
            new HashSet<>(atKill.values().stream().map(Lock::owner).toList());
        assertThat(b.kill()).isEqualTo(ApplicationProcess.KILLED_BY_SIGKILL);
        long kill = System.nanoTime();
        // the engine's clock of a (set to target at the move, running since)
        Instant killedAt = target.toInstant().plusNanos(kill - move);
        assertThat(dueAtKill).as("due jobs left when b was killed").isPositive();
        // a's lock owner shows by a's work after the kill: a lock taken after it, or a job it held
        // at the kill run since; b's locks stay as they were until they expire. Watched for up to
        // half the lock time (a node on a loaded machine may be slow to acquire)
        // held at the kill and still there just after it: b can no longer run these, a can
        Set<String> heldAfterKill = stillThere(db, atKill.keySet());
        Map<String, Lock> locked = locks(db);
        Set<String> ownersOfA = new HashSet<>();
        while (seconds(kill) < LOCK_MILLIS / 2000.0) {
          locked = locks(db);
          locked.values().stream()
              .filter(l -> l.expiry().minusMillis(LOCK_MILLIS).isAfter(killedAt))
              .forEach(l -> ownersOfA.add(l.owner()));
          Set<String> gone = new HashSet<>(heldAfterKill);
          gone.removeAll(stillThere(db, heldAfterKill));
          gone.forEach(id -> ownersOfA.add(atKill.get(id).owner()));
          if (!ownersOfA.isEmpty()) {
            break;
          }
          ApplicationProcess.sleep(100);
        }
        if (ownersOfA.isEmpty()) {
          // a held nothing and acquired nothing: every lock at the kill was b's
          assertThat(ownersBeforeKill).as("lock owners at the kill, a idle").hasSize(1);
        }
        Set<String> ownersOfB = new HashSet<>(ownersBeforeKill);
        ownersOfB.removeAll(ownersOfA);
        Map<String, Instant> orphans = new HashMap<>();
        locked.forEach(
            (id, lock) -> {
              if (ownersOfB.contains(lock.owner())) {
                orphans.put(id, lock.expiry());
              }
            });
        figures.add(
            String.format(
                "%d jobs due at the move, %d left when b was killed %.1f s later, %d of them"
                    + " locked by b",
                dueAtMove, dueAtKill, (kill - move) / 1e9, orphans.size()));
        assertThat(orphans).as("jobs the killed node had locked").isNotEmpty();
        Instant firstExpiry = Collections.min(orphans.values());
        Instant firstRun = null;
        while ((TimerStormEffects.dueJobs(db, target) > 0 || !lockedJobs(db).isEmpty())
            && seconds(kill) < 120) {
          ApplicationProcess.sleep(200);
          if (firstRun == null && stillThere(db, orphans.keySet()).size() < orphans.size()) {
            firstRun = target.toInstant().plusNanos(System.nanoTime() - move);
          }
        }
        double drained = seconds(kill);
        assertThat(TimerStormEffects.dueJobs(db, target))
            .as("due jobs 120 s after the kill")
            .isZero();
        assertThat(stillThere(db, orphans.keySet())).as("b's locked jobs run by a").isEmpty();
        assertThat(firstRun)
            .as("a ran b's jobs only once their lock had run out (the first at %s)", firstExpiry)
            .isNotNull()
            .isAfterOrEqualTo(firstExpiry.minusMillis(1500));
        figures.add(String.format("drained %.1f s after the kill", drained));

        // a proposal whose job committed on b just before the kill is raised by a's redelivery
        long settle = System.nanoTime();
        TimerStormEffects.Report effects = TimerStormEffects.check(db, numbers, true);
        while (!effects.problems().isEmpty() && seconds(settle) < 60) {
          ApplicationProcess.sleep(1000);
          effects = TimerStormEffects.check(db, numbers, true);
        }
        assertThat(effects.problems()).as(String.join("\n", figures)).isEmpty();
        assertThat(distinctNumbers(db, numbers)).isEqualTo(EVENTS);
      }
      // the survivor still serves the API and Tasklist
      assertThat(
              ApiClient.anonymous(a.port())
                  .webappSession("supervisor1", ApiClient.DEMO_PASSWORD)
                  .get("/camunda/api/engine/engine/default/task/count")
                  .status())
          .isEqualTo(200);
      assertThat(a.stop()).isIn(0, 143);
    } finally {
      figures.add(String.format("two-node test: %.0f s in all", seconds(began)));
      figures.forEach(System.out::println);
    }
  }

  private static String report(String grid, int i) {
    String occurredAt =
        OffsetDateTime.now(SHANGHAI).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
    return "{\"category\": \"HAZARD\", \"gridCode\": \""
        + grid
        + "\", \"title\": \"河堤护栏破损 "
        + i
        + "\", \"occurredAt\": \""
        + occurredAt
        + "\", \"location\": \"东河堤200米处\", \"persons\": \"过往村民\","
        + " \"cause\": \"护栏年久失修\", \"course\": \"巡查发现护栏断裂，已设警示\", \"major\": false}";
  }

  private static OffsetDateTime latestDeadline(Connection db, Set<String> numbers)
      throws SQLException {
    try (PreparedStatement statement =
        db.prepareStatement("select max(step_handle_by) from event where number = any(?)")) {
      statement.setArray(1, db.createArrayOf("varchar", numbers.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getObject(1, OffsetDateTime.class);
      }
    }
  }

  private static Set<String> lockedJobs(Connection db) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (PreparedStatement statement =
            db.prepareStatement("select id_ from act_ru_job where lock_owner_ is not null");
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  record Lock(String owner, Instant expiry) {}

  /** The locked jobs: id → owner and lock expiry (a timestamp in the nodes' zone, this JVM's). */
  private static Map<String, Lock> locks(Connection db) throws SQLException {
    Map<String, Lock> locks = new HashMap<>();
    try (PreparedStatement statement =
            db.prepareStatement(
                "select id_, lock_owner_, lock_exp_time_ from act_ru_job where lock_owner_ is not"
                    + " null");
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        locks.put(rs.getString(1), new Lock(rs.getString(2), rs.getTimestamp(3).toInstant()));
      }
    }
    return locks;
  }

  private static Set<String> stillThere(Connection db, Set<String> ids) throws SQLException {
    Set<String> there = new HashSet<>();
    try (PreparedStatement statement =
        db.prepareStatement("select id_ from act_ru_job where id_ = any(?)")) {
      Array array = db.createArrayOf("varchar", ids.toArray());
      statement.setArray(1, array);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          there.add(rs.getString(1));
        }
      }
    }
    return there;
  }

  private static int distinctNumbers(Connection db, Set<String> numbers) throws SQLException {
    try (PreparedStatement statement =
        db.prepareStatement("select count(distinct number) from event where number = any(?)")) {
      statement.setArray(1, db.createArrayOf("varchar", numbers.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
