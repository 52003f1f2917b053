package cn.gridcase.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.organisation.internal.RosterFiles;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.ControlledClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The special-group register of a grid (A4 item 5) through HTTP with real logins: who registers and
 * records a leaving, the scope, every problem named, and the register in the roster's export and
 * import (an XLSX sheet of its own, or a CSV file of its own).
 */
class SpecialPersonApiTests extends ApiTestSupport {

  @Autowired ManagementService managementService;

  @BeforeEach
  void clock() {
    new ControlledClock(managementService).set("2026-11-18T10:00");
  }

  @Test
  @DisplayName(
      "A4 the grid's worker, the village's station and the township center register special-group"
          + " persons; a person leaves by an end date with a reason and stays listed; other users"
          + " in scope 403, out of scope 404; every problem named (A4.name, A4.group,"
          + " A4.registeredOn, A4.duplicate, A4.leftOn, A4.leftReason)")
  void registerAndLeave() {
    Reply byWorker =
        api.as("worker2")
            .post(
                "/api/grids/GS-V01-G02/special-persons",
                "{\"name\": \"何玉珍\", \"group\": \"POOR_PARTY_MEMBER\", \"household\": \"6组2号\"}");
    assertThat(byWorker.status()).as(byWorker.toString()).isEqualTo(201);
    assertThat(byWorker.json().get("groupLabel").asText()).isEqualTo("困难党员");
    assertThat(byWorker.json().get("registeredOn").asText()).isEqualTo("2026-11-18");
    assertThat(byWorker.json().get("registeredBy").asText()).isEqualTo("worker2");
    long id = byWorker.json().get("id").asLong();
    assertThat(byWorker.location()).isEqualTo("/api/grids/GS-V01-G02/special-persons/" + id);
    assertThat(api.as("station1").get(byWorker.location()).status()).isEqualTo(200);
    assertThat(
            api.as("station1")
                .post(
                    "/api/grids/GS-V01-G02/special-persons",
                    "{\"name\": \"何玉兰\", \"group\": \"残疾人\"}")
                .status())
        .as("by the Chinese label too")
        .isEqualTo(201);
    assertThat(
            api.as("center1")
                .post(
                    "/api/grids/GS-V01-G02/special-persons",
                    "{\"name\": \"何大山\", \"group\": \"MIGRANT\"}")
                .status())
        .isEqualTo(201);

    Reply refused =
        api.as("worker2")
            .post(
                "/api/grids/GS-V01-G02/special-persons",
                "{\"name\": \" \", \"group\": \"VIP\", \"registeredOn\": \"2026-11-19\"}");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("errors").findValuesAsText("code"))
        .containsExactlyInAnyOrder("A4.name", "A4.group", "A4.registeredOn");
    assertThat(refused.json().get("errors").findValuesAsText("message"))
        .anyMatch(m -> m.contains("DRUG_REHAB 社区戒毒人员"));
    Reply twice =
        api.as("worker2")
            .post(
                "/api/grids/GS-V01-G02/special-persons",
                "{\"name\": \"何玉珍\", \"group\": \"POOR_PARTY_MEMBER\", \"household\": \"6组2号\"}");
    assertThat(twice.json().get("errors").findValuesAsText("code")).containsExactly("A4.duplicate");

    for (String user : List.of("worker1", "supervisor1", "arealeader1", "instructor1")) {
      int expected = user.equals("instructor1") ? 201 : 403;
      assertThat(
              api.as(user)
                  .post(
                      "/api/grids/GS-V01-G02/special-persons",
                      "{\"name\": \"" + user + "登记\", \"group\": \"MIGRANT\"}")
                  .status())
          .as(user)
          .isEqualTo(user.equals("worker1") ? 404 : expected);
    }
    assertThat(api.as("worker3").get("/api/grids/GS-V01-G02/special-persons").status())
        .isEqualTo(404);
    assertThat(api.as("safety1").get("/api/grids/GS-V01-G02/special-persons").status())
        .isEqualTo(404);

    Reply noReason =
        api.as("worker2")
            .post(
                "/api/grids/GS-V01-G02/special-persons/" + id + "/leave",
                "{\"leftOn\": \"2026-11-17\"}");
    assertThat(noReason.json().get("errors").findValuesAsText("code"))
        .containsExactlyInAnyOrder("A4.leftOn", "A4.leftReason");
    Reply left =
        api.as("worker2")
            .post(
                "/api/grids/GS-V01-G02/special-persons/" + id + "/leave", "{\"reason\": \"已脱贫\"}");
    assertThat(left.status()).as(left.toString()).isEqualTo(200);
    assertThat(left.json().get("leftOn").asText()).isEqualTo("2026-11-18");
    assertThat(
            api.as("worker2")
                .post(
                    "/api/grids/GS-V01-G02/special-persons/" + id + "/leave",
                    "{\"reason\": \"再次\"}")
                .status())
        .isEqualTo(409);
    assertThat(
            api.as("supervisor1")
                .post(
                    "/api/grids/GS-V01-G02/special-persons/" + id + "/leave", "{\"reason\": \"x\"}")
                .status())
        .isEqualTo(403);

