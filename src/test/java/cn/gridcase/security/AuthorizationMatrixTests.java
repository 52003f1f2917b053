package cn.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code /api} endpoint as every demo user (and anonymously), in and out of scope, with the
 * status each must get. A new endpoint joins with one line in {@link #endpoints()}: {@code
 * call("GET /api/x/{id}").allow(users...).otherwise(404)}.
 */
class AuthorizationMatrixTests extends ApiTestSupport {

  static final List<String> USERS =
      List.of(
          "admin",
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
          "investigator1");

  /**
   * Who sees grid GS-V01-G01: its worker, the village's people, the area leader, the township
   * center, admins.
   */
  static final String[] SEE_V01_G01 = {
    "admin",
    "worker1",
    "leader1",
    "instructor1",
    "station1",
    "arealeader1",
    "center1",
    "head1",
    "supervisor1"
  };

  static final String[] SEE_V02_G01 = {
    "admin", "worker3", "arealeader1", "center1", "head1", "supervisor1"
  };
  static final String[] SEE_V05_G01 = {"admin", "center1", "head1", "supervisor1"};

  /** The full-time grid workers, who alone keep work records. */
  static final String[] WORKERS = {"worker1", "worker2", "worker3"};

  /**
   * Who keeps GS-V01-G01's special-group register: its worker, the village's leader, instructor and
   * station, the township center, admins.
   */
  static final String[] KEEP_V01_G01 = {
    "admin", "worker1", "leader1", "instructor1", "station1", "center1", "head1"
  };

  static final String[] EVERYONE = USERS.toArray(String[]::new);

  /**
   * Who is appointed in township GS (its center, supervisors, villages' and grids' people), and so
   * reads its published leader surveys and its yearly evaluation (A8, A9).
   */
  static final String[] IN_GS = {
    "admin",
    "worker1",
    "worker2",
    "worker3",
    "leader1",
    "instructor1",
    "station1",
    "center1",
    "head1",
    "arealeader1",
    "supervisor1"
  };

  /** GS's township center and supervisors, who record the leaders' surveys and reviews (A8). */
  static final String[] GS_STAFF = {"admin", "center1", "head1", "supervisor1"};

  /**
   * Who sees an assignment center1 gave to GS-V01-G01: administrators, the township's supervisors,
   * the township center (the unit that gave it) and those whose scope holds the grid.
   */
  static final String[] SEE_ASSIGNMENT = {
    "admin",
    "worker1",
    "leader1",
    "instructor1",
    "station1",
    "arealeader1",
    "center1",
    "head1",
    "supervisor1"
  };

  private static final AtomicInteger UNIQUE = new AtomicInteger();

