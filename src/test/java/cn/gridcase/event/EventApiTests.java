package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The event API through HTTP with real authentication (H2). */
class EventApiTests extends ApiTestSupport {

  @Test
  @DisplayName(
      "E1-E10 a full life cycle as the demo users: worker1 -> station1 -> center1 -> safety1 ->"
          + " feedback, with 403/404/409/422")
  void fullLifeCycle() {
    new EventLifecycle(api).run();
  }

  @Test
  @DisplayName(
      "E4 an acceptance nobody makes turns overdue for ever and shows on the supervisor's overdue"
          + " list (S1)")
  void overdueAcceptance() {
    new EventLifecycle(api).overdueAcceptance();
  }

  @Test
  @DisplayName("E8 a major event is at the township center at once")
  void majorEvent() {
    Reply reply =
        api.as("worker1")
            .post(
                "/api/events",
                EventLifecycle.HAZARD.replace("\"major\": false", "\"major\": true"));
    assertThat(reply.status()).isEqualTo(201);
    JsonNode event = reply.json();
    assertThat(event.get("level").asText()).isEqualTo("TOWNSHIP");
    assertThat(event.get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
    assertThat(event.get("candidateGroup").asText()).isEqualTo("GS");
    assertThat(api.as("center1").get("/api/tasks").json().findValuesAsText("eventNumber"))
        .contains(event.get("number").asText());
  }

  @Test
  @DisplayName("event numbers are unique under concurrent reporting")
  void numbersUniqueUnderConcurrency() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32); // more than the connection pool
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        replies.add(pool.submit(() -> api.as(i2user()).post("/api/events", EventLifecycle.HAZARD)));
      }
      Set<String> numbers = new HashSet<>();
      for (Future<Reply> reply : replies) {
        assertThat(reply.get().status()).as(reply.get().toString()).isEqualTo(201);
        numbers.add(reply.get().json().get("number").asText());
      }
      assertThat(numbers).hasSize(64);
    } finally {
      pool.shutdown();
    }
  }

  private static String i2user() {
    return Thread.currentThread().getId() % 2 == 0 ? "worker1" : "station1";
  }

  @Test
  @DisplayName("malformed input is a 400 problem naming the field; bad paging too")
  void malformedInput() {
    Reply badCategory =
        api.as("worker1").post("/api/events", EventLifecycle.HAZARD.replace("HAZARD", "FIRE"));
    assertThat(badCategory.status()).isEqualTo(400);
    assertThat(badCategory.isProblem()).isTrue();
    assertThat(api.as("worker1").get("/api/events?size=1000").status()).isEqualTo(400);
    assertThat(api.as("worker1").get("/api/events?status=OPEN").status()).isEqualTo(400);
  }

  @Test
  @DisplayName(
      "E4/E6 time limits are per-township settings: an administrator changes them, 422 for"
          + " out-of-range values")
  void timeLimits() {
    JsonNode limits = api.as("admin").get("/api/admin/townships/GS/event-limits").json();
    assertThat(limits.get("acceptance").asInt()).isEqualTo(2);
    assertThat(limits.get("grid").asInt()).isEqualTo(5);
    assertThat(limits.get("village").asInt()).isEqualTo(3);
    assertThat(limits.get("township").asInt()).isEqualTo(2);
    assertThat(limits.get("department").asInt()).isEqualTo(5);
    Reply bad =
        api.as("admin")
            .put("/api/admin/townships/GS/event-limits", "{\"grid\": 0, \"village\": 99}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("errors").findValuesAsText("field"))
        .containsExactly("grid", "village");
    assertThat(api.as("admin").put("/api/admin/townships/GS-V01/event-limits", "{}").status())
        .isEqualTo(404);
    try {
      assertThat(
              api.as("admin")
                  .put("/api/admin/townships/GS/event-limits", "{\"grid\": 4}")
                  .json()
                  .get("grid")
                  .asInt())
          .isEqualTo(4);
      Reply reported = api.as("worker1").post("/api/events", EventLifecycle.HAZARD);
      String from = reported.json().get("reportedAt").asText();
      String expected =
          api.as("worker1")
              .get("/api/calendar/deadline?from=" + from.replace("+", "%2B") + "&workingDays=4")
              .json()
              .get("deadline")
              .asText();
      assertThat(reported.json().get("handleBy").asText()).isEqualTo(expected);
    } finally {
      api.as("admin").put("/api/admin/townships/GS/event-limits", "{\"grid\": 5}");
    }
  }

  @Test
  @DisplayName(
      "notifications: the inbox lists the caller's notices; marking read; someone else's notice is"
          + " 404")
  void inbox() {
    api.as("worker1")
        .post("/api/events", EventLifecycle.HAZARD.replace("\"major\": false", "\"major\": true"));
    JsonNode inbox = api.as("center1").get("/api/notifications?unread=true").json();
    assertThat(inbox.get("unread").asInt()).isGreaterThan(0);
    long id = inbox.get("items").get(0).get("id").asLong();
    assertThat(api.as("worker1").post("/api/notifications/" + id + "/read", "{}").status())
        .isEqualTo(404);
    assertThat(api.as("center1").post("/api/notifications/" + id + "/read", "{}").status())
        .isEqualTo(204);
    assertThat(
            api.as("center1")
                .get("/api/notifications?unread=true")
                .json()
                .get("items")
                .findValuesAsText("id"))
        .doesNotContain(String.valueOf(id));
    api.as("center1").post("/api/notifications/read-all", "{}");
    assertThat(api.as("center1").get("/api/notifications").json().get("unread").asInt()).isZero();
  }

  @Test
  @DisplayName(
      "E5 the process layer refuses an incomplete step through /engine-rest as it does through"
          + " /api")
  void engineRestIsValidatedToo() {
    Reply reported = api.as("worker1").post("/api/events", EventLifecycle.HAZARD);
    String number = reported.json().get("number").asText();
    JsonNode tasks =
        api.as("worker1").get("/engine-rest/task?processInstanceBusinessKey=" + number).json();
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    Reply refused =
        api.as("worker1")
            .post(
                "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\": {\"outcome\": {\"value\": \"ESCALATE\", \"type\": \"String\"}}}");
    System.out.println("ENGINE-REST REFUSAL " + refused);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("E5.reason");
    assertThat(api.as("worker1").get("/api/events/" + number).json().get("level").asText())
        .isEqualTo("GRID");
    Reply done =
        api.as("worker1")
            .post(
                "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\": {\"outcome\": {\"value\": \"ESCALATE\", \"type\": \"String\"},"
                    + " \"reason\": {\"value\": \"需村里处理\", \"type\": \"String\"}}}");
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    JsonNode event = api.as("worker1").get("/api/events/" + number).json();
    assertThat(event.get("level").asText()).isEqualTo("VILLAGE");
    assertThat(event.get("steps").findValuesAsText("actor"))
        .containsExactly("worker1", "worker1", "worker1");
  }

  @Test
  @DisplayName(
      "E4 a task's user cannot move a deadline or act on another event through /engine-rest"
          + " variables")
  void engineRestCannotTamper() {
    String victim =
        api.as("worker1").post("/api/events", EventLifecycle.HAZARD).json().get("number").asText();
    String victimHandleBy =
        api.as("worker1").get("/api/events/" + victim).json().get("handleBy").asText();
    String number = reportedInWorker3sGrid();
    // claim, then accept while trying to stretch the handling limit and to point at worker1's event
    String acceptTask = claimedByWorker3(number);
    Reply accepted =
        api.as("worker3")
            .post(
                "/engine-rest/task/" + acceptTask + "/complete",
                "{\"variables\": {"
                    + "\"handleDays\": {\"value\": 30, \"type\": \"Integer\"},"
                    + " \"eventNumber\": {\"value\": \""
                    + victim
                    + "\", \"type\": \"String\"}}}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
    JsonNode event = api.as("worker3").get("/api/events/" + number).json();
    assertThat(event.get("status").asText()).isEqualTo("IN_HANDLING");
    String expected =
        api.as("worker3")
            .get(
                "/api/calendar/deadline?from="
                    + event.get("steps").get(1).get("at").asText().replace("+", "%2B")
                    + "&workingDays=5")
            .json()
            .get("deadline")
            .asText();
    assertThat(event.get("handleBy").asText())
        .as("the township's limit, not the submitted one")
        .isEqualTo(expected);
    // a candidate may work on the task, not change its due date
    String handleTask =
        api.as("worker3")
            .get("/engine-rest/task?processInstanceBusinessKey=" + number)
            .json()
            .get(0)
            .get("id")
            .asText();
    assertThat(
            api.as("worker3")
                .put(
                    "/engine-rest/task/" + handleTask,
                    "{\"name\": \"x\", \"due\": \"2027-06-01T00:00:00.000+0800\"}")
                .status())
        .isEqualTo(403);
    Reply resolved =
        api.as("worker3")
            .post(
                "/engine-rest/task/" + handleTask + "/complete",
                "{\"variables\": {\"outcome\": {\"value\": \"RESOLVE\", \"type\": \"String\"},"
                    + " \"result\": {\"value\": \"已处理\", \"type\": \"String\"}, \"eventNumber\":"
                    + " {\"value\": \""
                    + victim
                    + "\", \"type\": \"String\"}}}");
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(204);
    assertThat(api.as("worker3").get("/api/events/" + number).json().get("status").asText())
        .isEqualTo("RESOLVED");
    JsonNode untouched = api.as("worker1").get("/api/events/" + victim).json();
    assertThat(untouched.get("status").asText()).isEqualTo("IN_HANDLING");
    assertThat(untouched.get("handleBy").asText()).isEqualTo(victimHandleBy);
  }

  @Test
  @DisplayName(
      "E4/E5 variables sent with an acceptance through /engine-rest cannot move the handling task's"
          + " queue, assignee or deadline: the level's instance gets them again from the event's"
          + " tables")
  void engineRestCannotRouteTheHandlingTask() {
    String number = reportedInWorker3sGrid();
    String acceptTask = claimedByWorker3(number);
    Reply accepted =
        api.as("worker3")
            .post(
                "/engine-rest/task/" + acceptTask + "/complete",
                "{\"variables\": {\"unitCode\": {\"value\": \"GS-V01-G01\", \"type\": \"String\"},"
                    + " \"acceptedBy\": {\"value\": \"worker1\", \"type\": \"String\"},"
                    + " \"handleBy\": {\"value\": \"2027-06-01T00:00:00.000+0800\", \"type\":"
                    + " \"Date\"}}}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
    JsonNode handleTask =
        api.as("worker3")
            .get("/engine-rest/task?processInstanceBusinessKey=" + number)
            .json()
            .get(0);
    assertThat(handleTask.get("taskDefinitionKey").asText()).isEqualTo("HandleEventTask");
    assertThat(handleTask.get("assignee").asText()).isEqualTo("worker3");
    JsonNode event = api.as("worker3").get("/api/events/" + number).json();
    assertThat(
            OffsetDateTime.parse(
                    handleTask.get("due").asText(),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
                .toInstant())
        .as("the township's limit from the acceptance, not the submitted date")
        .isEqualTo(OffsetDateTime.parse(event.get("handleBy").asText()).toInstant());
    JsonNode candidates =
        api.as("admin")
            .get(
                "/engine-rest/task/"
                    + handleTask.get("id").asText()
                    + "/identity-links?type=candidate")
            .json();
    assertThat(candidates.findValuesAsText("groupId"))
        .as("the event's unit, not the submitted one")
        .containsExactly("GS-V02-G01");
  }

  @Test
  @DisplayName(
      "E10 a stored null under a name the steps hand over (handling, completedStep, feedback) sent"
          + " through /engine-rest is refused as E10.variable with the errors list, and the step"
          + " stays open")
  void engineRestStoredNullUnderAHandOverName() {
    String number =
        api.as("worker1").post("/api/events", EventLifecycle.HAZARD).json().get("number").asText();
    String resolve =
        "\"outcome\": {\"value\": \"RESOLVE\", \"type\": \"String\"},"
            + " \"result\": {\"value\": \"已处理\", \"type\": \"String\"}";
    for (String name : List.of("handling", "completedStep")) {
      Reply refused =
          api.as("worker1")
              .post(
                  "/engine-rest/task/" + taskOf(number) + "/complete",
                  "{\"variables\": {"
                      + resolve
                      + ", \""
                      + name
                      + "\": {\"value\": null, \"type\": \"Null\"}}}");
      assertStoredNameRefused(refused, name);
    }
    assertThat(api.as("worker1").get("/api/events/" + number).json().get("status").asText())
        .isEqualTo("IN_HANDLING");
    Reply resolved =
        api.as("worker1")
            .post(
                "/engine-rest/task/" + taskOf(number) + "/complete",
                "{\"variables\": {" + resolve + "}}");
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(204);

    Reply refused =
        api.as("worker1")
            .post(
                "/engine-rest/task/" + taskOf(number) + "/complete",
                "{\"variables\": {"
                    + "\"satisfaction\": {\"value\": \"SATISFIED\", \"type\": \"String\"},"
                    + " \"feedback\": {\"value\": null, \"type\": \"Null\"}}}");
    assertStoredNameRefused(refused, "feedback");
    assertThat(api.as("worker1").get("/api/events/" + number).json().get("status").asText())
        .isEqualTo("RESOLVED");
  }

  private String taskOf(String number) {
    JsonNode tasks =
        api.as("worker1").get("/engine-rest/task?processInstanceBusinessKey=" + number).json();
    assertThat(tasks).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private static void assertStoredNameRefused(Reply refused, String name) {
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    JsonNode errors = refused.json().get("errors");
    assertThat(errors).as(refused.toString()).isNotNull();
    assertThat(errors.findValuesAsText("code"))
        .as(refused.toString())
        .containsExactly("E10.variable");
    assertThat(errors.findValuesAsText("field")).containsExactly(name);
  }

  /** An event center1 reports in worker3's grid GS-V02-G01: it waits there for acceptance. */
  private String reportedInWorker3sGrid() {
    Reply own =
        api.as("center1")
            .post("/api/events", EventLifecycle.HAZARD.replace("GS-V01-G01", "GS-V02-G01"));
    assertThat(own.status()).as(own.toString()).isEqualTo(201);
    return own.json().get("number").asText();
  }

  /** The event's acceptance task, claimed by worker3 through /engine-rest. */
  private String claimedByWorker3(String number) {
    String acceptTask =
        api.as("worker3")
            .get("/engine-rest/task?processInstanceBusinessKey=" + number)
            .json()
            .get(0)
            .get("id")
            .asText();
    assertThat(
            api.as("worker3")
                .post("/engine-rest/task/" + acceptTask + "/claim", "{\"userId\": \"worker3\"}")
                .status())
        .isEqualTo(204);
    return acceptTask;
  }
}
