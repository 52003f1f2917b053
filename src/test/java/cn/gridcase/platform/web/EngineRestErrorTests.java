package cn.gridcase.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10 item 4 in Camunda's REST API: each client mistake of the issue answers a 4xx in
 * Camunda's shape {@code {type, message}} with a neutral type and no Java class, in {@code
 * /engine-rest} and in the webapps' {@code /camunda/api/engine}; the task is untouched by every
 * refusal.
 */
class EngineRestErrorTests extends ApiTestSupport {

  static final String HAZARD =
      "{\"category\": \"HAZARD\", \"gridCode\": \"GS-V01-G01\", \"title\": \"路灯损坏\","
          + " \"occurredAt\": \"%s\", \"location\": \"村口\", \"persons\": \"村民\", \"cause\": \"老化\","
          + " \"course\": \"巡查发现\", \"major\": false}";

  @Autowired TaskService taskService;

  /** An event reported by worker1 in their grid: its handling task, assigned to worker1. */
  String handlingTask() {
    Reply reported =
        api.as("worker1").post("/api/events", HAZARD.formatted(OffsetDateTime.now().minusHours(1)));
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    String number = reported.json().get("number").asText();
    return api.as("worker1")
        .get("/engine-rest/task?processInstanceBusinessKey=" + number)
        .json()
        .get(0)
        .get("id")
        .asText();
  }

  @Test
  @DisplayName(
      "issue 10 item 4: a null body on task complete, task query and history query answers 400, not"
          + " 500")
  void nullBodies() {
    String task = handlingTask();
    assertRefused(api.as("worker1").post("/engine-rest/task/" + task + "/complete", "null"), 400);
    assertRefused(
        api.as("worker1").post("/engine-rest/task/" + task + "/submit-form", "null"), 400);
    assertRefused(api.as("worker1").post("/engine-rest/task", "null"), 400);
    // history is for administrators (the allow-list); their mistakes are 4xx too
    assertRefused(api.as("admin").post("/engine-rest/history/task", "null"), 400);
    assertThat(taskService.createTaskQuery().taskId(task).count())
        .as("the task is still open")
        .isOne();
  }

