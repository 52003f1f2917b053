package cn.gridcase.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The leaders' bonus link (A7) and the yearly evaluation (A9) over HTTP with real logins, on final
 * quarters of GS in 2024 stored as the quarter process leaves them: Q1 corrected (version 1
 * superseded by version 2), Q2 and Q3 final, Q4 still a draft — so the year is provisional.
 *
 * <p>GS-V01-G01 (worker1): 92, 94, 90 → 92.00. GS-V01-G02 (worker2 80, 78, 82 and a second grid
 * worker in Q1, 70) → 77.50. GS-V02-G01 (worker3): 60, 65, 70 → 65.00. leader1 and instructor1
 * (GS-V01): (92 + 77.5) / 2 = 84.75; arealeader1 (GS-V01–V04, three grids with scores): (92 + 77.5
 * + 65) / 3 = 78.17.
 */
class LeaderBonusApiTests extends ApiTestSupport {

  @Autowired JdbcTemplate jdbc;

  private StoredQuarters stored;

  @BeforeEach
  void finalQuarters() {
    stored = new StoredQuarters(jdbc);
    long q1old = stored.quarter("2024-Q1", 1, "FINAL", true, 2024);
    stored.worker(q1old, "worker1", "GS-V01-G01", 5000, "FAIL");
    long q1 = stored.quarter("2024-Q1", 2, "FINAL", false, 2024);
    stored.worker(q1, "worker1", "GS-V01-G01", 9200, "EXCELLENT");
    stored.worker(q1, "worker2", "GS-V01-G02", 8000, "PASS");
    stored.worker(q1, "bonusw9", "GS-V01-G02", 7000, "PASS");
    stored.worker(q1, "worker3", "GS-V02-G01", 6000, "FAIL");
    long q2 = stored.quarter("2024-Q2", 1, "FINAL", false, 2024);
    stored.worker(q2, "worker1", "GS-V01-G01", 9400, "EXCELLENT");
    stored.worker(q2, "worker2", "GS-V01-G02", 7800, "PASS");
    stored.worker(q2, "worker3", "GS-V02-G01", 6500, "FAIL");
    long q3 = stored.quarter("2024-Q3", 1, "FINAL", false, 2024);
    stored.worker(q3, "worker1", "GS-V01-G01", 9000, "EXCELLENT");
    stored.worker(q3, "worker2", "GS-V01-G02", 8200, "PASS");
    stored.worker(q3, "worker3", "GS-V02-G01", 7000, "PASS");
    long q4 = stored.quarter("2024-Q4", 1, "DRAFT", false, 2024);
    stored.worker(q4, "worker1", "GS-V01-G01", 1000, null);
  }

  @AfterEach
  void cleanUp() {
    stored.removeAll();
    jdbc.update("delete from leader_bonus_setting where township_code = 'GS'");
  }

  private static JsonNode row(JsonNode leaders, String username) {
    for (JsonNode l : leaders) {
      if (l.get("username").asText().equals(username)) {
        return l;
      }
    }
    throw new AssertionError(username + " not in " + leaders);
  }

