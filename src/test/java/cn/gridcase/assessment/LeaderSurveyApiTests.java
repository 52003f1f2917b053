package cn.gridcase.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The grid leaders' surveys and half-year reviews over HTTP with real logins (A8): leader1 leads
 * GS-V01; center1 (township center) and supervisor1 record, the township's people read the
 * published results. Years before the demo's survey year keep the demo's rows untouched.
 */
class LeaderSurveyApiTests extends ApiTestSupport {

  private static final String TRIGGER = AccountabilityProposals.LEADER_SURVEY_DISSATISFIED;

  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void cleanUp() {
    jdbc.update("update leader_survey set corrects_id = null where survey_year < 2025");
    jdbc.update("delete from leader_survey where survey_year < 2025");
    jdbc.update("update leader_review set corrects_id = null where review_year < 2025");
    jdbc.update("delete from leader_review where review_year < 2025");
    jdbc.update("delete from accountability_proposal where trigger = ?", TRIGGER);
  }

  private static String survey(int year, int satisfied, int basically, int dissatisfied) {
    return "{\"leader\": \"leader1\", \"year\": "
        + year
        + ", \"satisfied\": "
        + satisfied
        + ", \"basicallySatisfied\": "
        + basically
        + ", \"dissatisfied\": "
        + dissatisfied
        + "}";
  }