  @Test
  @DisplayName(
      "issue 10 item 4: JSON nested deeper than 1,000 levels and numbers of 1,000 digits answer 400"
          + " without class names")
  void deepJsonAndLongNumbers() {
    String task = handlingTask();
    String deep = "[".repeat(1200) + "]".repeat(1200);
    assertRefused(
        api.as("worker1")
            .post(
                "/engine-rest/task/" + task + "/complete",
                "{\"variables\": {\"x\": {\"value\": " + deep + "}}}"),
        400);
    assertRefused(
        api.as("worker1").post("/engine-rest/task", "{\"priority\": " + "9".repeat(1000) + "}"),
        400);
    assertRefused(
        api.as("worker1")
            .post(
                "/engine-rest/task/" + task + "/complete",
                "{\"variables\": {\"x\": {\"value\": "
                    + "9".repeat(1001)
                    + ", \"type\": \"Double\"}}}"),
        400);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  @DisplayName(
      "issue 10 item 4: a variable with \"type\": \"\" (complete, local variables) or a file"
          + " without valueInfo answers 400")
  void emptyVariableType() {
    String task = handlingTask();
    assertRefused(
        api.as("worker1")
            .post(
                "/engine-rest/task/" + task + "/complete",
                "{\"variables\": {\"x\": {\"value\": 1, \"type\": \"\"}}}"),
        400);
    assertRefused(
        api.as("admin")
            .post(
                "/engine-rest/task/" + task + "/localVariables",
                "{\"modifications\": {\"x\": {\"value\": 1, \"type\": \"\"}}}"),
        400);
    assertRefused(
        api.as("worker1")
            .post(
                "/engine-rest/task/" + task + "/complete",
                "{\"variables\": {\"x\": {\"value\": \"a\", \"type\": \"File\"}}}"),
        400);
    assertThat(taskService.getVariables(task)).doesNotContainKey("x");
  }

  @Test
  @DisplayName("issue 10 item 4: completing a finished task answers 404; an unknown task 404")
  void finishedTask() {
    String task = handlingTask();
    Reply done =
        api.as("worker1")
            .post(
                "/engine-rest/task/" + task + "/complete",
                "{\"variables\": {\"outcome\": {\"value\": \"RESOLVE\", \"type\": \"String\"},"
                    + " \"result\": {\"value\": \"已修复\", \"type\": \"String\"}}}");
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    assertRefused(api.as("worker1").post("/engine-rest/task/" + task + "/complete", "{}"), 404);
    assertRefused(api.as("worker1").post("/engine-rest/task/no-such-task/complete", "{}"), 404);
  }

  @Test
  @DisplayName(
      "issue 10 item 4: DELETE of another's (or one's own) process task answers 4xx and the task"
          + " stays")
  void deleteProcessTask() {
    String task = handlingTask();
    assertAllowListRefuses(api.as("worker2").delete("/engine-rest/task/" + task));
    assertAllowListRefuses(api.as("worker1").delete("/engine-rest/task/" + task));
    assertRefused(api.as("admin").delete("/engine-rest/task/" + task), 400);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  @DisplayName(
      "issue 10 item 4: an unknown bpmnError or bpmnEscalation code answers 400 and the task stays"
          + " open")
  void unknownErrorAndEscalationCodes() {
    String task = handlingTask();
    // BPMN errors and escalations thrown from a task are for administrators (the allow-list)
    assertAllowListRefuses(
        api.as("worker1")
            .post("/engine-rest/task/" + task + "/bpmnError", "{\"errorCode\": \"NOPE\"}"));
    assertRefused(
        api.as("admin")
            .post("/engine-rest/task/" + task + "/bpmnError", "{\"errorCode\": \"NOPE\"}"),
        400);
    assertRefused(
        api.as("admin")
            .post(
                "/engine-rest/task/" + task + "/bpmnEscalation", "{\"escalationCode\": \"NOPE\"}"),
        400);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  @DisplayName(
      "issue 10 item 4: a step refused by a domain rule keeps its 400 with every problem, under a"
          + " neutral type")
  void ruleViolationShape() {
    String task = handlingTask();
    Reply refused =
        api.as("worker1")
            .post(
                "/engine-rest/task/" + task + "/complete",
                "{\"variables\": {\"outcome\": {\"value\": \"ESCALATE\", \"type\": \"String\"}}}");
    assertRefused(refused, 400);
    assertThat(refused.json().get("type").asText()).isEqualTo("RuleViolation");
    assertThat(refused.json().get("errors").findValuesAsText("code")).contains("E5.reason");
  }

  @Test
  @DisplayName(
      "issue 10 item 4: a refusal by the engine's authorizations is 403 type Forbidden, not the"
          + " Java class")
  void forbiddenIsNeutral() {
    String task = handlingTask();
    // worker3 is no candidate of worker1's task: the engine refuses the claim
    Reply refused =
        api.as("worker3").post("/engine-rest/task/" + task + "/claim", "{\"userId\": \"worker3\"}");
    assertRefused(refused, 403);
    assertThat(refused.json().get("type").asText()).isEqualTo("Forbidden");
  }

  @Test
  @DisplayName(
      "issue 10 item 4 (found by the fuzz test): a filter query the engine refuses (candidate user"
          + " and groups at once) answers 400")
  void refusedFilterQuery() {
    JsonNode filters = api.as("worker1").get("/engine-rest/filter").json();
    int refused = 0;
    for (JsonNode filter : filters) {
      Reply reply =
          api.as("worker1")
              .post(
                  "/engine-rest/filter/" + filter.get("id").asText() + "/list",
                  "{\"assignee\": \"worker1\", \"candidateGroups\": [\"GS-V01-G01\"]}");
      assertThat(reply.status()).as(reply.toString()).isLessThan(500);
      if (reply.status() >= 400) {
        assertRefused(reply, 400);
        refused++;
      }
    }
    assertThat(refused)
        .as("the filter of claimable tasks (candidate user = me) cannot add candidate groups")
        .isPositive();
  }

  @Test
  @DisplayName(
      "issue 10 item 4: the webapps' engine API (/camunda/api/engine) answers the same mistakes the"
          + " same way")
  void webappEngineApi() {
    String task = handlingTask();
    ApiClient browser = api.browser();
    Reply loginPage = browser.get("/login");
    String csrf =
        loginPage
            .body()
            .replaceAll("(?s).*name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\".*", "$1");
    assertThat(
            browser
                .postForm(
                    "/login", Map.of("username", "worker1", "password", "demo", "_csrf", csrf))
                .status())
        .isEqualTo(302);
    Reply count = browser.get("/camunda/api/engine/engine/default/task/count");
    assertThat(count.status()).as(count.toString()).isEqualTo(200);
    String xsrf = count.header("X-XSRF-TOKEN");
    browser.withHeader("X-XSRF-TOKEN", xsrf).withHeader("Accept", "application/json");
    String base = "/camunda/api/engine/engine/default/task/" + task;
    assertRefused(browser.post(base + "/complete", "null"), 400);
    assertRefused(browser.post(base + "/submit-form", "null"), 400);
    assertRefused(
        browser.post(
            base + "/complete", "{\"variables\": {\"x\": {\"value\": 1, \"type\": \"\"}}}"),
        400);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
  }

  /** Refused by the allow-list before the engine: 403 problem+json. */
  static void assertAllowListRefuses(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
    assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    assertNoInternals(reply.body());
  }

  static void assertRefused(Reply reply, int status) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    JsonNode body = reply.json();
    assertThat(body.get("type").asText())
        .as(reply.toString())
        .matches("[A-Za-z]+")
        .doesNotEndWith("Exception");
    assertThat(body.get("message").asText()).as(reply.toString()).isNotBlank();
    assertNoInternals(reply.body());
  }

  /** No Java class name, package or stack frame in an error body. */
  static void assertNoInternals(String body) {
    assertThat(body)
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("org.")
        .doesNotContain("cn.gridcase")
        .doesNotContain("com.fasterxml")
        .doesNotContainPattern("\\bat [a-z]+\\.");
  }
}
