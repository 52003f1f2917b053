package cn.gridcase.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.PostgresApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The matter list and assignments (S4) on a real PostgreSQL server (fresh database, demo users).
 */
class PostgresAssignmentTests extends PostgresApplicationTest {

  @Test
  @DisplayName(
      "S4 on PostgreSQL: the demo list, a prohibited matter refused, a listed one done late after"
          + " its timer marked it overdue on the supervisors' list, an unlisted one approved and a"
          + " withdrawal")
  void assignmentsOnPostgres() {
    ApiClient api = ApiClient.anonymous(port);
    try {
      JsonNode list = api.as("worker1").get("/api/matters").json();
      assertThat(list).extracting(m -> m.get("code").asText()).contains("JC-01", "JR-01", "JC-07");

      Reply prohibited = assign(api, "\"JR-02\"", "GS-V01-G01");
      assertThat(prohibited.status()).as(prohibited.toString()).isEqualTo(422);
      assertThat(prohibited.json().get("errors").get(0).get("code").asText())
          .isEqualTo("S4.prohibited");

      api.as("admin").put("/api/admin/clock", "{\"now\": \"2026-09-30T10:00:00+08:00\"}");
      Reply listed = assign(api, "\"JC-03\"", "GS-V01-G01");
      assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
      long id = listed.json().get("id").asLong();
      assertThat(listed.json().get("dueBy").asText()).isEqualTo("2026-10-09T23:59:59+08:00");
      Reply unlisted = assign(api, "null", "GS-V02-G01");
      long waiting = unlisted.json().get("id").asLong();
      assertThat(unlisted.json().get("status").asText()).isEqualTo("AWAITING_APPROVAL");

      api.as("admin").put("/api/admin/clock", "{\"now\": \"2026-10-12T09:00:00+08:00\"}");
      JsonNode overdue = api.as("supervisor1").get("/api/supervision/overdue").json();
      assertThat(overdue)
          .extracting(row -> row.path("reference").asText())
          .contains("交办 " + id, "交办 " + waiting);
      Reply done =
          api.as("worker1").post("/api/assignments/" + id + "/done", "{\"note\": \"已排查\"}");
      assertThat(done.status()).as(done.toString()).isEqualTo(200);
      assertThat(done.json().get("status").asText()).isEqualTo("DONE");
      assertThat(done.json().get("grids").get(0).get("late").asBoolean()).isTrue();
      assertThat(done.json().get("grids").get(0).get("overdue").asBoolean()).isTrue();

      Reply approved = api.as("supervisor1").post("/api/assignments/" + waiting + "/approve", "{}");
      assertThat(approved.json().get("status").asText()).isEqualTo("ASSIGNED");
      assertThat(approved.json().get("approvalLate").asBoolean()).isTrue();
      assertThat(api.as("worker3").get("/api/assignments?status=ASSIGNED").body())
          .contains("\"id\":" + waiting);

      Reply withdrawn =
          api.as("supervisor1")
              .post(
                  "/api/matters/JC-05/withdraw",
                  "{\"townshipCode\": \"GS\", \"approval\": "
                      + MatterApiTests.approval("1号")
                      + "}");
      assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
      assertThat(withdrawn.json().get("history")).hasSize(2);
    } finally {
      api.as("admin").delete("/api/admin/clock");
    }
  }

  private static Reply assign(ApiClient api, String matter, String grid) {
    return api.as("center1")
        .post(
            "/api/assignments",
            "{\"gridCodes\": [\""
                + grid
                + "\"], \"matterCode\": "
                + matter
                + ", \"title\": \"排查\", \"instructions\": \"按要求排查\", \"workingDays\": 2}");
  }
}
