package cn.gridcase.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10 item 4 in /api: each client mistake of the issue answers a 4xx problem+json, never a
 * 500.
 */
class ClientMistakeTests extends ApiTestSupport {

  @Autowired TaskService taskService;

  @Test
  @DisplayName("issue 10 item 4: multipart/form-data on a JSON endpoint answers 415 problem+json")
  void multipartOnJsonEndpoint() throws Exception {
    Reply reply = raw("POST", "/api/notifications/read-all", "multipart/form-data", "");
    assertProblem(reply, 415);
    Reply withBoundary = raw("POST", "/api/events", "multipart/form-data; boundary=x", "--x--\r\n");
    assertProblem(withBoundary, 415);
  }

  @Test
  @DisplayName(
      "issue 10 item 4: Content-Type */*, application/* or an unparseable one on POST /api/events"
          + " answers 415")
  void wildcardContentTypes() throws Exception {
    for (String type : new String[] {"*/*", "application/*", ";;;", "application/json; charset="}) {
      Reply reply = raw("POST", "/api/events", type, "{}");
      assertThat(reply.status()).as(type + ": " + reply).isIn(400, 415);
      assertThat(reply.isProblem()).as(reply.toString()).isTrue();
      EngineRestErrorTests.assertNoInternals(reply.body());
    }
    assertProblem(raw("POST", "/api/events", "*/*", "{}"), 415);
    assertProblem(raw("POST", "/api/events", "application/*", "{}"), 415);
  }

  @Test
  @DisplayName(
      "issue 10 item 4: a roster upload that is not multipart, or a broken multipart, answers 4xx")
  void brokenMultipartUpload() throws Exception {
    Reply broken = raw("POST", "/api/roster/import", "multipart/form-data", "garbage");
    assertThat(broken.status()).as(broken.toString()).isBetween(400, 499);
    assertThat(broken.isProblem()).isTrue();
    Reply json = api.as("admin").post("/api/roster/import", "{}");
    assertProblem(json, 415);
  }

  @Test
  @DisplayName(
      "issue 10 item 4 (E3): resolving a HAZARD with agreementForm BOGUS answers 400 naming the"
          + " field and WRITTEN, ORAL")
  void bogusAgreementForm() {
    Reply reported =
        api.as("worker1")
            .post(
                "/api/events",
                EngineRestErrorTests.HAZARD.formatted(OffsetDateTime.now().minusHours(1)));
    String number = reported.json().get("number").asText();
    Reply reply =
        api.as("worker1")
            .post(
                "/api/events/" + number + "/resolve",
                "{\"result\": \"已修复\", \"agreementForm\": \"BOGUS\"}");
    assertProblem(reply, 400);
    JsonNode error = reply.json().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("agreementForm");
    assertThat(error.get("message").asText()).contains("WRITTEN").contains("ORAL");
    assertThat(api.as("worker1").get("/api/events/" + number).json().get("status").asText())
        .isEqualTo("IN_HANDLING");
  }

  @Test
  @DisplayName(
      "issue 10 item 4 (E3): a Tasklist/engine-rest HAZARD completion with agreementForm BOGUS is a"
          + " rule violation, not a 500")
  void bogusAgreementFormThroughEngineRest() {
    Reply reported =
        api.as("worker1")
            .post(
                "/api/events",
                EngineRestErrorTests.HAZARD.formatted(OffsetDateTime.now().minusHours(1)));
    String number = reported.json().get("number").asText();
    String task =
        api.as("worker1")
            .get("/engine-rest/task?processInstanceBusinessKey=" + number)
            .json()
            .get(0)
            .get("id")
            .asText();
    Reply reply =
        api.as("worker1")
            .post(
                "/engine-rest/task/" + task + "/complete",
                "{\"variables\": {\"outcome\": {\"value\": \"RESOLVE\"}, \"result\": {\"value\":"
                    + " \"已修复\"}, \"agreementForm\": {\"value\": \"BOGUS\"}}}");
    EngineRestErrorTests.assertRefused(reply, 400);
    assertThat(reply.json().get("errors").findValuesAsText("field")).contains("agreementForm");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  @DisplayName(
      "issue 10 item 4 (found by the fuzz test): a form-encoded body with characters the firewall"
          + " refuses answers 4xx, not 500")
  void firewallRefusedParameter() throws Exception {
    for (String body : new String[] {"%00=1", "code=a%C2%85"}) {
      Reply reply = raw("worker2", "POST", "/api/units", "application/x-www-form-urlencoded", body);
      assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
      assertThat(reply.isProblem()).isTrue();
    }
  }

  @Test
  @DisplayName("issue 10 item 4: GET /error answers 404, not 500, logged in or not")
  void errorPathAskedDirectly() {
    assertProblem(api.as("worker1").get("/error"), 404);
    assertProblem(api.get("/error"), 404);
  }

  @Test
  @DisplayName(
      "issue 10 item 4: Spring's own refusals (405, unknown path) are Chinese problem+json without"
          + " class names")
  void springRefusalsInChinese() {
    Reply reply = api.as("worker1").delete("/api/events");
    assertProblem(reply, 405);
    assertThat(reply.json().get("title").asText()).isEqualTo("不支持的请求方法");
  }

  private Reply raw(String method, String path, String contentType, String body) throws Exception {
    return raw("admin", method, path, contentType, body);
  }

  private Reply raw(String user, String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        null,
        response.body(),
        response);
  }

  static void assertProblem(Reply reply, int status) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    EngineRestErrorTests.assertNoInternals(reply.body());
  }
}
