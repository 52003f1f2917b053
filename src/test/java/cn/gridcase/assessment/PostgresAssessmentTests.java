package cn.gridcase.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.PostgresApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pay and assessment on a real PostgreSQL server (Flyway V16, V17 and V20 and every statement of
 * their tables): the demo data of a fresh database — last month's pay entries, the demo quarter
 * opened and drafted, the grid leader's survey of last year — read and changed over HTTP.
 */
class PostgresAssessmentTests extends PostgresApplicationTest {

  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;

  /** The PostgreSQL tests share one database: what this one changed goes. */
  @AfterEach
  void undo() {
    jdbc.update("delete from pay_setting where reason = '镇党委会议决定'");
    jdbc.update("delete from assessment_deduction where reason = '走访台账缺页'");
  }

  @Test
  @DisplayName(
      "A1–A9 on PostgreSQL: the demo month's statement and the township's sheet (Excel too), pay"
          + " settings changed by the township center, the demo quarter's draft with its"
          + " deductions and a finding, the settings, the leader's survey, the yearly evaluation")
  void assessmentOnPostgres() throws IOException {
    ApiClient api = ApiClient.anonymous(port);
    LocalDate today = GridCaseTime.now(clock).toLocalDate();
    YearMonth month = YearMonth.from(today).minusMonths(1);

    Reply statement = api.as("worker1").get("/api/assessment/pay/worker1/" + month);
    assertThat(statement.status()).as(statement.toString()).isEqualTo(200);
    assertThat(statement.json().get("lines")).as("the demo month's entries").isNotEmpty();
    Reply sheet = api.as("center1").get("/api/assessment/pay?townshipCode=GS&month=" + month);
    assertThat(sheet.status()).as(sheet.toString()).isEqualTo(200);
    assertThat(usernames(sheet.json().get("items"))).contains("worker1", "worker2", "worker3");
    byte[] file =
        api.as("center1")
            .download("/api/assessment/pay?townshipCode=GS&month=" + month + "&format=xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
          .contains(month.toString());
    }
    Reply changed =
        api.as("center1")
            .put(
                "/api/assessment/pay-settings/GS",
                "{\"base\": 110, \"deductionRate\": 10, \"threshold\": 8, \"maxDeduction\": 80,"
                    + " \"bonusClosed\": 20, \"bonusEscalated\": 10, \"cap\": 200,"
                    + " \"minRankedEntries\": 1, \"reason\": \"镇党委会议决定\"}");
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("history").get(0).get("changedBy").asText()).isEqualTo("center1");

    String quarter = month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
    String path = "/api/assessment/quarters/" + quarter;
    Reply draft = api.as("center1").get(path + "?townshipCode=GS");
    assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
    assertThat(draft.json().get("status").asText()).isEqualTo("DRAFT");
    assertThat(usernames(draft.json().get("workers"))).contains("worker1", "worker2", "worker3");
    Reply finding =
        api.as("center1")
            .post(
                path + "/findings",
                "{\"townshipCode\": \"GS\", \"username\": \"worker2\", \"item\": 2, \"points\":"
                    + " 0.5, \"reason\": \"走访台账缺页\"}");
    assertThat(finding.status()).as(finding.toString()).isEqualTo(200);
    Reply own = api.as("worker2").get(path);
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(own.json().get("workers").get(0).toString()).contains("走访台账缺页");
    Reply settings = api.as("worker1").get("/api/assessment/settings/GS");
    assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
    assertThat(settings.json().get("quarterSubsidy").decimalValue())
        .isEqualByComparingTo("1500.00");

    Reply surveys =
        api.as("center1")
            .get("/api/assessment/leader-surveys?townshipCode=GS&year=" + (today.getYear() - 1));
    assertThat(surveys.status()).as(surveys.toString()).isEqualTo(200);
    assertThat(surveys.json()).as("the demo leader's survey of last year").isNotEmpty();
    Reply year =
        api.as("center1").get("/api/assessment/years/" + today.getYear() + "?townshipCode=GS");
    assertThat(year.status()).as(year.toString()).isEqualTo(200);
  }

  private static List<String> usernames(JsonNode rows) {
    List<String> names = new ArrayList<>();
    rows.forEach(r -> names.add(r.get("username").asText()));
    return names;
  }
}
