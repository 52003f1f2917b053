package cn.gridcase.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The accountability API through HTTP with real authentication (H2). */
class AccountabilityApiTests extends ApiTestSupport {

  @Test
  @DisplayName(
      "C1-C7 a whole case as supervisor1 and investigator1, with the scope refusals and the read"
          + " audit")
  void wholeCase() {
    new AccountabilityCaseStory(api).run();
  }

  @Test
  @DisplayName(
      "C3 an overdue event step yields a proposal with its evidence; the supervisor rejects one"
          + " with a reason")
  void proposalFromLateStep() {
    Reply reported =
        api.as("station1")
            .post(
                "/api/events",
                "{\"category\": \"SERVICE\", \"gridCode\": \"GS-V01-G02\", \"title\": \"低保申请\","
                    + " \"occurredAt\": \"2026-11-02T08:30:00+08:00\", \"location\": \"五组\","
                    + " \"persons\": \"村民赵某\", \"cause\": \"家庭困难\", \"course\": \"申请低保\"}");
    String number = reported.json().get("number").asText();
    String acceptBy = reported.json().get("acceptBy").asText();
    try {
      api.as("admin")
          .put(
              "/api/admin/clock",
              "{\"now\": \"" + OffsetDateTime.parse(acceptBy).plusDays(6) + "\"}");
      JsonNode proposals =
          api.as("supervisor1").get("/api/accountability/proposals?status=OPEN").json();
      JsonNode proposal = null;
      for (JsonNode p : proposals) {
        if (number.equals(p.path("eventNumber").asText())) {
          proposal = p;
        }
      }
      assertThat(proposal).as("a proposal for " + number).isNotNull();
      assertThat(proposal.get("subject").asText()).isEqualTo("worker2");
      assertThat(proposal.get("trigger").asText()).isEqualTo("OVERDUE_ACCEPTANCE");
      assertThat(proposal.get("deadline").asText()).isEqualTo(acceptBy);
      assertThat(proposal.get("evidence").asText()).contains(number);
      assertThat(proposal.get("workingDaysLate").asInt()).isGreaterThanOrEqualTo(3);
      assertThat(proposal.get("severity").asText()).isIn("SERIOUS", "GRAVE");
      assertThat(proposal.get("suggestedMeasures").size()).isPositive();
      assertThat(api.as("worker2").get("/api/accountability/proposals").status()).isEqualTo(403);
      long id = proposal.get("id").asLong();
      Reply noReason =
          api.as("supervisor1").post("/api/accountability/proposals/" + id + "/reject", "{}");
      assertThat(noReason.status()).isEqualTo(422);
      JsonNode rejected =
          api.as("supervisor1")
              .post(
                  "/api/accountability/proposals/" + id + "/reject",
                  "{\"reason\": \"网格员当周病假，已安排代岗\"}")
              .json();
      assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
      assertThat(
              api.as("supervisor1")
                  .post("/api/accountability/proposals/" + id + "/accept", "{}")
                  .status())
          .isEqualTo(409);
    } finally {
      api.as("admin").delete("/api/admin/clock");
    }
  }

  @Test
  @DisplayName(
      "C5 the case's investigators find its task in Tasklist's filter 点名交办任务 (offered by name)")
  void namedTasksFilter() {
    Reply opened =
        api.as("supervisor1")
            .post(
                "/api/accountability/cases",
                "{\"subject\": \"worker3\", \"subjectRole\": \"GRID_WORKER\", \"clause\":"
                    + " \"第四条（一）6\", \"facts\": \"漏报\"}");
    String id = opened.json().get("id").asText();
    JsonNode filters = api.as("investigator1").get("/engine-rest/filter?resourceType=Task").json();
    String filterId = null;
    for (JsonNode filter : filters) {
      if ("点名交办任务".equals(filter.get("name").asText())) {
        filterId = filter.get("id").asText();
      }
    }
    assertThat(filterId).as("filters: " + filters).isNotNull();
    JsonNode tasks =
        api.as("investigator1").post("/engine-rest/filter/" + filterId + "/list", "{}").json();
    assertThat(tasks.findValuesAsText("name")).contains("调查处理 案件" + id);
    assertThat(
            api.as("supervisor1")
                .post("/engine-rest/filter/" + filterId + "/list", "{}")
                .json()
                .findValuesAsText("name"))
        .doesNotContain("调查处理 案件" + id);
  }
}