  private List<JsonNode> proposals() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : api.as("supervisor1").get("/api/accountability/proposals").json()) {
      if (TRIGGER.equals(p.path("trigger").asText())) {
        out.add(p);
      }
    }
    return out;
  }

  @Test
  @DisplayName("A8: exactly 1/3 不满意 (3 of 9) is published and raises no replacement proposal")
  void exactlyOneThird() {
    Reply reply = api.as("center1").post("/api/assessment/leader-surveys", survey(2024, 4, 2, 3));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    JsonNode s = reply.json();
    assertThat(s.get("leader").asText()).isEqualTo("leader1");
    assertThat(s.get("villageCode").asText()).isEqualTo("GS-V01");
    assertThat(s.get("townshipCode").asText()).isEqualTo("GS");
    assertThat(s.get("total").asInt()).isEqualTo(9);
    assertThat(s.get("dissatisfiedPercent").decimalValue()).isEqualByComparingTo("33.33");
    assertThat(s.get("overOneThird").asBoolean()).isFalse();
    assertThat(s.get("replacementProposed").asBoolean()).isFalse();
    assertThat(s.get("version").asInt()).isEqualTo(1);
    assertThat(s.get("recordedBy").asText()).isEqualTo("center1");
    assertThat(s.get("recordedByName").asText()).isEqualTo("赵敏");
    assertThat(proposals()).isEmpty();

    // published: a grid worker of another village of the township reads it
    Reply list = api.as("worker3").get("/api/assessment/leader-surveys?townshipCode=GS&year=2024");
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.json()).hasSize(1);
    assertThat(list.json().get(0).get("dissatisfied").asInt()).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "A8: just above 1/3 不满意 (2 of 5) raises one replacement proposal with the survey as"
          + " evidence; a correction is version 2 with its reason, the old one stays readable")
  void justAboveOneThird() {
    Reply first =
        api.as("supervisor1").post("/api/assessment/leader-surveys", survey(2023, 2, 1, 2));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.json().get("overOneThird").asBoolean()).isTrue();
    assertThat(first.json().get("replacementProposed").asBoolean()).isTrue();
    long id = first.json().get("id").asLong();
    List<JsonNode> raised = proposals();
    assertThat(raised).hasSize(1);
    JsonNode proposal = raised.get(0);
    assertThat(proposal.get("subject").asText()).isEqualTo("leader1");
    assertThat(proposal.get("subjectRole").asText()).isEqualTo("GRID_LEADER");
    assertThat(proposal.get("unitCode").asText()).isEqualTo("GS-V01");
    assertThat(proposal.get("evidence").asText())
        .contains("测评记录 " + id + " 第 1 版")
        .contains("不满意 2")
        .contains("共 5 份")
        .contains("40.00%");
    assertThat(proposal.get("clause").asText()).contains("A8");

    // a second survey of the year without a reason: 409, nothing written
    Reply again = api.as("center1").post("/api/assessment/leader-surveys", survey(2023, 5, 0, 0));
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.isProblem()).isTrue();
    assertThat(again.json().get("detail").asText())
        .isEqualTo("刘洋 的 2023 年度满意度测评已录入（第 1 版）：更正须写明理由，原记录保留");

    String correction =
        "{\"leader\": \"leader1\", \"year\": 2023, \"satisfied\": 3, \"basicallySatisfied\": 1,"
            + " \"dissatisfied\": 2, \"reason\": \"复核答卷，少计一张满意票\"}";
    Reply corrected = api.as("center1").post("/api/assessment/leader-surveys", correction);
    assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
    assertThat(corrected.json().get("version").asInt()).isEqualTo(2);
    assertThat(corrected.json().get("correctsId").asLong()).isEqualTo(id);
    assertThat(corrected.json().get("correctionReason").asText()).isEqualTo("复核答卷，少计一张满意票");
    // 2 of 6 is exactly 1/3 now; the proposal raised by version 1 stays (no second one)
    assertThat(corrected.json().get("overOneThird").asBoolean()).isFalse();
    assertThat(proposals()).hasSize(1);

    Reply old = api.as("worker1").get("/api/assessment/leader-surveys/" + id);
    assertThat(old.status()).as(old.toString()).isEqualTo(200);
    assertThat(old.json().get("satisfied").asInt()).isEqualTo(2);
    JsonNode listed =
        api.as("leader1").get("/api/assessment/leader-surveys?townshipCode=GS&year=2023").json();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("version").asInt()).isEqualTo(2);
    assertThat(listed.get(0).get("earlierVersions")).hasSize(1);
    assertThat(listed.get(0).get("earlierVersions").get(0).get("id").asLong()).isEqualTo(id);
  }

  @Test
  @DisplayName("A8: bad input names every problem (negative counts, no year, unknown leader)")
  void badInput() {
    Reply reply =
        api.as("center1")
            .post(
                "/api/assessment/leader-surveys",
                "{\"leader\": \"worker1\", \"satisfied\": -1, \"dissatisfied\": 2}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
    assertThat(reply.json().get("errors").findValuesAsText("field"))
        .contains("year", "satisfied", "basicallySatisfied");
    Reply zeros = api.as("center1").post("/api/assessment/leader-surveys", survey(2024, 0, 0, 0));
    assertThat(zeros.status()).as(zeros.toString()).isEqualTo(422);
    assertThat(zeros.json().get("errors").findValuesAsText("code")).contains("A8.survey.answers");
    Reply notLeader =
        api.as("center1")
            .post(
                "/api/assessment/leader-surveys",
                "{\"leader\": \"worker1\", \"year\": 2024, \"satisfied\": 1,"
                    + " \"basicallySatisfied\": 0, \"dissatisfied\": 0}");
    assertThat(notLeader.status()).as(notLeader.toString()).isEqualTo(422);
    assertThat(notLeader.json().get("errors").findValuesAsText("code"))
        .containsExactly("A8.leader");
    assertThat(notLeader.json().get("errors").findValuesAsText("message"))
        .containsExactly("张伟（worker1）在 2024 年不是任何村（社区）的网格长");
    Reply noLeader =
        api.as("center1")
            .post(
                "/api/assessment/leader-surveys",
                "{\"year\": 2024, \"satisfied\": 1, \"basicallySatisfied\": 0,"
                    + " \"dissatisfied\": 0}");
    assertThat(noLeader.status()).as(noLeader.toString()).isEqualTo(422);
    assertThat(noLeader.json().get("errors").findValuesAsText("field")).containsExactly("leader");
    assertThat(noLeader.json().get("errors").findValuesAsText("message")).containsExactly("请指定网格长");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from leader_survey where survey_year < 2025", Integer.class))
        .isZero();
  }

  @Test
  @DisplayName("A8: only the township center and supervisors record; the township's people read")
  void scope() {
    assertThat(
            api.as("worker1")
                .post("/api/assessment/leader-surveys", survey(2024, 1, 1, 1))
                .status())
        .isEqualTo(403);
    assertThat(
            api.as("station1")
                .post("/api/assessment/leader-surveys", survey(2024, 1, 1, 1))
                .status())
        .isEqualTo(403);
    assertThat(
            api.as("leader1")
                .post("/api/assessment/leader-surveys", survey(2024, 1, 1, 1))
                .status())
        .isEqualTo(403);
    assertThat(
            api.as("safety1")
                .get("/api/assessment/leader-surveys?townshipCode=GS&year=2024")
                .status())
        .isEqualTo(403);
    assertThat(
            api.as("center1")
                .get("/api/assessment/leader-surveys?townshipCode=XX&year=2024")
                .status())
        .isEqualTo(404);
    Reply missing = api.as("center1").get("/api/assessment/leader-surveys");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("errors").findValuesAsText("field"))
        .containsExactly("townshipCode", "year");
    assertThat(api.as("center1").get("/api/assessment/leader-surveys/999999").status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName(
      "A8: the half-year review — recorded by the township with result and reasoning, read by"
          + " the township and the leader, a half not begun refused")
  void halfYearReview() {
    String body =
        "{\"leader\": \"leader1\", \"year\": 2024, \"half\": 1, \"result\": \"COMPETENT\","
            + " \"reasoning\": \"上半年网格长例会按时召开，矛盾纠纷化解及时\"}";
    Reply reply = api.as("center1").post("/api/assessment/leader-reviews", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.json().get("resultLabel").asText()).isEqualTo("称职");
    assertThat(reply.json().get("recordedBy").asText()).isEqualTo("center1");
    assertThat(reply.json().get("recordedByName").asText()).isEqualTo("赵敏");
    Reply twice = api.as("center1").post("/api/assessment/leader-reviews", body);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("detail").asText())
        .isEqualTo("刘洋 的 2024 年上半年考评已录入（第 1 版）：更正须写明理由，原记录保留");

    Reply own = api.as("leader1").get("/api/assessment/leader-reviews?townshipCode=GS&year=2024");
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(own.json()).hasSize(1);
    assertThat(own.json().get(0).get("half").asInt()).isEqualTo(1);
    assertThat(
            api.as("worker1")
                .get("/api/assessment/leader-reviews?townshipCode=GS&year=2024")
                .status())
        .isEqualTo(403);

    int next = LocalDate.now().getYear() + 1;
    Reply bad =
        api.as("center1")
            .post(
                "/api/assessment/leader-reviews",
                "{\"leader\": \"leader1\", \"year\": " + next + ", \"half\": 3}");
    assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
    assertThat(bad.json().get("errors").findValuesAsText("field"))
        .contains("year", "half", "result", "reasoning");
    assertThat(bad.json().get("errors").findValuesAsText("message"))
        .contains("请选择考评结果：称职、基本称职或不称职");
  }
}
