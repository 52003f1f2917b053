package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A full event life cycle through HTTP as the demo users, with the refusals a user would meet on
 * the way. Shared by the H2 API test and the PostgreSQL test, so both databases run the same story.
 */
final class EventLifecycle {

  private final ApiClient api;

  EventLifecycle(ApiClient api) {
    this.api = api;
  }

  static final String HAZARD =
      "{\"category\": \"HAZARD\", \"gridCode\": \"GS-V01-G01\", \"title\": \"河堤护栏破损\","
          + " \"occurredAt\": \"2026-11-02T08:30:00+08:00\", \"location\": \"东河堤200米处\","
          + " \"persons\": \"过往村民\", \"cause\": \"护栏年久失修\", \"course\": \"巡查发现三处护栏断裂，已设警示\","
          + " \"major\": false}";

  /** worker1 → station1 → center1 → safety1 → feedback by worker1; returns the event number. */
  String run() {
    // E2: an incomplete report is refused naming every missing element; nothing is stored
    Reply incomplete =
        api.as("worker1")
            .post(
                "/api/events",
                "{\"category\": \"DISPUTE\", \"gridCode\": \"GS-V01-G01\","
                    + " \"title\": \"纠纷\", \"parties\": [{\"name\": \"王某\"}]}");
    assertThat(incomplete.status()).as(incomplete.toString()).isEqualTo(422);
    assertThat(codes(incomplete))
        .containsExactlyInAnyOrder(
            "E2.time", "E2.place", "E2.persons", "E2.cause", "E2.course", "E2.parties", "E2.phone");
    assertThat(api.as("worker2").post("/api/events", HAZARD).status())
        .as("worker2 reports outside their grid")
        .isEqualTo(403);

    // worker1 reports in their own grid: accepted at the moment of reporting, handling runs 5
    // working days
    Reply reported = api.as("worker1").post("/api/events", HAZARD);
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    String number = reported.json().get("number").asText();
    assertThat(number).matches("SJ-\\d{8}-\\d{4}");
    assertThat(reported.location()).endsWith("/api/events/" + number);
    JsonNode event = reported.json();
    assertThat(event.get("status").asText()).isEqualTo("IN_HANDLING");
    assertThat(event.get("level").asText()).isEqualTo("GRID");
    assertThat(event.get("handleBy").asText()).endsWith("T23:59:59+08:00");
    assertThat(event.get("acceptBy").isNull()).isTrue();
    String path = "/api/events/" + number;

    assertThat(api.as("worker3").get(path).status()).as("another village's worker").isEqualTo(404);
    assertThat(api.as("civil1").get(path).status())
        .as("a department it was not dispatched to")
        .isEqualTo(404);
    assertThat(api.as("station1").get(path).status()).isEqualTo(200);
    assertThat(api.as("station1").post(path + "/accept", "{}").status())
        .as("not station1's level yet")
        .isEqualTo(403);
    assertThat(api.as("worker1").post(path + "/accept", "{}").status())
        .as("accepted already")
        .isEqualTo(409);
    Reply noReason = api.as("worker1").post(path + "/escalate", "{}");
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(codes(noReason)).containsExactly("E5.reason");

    // 上报 to the village station
    event = ok(api.as("worker1").post(path + "/escalate", "{\"reason\": \"需村里协调资金修复\"}"));
    assertThat(event.get("level").asText()).isEqualTo("VILLAGE");
    assertThat(event.get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
    assertThat(event.get("acceptBy").asText()).endsWith("T23:59:59+08:00");
    assertThat(event.get("candidateGroup").asText()).isEqualTo("GS-V01");
    assertThat(taskEvents("station1")).contains(number);
    assertThat(noticesOf("station1", number)).contains("EVENT_RECEIVED");
    assertThat(noticesOf("center1", number)).contains("EVENT_ESCALATED");

    ok(api.as("station1").post(path + "/accept", "{}"));
    assertThat(
            api.as("station1")
                .post(path + "/dispatch", "{\"departmentCode\": \"DEPT-SAFETY\"}")
                .status())
        .as("only the township center dispatches")
        .isEqualTo(409);
    event = ok(api.as("station1").post(path + "/escalate", "{\"reason\": \"村级无力修复\"}"));
    assertThat(event.get("level").asText()).isEqualTo("TOWNSHIP");

    // the township center accepts and dispatches (吹哨派单) to the safety department
    ok(api.as("center1").post(path + "/accept", "{}"));
    Reply wrongDepartment =
        api.as("center1").post(path + "/dispatch", "{\"departmentCode\": \"GS-V02\"}");
    assertThat(wrongDepartment.status()).isEqualTo(422);
    assertThat(codes(wrongDepartment)).containsExactly("E5.department");
    event =
        ok(
            api.as("center1")
                .post(
                    path + "/dispatch",
                    "{\"departmentCode\": \"DEPT-SAFETY\", \"instructions\": \"请于汛期前修复\"}"));
    assertThat(event.get("level").asText()).isEqualTo("DEPARTMENT");
    assertThat(event.get("departmentCode").asText()).isEqualTo("DEPT-SAFETY");
    assertThat(api.as("safety1").get(path).status()).isEqualTo(200);
    assertThat(api.as("civil1").get(path).status()).isEqualTo(404);
    assertThat(taskEvents("safety1")).contains(number);

    // the supervisor urges (催办); the department is told
    assertThat(api.as("center1").post(path + "/urge", "{\"message\": \"x\"}").status())
        .as("only supervisors urge")
        .isEqualTo(403);
    ok(api.as("supervisor1").post(path + "/urge", "{\"message\": \"请尽快报到\"}"));
    assertThat(noticesOf("safety1", number)).contains("URGED");

    // 报到承接 and 办结
    ok(api.as("safety1").post(path + "/accept", "{}"));
    Reply noResult = api.as("safety1").post(path + "/resolve", "{}");
    assertThat(noResult.status()).isEqualTo(422);
    assertThat(codes(noResult)).containsExactly("E3.result");
    event = ok(api.as("safety1").post(path + "/resolve", "{\"result\": \"已更换护栏\"}"));
    assertThat(event.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(event.get("result").asText()).isEqualTo("已更换护栏");
    assertThat(noticesOf("worker1", number)).contains("EVENT_RESOLVED");

    // feedback (回访) by the grid worker closes the event (E9)
    assertThat(
            api.as("station1")
                .post(path + "/feedback", "{\"satisfaction\": \"SATISFIED\"}")
                .status())
        .as("the grid's worker or the reporter feeds back")
        .isEqualTo(403);
    Reply badSatisfaction =
        api.as("worker1").post(path + "/feedback", "{\"satisfaction\": \"HAPPY\"}");
    assertThat(badSatisfaction.status()).isEqualTo(422);
    assertThat(codes(badSatisfaction)).containsExactly("E9.satisfaction");
    event =
        ok(
            api.as("worker1")
                .post(
                    path + "/feedback",
                    "{\"satisfaction\": \"SATISFIED\", \"comment\": \"村民满意\"}"));
    assertThat(event.get("status").asText()).isEqualTo("CLOSED");
    assertThat(event.get("satisfaction").asText()).isEqualTo("SATISFIED");
    assertThat(api.as("safety1").post(path + "/accept", "{}").status()).as("closed").isEqualTo(409);
    assertThat(api.as("supervisor1").post(path + "/urge", "{}").status())
        .as("nothing open to urge")
        .isEqualTo(409);

    // E10: every step with who, when and the deadline it ran under
    JsonNode steps = ok(api.as("supervisor1").get(path)).get("steps");
    List<String> actions = new ArrayList<>();
    List<String> actors = new ArrayList<>();
    steps.forEach(
        step -> {
          actions.add(step.get("action").asText());
          actors.add(step.get("actor").asText());
        });
    assertThat(actions)
        .containsExactly(
            "REPORTED",
            "ACCEPTED",
            "ESCALATED",
            "ACCEPTED",
            "ESCALATED",
            "ACCEPTED",
            "DISPATCHED",
            "URGED",
            "ACCEPTED",
            "RESOLVED",
            "FEEDBACK");
    assertThat(actors)
        .containsExactly(
            "worker1",
            "worker1",
            "worker1",
            "station1",
            "station1",
            "center1",
            "center1",
            "supervisor1",
            "safety1",
            "safety1",
            "worker1");
    steps.forEach(step -> assertThat(step.get("late").asBoolean()).isFalse());
    assertThat(steps.get(2).get("deadline").asText()).endsWith("T23:59:59+08:00");
    assertThat(steps.get(2).get("note").asText()).contains("需村里协调资金修复");

    // the list finds it by its filters
    JsonNode closed =
        ok(api.as("worker1").get("/api/events?status=CLOSED&gridCode=GS-V01-G01&size=100"));
    assertThat(closed.get("total").asLong()).isGreaterThanOrEqualTo(1);
    List<String> numbers = new ArrayList<>();
    closed.get("items").forEach(item -> numbers.add(item.get("number").asText()));
    assertThat(numbers).contains(number);
    JsonNode notMine = ok(api.as("worker3").get("/api/events?size=100"));
    notMine
        .get("items")
        .forEach(item -> assertThat(item.get("gridCode").asText()).isEqualTo("GS-V02-G01"));
    return number;
  }

  /**
   * An event nobody accepts: after its acceptance deadline it is overdue for ever and shows on the
   * supervisor's overdue list and board (uses the demo clock, then resets it).
   */
  void overdueAcceptance() {
    Reply reported = api.as("station1").post("/api/events", HAZARD.replace("河堤护栏破损", "路灯损坏"));
    assertThat(reported.status()).isEqualTo(201);
    String number = reported.json().get("number").asText();
    String acceptBy = reported.json().get("acceptBy").asText();
    try {
      String later = OffsetDateTime.parse(acceptBy).plusSeconds(1).toString();
      assertThat(api.as("admin").put("/api/admin/clock", "{\"now\": \"" + later + "\"}").status())
          .isEqualTo(200);
      JsonNode event = ok(api.as("worker1").get("/api/events/" + number));
      assertThat(event.get("overdueAcceptance").asBoolean()).isTrue();
      JsonNode overdue = ok(api.as("supervisor1").get("/api/supervision/overdue?townshipCode=GS"));
      List<String> overdueNumbers = new ArrayList<>();
      overdue.forEach(
          step ->
              overdueNumbers.add(
                  step.get("eventNumber").asText() + ":" + step.get("step").asText()));
      assertThat(overdueNumbers).contains(number + ":ACCEPT");
      JsonNode board = ok(api.as("supervisor1").get("/api/supervision/board"));
      assertThat(board.get("overdue").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(api.as("worker1").get("/api/tasks").json().findValuesAsText("eventNumber"))
          .contains(number);
      assertThat(noticesOf("supervisor1", number)).contains("OVERDUE");
      // accepting late is recorded as late; the flag stays after resolution
      ok(api.as("worker1").post("/api/events/" + number + "/accept", "{}"));
      JsonNode resolved =
          ok(api.as("worker1").post("/api/events/" + number + "/resolve", "{\"result\": \"已报修\"}"));
      assertThat(resolved.get("overdueAcceptance").asBoolean()).isTrue();
      assertThat(resolved.get("overdueHandling").asBoolean()).isFalse();
      JsonNode onlyOverdue = ok(api.as("worker1").get("/api/events?overdue=true&size=100"));
      assertThat(onlyOverdue.findValuesAsText("number")).contains(number);
    } finally {
      api.as("admin").delete("/api/admin/clock");
    }
  }

  private List<String> taskEvents(String user) {
    Reply tasks = api.as(user).get("/api/tasks");
    assertThat(tasks.status()).isEqualTo(200);
    return tasks.json().findValuesAsText("eventNumber");
  }

  private List<String> noticesOf(String user, String number) {
    List<String> kinds = new ArrayList<>();
    ok(api.as(user).get("/api/notifications?limit=500"))
        .get("items")
        .forEach(
            n -> {
              if (number.equals(n.path("eventNumber").asText())) {
                kinds.add(n.get("kind").asText());
              }
            });
    return kinds;
  }

  private static JsonNode ok(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static List<String> codes(Reply reply) {
    assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    return reply.json().get("errors").findValuesAsText("code");
  }
}