  static List<Endpoint> endpoints() {
    return List.of(
        call("GET /api/me").allow(EVERYONE),
        call("GET /api/calendar/deadline?from=2026-09-30T10:00:00%2B08:00&workingDays=2")
            .allow(EVERYONE),
        call("GET /api/calendar/years/2026").allow(EVERYONE),
        call(
                "PUT /api/calendar/years/2036",
                () ->
                    "{\"days\": [{\"date\": \"2036-10-01\", \"name\": \"国庆节\", \"isOffDay\":"
                        + " true}]}")
            .allow("admin")
            .otherwise(403),
        call("GET /api/admin/clock").allow("admin").otherwise(403),
        call("DELETE /api/admin/clock").allow("admin").otherwise(403),
        call("GET /api/grids").allow(EVERYONE),
        call("GET /api/grids/warnings").allow(EVERYONE),
        call("GET /api/grids/GS-V01-G01").allow(SEE_V01_G01).otherwise(404),
        call("GET /api/grids/GS-V02-G01").allow(SEE_V02_G01).otherwise(404),
        call("GET /api/grids/GS-V05-G01").allow(SEE_V05_G01).otherwise(404),
        call("GET /api/grids/GS-V01-G01/responsible?on=2026-03-01")
            .allow(SEE_V01_G01)
            .otherwise(404),
        call("GET /api/grids/GS-V99-G99").allow().otherwise(404),
        call(
                "POST /api/grids",
                () ->
                    "{\"code\": \"GS-V06-M"
                        + UNIQUE.incrementAndGet()
                        + "\", \"name\": \"矩阵网格\","
                        + " \"villageCode\": \"GS-V06\", \"type\": \"EXCLUSIVE\"}")
            .status(201, "admin")
            .otherwise(403),
        call("POST /api/appointments", () -> "{}").status(422, "admin").otherwise(403),
        call("GET /api/appointments?unitCode=GS-V01-G01").allow("admin").otherwise(403),
        call("GET /api/appointments/999999").status(404, "admin").otherwise(403),
        call("POST /api/appointments/999999/end", () -> "{}").status(404, "admin").otherwise(403),
        call("GET /api/units").allow("admin").otherwise(403),
        call("POST /api/units", () -> "{}").status(422, "admin").otherwise(403),
        call("PUT /api/units/GS/settings", () -> "{}").allow("admin").otherwise(403),
        call("PUT /api/units/GS-V01/settings", () -> "{}").status(404, "admin").otherwise(403),
        call("GET /api/people?name=张").allow("admin").otherwise(403),
        call("GET /api/people/999999").status(404, "admin").otherwise(403),
        call(
                "PATCH /api/people/999999",
                () -> "{\"education\": \"SENIOR_HIGH\", \"reason\": \"核对学历证书\"}")
            .status(404, "admin")
            .otherwise(403),
        call("GET /api/roster/export?format=csv").allow("admin").otherwise(403),
        // events: {event} is an event worker1 reported in GS-V01-G01 (accepted on reporting, in
        // handling)
        call("POST /api/events", AuthorizationMatrixTests::eventReport)
            .status(201, SEE_V01_G01)
            .otherwise(403),
        call("GET /api/events").allow(EVERYONE),
        call("GET /api/events/{event}").allow(SEE_V01_G01).otherwise(404),
        call("GET /api/events/SJ-20000101-9999").allow().otherwise(404),
        call("POST /api/events/{event}/accept")
            .status(403, SEE_V01_G01)
            .status(409, "worker1")
            .otherwise(404),
        call("POST /api/events/{event}/resolve")
            .status(403, SEE_V01_G01)
            .status(422, "worker1")
            .otherwise(404),
        call("POST /api/events/{event}/escalate")
            .status(403, SEE_V01_G01)
            .status(422, "worker1")
            .otherwise(404),
        call("POST /api/events/{event}/dispatch")
            .status(403, SEE_V01_G01)
            .status(409, "worker1")
            .otherwise(404),
        call("POST /api/events/{event}/refer-county")
            .status(403, SEE_V01_G01)
            .status(409, "worker1")
            .otherwise(404),
        call("POST /api/events/{event}/feedback")
            .status(403, SEE_V01_G01)
            .status(409, "worker1")
            .otherwise(404),
        call("POST /api/events/{event}/urge")
            .status(403, SEE_V01_G01)
            .status(200, "supervisor1")
            .otherwise(404),
        // work records (S2, A4): only grid workers record; {record} is a check-in of worker1
        call("POST /api/work/check-ins").status(201, WORKERS).otherwise(403),
        call("POST /api/work/patrols").status(422, WORKERS).otherwise(403),
        call("POST /api/work/patrols/start", () -> "{\"latitude\": 95, \"longitude\": 0}")
            .status(422, WORKERS)
            .otherwise(403),
        call("GET /api/work/patrols/open").allow().otherwise(404),
        call("POST /api/work/patrols/999999/end").allow().otherwise(404),
        call("POST /api/work/visits").status(422, WORKERS).otherwise(403),
        call("POST /api/work/diaries").status(422, WORKERS).otherwise(403),
        call("POST /api/work/screenings").status(422, WORKERS).otherwise(403),
        call("POST /api/work/info-entries").status(422, WORKERS).otherwise(403),
        call("POST /api/work/records/999999/withdrawal").status(404, WORKERS).otherwise(403),
        call("GET /api/work/records").allow(EVERYONE),
        call("GET /api/work/records?username=worker1").allow(SEE_V01_G01).otherwise(403),
        call("GET /api/work/records/{record}").allow(SEE_V01_G01).otherwise(404),
        call("GET /api/work/shortfalls/worker1?period=2026-11").allow(SEE_V01_G01).otherwise(403),
        call("GET /api/grids/GS-V01-G01/special-persons").allow(SEE_V01_G01).otherwise(404),
        call("POST /api/grids/GS-V01-G01/special-persons")
            .status(422, KEEP_V01_G01)
            .status(403, "arealeader1", "supervisor1")
            .otherwise(404),
        call("GET /api/grids/GS-V01-G01/special-persons/999999").allow().otherwise(404),
        call("POST /api/grids/GS-V01-G01/special-persons/999999/leave").allow().otherwise(404),
        call("GET /api/tasks").allow(EVERYONE),
        call("GET /api/notifications").allow(EVERYONE),
        call("POST /api/notifications/read-all").allow(EVERYONE),
        call("POST /api/notifications/999999/read").allow().otherwise(404),
        call("GET /api/supervision/overdue")
            .allow(
                "admin",
                "supervisor1",
                "head1",
                "arealeader1",
                "leader1",
                "instructor1",
                "investigator1")
            .otherwise(403),
        call("GET /api/supervision/overdue.xlsx")
            .allow(
                "admin",
                "supervisor1",
                "head1",
                "arealeader1",
                "leader1",
                "instructor1",
                "investigator1")
            .otherwise(403),
        call("GET /api/supervision/board")
            .allow("admin", "supervisor1", "head1", "arealeader1", "leader1", "instructor1")
            .otherwise(403),
        call("GET /api/admin/townships/GS/event-limits").allow("admin").otherwise(403),
        call("PUT /api/admin/townships/GS/event-limits", () -> "{}").allow("admin").otherwise(403),
        // accountability: {case} is a case supervisor1 opened against worker2, investigated by
        // investigator1
        call("POST /api/accountability/cases").status(422, "supervisor1").otherwise(403),
        call("GET /api/accountability/cases").allow(EVERYONE),
        call("GET /api/accountability/cases/{case}")
            .allow("admin", "supervisor1", "investigator1")
            .otherwise(404),
        call("GET /api/accountability/cases/{case}/reads")
            .allow("admin", "supervisor1")
            .status(403, "investigator1")
            .otherwise(404),
        call("POST /api/accountability/cases/{case}/extend")
            .status(403, "admin", "supervisor1")
            .status(422, "investigator1")
            .otherwise(404),
        call("POST /api/accountability/cases/{case}/decide")
            .status(403, "admin", "supervisor1")
            .status(422, "investigator1")
            .otherwise(404),
        call("POST /api/accountability/cases/{case}/dismiss")
            .status(403, "admin", "supervisor1")
            .status(422, "investigator1")
            .otherwise(404),
        call("POST /api/accountability/cases/{case}/notify")
            .status(403, "admin", "supervisor1")
            .status(409, "investigator1")
            .otherwise(404),
        call("POST /api/accountability/cases/{case}/execution")
            .status(403, "admin", "supervisor1")
            .status(409, "investigator1")
            .otherwise(404),
        call("POST /api/accountability/cases/{case}/talk")
            .status(409, "admin", "supervisor1", "investigator1")
            .otherwise(404),
        call("GET /api/accountability/proposals").allow("admin", "supervisor1").otherwise(403),
        call("POST /api/accountability/proposals/999999/reject").allow().otherwise(404),
        call("POST /api/accountability/proposals/999999/accept").allow().otherwise(404),
        call("GET /api/admin/townships/GS/accountability-grading").allow("admin").otherwise(403),
        // meetings (S2, S3): scope decides; a body with only a unit is refused naming the rest
        call("GET /api/meetings").allow(EVERYONE),
        call("GET /api/meetings?unitCode=GS-V01-G01").allow(SEE_V01_G01).otherwise(403),
        call("GET /api/meetings/999999").allow().otherwise(404),
        call("POST /api/meetings", () -> "{\"unitCode\": \"GS-V01-G01\"}")
            .status(422, SEE_V01_G01)
            .otherwise(403),
        call("GET /api/meetings/obligations").allow(EVERYONE),
        call("GET /api/meetings/obligations?unitCode=GS-V02-G01").allow(SEE_V02_G01).otherwise(403),
        call("GET /api/meetings/obligations/999999").allow().otherwise(404),
        call("GET /api/admin/townships/GS/meetings").allow("admin").otherwise(403),
        call(
                "PUT /api/admin/townships/GS/meetings",
                () ->
                    "{\"kinds\": [\"GRID_WEEKLY\", \"VILLAGE_MONTHLY\", \"TOWNSHIP_QUARTERLY\","
                        + " \"WORKERS_WEEKLY\", \"WORKERS_MONTHLY\"]}")
            .allow("admin")
            .otherwise(403),
        // pay and rankings (A1–A3, A9): own statement; the township's staff and supervisors
        call("GET /api/assessment/pay/worker1/2026-10")
            .allow("admin", "worker1", "center1", "head1", "supervisor1")
            .otherwise(403),
        call("GET /api/assessment/pay?townshipCode=GS&month=2026-10")
            .allow("admin", "center1", "head1", "supervisor1")
            .otherwise(403),
        call("GET /api/admin/townships/GS/pay-settings").allow("admin").otherwise(403),
        call("PUT /api/admin/townships/GS/pay-settings").status(422, "admin").otherwise(403),
        call("GET /api/assessment/pay-settings/GS")
            .allow("admin", "center1", "head1", "supervisor1")
            .otherwise(403),
        call("PUT /api/assessment/pay-settings/GS")
            .status(422, "admin", "center1", "head1")
            .otherwise(403),
        call("GET /api/supervision/rankings?period=2026-W40&scope=GRID&townshipCode=GS")
            .allow("admin", "center1", "head1", "supervisor1")
            .otherwise(403),
        // the matter list and assignments (S4): {assignment} is a listed matter center1 gave to
        // GS-V01-G01, open
        call("GET /api/matters?townshipCode=GS").allow(EVERYONE),
        call("GET /api/matters?townshipCode=XX").allow().otherwise(404),
        call("POST /api/matters").status(422, "admin", "supervisor1").otherwise(403),
        call("POST /api/matters/NONE/withdraw").status(422, "admin", "supervisor1").otherwise(403),
        call("POST /api/assignments")
            .status(422, "center1", "head1", "safety1", "civil1")
            .otherwise(403),
        call("GET /api/assignments").allow(EVERYONE),
        call("GET /api/assessment/leader-surveys?townshipCode=GS&year=2025")
            .allow(IN_GS)
            .otherwise(403),
        call("POST /api/assessment/leader-surveys", () -> "{}")
            .status(422, GS_STAFF)
            .otherwise(403),
        call("GET /api/assessment/leader-bonus/2025?townshipCode=GS")
            .allow(
                "admin", "center1", "head1", "supervisor1", "leader1", "instructor1", "arealeader1")
            .otherwise(403),
        call("GET /api/assessment/years/2025?townshipCode=GS").allow(IN_GS).otherwise(403),
        call("GET /api/assignments/{assignment}").allow(SEE_ASSIGNMENT).otherwise(404),
        call("GET /api/assignments/999999").allow().otherwise(404),
        call("POST /api/assignments/{assignment}/approve")
            .status(403, SEE_ASSIGNMENT)
            .status(409, "supervisor1")
            .otherwise(404),
        call("POST /api/assignments/{assignment}/reject")
            .status(403, SEE_ASSIGNMENT)
            .status(409, "supervisor1")
            .otherwise(404),
        call("POST /api/assignments/{assignment}/done")
            .status(403, SEE_ASSIGNMENT)
            .status(422, "worker1")
            .otherwise(404),
        // the quarterly assessment (A4-A6, C3): the township's assessment group (its center's
        // staff) adds findings and changes the settings; a quarter nobody drafted is 404 for them
        call(
                "POST /api/assessment/quarters/2031-Q1/findings",
                () -> "{\"townshipCode\": \"GS\", \"username\": \"worker1\"}")
            .status(404, "admin", "center1", "head1")
            .otherwise(403),
        call("PUT /api/assessment/settings/GS")
            .status(422, "admin", "center1", "head1")
            .otherwise(403),
        call(
                "PUT /api/admin/townships/GS/accountability-grading",
                () ->
                    "{\"seriousDays\": 3, \"graveDays\": 6, \"seriousCount\": 2, \"graveCount\":"
                        + " 3}")
            .allow("admin")
            .otherwise(403));
  }

