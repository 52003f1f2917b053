package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, part 7: a step someone holds (签收) is theirs alone — not another handler's of the same
 * unit, through {@code /engine-rest} or {@code /api}; a section head reassigns it, recorded as a
 * step, and then only the new assignee acts.
 */
@DisplayName("held steps")
class HeldStepTests extends ApiTestSupport {

  private static final String MAJOR =
      "{\"category\": \"HAZARD\", \"gridCode\": \"GS-V01-G01\", \"title\": \"山体裂缝\","
          + " \"occurredAt\": \"2026-11-02T08:30:00+08:00\", \"location\": \"后山\", \"persons\":"
          + " \"山下住户\", \"cause\": \"连日降雨\", \"course\": \"巡查发现裂缝扩大\", \"major\": true}";

  private String number;
  private String taskId;

  @BeforeEach
  void majorEventAtTheCenterHeldByCenter1() {
    Reply reported = api.as("worker1").post("/api/events", MAJOR);
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    number = reported.json().get("number").asText();
    JsonNode tasks =
        api.as("center1").get("/engine-rest/task?processInstanceBusinessKey=" + number).json();
    assertThat(tasks).hasSize(1);
    taskId = tasks.get(0).get("id").asText();
    Reply claimed =
        api.as("center1")
            .post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"center1\"}");
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
  }

  @Test
  @DisplayName(
      "E10 another handler of the unit cannot complete a held step: 403 through /engine-rest and"
          + " /api")
  void nobodyButTheAssigneeCompletes() {
    Reply viaEngine = api.as("head1").post("/engine-rest/task/" + taskId + "/complete", "{}");
    assertThat(viaEngine.status()).as(viaEngine.toString()).isEqualTo(403);
    assertThat(viaEngine.body()).contains("只有签收人可以办理");
    Reply viaForm =
        api.as("head1").post("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\": {}}");
    assertThat(viaForm.status()).as("Tasklist's form submission: " + viaForm).isEqualTo(403);
    Reply viaApi = api.as("head1").post("/api/events/" + number + "/accept", "{}");
    assertThat(viaApi.status()).as(viaApi.toString()).isEqualTo(403);
    assertThat(api.as("admin").get("/api/events/" + number).json().get("status").asText())
        .isEqualTo("AWAITING_ACCEPTANCE");
    assertThat(api.as("center1").post("/api/events/" + number + "/accept", "{}").status())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("E10 a user claims only for themselves and takes no held step")
  void claimsOnlyForOneself() {
    Reply taken =
        api.as("head1").post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"head1\"}");
    assertThat(taken.status()).as("held by center1: " + taken).isEqualTo(409);
    Reply released =
        api.as("center1")
            .post(
                "/api/events/" + number + "/reassign",
                "{\"assignee\": \"head1\", \"reason\": \"x\"}");
    assertThat(released.status()).as("center1 is no section head").isEqualTo(403);

    String other = api.as("worker1").post("/api/events", MAJOR).json().get("number").asText();
    String free =
        api.as("center1")
            .get("/engine-rest/task?processInstanceBusinessKey=" + other)
            .json()
            .get(0)
            .get("id")
            .asText();
    Reply forSomeoneElse =
        api.as("center1").post("/engine-rest/task/" + free + "/claim", "{\"userId\": \"head1\"}");
    assertThat(forSomeoneElse.status()).as(forSomeoneElse.toString()).isEqualTo(403);
    assertThat(api.as("admin").get("/engine-rest/task/" + free).json().get("assignee").isNull())
        .isTrue();
  }

  @Test
  @DisplayName(
      "E10 a section head reassigns a held step, recorded as a step; then only the new assignee"
          + " acts")
  void sectionHeadReassigns() {
    Reply incomplete =
        api.as("head1").post("/api/events/" + number + "/reassign", "{\"assignee\": \"worker1\"}");
    assertThat(incomplete.status()).isEqualTo(422);
    assertThat(incomplete.json().get("errors").toString())
        .contains("\"field\":\"assignee\"")
        .contains("\"field\":\"reason\"");

    Reply reassigned =
        api.as("head1")
            .post(
                "/api/events/" + number + "/reassign",
                "{\"assignee\": \"head1\", \"reason\": \"center1 外出培训\"}");
    assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(200);
    assertThat(reassigned.json().get("assignee").asText()).isEqualTo("head1");
    JsonNode step = last(reassigned.json().get("steps"));
    assertThat(step.get("action").asText()).isEqualTo("REASSIGNED");
    assertThat(step.get("actor").asText()).isEqualTo("head1");
    assertThat(step.get("note").asText()).contains("center1").contains("head1").contains("外出培训");

    assertThat(api.as("center1").post("/api/events/" + number + "/accept", "{}").status())
        .isEqualTo(403);
    assertThat(api.as("center1").post("/engine-rest/task/" + taskId + "/complete", "{}").status())
        .isEqualTo(403);
    Reply accepted = api.as("head1").post("/api/events/" + number + "/accept", "{}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().get("status").asText()).isEqualTo("IN_HANDLING");
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }
}
