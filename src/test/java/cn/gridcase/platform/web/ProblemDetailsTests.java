package cn.gridcase.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every /api failure is problem+json naming its problems, never a stack trace or an HTML page. */
class ProblemDetailsTests extends ApiTestSupport {

  private static final String CLOCK = "/api/admin/clock";
  private static final String FIXTURE = "/api/test/problems";

  @Test
  @DisplayName("malformed JSON: 400 problem+json with the line and column")
  void malformedJson() {
    Reply reply = api.as("admin").put(CLOCK, "{\"now\": \"2026-10-09T12:00:00+08:00\",\n  oops}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.isProblem()).isTrue();
    assertThat(reply.json().get("detail").asText()).contains("第 2 行");
    assertThat(reply.json().get("errors").get(0).get("code").asText()).isEqualTo("body.malformed");
    assertNoInternals(reply);
  }

  @Test
  @DisplayName("a value of the wrong type: 400 naming the field and the expected format")
  void wrongType() {
    Reply reply = api.as("admin").put(CLOCK, "{\"now\": \"next tuesday\"}");
    assertThat(reply.status()).isEqualTo(400);
    JsonNode error = reply.json().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("now");
    assertThat(error.get("message").asText()).contains("date-time");
    assertNoInternals(reply);
  }

  @Test
  @DisplayName("a missing required field: 400 listing it in errors")
  void missingField() {
    Reply reply = api.as("admin").put(CLOCK, "{}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.isProblem()).isTrue();
    assertThat(reply.json().get("errors")).hasSize(1);
    assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("now");
  }

  @Test
  @DisplayName("an empty body: 400 problem+json")
  void emptyBody() {
    Reply reply = api.as("admin").put(CLOCK, "");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.isProblem()).isTrue();
  }

  @Test
  @DisplayName("an unknown /api path: 404 problem+json")
  void unknownPath() {
    Reply reply = api.as("worker1").get("/api/no-such-thing");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    assertNoInternals(reply);
  }

  @Test
  @DisplayName("a method the path does not support: 405 problem+json")
  void wrongMethod() {
    Reply reply = api.as("worker1").delete("/api/me");
    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.isProblem()).isTrue();
  }

  @Test
  @DisplayName("invalid fields: 400 listing every problem, not the first")
  void everyValidationProblem() {
    Reply reply =
        api.as("worker1").post(FIXTURE + "/validated", "{\"name\": \" \", \"workingDays\": 0}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.isProblem()).isTrue();
    assertThat(reply.json().get("errors")).hasSize(2);
    assertThat(reply.json().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("name", "workingDays");
  }

  @Test
  @DisplayName("a wrong type in the body: 400 naming the field and the format")
  void wrongTypeInBody() {
    Reply reply =
        api.as("worker1")
            .post(
                FIXTURE + "/validated",
                "{\"name\": \"x\", \"workingDays\": 1, \"day\": \"2026-02-30\"}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("day");
    assertThat(reply.json().get("errors").get(0).get("message").asText())
        .contains("date (YYYY-MM-DD)");
  }

  @Test
  @DisplayName("a query parameter of the wrong type: 400 naming the parameter")
  void wrongQueryParameter() {
    Reply reply = api.as("worker1").get(FIXTURE + "/typed?workingDays=five");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("workingDays");
  }

  @Test
  @DisplayName("a domain rule refusal: 422 with every problem and its rule code")
  void ruleViolation() {
    Reply reply = api.as("worker1").get(FIXTURE + "/rule");
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.isProblem()).isTrue();
    assertThat(reply.json().get("errors").findValuesAsText("code"))
        .containsExactly("FIXTURE.parties", "FIXTURE.phone");
  }

  @Test
  @DisplayName("an action that does not fit the state: 409; an unknown thing: 404")
  void conflictAndNotFound() {
    Reply conflict = api.as("worker1").get(FIXTURE + "/conflict");
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().get("detail").asText()).isEqualTo("The event is already accepted");
    Reply missing = api.as("worker1").get(FIXTURE + "/missing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.isProblem()).isTrue();
  }

  @Test
  @DisplayName("an unexpected failure: 500 problem+json without internals")
  void unexpected() {
    Reply reply = api.as("worker1").get(FIXTURE + "/bug");
    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.isProblem()).isTrue();
    assertThat(reply.body())
        .doesNotContain("secret internal detail")
        .doesNotContain("IllegalStateException");
    assertNoInternals(reply);
  }

  @Test
  @DisplayName(
      "a request Tomcat cannot even parse (raw Chinese in the query) still gets problem+json, not"
          + " an HTML page")
  void connectorError() throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET /api/people?name=张 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer)
          .startsWith("HTTP/1.1 400")
          .contains("application/problem+json")
          .contains("\"status\":400")
          .doesNotContain("<html");
    }
  }

  private static void assertNoInternals(Reply reply) {
    assertThat(reply.body())
        .doesNotContain("Exception")
        .doesNotContain("at cn.gridcase")
        .doesNotContain("com.fasterxml")
        .doesNotContain("<html");
  }
}