  private static volatile String fixtureCase;

  /** The matrix's case, opened once by supervisor1. */
  static synchronized String fixtureCase(ApiClient client) {
    if (fixtureCase == null) {
      Reply reply =
          client
              .as("supervisor1")
              .post(
                  "/api/accountability/cases",
                  "{\"subject\": \"worker2\", \"subjectRole\": \"GRID_WORKER\", \"clause\":"
                      + " \"第四条（一）6\", \"facts\": \"矩阵测试\"}");
      assertThat(reply.status()).as("fixture case: " + reply).isEqualTo(201);
      fixtureCase = reply.json().get("id").asText();
    }
    return fixtureCase;
  }

  private static volatile String fixtureAssignment;

  /** The matrix's assignment: a listed matter center1 gave to GS-V01-G01, left open. */
  static synchronized String fixtureAssignment(ApiClient client) {
    if (fixtureAssignment == null) {
      Reply matter =
          client
              .as("supervisor1")
              .post(
                  "/api/matters",
                  "{\"townshipCode\": \"GS\", \"code\": \"MATRIX-1\", \"name\": \"矩阵事项\","
                      + " \"status\": \"LISTED\", \"approval\": {\"approvedBy\": \"县委政法委\","
                      + " \"document\": \"矩阵1号\", \"approvedOn\": \"2026-01-05\"}}");
      assertThat(matter.status()).as("fixture matter: " + matter).isIn(200, 201, 409);
      Reply reply =
          client
              .as("center1")
              .post(
                  "/api/assignments",
                  "{\"gridCodes\": [\"GS-V01-G01\"], \"matterCode\": \"MATRIX-1\", \"title\":"
                      + " \"矩阵交办\", \"instructions\": \"核查\", \"workingDays\": 5}");
      assertThat(reply.status()).as("fixture assignment: " + reply).isEqualTo(201);
      fixtureAssignment = reply.json().get("id").asText();
    }
    return fixtureAssignment;
  }