  @Test
  @DisplayName(
      "A7: per grid leader, instructor and area leader — the mean of the per-grid averages of the"
          + " final quarters (a superseded version and a draft do not count), its band, 30% tied;"
          + " provisional with three final quarters")
  void leaderBonus() {
    Reply reply = api.as("center1").get("/api/assessment/leader-bonus/2024?townshipCode=GS");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode year = reply.json();
    assertThat(year.get("provisional").asBoolean()).isTrue();
    assertThat(year.get("finalQuarters")).hasSize(3);
    assertThat(year.get("note").asText()).contains("暂定").contains("3 个季度");
    assertThat(year.get("tiedPercent").asInt()).isEqualTo(30);

    JsonNode leader = row(year.get("leaders"), "leader1");
    assertThat(leader.get("role").asText()).isEqualTo("GRID_LEADER");
    assertThat(leader.get("grids")).hasSize(2);
    assertThat(leader.get("grids").get(0).get("gridCode").asText()).isEqualTo("GS-V01-G01");
    assertThat(leader.get("grids").get(0).get("average").decimalValue()).isEqualByComparingTo("92");
    assertThat(leader.get("grids").get(0).get("scores").asInt()).isEqualTo(3);
    assertThat(leader.get("grids").get(1).get("average").decimalValue())
        .isEqualByComparingTo("77.50");
    assertThat(leader.get("grids").get(1).get("scores").asInt()).isEqualTo(4);
    assertThat(leader.get("average").decimalValue()).isEqualByComparingTo("84.75");
    assertThat(leader.get("band").asText()).isEqualTo("PASS");
    assertThat(leader.get("bandLabel").asText()).isEqualTo("合格");
    assertThat(row(year.get("leaders"), "instructor1").get("average").decimalValue())
        .isEqualByComparingTo("84.75");
    JsonNode area = row(year.get("leaders"), "arealeader1");
    assertThat(area.get("role").asText()).isEqualTo("AREA_LEADER");
    assertThat(area.get("villages")).hasSize(4);
    assertThat(area.get("average").decimalValue()).isEqualByComparingTo("78.17");

    // the leader sees their own row only; a grid worker none
    Reply own = api.as("leader1").get("/api/assessment/leader-bonus/2024?townshipCode=GS");
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(own.json().get("leaders")).hasSize(1);
    assertThat(api.as("worker1").get("/api/assessment/leader-bonus/2024?townshipCode=GS").status())
        .isEqualTo(403);
    assertThat(api.as("center1").get("/api/assessment/leader-bonus/2024?townshipCode=XX").status())
        .isEqualTo(404);
    assertThat(api.as("center1").get("/api/assessment/leader-bonus/20x4?townshipCode=GS").status())
        .isEqualTo(400);
  }

