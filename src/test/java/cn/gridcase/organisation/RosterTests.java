package cn.gridcase.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.organisation.internal.IdCardNumber;
import cn.gridcase.organisation.internal.Roster;
import cn.gridcase.organisation.internal.RosterColumn;
import cn.gridcase.organisation.internal.RosterFiles;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Roster import and export through HTTP (rules G1–G5 applied to every row). */
class RosterTests extends ApiTestSupport {

  private static final AtomicInteger SEQUENCE = new AtomicInteger(500);
  private static final String HEADER =
      "unitCode,gridName,villageCode,gridType,households,population,realName,"
          + "idCardNumber,phone,education,currentPost,exclusions,role,startsOn,username";

  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName(
      "G1/G3 a 2,000-row XLSX roster (1,000 new grids, a worker and a volunteer each) imports"
          + " through HTTP in one request")
  void largeXlsxImport() throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      String grid = String.format("GS-V07-R%04d", i);
      rows.add(
          new String[] {
            grid,
            "花名册网格" + i,
            "GS-V07",
            "RURAL",
            "400",
            "1000",
            "网格员" + i,
            number(1990),
            "139" + String.format("%08d", i),
            "SENIOR_HIGH",
            "",
            "",
            "GRID_WORKER",
            "2026-01-01",
            ""
          });
      rows.add(
          new String[] {
            grid,
            "",
            "",
            "",
            "",
            "",
            "志愿者" + i,
            number(1985),
            "",
            "JUNIOR_HIGH",
            "",
            "",
            "GRID_VOLUNTEER",
            "2026-01-01",
            ""
          });
    }
    byte[] xlsx = xlsx(rows);
    Reply reply = api.as("admin").postFile("/api/roster/import", "file", "roster.xlsx", xlsx);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().get("rows").asInt()).isEqualTo(2000);
    assertThat(reply.json().get("gridsCreated").asInt()).isEqualTo(1000);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from appointment a join org_unit u on u.code = a.unit_code"
                    + " where u.code like 'GS-V07-R%'",
                Integer.class))
        .isEqualTo(2000);
    JsonNode worker =
        api.as("admin").get("/api/grids/GS-V07-R0500/responsible?on=2026-03-01").json();
    assertThat(worker.get("people").get(0).get("name").asText()).isEqualTo("网格员500");
  }

  @Test
  @DisplayName(
      "G3/G5 a roster with 3 bad rows imports nothing and reports exactly those 3, with row and"
          + " column")
  void badRowsImportNothing() {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int i = 1; i <= 10; i++) {
      String grid = String.format("GS-V08-B%03d", i);
      String id = number(1991);
      String role = "GRID_WORKER";
      String unit = grid;
      if (i == 3) {
        id = "110101199003071234"; // wrong check digit
      }
      if (i == 6) {
        role = "GRID_CHIEF"; // no such role
      }
      if (i == 9) {
        unit = "GS-V08-B008"; // a second worker for the grid of row 8 (file row 9)
      }
      csv.append(
              String.join(
                  ",",
                  unit,
                  "坏行网格" + i,
                  "GS-V08",
                  "RURAL",
                  "400",
                  "1000",
                  "人员" + i,
                  id,
                  "",
                  "SENIOR_HIGH",
                  "",
                  "",
                  role,
                  "2026-01-01",
                  ""))
          .append('\n');
    }
    Reply reply =
        api.as("admin")
            .postFile(
                "/api/roster/import",
                "file",
                "roster.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
    assertThat(reply.isProblem()).isTrue();
    JsonNode errors = reply.json().get("errors");
    assertThat(errors).hasSize(3);
    assertThat(errors.findValuesAsText("row")).containsExactly("4", "7", "10");
    assertThat(errors.findValuesAsText("column"))
        .containsExactly("idCardNumber", "role", "unitCode");
    assertThat(errors.findValuesAsText("code"))
        .containsExactly("G3.idCard", "roster.value", "G3.oneWorkerPerGrid");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from org_unit where code like 'GS-V08-B%'", Integer.class))
        .as("nothing imported")
        .isZero();
  }

  @Test
  @DisplayName(
      "issue 10 item 5: a roster cell with a control character is refused with its row and column;"
          + " nothing is imported")
  void controlCharacterInCell() {
    String csv =
        HEADER
            + "\n"
            + String.join(
                ",",
                "GS-V08-X001",
                "控制\u0000网格",
                "GS-V08",
                "RURAL",
                "400",
                "1000",
                "王\u001b五",
                number(1990),
                "",
                "SENIOR_HIGH",
                "",
                "",
                "GRID_WORKER",
                "2026-01-01",
                "")
            + "\n";
    Reply reply =
        api.as("admin")
            .postFile(
                "/api/roster/import", "file", "roster.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
    assertThat(reply.json().get("errors").findValuesAsText("code")).contains("text.control");
    assertThat(reply.json().get("errors").findValuesAsText("column"))
        .contains("gridName", "realName");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from org_unit where code = 'GS-V08-X001'", Integer.class))
        .isZero();
  }

  @Test
  @DisplayName("G5 a roster row for an ineligible grid worker names every reason in its row")
  void ineligibleRow() {
    String csv =
        HEADER
            + "\n"
            + String.join(
                ",",
                "GS-V08-C001",
                "资格网格",
                "GS-V08",
                "RURAL",
                "400",
                "1000",
                "不符者",
                number(1960),
                "",
                "PRIMARY",
                "TOWNSHIP_CADRE",
                "DETAINED;DISHONEST",
                "GRID_WORKER",
                "2026-01-01",
                "")
            + "\n";
    Reply reply =
        api.as("admin")
            .postFile(
                "/api/roster/import", "file", "roster.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().get("errors").findValuesAsText("code"))
        .containsExactlyInAnyOrder(
            "G5.detained", "G5.dishonest", "G5.S1.age", "G5.S1.education", "G5.S1.post");
    assertThat(reply.json().get("errors").findValuesAsText("row")).containsOnly("2");
  }

  @Test
  @DisplayName(
      "the export writes the same format, with the full id-card number for administrators, and"
          + " imports back")
  void exportSameFormat() throws IOException {
    String csv =
        new String(
            api.as("admin").download("/api/roster/export?format=csv"), StandardCharsets.UTF_8);
    assertThat(csv).contains("单位编码,网格名称,所属村社区,网格类型,户数,人口,姓名,身份证号");
    assertThat(csv)
        .contains("GS-V01-G01,古山村第1网格,GS-V01,URBAN_COMMUNITY")
        .contains("张伟")
        .contains("worker1");
    byte[] xlsx = api.as("admin").download("/api/roster/export?format=xlsx");
    List<List<String>> rows = RosterFiles.read(new ByteArrayInputStream(xlsx), true);
    assertThat(rows.get(0)).containsExactlyElementsOf(Roster.header());
    assertThat(rows).anySatisfy(row -> assertThat(row).contains("worker1", "GRID_WORKER"));
    assertThat(
            IdCardNumber.normalise(
                rows.stream()
                    .filter(row -> row.contains("worker1"))
                    .findFirst()
                    .orElseThrow()
                    .get(RosterColumn.ID_CARD_NUMBER.ordinal())))
        .as("a valid, full number")
        .isNotNull();
    // re-importing the export refuses the existing grid workers again (G3), and changes nothing
    Reply again = api.as("admin").postFile("/api/roster/import", "file", "roster.xlsx", xlsx);
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.json().get("errors").findValuesAsText("code")).contains("G3.oneWorkerPerGrid");
  }

  @Test
  @DisplayName("a file that is not CSV or XLSX is a 400 naming the file")
  void wrongFile() {
    Reply reply =
        api.as("admin").postFile("/api/roster/import", "file", "roster.pdf", new byte[] {1, 2, 3});
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
    Reply broken =
        api.as("admin").postFile("/api/roster/import", "file", "roster.xlsx", new byte[] {1, 2, 3});
    assertThat(broken.status()).isEqualTo(400);
    // beyond 4 KB POI looks for the zip signature and fails with a ZipException instead
    Reply csvNamedXlsx =
        api.as("admin")
            .postFile(
                "/api/roster/import",
                "file",
                "roster.xlsx",
                (HEADER + "\n" + "GS-V01-G01,网格,张三,110101199001011234,GRID_WORKER\n".repeat(100))
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(csvNamedXlsx.status()).as(csvNamedXlsx.toString()).isEqualTo(400);
    assertThat(csvNamedXlsx.json().get("errors").get(0).get("code").asText())
        .isEqualTo("roster.format");
  }

  private static String number(int birthYear) {
    return IdCardNumber.forBirthDate(
        "330781",
        LocalDate.of(birthYear, 1, 1).plusDays(SEQUENCE.get() % 300),
        SEQUENCE.incrementAndGet());
  }

  private static byte[] xlsx(List<String[]> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("花名册");
      Row header = sheet.createRow(0);
      String[] names = HEADER.split(",");
      for (int c = 0; c < names.length; c++) {
        header.createCell(c).setCellValue(names[c]);
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