  private static volatile String fixtureEvent;

  private static volatile String fixtureRecord;

  /** The matrix's work record, a check-in of worker1 made once. */
  static synchronized String fixtureRecord(ApiClient client) {
    if (fixtureRecord == null) {
      Reply reply = client.as("worker1").post("/api/work/check-ins", "{}");
      assertThat(reply.status()).as("fixture record: " + reply).isEqualTo(201);
      fixtureRecord = reply.json().get("id").asText();
    }
    return fixtureRecord;
  }

  static String eventReport() {
    return "{\"category\": \"HAZARD\", \"gridCode\": \"GS-V01-G01\", \"title\": \"矩阵事件\","
        + " \"occurredAt\": \"2026-01-05T09:00:00+08:00\", \"location\": \"村口\","
        + " \"persons\": \"无\", \"cause\": \"巡查发现\", \"course\": \"井盖缺失\"}";
  }

  /**
   * The matrix's event, reported once by worker1 (so it is accepted on reporting and in handling).
   */
  static synchronized String fixtureEvent(ApiClient client) {
    if (fixtureEvent == null) {
      Reply reply = client.as("worker1").post("/api/events", eventReport());
      assertThat(reply.status()).as("fixture event: " + reply).isEqualTo(201);
      fixtureEvent = reply.json().get("number").asText();
    }
    return fixtureEvent;
  }

