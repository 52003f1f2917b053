package cn.gridcase.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.OverdueWork;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/supervision/overdue} and {@code /overdue.xlsx} over HTTP with real logins (rule
 * S1).
 */
class OverdueListApiTests extends ApiTestSupport {

  @Autowired TaskService taskService;

  private OverdueWork work;

  @BeforeEach
  void overdueWork() {
    work = OverdueWork.create(api, taskService);
  }

  @AfterEach
  void resetClock() {
    OverdueWork.reset(api);
  }

  @Test
  @DisplayName(
      "S1 the overdue list filters by grid, village, department and assignee, in SQL, oldest"
          + " deadline first")
  void filters() {
    List<JsonNode> byGrid = overdue("supervisor1", "gridCode=GS-V01-G01");
    assertThat(byGrid)
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.get("gridCode").asText()).isEqualTo("GS-V01-G01"));
    assertThat(numbers(byGrid)).contains(work.inV01G01).doesNotContain(work.inV02G01);
    assertThat(kinds(byGrid))
        .as("a case's step is the township's: not in a grid's list")
        .containsOnly("EVENT");

    List<JsonNode> byVillage = overdue("supervisor1", "villageCode=GS-V02");
    assertThat(byVillage)
        .allSatisfy(s -> assertThat(s.get("villageCode").asText()).isEqualTo("GS-V02"));
    assertThat(numbers(byVillage)).contains(work.inV02G01).doesNotContain(work.inV01G01);

    List<JsonNode> byAssignee = overdue("supervisor1", "assignee=worker1");
    assertThat(byAssignee)
        .allSatisfy(s -> assertThat(s.get("assignee").asText()).isEqualTo("worker1"));
    assertThat(numbers(byAssignee)).contains(work.inV01G01).doesNotContain(work.inV02G01);

    List<JsonNode> byDepartment = overdue("supervisor1", "departmentCode=DEPT-SAFETY");
    assertThat(byDepartment)
        .allSatisfy(s -> assertThat(s.get("unitCode").asText()).isEqualTo("DEPT-SAFETY"));
    assertThat(numbers(byDepartment)).doesNotContain(work.inV01G01, work.inV02G01);

    List<JsonNode> all = overdue("supervisor1", "townshipCode=GS");
    List<String> dues = new ArrayList<>();
    all.forEach(s -> dues.add(OffsetDateTime.parse(s.get("due").asText()).toInstant().toString()));
    assertThat(dues).isSorted();
  }

  @Test
  @DisplayName(
      "S1 T1 workingDaysOverdue counts working days with the holiday calendar; daysOverdue keeps"
          + " calendar days")
  void workingDaysOverdue() {
    JsonNode step =
        overdue("supervisor1", "gridCode=GS-V01-G01").stream()
            .filter(s -> work.inV01G01.equals(s.get("eventNumber").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(step.get("step").asText()).isEqualTo("ACCEPT");
    assertThat(step.get("due").asText()).isEqualTo("2026-10-09T23:59:59+08:00");
    assertThat(step.get("workingDaysOverdue").asInt())
        .isEqualTo(OverdueWork.EVENT_WORKING_DAYS_OVERDUE);
    assertThat(step.get("daysOverdue").asInt()).isEqualTo(OverdueWork.EVENT_CALENDAR_DAYS_OVERDUE);
    assertThat(step.get("kind").asText()).isEqualTo("EVENT");
    assertThat(step.get("title").asText()).isEqualTo("治安安全隐患：村口路灯不亮（超期测试）");
  }

  @Test
  @DisplayName(
      "S1 C6 the overdue list holds accountability cases: supervisors of the township and the"
          + " case's investigators see them, others not")
  void cases() {
    JsonNode forSupervisor = caseStep(overdue("supervisor1", "townshipCode=GS"));
    assertThat(forSupervisor).as("supervisor1 sees the overdue investigation").isNotNull();
    assertThat(forSupervisor.get("step").asText()).isEqualTo("INVESTIGATE");
    assertThat(forSupervisor.get("unitCode").asText()).isEqualTo("GS");
    assertThat(forSupervisor.get("due").asText()).isEqualTo("2026-10-20T23:59:59+08:00");
    assertThat(forSupervisor.get("workingDaysOverdue").asInt())
        .isEqualTo(OverdueWork.CASE_WORKING_DAYS_OVERDUE);
    assertThat(forSupervisor.get("eventNumber").isNull()).isTrue();

    List<JsonNode> forInvestigator = overdue("investigator1", "");
    assertThat(caseStep(forInvestigator)).as("the case's investigator sees it").isNotNull();
    assertThat(kinds(forInvestigator))
        .as("an investigator supervises no events")
        .containsOnly("CASE");
    assertThat(caseStep(overdue("investigator1", "assignee=investigator1")))
        .as("an unclaimed case step is the investigators' to take")
        .isNotNull();

    assertThat(caseStep(overdue("head1", ""))).as("a section head sees no case").isNull();
    assertThat(caseStep(overdue("supervisor1", "villageCode=GS-V01"))).isNull();
  }

  @Test
  @DisplayName("S1 a grid worker may not read the overdue list or its Excel file (403)")
  void workerRefused() {
    assertThat(api.as("worker1").get("/api/supervision/overdue").status()).isEqualTo(403);
    assertThat(api.as("worker1").get("/api/supervision/overdue.xlsx").status()).isEqualTo(403);
  }

  @Test
  @DisplayName(
      "S1 the overdue list as Excel: the filtered rows with Chinese headers, a title row, dates as"
          + " Excel dates")
  void excel() throws Exception {
    String query = "?villageCode=GS-V01";
    Reply reply = api.as("supervisor1").get("/api/supervision/overdue.xlsx" + query);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(reply.header("Content-Disposition"))
        .contains(
            "filename*=UTF-8''"
                + URLEncoder.encode("超期事项-2026-10-22.xlsx", StandardCharsets.UTF_8));
    List<JsonNode> expected = overdue("supervisor1", query.substring(1));
    byte[] file = api.as("supervisor1").download("/api/supervision/overdue.xlsx" + query);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
          .contains("村（社区）：古山村")
          .contains("2026-10-22 10:00");
      List<String> headers = new ArrayList<>();
      sheet.getRow(1).forEach(cell -> headers.add(cell.getStringCellValue()));
      assertThat(headers).startsWith("序号", "事件编号/案件", "标题").contains("责任人", "期限", "超期工作日");
      List<String> numbers = new ArrayList<>();
      for (int r = 2; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        numbers.add(row.getCell(1).getStringCellValue());
        if (work.inV01G01.equals(row.getCell(1).getStringCellValue())) {
          assertThat(DateUtil.isCellDateFormatted(row.getCell(7))).isTrue();
          assertThat(row.getCell(7).getLocalDateTimeCellValue()).isEqualTo("2026-10-09T23:59:59");
          assertThat(row.getCell(8).getNumericCellValue())
              .isEqualTo(OverdueWork.EVENT_WORKING_DAYS_OVERDUE);
          assertThat(row.getCell(6).getStringCellValue())
              .as("family name first")
              .isNotEqualTo("worker1");
        }
      }
      assertThat(numbers)
          .isEqualTo(numbers(expected))
          .contains(work.inV01G01)
          .doesNotContain(work.inV02G01);
    }
  }

  @Test
  @DisplayName("S1 the OpenAPI document describes the new filters and the Excel endpoint")
  void openApi() {
    JsonNode paths = api.as("admin").get("/v3/api-docs").json().get("paths");
    List<String> parameters = new ArrayList<>();
    paths
        .get("/api/supervision/overdue")
        .get("get")
        .get("parameters")
        .forEach(p -> parameters.add(p.get("name").asText()));
    assertThat(parameters)
        .contains("townshipCode", "villageCode", "gridCode", "departmentCode", "assignee");
    assertThat(
            paths
                .get("/api/supervision/overdue.xlsx")
                .get("get")
                .get("responses")
                .get("200")
                .get("content")
                .has("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .isTrue();
  }

  private List<JsonNode> overdue(String user, String query) {
    Reply reply =
        api.as(user).get("/api/supervision/overdue" + (query.isEmpty() ? "" : "?" + query));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    List<JsonNode> steps = new ArrayList<>();
    reply.json().forEach(steps::add);
    return steps;
  }

  private JsonNode caseStep(List<JsonNode> steps) {
    return steps.stream()
        .filter(
            s -> "CASE".equals(s.get("kind").asText()) && s.get("caseId").asLong() == work.caseId)
        .findFirst()
        .orElse(null);
  }

  private static List<String> numbers(List<JsonNode> steps) {
    return steps.stream().map(s -> s.get("eventNumber").asText()).toList();
  }

  private static List<String> kinds(List<JsonNode> steps) {
    return steps.stream().map(s -> s.get("kind").asText()).distinct().toList();
  }
}
