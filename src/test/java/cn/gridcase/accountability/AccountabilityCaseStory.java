package cn.gridcase.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A whole accountability case through HTTP as supervisor1 and investigator1, with the scope
 * refusals; shared by the H2 and the PostgreSQL test.
 */
final class AccountabilityCaseStory {

  private final ApiClient api;

  AccountabilityCaseStory(ApiClient api) {
    this.api = api;
  }

  long run() {
    // C1/C3: only supervisors open cases; a case cites its clause; every problem listed
    assertThat(api.as("investigator1").post("/api/accountability/cases", "{}").status())
        .isEqualTo(403);
    assertThat(api.as("worker1").post("/api/accountability/cases", "{}").status()).isEqualTo(403);
    Reply incomplete =
        api.as("supervisor1")
            .post(
                "/api/accountability/cases",
                "{\"subject\": \"safety1\", \"subjectRole\": \"MAYOR\"}");
    assertThat(incomplete.status()).isEqualTo(422);
    assertThat(incomplete.json().get("errors").findValuesAsText("code"))
        .containsExactlyInAnyOrder("C1.subjectRole", "C3.clause", "C3.facts");

    Reply opened =
        api.as("supervisor1")
            .post(
                "/api/accountability/cases",
                "{\"subject\": \"safety1\","
                    + " \"subjectRole\": \"EVENT_HANDLER\", \"clause\": \"第四条（四）1 不受理、不交办、不结案\","
                    + " \"facts\": \"派单事件超期未报到承接\", \"eventNumber\": \"SJ-20261102-0001\"}");
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    JsonNode c = opened.json();
    long id = c.get("id").asLong();
    assertThat(opened.location()).endsWith("/api/accountability/cases/" + id);
    assertThat(c.get("status").asText()).isEqualTo("INVESTIGATING");
    assertThat(c.get("investigateBy").asText()).endsWith("T23:59:59+08:00");
    String path = "/api/accountability/cases/" + id;

    // scope: the subject before notice, other handlers, grid workers: 404; supervisor and
    // investigator see it
    for (String outsider : List.of("safety1", "civil1", "worker1", "center1", "head1", "leader1")) {
      assertThat(api.as(outsider).get(path).status()).as(outsider).isEqualTo(404);
    }
    assertThat(api.as("supervisor1").get(path).status()).isEqualTo(200);
    assertThat(api.as("investigator1").get(path).status()).isEqualTo(200);
    assertThat(api.as("investigator1").get("/api/tasks").json().findValuesAsText("caseId"))
        .contains(String.valueOf(id));
    assertThat(api.as("supervisor1").post(path + "/decide", "{\"measures\": [\"TALK\"]}").status())
        .as("supervisors do not investigate")
        .isEqualTo(403);
    assertThat(api.as("worker1").post(path + "/decide", "{\"measures\": [\"TALK\"]}").status())
        .isEqualTo(404);

    // C6: extension once, 1-5 working days
    Reply tooLong =
        api.as("investigator1").post(path + "/extend", "{\"workingDays\": 6, \"reason\": \"复杂\"}");
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(tooLong.json().get("errors").findValuesAsText("code"))
        .containsExactly("C6.workingDays");
    JsonNode extended =
        ok(
            api.as("investigator1")
                .post(path + "/extend", "{\"workingDays\": 2, \"reason\": \"需调取派单记录\"}"));
    assertThat(extended.get("extended").asBoolean()).isTrue();
    assertThat(OffsetDateTime.parse(extended.get("investigateBy").asText()))
        .isAfter(OffsetDateTime.parse(c.get("investigateBy").asText()));
    Reply again =
        api.as("investigator1").post(path + "/extend", "{\"workingDays\": 1, \"reason\": \"再延\"}");
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.json().get("errors").findValuesAsText("code")).containsExactly("C6.once");

    // C2: 辞退 is for grid workers only
    Reply wrongMeasure =
        api.as("investigator1")
            .post(path + "/decide", "{\"measures\": [\"DISMISSAL\"], \"reasoning\": \"x\"}");
    assertThat(wrongMeasure.status()).isEqualTo(422);
    JsonNode error = wrongMeasure.json().get("errors").get(0);
    assertThat(error.get("code").asText()).isEqualTo("C2.measure");
    assertThat(error.get("message").asText()).contains("DISMISSAL").contains("EVENT_HANDLER");

    JsonNode decided =
        ok(
            api.as("investigator1")
                .post(
                    path + "/decide",
                    "{\"measures\": [\"CIRCULATED_CRITICISM\"], \"mitigating\": [\"REMEDIED\"],"
                        + " \"aggravating\": [], \"reasoning\": \"超期未承接，事后主动补救\"}"));
    assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
    assertThat(decided.get("notifyBy").asText()).endsWith("T23:59:59+08:00");
    assertThat(decided.get("measures").get(0).asText()).isEqualTo("CIRCULATED_CRITICISM");
    assertThat(
            api.as("investigator1")
                .post(path + "/extend", "{\"workingDays\": 1, \"reason\": \"x\"}")
                .status())
        .as("decided: no more extension")
        .isEqualTo(409);

    // C7: notice; then the subject sees the case
    String now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString();
    JsonNode notified =
        ok(
            api.as("investigator1")
                .post(
                    path + "/notify", "{\"notifiedAt\": \"" + now + "\", \"channel\": \"当面送达\"}"));
    assertThat(notified.get("status").asText()).isEqualTo("NOTIFIED");
    assertThat(notified.get("overdueNotification").asBoolean()).isFalse();
    assertThat(api.as("safety1").get(path).status())
        .as("the subject, once notified")
        .isEqualTo(200);
    assertThat(api.as("civil1").get(path).status()).isEqualTo(404);
    JsonNode archived =
        ok(api.as("investigator1").post(path + "/execution", "{\"note\": \"已全镇通报\"}"));
    assertThat(archived.get("status").asText()).isEqualTo("ARCHIVED");
    assertThat(archived.get("steps").findValuesAsText("action"))
        .containsExactly("OPENED", "EXTENDED", "DECIDED", "NOTIFIED", "EXECUTED", "ARCHIVED");

    // every read is audited
    JsonNode reads = ok(api.as("supervisor1").get(path + "/reads"));
    assertThat(reads.findValuesAsText("reader"))
        .contains("supervisor1", "investigator1", "safety1");
    assertThat(api.as("investigator1").get(path + "/reads").status()).isEqualTo(403);
    assertThat(api.as("worker1").get(path + "/reads").status()).isEqualTo(404);
    return id;
  }

  private static JsonNode ok(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }
}
