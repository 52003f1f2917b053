package cn.gridcase.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.supervision.internal.SupervisionProcessVariables;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.ControlledClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** POST /api/events/{number}/supervise (督办, rule S1) over HTTP with real logins. */
class StepSupervisionApiTests extends ApiTestSupport {

  static final String HAZARD =
      "{\"category\": \"HAZARD\", \"gridCode\": \"GS-V01-G01\", \"title\": \"路灯损坏\","
          + " \"occurredAt\": \"2026-11-02T08:30:00+08:00\", \"location\": \"村口\", \"persons\":"
          + " \"过往村民\", \"cause\": \"线路老化\", \"course\": \"巡查发现两盏路灯不亮\", \"major\": false}";

  @Autowired ManagementService managementService;

  private String report() {
    Reply reply = api.as("worker1").post("/api/events", HAZARD);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("number").asText();
  }

  private static List<String> codes(Reply reply) {
    List<String> codes = new ArrayList<>();
    reply
        .json()
        .get("errors")
        .forEach(e -> codes.add(e.get("field").asText() + ":" + e.get("code").asText()));
    return codes;
  }

  @Test
  @DisplayName(
      "S1 supervisor1 gives a 督办 of 3 working days: the open step's deadline, the worker's view and"
          + " task list show it, the step is recorded")
  void supervisorSupervises() {
    String number = report();
    Reply reply =
        api.as("supervisor1")
            .post(
                "/api/events/" + number + "/supervise",
                "{\"workingDays\": 3, \"message\": \"请三个工作日内修复\"}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode steps = reply.json().get("steps");
    JsonNode supervised = steps.get(steps.size() - 1);
    assertThat(supervised.get("action").asText()).isEqualTo("SUPERVISED");
    assertThat(supervised.get("actor").asText()).isEqualTo("supervisor1");
    assertThat(supervised.get("note").asText()).contains("请三个工作日内修复");
    String expected =
        api.as("worker1")
            .get(
                "/api/calendar/deadline?from="
                    + supervised.get("at").asText().replace("+", "%2B")
                    + "&workingDays=3")
            .json()
            .get("deadline")
            .asText();
    assertThat(supervised.get("deadline").asText()).isEqualTo(expected);
    assertThat(reply.json().get("handleBy").asText()).isEqualTo(expected);

    JsonNode workersView = api.as("worker1").get("/api/events/" + number).json();
    assertThat(workersView.get("handleBy").asText())
        .as("the grid worker sees the new deadline")
        .isEqualTo(expected);
    JsonNode task = null;
    for (JsonNode item : api.as("worker1").get("/api/tasks").json()) {
      if (number.equals(item.path("eventNumber").asText())) {
        task = item;
      }
    }
    assertThat(task).as("the task in /api/tasks").isNotNull();
    assertThat(OffsetDateTime.parse(task.get("due").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse(expected).toInstant());
  }

  @Test
  @DisplayName(
      "S1 a grid worker may not give a 督办 (403 problem); an event outside the caller's scope is"
          + " 404")
  void workerRefused() {
    String number = report();
    Reply refused =
        api.as("worker1")
            .post(
                "/api/events/" + number + "/supervise",
                "{\"workingDays\": 2, \"message\": \"自己督办自己\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.isProblem()).isTrue();
    assertThat(
            api.as("worker3")
                .post(
                    "/api/events/" + number + "/supervise",
                    "{\"workingDays\": 2, \"message\": \"别的网格\"}")
                .status())
        .isEqualTo(404);
    assertThat(
            api.as("supervisor1")
                .post(
                    "/api/events/SJ-20000101-0001/supervise",
                    "{\"workingDays\": 2, \"message\": \"无此事件\"}")
                .status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName(
      "S1 out-of-range or missing working days are 422 naming S1.workingDays, with every other"
          + " problem listed too")
  void invalidInput() {
    String number = report();
    String path = "/api/events/" + number + "/supervise";
    Reply tooMany = api.as("supervisor1").post(path, "{\"workingDays\": 11, \"message\": \" \"}");
    assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(422);
    assertThat(tooMany.isProblem()).isTrue();
    assertThat(codes(tooMany)).containsExactly("workingDays:S1.workingDays", "message:S1.message");
    assertThat(codes(api.as("supervisor1").post(path, "{\"workingDays\": 0, \"message\": \"督办\"}")))
        .containsExactly("workingDays:S1.workingDays");
    assertThat(codes(api.as("supervisor1").post(path, "{\"message\": \"督办\"}")))
        .containsExactly("workingDays:S1.workingDays");
    assertThat(
            codes(
                api.as("supervisor1")
                    .post(path, "{\"workingDays\": 2, \"message\": \"" + "长".repeat(1001) + "\"}")))
        .containsExactly("message:S1.message");
    assertThat(
            api.as("supervisor1")
                .post(path, "{\"workingDays\": \"three\", \"message\": \"督办\"}")
                .status())
        .as("not a number")
        .isEqualTo(400);
    JsonNode event = api.as("supervisor1").get("/api/events/" + number).json();
    assertThat(event.get("steps").findValuesAsText("action"))
        .as("nothing recorded")
        .doesNotContain("SUPERVISED");
  }

  @Test
  @DisplayName(
      "S1 an event with no open acceptance or handling step (resolved, then closed) is 409")
  void closedEventConflict() {
    String number = report();
    String path = "/api/events/" + number;
    assertThat(api.as("worker1").post(path + "/resolve", "{\"result\": \"已更换灯泡\"}").status())
        .isEqualTo(200);
    assertThat(
            api.as("supervisor1")
                .post(path + "/supervise", "{\"workingDays\": 2, \"message\": \"督办反馈\"}")
                .status())
        .as("awaiting feedback")
        .isEqualTo(409);
    assertThat(
            api.as("worker1")
                .post(path + "/feedback", "{\"satisfaction\": \"SATISFIED\"}")
                .status())
        .isEqualTo(200);
    Reply closed =
        api.as("supervisor1")
            .post(path + "/supervise", "{\"workingDays\": 2, \"message\": \"督办\"}");
    assertThat(closed.status()).isEqualTo(409);
    assertThat(closed.isProblem()).isTrue();
  }

  @Test
  @DisplayName(
      "S1/T3 a 督办's deadline is recomputed from its own moment and N when its year's schedule is"
          + " loaded, not reset to E4's formula")
  void recomputedFromItsOwnStart() {
    ControlledClock clock = new ControlledClock(managementService);
    // Fri 2033-09-30, no schedule for 2033: counted Mon-Fri, provisional
    clock.set("2033-09-30T10:00");
    String number = report();
    JsonNode supervised =
        api.as("supervisor1")
            .post(
                "/api/events/" + number + "/supervise",
                "{\"workingDays\": 2, \"message\": \"节前督办\"}")
            .json();
    assertThat(supervised.get("handleBy").asText()).isEqualTo("2033-10-04T23:59:59+08:00");
    assertThat(supervised.get("deadlineProvisional").asBoolean()).isTrue();

    Reply loaded =
        api.as("admin")
            .put(
                "/api/calendar/years/2033",
                "{\"year\": 2033, \"days\": ["
                    + "{\"date\": \"2033-10-01\", \"name\": \"国庆节\", \"isOffDay\": true},"
                    + "{\"date\": \"2033-10-02\", \"name\": \"国庆节\", \"isOffDay\": true},"
                    + "{\"date\": \"2033-10-03\", \"name\": \"国庆节\", \"isOffDay\": true},"
                    + "{\"date\": \"2033-10-04\", \"name\": \"国庆节\", \"isOffDay\": true},"
                    + "{\"date\": \"2033-10-05\", \"name\": \"国庆节\", \"isOffDay\": true},"
                    + "{\"date\": \"2033-10-06\", \"name\": \"国庆节\", \"isOffDay\": true},"
                    + "{\"date\": \"2033-10-07\", \"name\": \"国庆节\", \"isOffDay\": true}]}");
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);

    // 督办: 2 working days from Sep 30 = Mon Oct 10, Tue Oct 11 (E4's 5 from the report would be Oct
    // 14)
    JsonNode event = api.as("worker1").get("/api/events/" + number).json();
    assertThat(event.get("handleBy").asText()).isEqualTo("2033-10-11T23:59:59+08:00");
    assertThat(event.get("deadlineProvisional").asBoolean()).isFalse();
    var timer =
        managementService.createJobQuery().timers().list().stream()
            .filter(
                job ->
                    job.getProcessDefinitionKey().equals(SupervisionProcessVariables.PROCESS_KEY))
            .filter(
                job ->
                    job.getDuedate().toInstant().atZone(ZoneId.of("Asia/Shanghai")).getYear()
                        == 2033)
            .toList();
    assertThat(timer)
        .singleElement()
        .satisfies(
            job ->
                assertThat(job.getDuedate().toInstant())
                    .isEqualTo(OffsetDateTime.parse("2033-10-11T23:59:59+08:00").toInstant()));
  }

  @Test
  @DisplayName("S1 the OpenAPI document describes POST /api/events/{number}/supervise")
  void inOpenApi() {
    JsonNode docs = api.as("admin").get("/v3/api-docs").json();
    JsonNode operation = docs.get("paths").get("/api/events/{number}/supervise").get("post");
    assertThat(operation.get("summary").asText()).contains("督办");
    assertThat(operation.get("responses").has("422")).isTrue();
    assertThat(operation.get("responses").has("409")).isTrue();
  }
}
