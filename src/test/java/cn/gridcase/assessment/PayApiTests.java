package cn.gridcase.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.event.Events;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRequest;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.TestPeople;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.security.UserAccounts;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.ControlledClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /api/assessment/pay} and {@code /api/admin/townships/{code}/pay-settings} over HTTP with
 * real logins (A1–A3): amounts in yuan, the scope (own; the township's staff and supervisors), the
 * Excel sheets, bad input named, the settings' history and their month.
 */
class PayApiTests extends ApiTestSupport {

  @Autowired ManagementService managementService;
  @Autowired Organisation organisation;
  @Autowired UserAccounts accounts;
  @Autowired Events events;

  private ControlledClock clock;
  private PayWorkers workers;
  private String grid;

  @BeforeEach
  void setUp() {
    clock = new ControlledClock(managementService);
    workers = new PayWorkers(organisation, accounts, events);
    grid = workers.worker("payapi1", 3);
    workers.worker("payapi2", 4);
  }

  /** payapi1's November: one closed entry, one open one (provisional). */
  private List<String> november() {
    List<String> numbers = new ArrayList<>();
    if (!api.as("payapi1")
        .get("/api/assessment/pay/payapi1/2026-11")
        .json()
        .get("lines")
        .isEmpty()) {
      return numbers;
    }
    clock.set("2026-11-02T09:00");
    String closed = workers.report("payapi1", grid, false, false);
    events.resolve(closed, "payapi1", Map.of("result", "已整改"));
    clock.set("2026-11-02T10:00");
    numbers.add(closed);
    numbers.add(workers.report("payapi1", grid, false, true));
    return numbers;
  }

  @Test
  @DisplayName(
      "A1: a grid worker who moved townships — each township's staff read the months served"
          + " there, 403 for the months served elsewhere")
  void movedWorker() {
    if (organisation.appointmentsOf("paymover").isEmpty()) {
      AppointmentRequest.PersonDetails mover = TestPeople.person("报酬调动", "paymover");
      accounts.createIfAbsent("paymover", "调动", "报酬", "paymover@gridcase.invalid", "demo");
      organisation.createGrid(
          new Grid("PT-V01-G21", "报酬测试网格21", PayWorkers.VILLAGE, GridType.RURAL, 400, 1000));
      Appointment there =
          organisation.appoint(
              new AppointmentRequest(
                  mover, "PT-V01-G21", AppointmentRole.GRID_WORKER, PayWorkers.APPOINTED));
      organisation.endAppointment(there.id(), LocalDate.of(2026, 10, 31), "调往报酬调入镇");
      organisation.appoint(
          new AppointmentRequest(
              mover, otherTownshipGrid(1), AppointmentRole.GRID_WORKER, LocalDate.of(2026, 11, 1)));
    }
    clock.set("2026-11-15T09:00");
    String october = "/api/assessment/pay/paymover/2026-10";
    String november = "/api/assessment/pay/paymover/2026-11";
    assertThat(api.as("ptcenter").get(october).status()).isEqualTo(200);
    Reply elsewhere = api.as("ptcenter").get(november);
    assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(403);
    assertThat(api.as("pqcenter").get(november).status()).isEqualTo(200);
    assertThat(api.as("pqcenter").get(october).status()).isEqualTo(403);
    assertThat(api.as("paymover").get(october).status())
        .as("their own, every month")
        .isEqualTo(200);
  }

  /** Township PQ 报酬调入镇 (center pqcenter) and its grid PQ-V01-G0n, made once. */
  private String otherTownshipGrid(int n) {
    organisation.createUnitIfAbsent(new Unit("PQ", "报酬调入镇", UnitKind.TOWNSHIP, null));
    organisation.createUnitIfAbsent(new Unit("PQ-V01", "报酬调入村", UnitKind.VILLAGE, "PQ"));
    workers.appoint("pqcenter", "PQ", AppointmentRole.EVENT_HANDLER);
    String grid = "PQ-V01-G0" + n;
    if (organisation.grid(grid).isEmpty()) {
      organisation.createGrid(new Grid(grid, "调入网格" + n, "PQ-V01", GridType.RURAL, 400, 1000));
    }
    return grid;
  }

  @Test
  @DisplayName(
      "A1: a grid worker who moves townships mid-month is paid once, on the sheet of the township"
          + " they serve in at the month's end, for every entry of the month")
  void movedMidMonth() {
    if (organisation.appointmentsOf("payhalf").isEmpty()) {
      AppointmentRequest.PersonDetails half = TestPeople.person("报酬半月", "payhalf");
      accounts.createIfAbsent("payhalf", "半月", "报酬", "payhalf@gridcase.invalid", "demo");
      organisation.createGrid(
          new Grid("PT-V01-G22", "报酬测试网格22", PayWorkers.VILLAGE, GridType.RURAL, 400, 1000));
      Appointment there =
          organisation.appoint(
              new AppointmentRequest(
                  half, "PT-V01-G22", AppointmentRole.GRID_WORKER, PayWorkers.APPOINTED));
      clock.set("2026-11-03T09:00");
      String closed = workers.report("payhalf", "PT-V01-G22", false, false);
      events.resolve(closed, "payhalf", Map.of("result", "已处理"));
      organisation.endAppointment(there.id(), LocalDate.of(2026, 11, 15), "调往报酬调入镇");
      organisation.appoint(
          new AppointmentRequest(
              half, otherTownshipGrid(2), AppointmentRole.GRID_WORKER, LocalDate.of(2026, 11, 16)));
    }
    clock.set("2026-12-02T09:00");
    JsonNode pt =
        api.as("ptcenter").get("/api/assessment/pay?townshipCode=PT&month=2026-11").json();
    assertThat(pt.get("items"))
        .as("not on the sheet of the township left mid-month")
        .noneMatch(i -> i.get("username").asText().equals("payhalf"));
    JsonNode pq =
        api.as("pqcenter").get("/api/assessment/pay?townshipCode=PQ&month=2026-11").json();
    JsonNode row = row(pq, "payhalf");
    assertThat(row.get("entries").asInt()).as("the entry reported in PT counts").isEqualTo(1);
    assertThat(row.get("total").decimalValue())
        .as("paid once: the statement of the month")
        .isEqualByComparingTo(
            api.as("payhalf")
                .get("/api/assessment/pay/payhalf/2026-11")
                .json()
                .get("total")
                .decimalValue());
  }

  @Test
  @DisplayName("A1: the grid worker reads their own statement, amounts in yuan, every line")
  void ownStatement() {
    november();
    clock.set("2026-11-03T09:00");
    Reply reply = api.as("payapi1").get("/api/assessment/pay/payapi1/2026-11");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode s = reply.json();
    assertThat(s.get("username").asText()).isEqualTo("payapi1");
    assertThat(s.get("month").asText()).isEqualTo("2026-11");
    assertThat(s.get("provisional").asBoolean()).isTrue();
    assertThat(s.get("entries").asInt()).isEqualTo(2);
    assertThat(s.get("countedEntries").asInt()).isEqualTo(1);
    assertThat(s.get("base").decimalValue()).isEqualByComparingTo("100");
    assertThat(s.get("deductions").decimalValue()).isEqualByComparingTo("70");
    assertThat(s.get("bonus").decimalValue()).isEqualByComparingTo("0");
    assertThat(s.get("total").decimalValue()).isEqualByComparingTo("30");
    assertThat(reply.body()).contains("\"total\":30.00");
    JsonNode first = s.get("lines").get(0);
    assertThat(first.get("outcome").asText()).isEqualTo("CLOSED");
    assertThat(first.get("earns").asText()).isEqualTo("BASE");
    assertThat(first.get("counted").asBoolean()).isTrue();
    assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("0");
    assertThat(first.get("note").asText()).contains("按期办结");
    JsonNode open = s.get("lines").get(1);
    assertThat(open.get("outcome").asText()).isEqualTo("OPEN");
    assertThat(open.get("beijingPetition").asBoolean()).isTrue();
    assertThat(open.get("note").asText()).contains("暂定");
    // the event itself carries the 进京非访 mark
    JsonNode event =
        api.as("payapi1").get("/api/events/" + open.get("eventNumber").asText()).json();
    assertThat(event.get("beijingPetition").asBoolean()).isTrue();
  }

  @Test
  @DisplayName(
      "A1: township staff and supervisors of the township read everyone's; others 403, no hint")
  void scope() {
    november();
    clock.set("2026-11-03T09:00");
    String path = "/api/assessment/pay/payapi1/2026-11";
    assertThat(api.as("ptcenter").get(path).status()).isEqualTo(200);
    assertThat(api.as("ptsupervisor").get(path).status()).isEqualTo(200);
    assertThat(api.as("admin").get(path).status()).isEqualTo(200);
    Reply other = api.as("payapi2").get(path);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.isProblem()).isTrue();
    // the township GS's staff do not see PT's grid workers
    assertThat(api.as("center1").get(path).status()).isEqualTo(403);
    // an unknown user: 403 like one out of scope, 404 for an administrator
    assertThat(api.as("ptcenter").get("/api/assessment/pay/nobody/2026-11").status())
        .isEqualTo(403);
    Reply unknown = api.as("admin").get("/api/assessment/pay/nobody/2026-11");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.isProblem()).isTrue();
    // not a grid worker: no statement of their own
    assertThat(api.as("ptcenter").get("/api/assessment/pay/ptcenter/2026-11").status())
        .isEqualTo(404);
    assertThat(api.as("payapi1").get("/api/assessment/pay?townshipCode=PT&month=2026-11").status())
        .isEqualTo(403);
    assertThat(api.as("center1").get("/api/assessment/pay?townshipCode=PT&month=2026-11").status())
        .isEqualTo(403);
  }

  @Test
  @DisplayName("A1: bad months, quarters and parameters are 400 naming each one; unknowns 404")
  void badInput() {
    Reply month = api.as("payapi1").get("/api/assessment/pay/payapi1/2026-13");
    assertThat(month.status()).isEqualTo(400);
    assertThat(month.json().get("errors").get(0).get("field").asText()).isEqualTo("month");
    Reply none = api.as("ptcenter").get("/api/assessment/pay");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().get("errors"))
        .extracting(e -> e.get("field").asText())
        .containsExactly("townshipCode", "month");
    Reply both =
        api.as("ptcenter").get("/api/assessment/pay?townshipCode=PT&month=2026-11&quarter=2026-Q4");
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.json().get("errors").get(0).get("field").asText()).isEqualTo("quarter");
    Reply quarter = api.as("ptcenter").get("/api/assessment/pay?townshipCode=PT&quarter=2026-Q5");
    assertThat(quarter.status()).isEqualTo(400);
    assertThat(quarter.json().get("errors").get(0).get("field").asText()).isEqualTo("quarter");
    assertThat(api.as("admin").get("/api/assessment/pay?townshipCode=XX&month=2026-11").status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("A1/A2: the township's sheet of a month and the quarter's payment, JSON and Excel")
  void sheets() throws IOException {
    november();
    clock.set("2026-11-03T09:00");
    JsonNode sheet =
        api.as("ptcenter").get("/api/assessment/pay?townshipCode=PT&month=2026-11").json();
    assertThat(sheet.get("provisional").asBoolean()).isTrue();
    assertThat(sheet.get("settings").get("base").decimalValue()).isEqualByComparingTo("100");
    JsonNode row = row(sheet, "payapi1");
    assertThat(row.get("total").decimalValue()).isEqualByComparingTo("30");
    assertThat(row(sheet, "payapi2").get("total").decimalValue()).isEqualByComparingTo("20");

    Reply excel =
        api.as("ptcenter")
            .withHeader(
                "Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .get("/api/assessment/pay?townshipCode=PT&month=2026-11");
    assertThat(excel.status()).isEqualTo(200);
    assertThat(excel.contentType()).startsWith("application/vnd.openxmlformats");
    assertThat(excel.header("Content-Disposition")).contains("pay-2026-11.xlsx");
    byte[] file =
        api.as("ptsupervisor")
            .download("/api/assessment/pay?townshipCode=PT&month=2026-11&format=xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      Sheet s = workbook.getSheetAt(0);
      assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("报酬测试镇", "2026-11", "暂定");
      assertThat(s.getRow(1).getCell(2).getStringCellValue()).isEqualTo("网格员");
      assertThat(s.getRow(1).getCell(9).getStringCellValue()).isEqualTo("应发合计（元）");
      Row line = excelRow(s, "payapi1");
      assertThat(line.getCell(5).getNumericCellValue()).isEqualTo(1);
      assertThat(line.getCell(9).getNumericCellValue()).isEqualTo(30.0);
      assertThat(line.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("0.00");
    }

    JsonNode quarter =
        api.as("ptcenter").get("/api/assessment/pay?townshipCode=PT&quarter=2026-Q4").json();
    assertThat(quarter.get("quarter").asText()).isEqualTo("2026-Q4");
    assertThat(quarter.get("quarterOver").asBoolean()).isFalse();
    JsonNode q = row(quarter, "payapi1");
    // October 20 (no entries) + November 30 (as paid: the open entry not counted); December has
    // not begun: nothing of it is paid yet
    assertThat(q.get("months")).hasSize(2);
    assertThat(q.get("months").get(0).get("total").decimalValue()).isEqualByComparingTo("20");
    assertThat(q.get("months").get(1).get("total").decimalValue()).isEqualByComparingTo("30");
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode m : q.get("months")) {
      sum = sum.add(m.get("total").decimalValue());
    }
    assertThat(q.get("total").decimalValue()).isEqualByComparingTo(sum);
    byte[] quarterFile =
        api.as("ptcenter")
            .download("/api/assessment/pay?townshipCode=PT&quarter=2026-Q4&format=xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(quarterFile))) {
      Sheet s = workbook.getSheetAt(0);
      assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("季度发放表");
      assertThat(s.getRow(1).getCell(4).getStringCellValue()).isEqualTo("2026-10 应发（元）");
      Row line = excelRow(s, "payapi1");
      assertThat(line.getCell(6).getStringCellValue()).as("December not begun").isEqualTo("—");
      assertThat(line.getCell(12).getNumericCellValue()).isEqualTo(sum.doubleValue());
    }
  }

  @Test
  @DisplayName(
      "A1: pay settings — read by administrators, changed from a month not yet begun with who and"
          + " why, every problem named, the statement of each month by its own settings")
  void settings() {
    clock.set("2026-11-15T09:00");
    String path = "/api/admin/townships/PT/pay-settings";
    JsonNode view = api.as("admin").get(path).json();
    assertThat(view.get("currentMonth").asText()).isEqualTo("2026-11");
    assertThat(view.get("current").get("threshold").asInt()).isEqualTo(8);
    assertThat(api.as("ptcenter").get(path).status()).isEqualTo(403);

    Reply bad =
        api.as("admin")
            .put(
                path,
                "{\"base\": 100.123, \"deductionRate\": 120, \"threshold\": 8, \"maxDeduction\":"
                    + " 80, \"bonusClosed\": 20, \"bonusEscalated\": -1, \"cap\": 200,"
                    + " \"minRankedEntries\": 1, \"effectiveFrom\": \"2026-11\"}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("errors"))
        .extracting(e -> e.get("field").asText())
        .containsExactlyInAnyOrder(
            "effectiveFrom", "base", "deductionRate", "bonusEscalated", "reason");
    Reply month = api.as("admin").put(path, "{\"effectiveFrom\": \"2026-1\"}");
    assertThat(month.status()).isEqualTo(400);

    Reply changed =
        api.as("admin")
            .put(
                path,
                "{\"base\": 120, \"deductionRate\": 10, \"threshold\": 8, \"maxDeduction\": 80,"
                    + " \"bonusClosed\": 20, \"bonusEscalated\": 10, \"cap\": 200,"
                    + " \"minRankedEntries\": 1, \"reason\": \"镇党委会议决定提高基本报酬\"}");
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    JsonNode after = changed.json();
    assertThat(after.get("current").get("base").decimalValue()).isEqualByComparingTo("100");
    assertThat(after.get("next").get("base").decimalValue()).isEqualByComparingTo("120");
    assertThat(after.get("next").get("effectiveFrom").asText()).isEqualTo("2026-12");
    JsonNode last = after.get("history").get(0);
    assertThat(last.get("changedBy").asText()).isEqualTo("admin");
    assertThat(last.get("reason").asText()).isEqualTo("镇党委会议决定提高基本报酬");

    // payapi2 has no entries: 20% of the base — of 100 in November, of 120 in December
    assertThat(
            api.as("payapi2")
                .get("/api/assessment/pay/payapi2/2026-11")
                .json()
                .get("total")
                .decimalValue())
        .isEqualByComparingTo("20");
    assertThat(
            api.as("payapi2")
                .get("/api/assessment/pay/payapi2/2026-12")
                .json()
                .get("total")
                .decimalValue())
        .isEqualByComparingTo("24");
  }

  @Test
  @DisplayName(
      "A1: the township's officials read and change its pay settings — its center (the"
          + " assessment group) changes, its supervisors read, others 403, 404 for no township")
  void officialsChangeSettings() {
    clock.set("2026-11-16T09:00");
    String path = "/api/assessment/pay-settings/PT";
    Reply read = api.as("ptsupervisor").get(path);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().get("currentMonth").asText()).isEqualTo("2026-11");
    assertThat(api.as("payapi1").get(path).status()).isEqualTo(403);
    assertThat(api.as("center1").get(path).status()).as("another township's center").isEqualTo(403);
    assertThat(api.as("ptcenter").get("/api/assessment/pay-settings/NO-SUCH").status())
        .isEqualTo(404);
    String body =
        "{\"base\": 120, \"deductionRate\": 10, \"threshold\": 8, \"maxDeduction\": 80,"
            + " \"bonusClosed\": 20, \"bonusEscalated\": 10, \"cap\": 200,"
            + " \"minRankedEntries\": 1, \"reason\": \"镇综治中心按镇党委会议决定调整\"}";
    assertThat(api.as("ptsupervisor").put(path, body).status())
        .as("a supervisor reads, does not change")
        .isEqualTo(403);
    Reply changed = api.as("ptcenter").put(path, body);
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("history").get(0).get("changedBy").asText())
        .isEqualTo("ptcenter");
    assertThat(changed.json().get("next").get("base").decimalValue()).isEqualByComparingTo("120");
  }

  private static JsonNode row(JsonNode sheet, String username) {
    for (JsonNode item : sheet.get("items")) {
      if (item.get("username").asText().equals(username)) {
        return item;
      }
    }
    throw new AssertionError(username + " not on the sheet: " + sheet);
  }

  private static Row excelRow(Sheet sheet, String username) {
    for (Row row : sheet) {
      if (row.getCell(3) != null && username.equals(row.getCell(3).getStringCellValue())) {
        return row;
      }
    }
    throw new AssertionError(username + " not in the file");
  }
}
