package cn.gridcase.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.ControlledClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/assessment/quarters} and the settings with real logins (rules A4–A6, C3): each
 * endpoint, its scope refusals, and every problem named. GS's 2026-Q2 is drafted directly (no
 * process) for each test and removed after it.
 */
class QuarterApiTests extends ApiTestSupport {

  static final String Q = "/api/assessment/quarters/2026-Q2";

  @Autowired AssessmentQuarters quarters;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void draft() {
    QuarterTestState.reset(engine, jdbc);
    new ControlledClock(engine.getManagementService())
        .set(ControlledClock.shanghai("2026-07-01T09:00"));
    quarters.draft("GS", "2026-Q2", null);
    ClockUtil.reset();
  }

  @AfterEach
  void clean() {
    QuarterTestState.reset(engine, jdbc);
  }

  private static List<String> users(JsonNode view) {
    List<String> users = new ArrayList<>();
    view.get("workers").forEach(w -> users.add(w.get("username").asText()));
    return users;
  }

  private static List<String> codes(Reply reply) {
    List<String> codes = new ArrayList<>();
    reply.json().get("errors").forEach(e -> codes.add(e.get("code").asText()));
    return codes;
  }

  @Test
  @DisplayName(
      "A4 GET quarter: the township's staff and supervisors see every row, a village station its"
          + " village's, a grid worker only their own (without townshipCode); others 403; 404, 400")
  void readScope() {
    Reply all = api.as("center1").get(Q + "?townshipCode=GS");
    assertThat(all.status()).as(all.toString()).isEqualTo(200);
    assertThat(all.json().get("status").asText()).isEqualTo("DRAFT");
    assertThat(users(all.json())).contains("worker1", "worker2", "worker3");
    JsonNode items = all.json().get("workers").get(0).get("items");
    assertThat(items).hasSize(7);
    assertThat(items.get(4).get("max").decimalValue()).isEqualByComparingTo("20.0");
    assertThat(users(api.as("supervisor1").get(Q + "?townshipCode=GS").json())).contains("worker3");
    assertThat(users(api.as("station1").get(Q + "?townshipCode=GS").json()))
        .contains("worker1", "worker2")
        .doesNotContain("worker3");
    Reply own = api.as("worker1").get(Q);
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(users(own.json())).containsExactly("worker1");
    assertThat(api.as("safety1").get(Q + "?townshipCode=GS").status()).isEqualTo(403);
    assertThat(api.as("center1").get("/api/assessment/quarters/2031-Q1?townshipCode=GS").status())
        .isEqualTo(404);
    Reply bad = api.as("center1").get("/api/assessment/quarters/2026-Q5?townshipCode=GS");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.isProblem()).isTrue();
  }

  @Test
  @DisplayName(
      "A4 PUT satisfaction: the village station for its own grid workers only (403 for another"
          + " village's, for a grid worker); every bad score named (0..100, one decimal)")
  void satisfaction() {
    Reply ok =
        api.as("station1")
            .put(
                Q + "/satisfaction",
                "{\"townshipCode\": \"GS\", \"scores\": [{\"username\": \"worker1\", \"score\":"
                    + " 92.5}]}");
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().get("workers").get(0).get("satisfaction").decimalValue())
        .isEqualByComparingTo("92.5");
    assertThat(
            api.as("station1")
                .put(
                    Q + "/satisfaction",
                    "{\"townshipCode\": \"GS\", \"scores\": [{\"username\": \"worker3\", \"score\":"
                        + " 90}]}")
                .status())
        .isEqualTo(403);
    assertThat(
            api.as("worker1")
                .put(
                    Q + "/satisfaction",
                    "{\"townshipCode\": \"GS\", \"scores\": [{\"username\": \"worker1\", \"score\":"
                        + " 100}]}")
                .status())
        .isEqualTo(403);
    Reply bad =
        api.as("station1")
            .put(
                Q + "/satisfaction",
                "{\"townshipCode\": \"GS\", \"scores\": [{\"username\": \"worker1\", \"score\":"
                    + " 101}, {\"username\": \"worker2\", \"score\": 88.25}, {\"username\":"
                    + " \"nobody\", \"score\": 50}]}");
    assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
    assertThat(codes(bad))
        .containsExactlyInAnyOrder("A4.satisfaction", "A4.satisfaction", "A4.satisfaction.worker");
  }

  @Test
  @DisplayName(
      "A4 POST findings: the assessment group (township center staff) deducts from items 1–4, 7"
          + " with a reason; a grid worker or supervisor 403; item 5, 0.05 points, no reason → 422")
  void findings() {
    Reply ok =
        api.as("head1")
            .post(
                Q + "/findings",
                "{\"townshipCode\": \"GS\", \"username\": \"worker2\", \"item\": 4, \"points\": 2,"
                    + " \"reason\": \"应代办的低保申请未代办\"}");
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    JsonNode worker2 = null;
    for (JsonNode w : ok.json().get("workers")) {
      if (w.get("username").asText().equals("worker2")) {
        worker2 = w;
      }
    }
    assertThat(worker2.get("items").get(3).get("points").decimalValue())
        .isEqualByComparingTo("13.0");
    assertThat(worker2.get("items").get(3).get("deductions").get(0).get("reason").asText())
        .isEqualTo("应代办的低保申请未代办");
    String body = "{\"username\": \"worker2\", \"item\": 1, \"points\": 1, \"reason\": \"漏报\"}";
    assertThat(api.as("worker2").post(Q + "/findings", body).status()).isEqualTo(403);
    assertThat(api.as("supervisor1").post(Q + "/findings", body).status()).isEqualTo(403);
    Reply bad =
        api.as("center1")
            .post(
                Q + "/findings",
                "{\"username\": \"worker2\", \"item\": 5, \"points\": 0.05, \"reason\": \" \"}");
    assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
    assertThat(codes(bad))
        .containsExactlyInAnyOrder("A4.finding.item", "A4.finding.points", "A4.finding.reason");
  }

  @Test
  @DisplayName(
      "A5/A6 POST finalize: 422 naming what is missing (satisfaction, review, objection window,"
          + " subsidy), 403 outside the group, 409 once final; objections only after publication")
  void finalizeAndObject() {
    Reply missing = api.as("center1").post(Q + "/finalize", "{\"townshipCode\": \"GS\"}");
    assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
    assertThat(codes(missing))
        .contains("A4.satisfaction.missing", "A4.review", "A4.objectionWindow", "A6.subsidy");
    assertThat(api.as("worker1").post(Q + "/finalize", "{\"townshipCode\": \"GS\"}").status())
        .isEqualTo(403);
    Reply early = api.as("worker1").post(Q + "/objections", "{\"text\": \"第1项扣分有误\"}");
    assertThat(early.status()).as(early.toString()).isEqualTo(422);
    assertThat(codes(early)).containsExactly("A4.objectionWindow");
    assertThat(
            api.as("center1")
                .post(Q + "/objections", "{\"townshipCode\": \"GS\", \"text\": \"代提\"}")
                .status())
        .isEqualTo(403);
    Reply stranger = api.as("center1").post(Q + "/objections", "{\"text\": \"代提\"}");
    assertThat(stranger.status())
        .as("no township named, and not assessed in any: refused as an objection, not a finding")
        .isEqualTo(403);
    assertThat(stranger.toString()).doesNotContain("A4.finding");
    assertThat(
            api.as("center1")
                .post(Q + "/corrections", "{\"townshipCode\": \"GS\", \"reason\": \"x\"}")
                .status())
        .as("only a final quarter is corrected")
        .isEqualTo(409);

    Reply settings =
        api.as("center1")
            .put(
                "/api/assessment/settings/GS",
                "{\"quarterSubsidy\": 1500, \"rulebook\": \"S0\", \"reason\": \"镇党委会议决定\"}");
    assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
    assertThat(settings.json().get("history").get(0).get("changedBy").asText())
        .isEqualTo("center1");
    List<AssessmentQuarters.Score> scores = new ArrayList<>();
    quarters
        .view("2026-Q2", "GS", null, "admin")
        .workers()
        .forEach(w -> scores.add(new AssessmentQuarters.Score(w.username(), BigDecimal.TEN)));
    quarters.enterSatisfaction("2026-Q2", "GS", scores, "admin");
    jdbc.update(
        "update assessment_quarter set status = 'IN_REVIEW', reviewed_at = drafted_at,"
            + " objection_due = drafted_at where quarter = '2026-Q2'");
    quarters.finalizeNow(quarters.row("GS", "2026-Q2"), "center1");
    Reply twice = api.as("center1").post(Q + "/finalize", "{\"townshipCode\": \"GS\"}");
    assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
    assertThat(twice.isProblem()).isTrue();
    Reply seen = api.as("worker1").get(Q);
    assertThat(seen.json().get("status").asText()).isEqualTo("FINAL");
    assertThat(seen.json().get("workers").get(0).get("grade").asText()).isIn("PASS", "FAIL");
    assertThat(seen.json().get("workers").get(0).get("subsidy").doubleValue())
        .as("70% or all of 1,500 yuan")
        .isIn(1050.0, 1500.0);
    Reply correction =
        api.as("head1")
            .post(Q + "/corrections", "{\"townshipCode\": \"GS\", \"reason\": \"满意度录入有误\"}");
    assertThat(correction.status()).as(correction.toString()).isEqualTo(201);
    assertThat(correction.json().get("version").asInt()).isEqualTo(2);
    assertThat(api.as("worker1").get(Q + "?version=1").json().get("status").asText())
        .isEqualTo("FINAL");
  }

  @Test
  @DisplayName(
      "A6/C3 settings: GET by the township's people (404 for no township, 403 outside it), PUT"
          + " by the township's assessment group with a reason (every problem named), others 403")
  void settings() {
    assertThat(api.as("worker1").get("/api/assessment/settings/GS").json().get("rulebook").asText())
        .isEqualTo("S0");
    Reply unknown = api.as("center1").get("/api/assessment/settings/NO-SUCH");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    assertThat(unknown.isProblem()).isTrue();
    Reply outside = api.as("investigator1").get("/api/assessment/settings/GS");
    assertThat(outside.status()).as(outside.toString()).isEqualTo(403);
    assertThat(api.as("supervisor1").put("/api/assessment/settings/GS", "{}").status())
        .isEqualTo(403);
    Reply bad =
        api.as("center1")
            .put("/api/assessment/settings/GS", "{\"quarterSubsidy\": 10.001, \"reason\": \"\"}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(codes(bad)).containsExactlyInAnyOrder("A6.subsidy", "C3.rulebook", "A6.setting");
  }
}