  @Test
  @DisplayName(
      "A7: the tied share is a township setting of at least 30%, changed with who, when and why")
  void tiedShare() {
    Reply low =
        api.as("center1")
            .put(
                "/api/assessment/leader-bonus-settings/GS",
                "{\"tiedPercent\": 25, \"reason\": \"\"}");
    assertThat(low.status()).as(low.toString()).isEqualTo(422);
    assertThat(low.json().get("errors").findValuesAsText("field"))
        .containsExactly("tiedPercent", "reason");
    assertThat(
            api.as("worker1")
                .put(
                    "/api/assessment/leader-bonus-settings/GS",
                    "{\"tiedPercent\": 40, \"reason\": \"镇党委会议决定\"}")
                .status())
        .isEqualTo(403);
    Reply set =
        api.as("supervisor1")
            .put(
                "/api/assessment/leader-bonus-settings/GS",
                "{\"tiedPercent\": 40, \"reason\": \"镇党委会议决定提高挂钩比例\"}");
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().get("tiedPercent").asInt()).isEqualTo(40);
    JsonNode change = set.json().get("history").get(0);
    assertThat(change.get("changedBy").asText()).isEqualTo("supervisor1");
    assertThat(change.get("changedByName").asText()).isEqualTo("孙平");
    assertThat(change.get("reason").asText()).isEqualTo("镇党委会议决定提高挂钩比例");
    assertThat(change.get("changedAt").asText()).isNotBlank();
    JsonNode year =
        api.as("center1").get("/api/assessment/leader-bonus/2024?townshipCode=GS").json();
    assertThat(row(year.get("leaders"), "leader1").get("tiedPercent").asInt()).isEqualTo(40);
  }

  @Test
  @DisplayName(
      "A9: the yearly evaluation — each grid worker's four quarters, the average of the final ones"
          + " and its band, provisional; a village sees its rows, a grid worker their own; Excel")
  void yearlyEvaluation() throws Exception {
    Reply reply = api.as("head1").get("/api/assessment/years/2024?townshipCode=GS");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode workers = reply.json().get("workers");
    assertThat(reply.json().get("provisional").asBoolean()).isTrue();
    assertThat(workers.findValuesAsText("username"))
        .containsExactly("worker1", "bonusw9", "worker2", "worker3");
    JsonNode w1 = workers.get(0);
    assertThat(w1.get("name").asText()).isEqualTo("张伟");
    assertThat(w1.get("gridCode").asText()).isEqualTo("GS-V01-G01");
    assertThat(w1.get("gridName").asText()).isEqualTo("古山村第1网格");
    assertThat(w1.get("villageCode").asText()).isEqualTo("GS-V01");
    assertThat(w1.get("villageName").asText()).isEqualTo("古山村");
    assertThat(w1.get("quarters")).hasSize(4);
    assertThat(w1.get("quarters").get(0).get("score").decimalValue()).isEqualByComparingTo("92");
    assertThat(w1.get("quarters").get(0).get("gradeLabel").asText()).isEqualTo("优秀");
    assertThat(w1.get("quarters").get(3).get("finalized").asBoolean()).isFalse();
    assertThat(w1.get("quarters").get(3).get("score").isNull()).isTrue();
    assertThat(w1.get("quartersAssessed").asInt()).isEqualTo(3);
    assertThat(w1.get("average").decimalValue()).isEqualByComparingTo("92.00");
    assertThat(w1.get("band").asText()).isEqualTo("EXCELLENT");
    JsonNode w3 = workers.get(3);
    assertThat(w3.get("average").decimalValue()).isEqualByComparingTo("65.00");
    assertThat(w3.get("bandLabel").asText()).isEqualTo("不合格");

    assertThat(
            api.as("station1")
                .get("/api/assessment/years/2024?townshipCode=GS")
                .json()
                .get("workers")
                .findValuesAsText("username"))
        .containsExactly("worker1", "bonusw9", "worker2");
    assertThat(
            api.as("worker3")
                .get("/api/assessment/years/2024?townshipCode=GS")
                .json()
                .get("workers")
                .findValuesAsText("username"))
        .containsExactly("worker3");
    assertThat(api.as("safety1").get("/api/assessment/years/2024?townshipCode=GS").status())
        .isEqualTo(403);

    byte[] xlsx =
        api.as("center1").download("/api/assessment/years/2024?townshipCode=GS&format=xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheet("年度考评");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2024").contains("暂定");
      Row head = sheet.getRow(1);
      assertThat(head.getCell(1).getStringCellValue()).isEqualTo("网格员");
      assertThat(head.getCell(2).getStringCellValue()).isEqualTo("账号");
      assertThat(head.getCell(3).getStringCellValue()).isEqualTo("网格");
      assertThat(head.getCell(4).getStringCellValue()).isEqualTo("村（社区）");
      assertThat(head.getCell(5).getStringCellValue()).isEqualTo("第1季度得分");
      Row first = sheet.getRow(2);
      // the grid worker by name with the account beside it; the grid's code as in the pay sheets,
      // the village by name
      assertThat(first.getCell(1).getStringCellValue()).isEqualTo("张伟");
      assertThat(first.getCell(2).getStringCellValue()).isEqualTo("worker1");
      assertThat(first.getCell(3).getStringCellValue()).isEqualTo("GS-V01-G01");
      assertThat(first.getCell(4).getStringCellValue()).isEqualTo("古山村");
      assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(92.0);
      assertThat(first.getCell(11).getStringCellValue()).isEqualTo("未定档");
      assertThat(first.getCell(14).getNumericCellValue()).isEqualTo(92.0);
      assertThat(first.getCell(15).getStringCellValue()).isEqualTo("优秀");
      assertThat(sheet.getLastRowNum()).isEqualTo(5);
    }
  }
}
