package cn.gridcase.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10 item 5: implausible input is refused naming the field, in /api and through /engine-rest,
 * and nothing is stored.
 */
class PlausibleInputTests extends ApiTestSupport {

  @Autowired JdbcTemplate jdbc;

  @Autowired TaskService taskService;

  private String report(String title, String occurredAt) {
    return "{\"category\": \"HAZARD\", \"gridCode\": \"GS-V01-G01\", \"title\": "
        + title
        + ", \"occurredAt\": \""
        + occurredAt
        + "\", \"location\": \"村口\", \"persons\": \"村民\", \"cause\": \"老化\","
        + " \"course\": \"巡查发现\\n已设警示\", \"major\": false}";
  }

  private String hourAgo() {
    return OffsetDateTime.now().minusHours(1).toString();
  }

  @Test
  @DisplayName(
      "issue 10 item 5: a NUL, another control character or a lone surrogate in a title is 400"
          + " naming title; nothing is stored")
  void controlCharactersAndSurrogates() {
    long events = jdbc.queryForObject("select count(*) from event", Long.class);
    for (String title :
        new String[] {
          "\"a\\u0000b\"", "\"a\\u001bb\"", "\"a\\ud800b\"", "\"a\\udc00\"", "\"line\\nbreak\""
        }) {
      Reply reply = api.as("worker1").post("/api/events", report(title, hourAgo()));
      assertThat(reply.status()).as(title + " " + reply).isEqualTo(400);
      JsonNode error = reply.json().get("errors").get(0);
      assertThat(error.get("field").asText()).isEqualTo("title");
      assertThat(error.get("code").asText()).isIn("text.control", "text.surrogate");
    }
    assertThat(jdbc.queryForObject("select count(*) from event", Long.class)).isEqualTo(events);
    Reply multiLineCourse = api.as("worker1").post("/api/events", report("\"路灯\"", hourAgo()));
    assertThat(multiLineCourse.status())
        .as("line breaks are fine in a multi-line text")
        .isEqualTo(201);
    Reply emoji =
        api.as("worker1").post("/api/events", report("\"路灯坏了 \\ud83d\\udca1\"", hourAgo()));
    assertThat(emoji.status()).as("a paired surrogate is a character").isEqualTo(201);
  }

  @Test
  @DisplayName(
      "issue 10 item 5: every text over its documented length is 400, and the length is in the"
          + " OpenAPI document")
  void lengths() {
    Reply reply =
        api.as("worker1").post("/api/events", report("\"" + "长".repeat(201) + "\"", hourAgo()));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.json().get("errors").get(0).get("code").asText()).isEqualTo("text.length");
    JsonNode schemas =
        api.as("worker1").get("/v3/api-docs").json().get("components").get("schemas");
    assertThat(schemas.get("EventReport").get("properties").get("title").get("maxLength").asInt())
        .isEqualTo(200);
    assertThat(schemas.get("EventReport").get("properties").get("course").get("maxLength").asInt())
        .isEqualTo(4000);
    assertThat(schemas.get("Party").get("properties").get("phone").get("maxLength").asInt())
        .isEqualTo(32);
  }

  @Test
  @DisplayName(
      "issue 10 item 5 (E2): occurredAt 0000-01-01 or before 2000 is refused naming occurredAt")
  void implausibleOccurredAt() {
    for (String at : new String[] {"0000-01-01T00:00:00+08:00", "1999-12-31T23:59:59+08:00"}) {
      Reply reply = api.as("worker1").post("/api/events", report("\"路灯\"", at));
      assertThat(reply.status()).as(at + " " + reply).isIn(400, 422);
      assertThat(reply.json().get("errors").findValuesAsText("field")).containsOnly("occurredAt");
    }
    Reply tomorrow =
        api.as("worker1")
            .post("/api/events", report("\"路灯\"", OffsetDateTime.now().plusDays(2).toString()));
    assertThat(tomorrow.status()).isEqualTo(422);
  }

  @Test
  @DisplayName(
      "issue 10 item 5: the demo clock takes ISO times between 2000 and 2100 only; an epoch number"
          + " or year 0000 is 400 and the clock stays")
  void demoClockRange() {
    for (String now :
        new String[] {
          "2147483648",
          "0",
          "\"0000-01-01T00:00:00+08:00\"",
          "\"2101-01-01T00:00:00+08:00\"",
          "\"1999-12-31T23:59:59+08:00\""
        }) {
      Reply reply = api.as("admin").put("/api/admin/clock", "{\"now\": " + now + "}");
      assertThat(reply.status()).as(now + " " + reply).isEqualTo(400);
      assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("now");
      assertThat(api.as("admin").get("/api/admin/clock").json().get("controlled").asBoolean())
          .as(now)
          .isFalse();
    }
    assertThat(
            api.as("admin")
                .put("/api/admin/clock", "{\"now\": \"2099-12-31T12:00:00+08:00\"}")
                .status())
        .isEqualTo(200);
  }

  @Test
  @DisplayName(
      "issue 10 item 5: Tasklist/engine-rest values go through the same checks: a NUL in a reason"
          + " or an over-long result is refused")
  void engineRestValues() {
    Reply reported = api.as("worker1").post("/api/events", report("\"路灯\"", hourAgo()));
    String number = reported.json().get("number").asText();
    String task =
        api.as("worker1")
            .get("/engine-rest/task?processInstanceBusinessKey=" + number)
            .json()
            .get(0)
            .get("id")
            .asText();
    Reply nul =
        api.as("worker1")
            .post(
                "/engine-rest/task/" + task + "/complete",
                "{\"variables\": {\"outcome\": {\"value\": \"ESCALATE\"}, \"reason\": {\"value\":"
                    + " \"a\\u0000b\"}}}");
    assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
    assertThat(nul.json().get("errors").findValuesAsText("code")).contains("text.control");
    Reply longResult =
        api.as("worker1")
            .post(
                "/engine-rest/task/" + task + "/complete",
                "{\"variables\": {"
                    + "\"outcome\": {\"value\": \"RESOLVE\"}, \"result\": {\"value\": \""
                    + "长".repeat(4001)
                    + "\"}}}");
    assertThat(longResult.status()).as(longResult.toString()).isEqualTo(400);
    assertThat(longResult.json().get("errors").findValuesAsText("code")).contains("text.length");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  @DisplayName(
      "issue 10 item 5: markup in a title is stored as text and served as JSON with nosniff, never"
          + " as HTML")
  void markupIsText() {
    String markup = "<img src=x onerror=alert(1)>";
    Reply reported = api.as("worker1").post("/api/events", report("\"" + markup + "\"", hourAgo()));
    assertThat(reported.status()).isEqualTo(201);
    Reply read = api.as("worker1").get("/api/events/" + reported.json().get("number").asText());
    assertThat(read.contentType()).startsWith("application/json");
    assertThat(read.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(read.json().get("title").asText()).isEqualTo(markup);
    JsonNode task =
        api.as("worker1")
            .get(
                "/engine-rest/task?processInstanceBusinessKey="
                    + reported.json().get("number").asText())
            .json()
            .get(0);
    assertThat(task.get("description").asText())
        .as("Tasklist shows the description as text ({{ }})")
        .contains(markup);
  }
}