    new ControlledClock(managementService).set("2026-11-19T10:00");
    JsonNode current = api.as("worker2").get("/api/grids/GS-V01-G02/special-persons").json();
    assertThat(current.get("items").findValuesAsText("name")).doesNotContain("何玉珍");
    JsonNode all =
        api.as("worker2").get("/api/grids/GS-V01-G02/special-persons?includeLeft=true").json();
    assertThat(all.get("items").findValuesAsText("name")).contains("何玉珍");
    assertThat(api.as("worker2").get("/api/grids/GS-V01-G01/special-persons/" + id).status())
        .as("not of that grid")
        .isEqualTo(404);
  }

  @Test
  @DisplayName(
      "A4 the roster carries the register: the XLSX export has a sheet 特殊人群 and the CSV a file"
          + " of its own (part=special-persons); importing a register registers persons and records"
          + " leavings by id, a bad row refuses the whole file naming sheet, row and column")
  void inTheRoster() throws IOException {
    api.as("worker3")
        .post(
            "/api/grids/GS-V02-G01/special-persons",
            "{\"name\": \"花名册登记\", \"group\": \"DRUG_REHAB\", \"household\": \"9组9号\"}");
    byte[] xlsx = api.as("admin").download("/api/roster/export?format=xlsx");
    List<RosterFiles.SheetRows> sheets = RosterFiles.readAll(new ByteArrayInputStream(xlsx), true);
    assertThat(sheets).extracting(RosterFiles.SheetRows::name).containsExactly("网格花名册", "特殊人群");
    assertThat(sheets.get(1).rows().get(0))
        .containsExactly("编号", "网格编码", "姓名", "人群类别", "住户", "登记日期", "离开日期", "离开原因");
    List<String> exported =
        sheets.get(1).rows().stream().filter(r -> r.contains("花名册登记")).findFirst().orElseThrow();
    assertThat(exported).contains("GS-V02-G01", "DRUG_REHAB", "9组9号");
    String csv =
        new String(
            api.as("admin").download("/api/roster/export?format=csv&part=special-persons"),
            StandardCharsets.UTF_8);
    assertThat(csv).contains("编号,网格编码,姓名,人群类别").contains("花名册登记");
    assertThat(api.as("admin").get("/api/roster/export?format=csv&part=other").status())
        .isEqualTo(400);

    String id = exported.get(0);
    byte[] bad =
        register(
            List.of(
                new String[] {"", "GS-V02-G01", "新登记甲", "MIGRANT", "1组1号", "2026-11-10", "", ""},
                new String[] {"", "GS-V02-G01", "", "VIP", "", "", "", ""},
                new String[] {"", "GS-V99-G09", "无此网格", "MIGRANT", "", "", "", ""},
                new String[] {id, "GS-V02-G01", "花名册登记", "DRUG_REHAB", "", "", "2026-11-18", ""}));
    Reply refused = api.as("admin").postFile("/api/roster/import", "file", "roster.xlsx", bad);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    JsonNode errors = refused.json().get("errors");
    assertThat(errors.findValuesAsText("code"))
        .containsExactlyInAnyOrder("A4.name", "A4.group", "G1.unit", "A4.leftReason");
    assertThat(errors.findValuesAsText("sheet")).containsOnly("特殊人群");
    assertThat(errors.findValuesAsText("row")).contains("3", "4", "5");
    assertThat(
            api.as("worker3")
                .get("/api/grids/GS-V02-G01/special-persons")
                .json()
                .get("items")
                .findValuesAsText("name"))
        .as("nothing imported")
        .doesNotContain("新登记甲");

    byte[] good =
        register(
            List.<String[]>of(
                new String[] {"", "GS-V02-G01", "新登记甲", "MIGRANT", "1组1号", "2026-11-10", "", ""},
                new String[] {
                  id, "GS-V02-G01", "花名册登记", "DRUG_REHAB", "9组9号", "", "2026-11-18", "解除社区戒毒"
                }));
    Reply imported = api.as("admin").postFile("/api/roster/import", "file", "roster.xlsx", good);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().get("specialPersons").asInt()).isEqualTo(1);
    assertThat(imported.json().get("specialPersonsLeft").asInt()).isEqualTo(1);
    JsonNode register =
        api.as("worker3").get("/api/grids/GS-V02-G01/special-persons?includeLeft=true").json();
    assertThat(register.get("items").findValuesAsText("name")).contains("新登记甲");
    JsonNode leaver = api.as("worker3").get("/api/grids/GS-V02-G01/special-persons/" + id).json();
    assertThat(leaver.get("leftReason").asText()).isEqualTo("解除社区戒毒");
    assertThat(leaver.get("leftBy").asText()).isEqualTo("admin");

    String csvFile = "网格编码,姓名,人群类别,住户\nGS-V02-G01,CSV登记,ENTITLED,2组5号\n";
    Reply fromCsv =
        api.as("admin")
            .postFile(
                "/api/roster/import",
                "file",
                "special-persons.csv",
                csvFile.getBytes(StandardCharsets.UTF_8));
    assertThat(fromCsv.status()).as(fromCsv.toString()).isEqualTo(200);
    assertThat(fromCsv.json().get("specialPersons").asInt()).isEqualTo(1);
    assertThat(fromCsv.json().get("appointments").asInt()).isZero();
  }

  /** A roster workbook with an empty appointments sheet and the register's rows. */
  private static byte[] register(List<String[]> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.createSheet("网格花名册");
      Sheet sheet = workbook.createSheet("特殊人群");
      String[] header = {"编号", "网格编码", "姓名", "人群类别", "住户", "登记日期", "离开日期", "离开原因"};
      Row first = sheet.createRow(0);
      for (int c = 0; c < header.length; c++) {
        first.createCell(c).setCellValue(header[c]);
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows.get(r).length; c++) {
          row.createCell(c).setCellValue(rows.get(r)[c]);
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
