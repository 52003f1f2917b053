package cn.gridcase.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.BrowserTestSupport;
import cn.gridcase.test.OverdueWork;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11.3 in a real browser (desktop window): the supervisor's 超期事项 page and its Excel export
 * (S1).
 */
class OverduePagesBrowserTests extends BrowserTestSupport {

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
      "S1 supervisor1 filters 超期事项 by village, then by grid, and sees only those rows, oldest"
          + " deadline first, in working days")
  void filterByVillageAndGrid() throws Exception {
    logIn("supervisor1", "demo");
    clickAndWaitForPage(find("section[data-role=SUPERVISOR] a[href='/supervision/overdue']"));
    assertThat(currentPath()).isEqualTo("/supervision/overdue");
    assertThat(browser.getTitle()).contains("超期事项");
    assertThat(references())
        .as("unfiltered: both events and the case")
        .contains(work.inV01G01, work.inV02G01, "案件 " + work.caseId);
    assertThat(rowOf("案件 " + work.caseId).findElements(By.cssSelector("td.ref a")))
        .as("the case's task is the investigators', not a supervisor's to open")
        .isEmpty();
    browser.manage().window().setSize(new Dimension(1280, 1040));
    screenshot("overdue-all");
    browser.manage().window().setSize(new Dimension(1280, 900));

    new Select(fieldLabelled("村（社区）")).selectByValue("GS-V02");
    clickAndWaitForPage(button("查询"));
    assertThat(browser.getCurrentUrl()).contains("villageCode=GS-V02");
    assertThat(rows())
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.getDomAttribute("data-village")).isEqualTo("GS-V02"));
    assertThat(references())
        .contains(work.inV02G01)
        .doesNotContain(work.inV01G01, "案件 " + work.caseId);
    assertThat(new Select(fieldLabelled("村（社区）")).getFirstSelectedOption().getText())
        .as("the choice is kept")
        .isNotEqualTo("全部");
    screenshot("overdue-village");

    new Select(fieldLabelled("村（社区）")).selectByValue("");
    new Select(fieldLabelled("网格")).selectByValue("GS-V01-G01");
    clickAndWaitForPage(button("查询"));
    assertThat(rows())
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.getDomAttribute("data-grid")).isEqualTo("GS-V01-G01"));
    assertThat(references()).contains(work.inV01G01).doesNotContain(work.inV02G01);
    WebElement row = rowOf(work.inV01G01);
    List<String> cells =
        row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    assertThat(cells)
        .containsExactly(
            work.inV01G01,
            "治安安全隐患：村口路灯不亮（超期测试）",
            "受理",
            "网格",
            cells.get(4),
            "张伟",
            "2026-10-09",
            String.valueOf(OverdueWork.EVENT_WORKING_DAYS_OVERDUE));
    assertThat(row.findElement(By.cssSelector("td.ref a")).getDomAttribute("href"))
        .isEqualTo("/supervision/events/" + work.inV01G01);
    List<String> dues =
        findAll("table.overdue-list time").stream()
            .map(t -> t.getDomAttribute("datetime"))
            .toList();
    assertThat(dues)
        .as("oldest deadline first")
        .isSortedAccordingTo(Comparator.comparing(d -> OffsetDateTime.parse(d).toInstant()));
    screenshot("overdue-grid");
  }

  @Test
  @DisplayName("S1 导出 Excel downloads 超期事项-<date>.xlsx holding exactly the filtered rows")
  void exportExcel() throws Exception {
    Path downloads = allowDownloads();
    logIn("supervisor1", "demo");
    open("/supervision/overdue?townshipCode=GS&villageCode=GS-V01");
    List<String> shown = references();
    assertThat(shown).contains(work.inV01G01).doesNotContain(work.inV02G01);
    find("a#export").click();
    Path file = awaitDownload(downloads, ".xlsx");
    assertThat(file.getFileName().toString()).isEqualTo("超期事项-2026-10-22.xlsx");
    try (InputStream in = Files.newInputStream(file);
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
          .contains("乡镇：古山镇")
          .contains("村（社区）：古山村");
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("事件编号/案件");
      List<String> exported = new ArrayList<>();
      for (int r = 2; r <= sheet.getLastRowNum(); r++) {
        exported.add(sheet.getRow(r).getCell(1).getStringCellValue());
      }
      assertThat(exported).isEqualTo(shown);
    }
  }

  @Test
  @DisplayName(
      "S1 C6 an investigator's 超期事项 lists only their cases' steps, each linking to its task in"
          + " Tasklist")
  void investigatorSeesOwnCases() throws Exception {
    logIn("investigator1", "demo");
    open("/supervision/overdue");
    assertThat(rows())
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.getDomAttribute("data-kind")).isEqualTo("CASE"));
    WebElement row = rowOf("案件 " + work.caseId);
    String taskId =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(String.valueOf(work.caseId))
            .taskDefinitionKey("InvestigateCaseTask")
            .singleResult()
            .getId();
    assertThat(row.findElement(By.cssSelector("td.ref a")).getDomAttribute("href"))
        .isEqualTo("/camunda/app/tasklist/default/#/?task=" + taskId);
    assertThat(row.getText())
        .contains("调查处理")
        .contains("待认领：马超")
        .contains("2026-10-20")
        .contains(String.valueOf(OverdueWork.CASE_WORKING_DAYS_OVERDUE));
    screenshot("overdue-investigator");
  }

  @Test
  @DisplayName("S1 a grid worker opening 超期事项 gets a Chinese 403 page, not a stack trace")
  void workerRefused() throws Exception {
    logIn("worker1", "demo");
    open("/supervision/overdue");
    assertThat(find("h1").getText()).isEqualTo("无权查看超期事项");
    assertThat(find("[role=alert]").getText()).contains("督办人员").contains("403");
    screenshot("overdue-refused");
  }

  private List<WebElement> rows() {
    return findAll("table.overdue-list tbody tr");
  }

  private List<String> references() {
    return findAll("table.overdue-list tbody td.ref").stream().map(WebElement::getText).toList();
  }

  private WebElement rowOf(String reference) {
    return rows().stream()
        .filter(r -> r.findElement(By.cssSelector("td.ref")).getText().equals(reference))
        .findFirst()
        .orElseThrow();
  }
}