  static Stream<Arguments> matrix() {
    return endpoints().stream()
        .flatMap(
            endpoint ->
                Stream.concat(
                    USERS.stream()
                        .map(
                            user ->
                                Arguments.of(
                                    endpoint.line, user, endpoint.statusFor(user), endpoint)),
                    Stream.of(Arguments.of(endpoint.line, "anonymous", 401, endpoint))));
  }

  @ParameterizedTest(name = "{0} as {1} → {2}")
  @MethodSource("matrix")
  void statusFor(String line, String user, int expected, Endpoint endpoint) {
    ApiClient client = "anonymous".equals(user) ? api : api.as(user);
    Reply reply = endpoint.send(client);
    assertThat(reply.status()).as(line + " as " + user + ": " + reply).isEqualTo(expected);
    if (expected >= 400) {
      assertThat(reply.isProblem()).as("problem+json: " + reply).isTrue();
    }
  }

  static Endpoint call(String line) {
    return new Endpoint(line, null);
  }

  static Endpoint call(String line, Supplier<String> body) {
    return new Endpoint(line, body);
  }

  /** One endpoint and the status per user. */
  static final class Endpoint {
    final String line;
    final Supplier<String> body;
    final Map<String, Integer> statuses = new LinkedHashMap<>();
    int otherwise = 200;

    Endpoint(String line, Supplier<String> body) {
      this.line = line;
      this.body = body;
    }

    Endpoint allow(String... users) {
      return status(200, users);
    }

    Endpoint status(int status, String... users) {
      for (String user : users) {
        statuses.put(user, status);
      }
      if (users.length == 0 || !Set.of(users).containsAll(USERS)) {
        otherwise = -1; // must be set by otherwise()
      }
      return this;
    }

    Endpoint otherwise(int status) {
      otherwise = status;
      return this;
    }

    int statusFor(String user) {
      Integer status = statuses.get(user);
      if (status != null) {
        return status;
      }
      if (otherwise < 0) {
        throw new IllegalStateException(line + ": no status for " + user + " (add otherwise(...))");
      }
      return otherwise;
    }

    Reply send(ApiClient client) {
      String[] parts =
          line.replace("{event}", line.contains("{event}") ? fixtureEvent(client) : "")
              .replace("{case}", line.contains("{case}") ? fixtureCase(client) : "")
              .replace("{record}", line.contains("{record}") ? fixtureRecord(client) : "")
              .replace(
                  "{assignment}", line.contains("{assignment}") ? fixtureAssignment(client) : "")
              .split(" ", 2);
      String json = body == null ? "{}" : body.get();
      return switch (parts[0]) {
        case "GET" -> client.get(parts[1]);
        case "DELETE" -> client.delete(parts[1]);
        case "POST" -> client.post(parts[1], json);
        case "PUT" -> client.put(parts[1], json);
        case "PATCH" -> client.patch(parts[1], json);
        default -> throw new IllegalArgumentException(line);
      };
    }

    @Override
    public String toString() {
      return line;
    }
  }
}
