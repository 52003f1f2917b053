package cn.gridcase.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.test.BrowserTestSupport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The township's grid-leader pages in a real browser (chromium, zh-CN; rules A7, A8, A9), reached
 * from the home page: 网格长考评 for the township center (the demo's survey of leader1, a survey and a
 * half-year review recorded through the forms), 年终奖励挂钩 and 年度考评 with its Excel for the section
 * head, on GS's quarters of {@value #YEAR} stored final as the quarter process leaves them; a grid
 * worker is refused. Everything written is about {@value #YEAR} (leader1 is GS-V01's leader since
 * 2023-01-01; the demo's survey is of last year) and removed after each test.
 */
class LeaderPagesBrowserTests extends BrowserTestSupport {

  private static final int YEAR = 2023;
  private static final String TRIGGER = AccountabilityProposals.LEADER_SURVEY_DISSATISFIED;

  @Autowired JdbcTemplate jdbc;

  private StoredQuarters stored;

  @BeforeEach
  void storedQuarters() {
    stored = new StoredQuarters(jdbc);
  }

  @AfterEach
  void cleanUp() {
    jdbc.update("update leader_survey set corrects_id = null where survey_year = ?", YEAR);
    jdbc.update("delete from leader_survey where survey_year = ?", YEAR);
    jdbc.update("update leader_review set corrects_id = null where review_year = ?", YEAR);
    jdbc.update("delete from leader_review where review_year = ?", YEAR);
    String evidence = "%" + YEAR + " 年度满意度测评%";
    jdbc.update(
        "delete from notification where kind = 'PROPOSAL_RAISED' and body like ?", evidence);
    jdbc.update(
        "delete from accountability_proposal where trigger = ? and evidence like ?",
        TRIGGER,
        evidence);
    stored.removeAll();
  }

  @Test
  @DisplayName(
      "A8 the township center opens 网格长考评 from the home page and reads leader1's published demo"
          + " survey (38 满意, 9 基本满意, 3 不满意, no proposal) and reviews; a negative count is"
          + " stopped by the browser, all zero is re-shown with the reason in Chinese and nothing"
          + " recorded; 8 of 22 不满意 is recorded (录入 names 赵敏, not the account) and says a"
          + " replacement proposal was raised, which the supervisor finds in 问责建议 dated 提出时间;"
          + " a half-year review refused without reasoning keeps the choices and is then recorded")
  void surveyAndReview() throws Exception {
    int demoYear = LocalDate.now(GridCaseTime.ZONE).getYear() - 1;
    logIn("center1", "demo");
    clickAndWaitForPage(find("section[data-role=EVENT_HANDLER]").findElement(By.linkText("网格长考评")));
    assertThat(currentPath()).isEqualTo("/assessment/leaders");
    assertThat(find("h1").getText()).isEqualTo("网格长考评");
    assertThat(find("p.lead").getText())
        .startsWith("古山镇 " + LocalDate.now(GridCaseTime.ZONE).getYear() + " 年");

    showYear(demoYear);
    assertThat(find("p.lead").getText()).startsWith("古山镇 " + demoYear + " 年");
    assertThat(cells(find("#surveys tr[data-leader=leader1]")))
        .startsWith("古山村", "刘洋", "38", "9", "3", "50", "6.00%", "无", "第 1 版");
    assertThat(find("#reviews").getText())
        .contains("上半年", "称职", "按时召开网格长例会")
        .contains("下半年", "基本称职", "有一次村级例会未按期召开");

    // a negative count: the number field's min=0 keeps the browser from sending the form
    new Select(field("#survey-form", "网格长")).selectByValue("leader1");
    type(field("#survey-form", "年度"), String.valueOf(YEAR));
    type(field("#survey-form", "满意（票）"), "-1");
    type(field("#survey-form", "基本满意（票）"), "0");
    type(field("#survey-form", "不满意（票）"), "0");
    find("#survey-form button[type=submit]").click();
    assertThat(field("#survey-form", "满意（票）").getDomProperty("validationMessage")).isNotBlank();
    assertThat((Boolean) script("return document.getElementById('survey-form').checkValidity()"))
        .isFalse();
    assertThat(findAll("#error-summary")).isEmpty();

    // all zero: sent, refused by the server, re-shown with the reason and the values typed
    type(field("#survey-form", "满意（票）"), "0");
    clickAndWaitForPage(button("录入测评"));
    assertThat(find("#error-summary").getText())
        .contains("未能保存，请修改")
        .contains("测评至少应有一份答卷（三项合计大于0）");
    assertThat(find("p.lead").getText()).startsWith("古山镇 " + YEAR + " 年");
    assertThat(find("section[aria-labelledby=surveys-heading]").getText())
        .as("nothing recorded")
        .contains("本年度尚未录入满意度测评。");
    assertThat(field("#survey-form", "年度").getDomProperty("value")).isEqualTo(String.valueOf(YEAR));
    assertThat(field("#survey-form", "满意（票）").getDomProperty("value")).isEqualTo("0");
    assertThat(new Select(field("#survey-form", "网格长")).getFirstSelectedOption().getText())
        .isEqualTo("刘洋（古山村）");

    // 8 of 22 不满意 is more than a third
    type(field("#survey-form", "满意（票）"), "10");
    type(field("#survey-form", "基本满意（票）"), "4");
    type(field("#survey-form", "不满意（票）"), "8");
    clickAndWaitForPage(button("录入测评"));
    assertThat(find("#flash").getText())
        .isEqualTo("已录入 刘洋 " + YEAR + " 年度满意度测评（第 1 版）：不满意超过三分之一，已提出撤换建议。");
    assertThat(findAll("#error-summary")).isEmpty();
    assertThat(find("p.lead").getText()).startsWith("古山镇 " + YEAR + " 年");
    List<String> recorded = cells(find("#surveys tr[data-leader=leader1]"));
    assertThat(recorded).startsWith("古山村", "刘洋", "10", "4", "8", "22", "36.36%", "已提出", "第 1 版");
    assertThat(recorded.get(9)).as("录入 by name").startsWith("赵敏 ").doesNotContain("center1");

    // a half-year review without reasoning: refused, the choices kept
    new Select(field("#review-form", "网格长")).selectByValue("leader1");
    assertThat(field("#review-form", "年度").getDomProperty("value")).isEqualTo(String.valueOf(YEAR));
    new Select(field("#review-form", "半年")).selectByVisibleText("下半年");
    new Select(field("#review-form", "考评结果")).selectByVisibleText("不称职");
    clickAndWaitForPage(button("录入考评"));
    assertThat(find("#error-summary").getText()).contains("请写明考评的依据和理由");
    assertThat(find("section[aria-labelledby=reviews-heading]").getText()).contains("本年度尚未录入半年考评。");
    assertThat(new Select(field("#review-form", "半年")).getFirstSelectedOption().getText())
        .as("the half chosen is kept")
        .isEqualTo("下半年");
    assertThat(new Select(field("#review-form", "考评结果")).getFirstSelectedOption().getText())
        .as("the result chosen is kept")
        .isEqualTo("不称职");
    field("#review-form", "考评依据和理由").sendKeys("下半年两次月例会未召开，网格员入户走访督促不力");
    clickAndWaitForPage(button("录入考评"));
    assertThat(find("#flash").getText()).isEqualTo("已录入 刘洋 " + YEAR + " 年下半年考评：不称职。");
    List<String> reviewed = cells(find("#reviews tbody tr"));
    assertThat(reviewed).startsWith("古山村", "刘洋", "下半年", "不称职", "下半年两次月例会未召开，网格员入户走访督促不力", "第 1 版");
    assertThat(reviewed.get(6)).as("录入 by name").startsWith("赵敏 ").doesNotContain("center1");
    assertThat(find("#surveys tr[data-leader=leader1]").getText()).contains("已提出");
    fullPageScreenshot("leaders-recorded");

    // the proposal is the supervisor's to decide
    browser.manage().deleteAllCookies();
    logIn("supervisor1", "demo");
    clickAndWaitForPage(find("section[data-role=SUPERVISOR]").findElement(By.linkText("问责建议")));
    List<WebElement> raised =
        findAll("article.proposal").stream()
            .filter(a -> a.getText().contains(YEAR + " 年度满意度测评"))
            .toList();
    assertThat(raised).hasSize(1);
    WebElement proposal = raised.get(0);
    assertThat(proposal.findElement(By.cssSelector("h2")).getText()).contains("网格长满意度测评不满意超过三分之一");
    assertThat(proposal.findElement(By.cssSelector(".badge")).getText()).isEqualTo("待处理");
    assertThat(proposal.findElement(By.cssSelector("dl.evidence")).getText())
        .contains("刘洋（网格长，古山村）")
        .contains("满意 10、基本满意 4、不满意 8，共 22 份")
        .contains("36.36% 超过三分之一，建议撤换网格长")
        .as("raised when the survey was recorded, not an overdue step")
        .contains("提出时间")
        .doesNotContain("发现超期");
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true)", proposal);
    screenshot("leaders-proposal");
  }

  @Test
  @DisplayName(
      "A7 年终奖励挂钩 from the home page: each grid leader, instructor and area leader with their"
          + " grids and those grids' workers' averages, the mean, its band and the 30% tied; 暂定"
          + " while three quarters are final, no longer once the fourth is")
  void leaderBonus() throws Exception {
    threeFinalQuarters();
    logIn("head1", "demo");
    clickAndWaitForPage(find("section[data-role=SECTION_HEAD]").findElement(By.linkText("年终奖励挂钩")));
    assertThat(currentPath()).isEqualTo("/assessment/leader-bonus");
    assertThat(find("h1").getText()).isEqualTo("年终奖励挂钩");

    showYear(YEAR);
    assertThat(find("p.lead").getText())
        .startsWith("古山镇 " + YEAR + " 年")
        .contains("年终奖励的 30% 与所负责网格专职网格员的季度考核平均分挂钩");
    assertThat(find("#year-note").getText())
        .isEqualTo("暂定：" + YEAR + " 年已定档 3 个季度（共4个），其余季度定档后平均分和档次会变化");
    WebElement leader = find("#leader-bonus tr[data-username=leader1]");
    assertThat(cells(leader)).startsWith("刘洋", "网格长");
    assertThat(gridLines(leader))
        .containsExactly("古山村第1网格：92.00 分（3 个季度得分）", "古山村第2网格：80.00 分（3 个季度得分）");
    assertThat(cells(leader).subList(3, 6)).containsExactly("86.00", "合格", "30%");
    assertThat(cells(find("#leader-bonus tr[data-username=instructor1]")))
        .containsExactly("陈静", "网格指导员", cells(leader).get(2), "86.00", "合格", "30%");
    WebElement area = find("#leader-bonus tr[data-username=arealeader1]");
    assertThat(cells(area)).startsWith("徐刚", "工作片长");
    assertThat(gridLines(area))
        .hasSize(8)
        .contains("新塘村第1网格：65.00 分（3 个季度得分）", "新塘村第2网格：无已定档得分", "下洋村第2网格：无已定档得分");
    assertThat(cells(area).subList(3, 6)).containsExactly("79.00", "合格", "30%");
    assertThat(find("p.hint").getText()).isEqualTo("挂钩比例为默认的 30%（不得低于 30%）。");
    screenshot("leaders-bonus");

    long q4 = stored.quarter(YEAR + "-Q4", 1, "FINAL", false, YEAR);
    stored.worker(q4, "worker1", "GS-V01-G01", 9600, "EXCELLENT");
    stored.worker(q4, "worker2", "GS-V01-G02", 8400, "PASS");
    browser.navigate().refresh();
    assertThat(find("#year-note").getText()).isEqualTo(YEAR + " 年四个季度均已定档");
    assertThat(find("#year-note").getText()).doesNotContain("暂定");
    leader = find("#leader-bonus tr[data-username=leader1]");
    assertThat(gridLines(leader))
        .containsExactly("古山村第1网格：93.00 分（4 个季度得分）", "古山村第2网格：81.00 分（4 个季度得分）");
    assertThat(cells(leader).get(3)).isEqualTo("87.00");
  }

  @Test
  @DisplayName(
      "A9 年度考评 from the home page: each grid worker's grid by name, quarters with their grades,"
          + " 未定档 for the open one, the year's average and band under the 暂定 note; 导出 Excel"
          + " downloads 年度考评-GS-2023.xlsx with the same figures, the grid worker and village by"
          + " name")
  void yearlyEvaluation() throws Exception {
    threeFinalQuarters();
    Path downloads = allowDownloads();
    logIn("head1", "demo");
    clickAndWaitForPage(find("section[data-role=SECTION_HEAD]").findElement(By.linkText("年度考评")));
    assertThat(currentPath()).isEqualTo("/assessment/years");
    assertThat(find("h1").getText()).isEqualTo("年度考评");

    showYear(YEAR);
    assertThat(find("p.lead").getText()).startsWith("古山镇 " + YEAR + " 年");
    assertThat(find("#year-note").getText())
        .isEqualTo("暂定：" + YEAR + " 年已定档 3 个季度（共4个），年度平均分按已定档季度计算");
    assertThat(findAll("#year tbody tr")).hasSize(3);
    assertThat(cells(find("#year tr[data-username=worker1]")))
        .containsExactly(
            "古山村第1网格", "张伟", "92.00（优秀）", "94.00（优秀）", "90.00（优秀）", "未定档", "92.00", "优秀");
    assertThat(cells(find("#year tr[data-username=worker3]")))
        .containsExactly(
            "新塘村第1网格", "李娜", "60.00（不合格）", "65.00（不合格）", "70.00（合格）", "未定档", "65.00", "不合格");
    screenshot("leaders-year");

    WebElement excel = browser.findElement(By.linkText("导出 Excel"));
    assertThat(excel.getDomAttribute("href")).contains(String.valueOf(YEAR), "format=xlsx");
    excel.click();
    Path file = awaitDownload(downloads, ".xlsx");
    assertThat(file.getFileName().toString()).isEqualTo("年度考评-GS-" + YEAR + ".xlsx");
    try (InputStream in = Files.newInputStream(file);
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheet("年度考评");
      assertThat(sheet).isNotNull();
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
          .startsWith("古山镇 " + YEAR + " 年度网格员考评（暂定");
      Row head = sheet.getRow(1);
      assertThat(head.getCell(1).getStringCellValue()).isEqualTo("网格员");
      assertThat(head.getCell(2).getStringCellValue()).isEqualTo("账号");
      assertThat(head.getCell(4).getStringCellValue()).isEqualTo("村（社区）");
      assertThat(head.getCell(14).getStringCellValue()).isEqualTo("年度平均分");
      Row first = sheet.getRow(2);
      assertThat(first.getCell(1).getStringCellValue()).isEqualTo("张伟");
      assertThat(first.getCell(2).getStringCellValue()).isEqualTo("worker1");
      assertThat(first.getCell(3).getStringCellValue()).isEqualTo("GS-V01-G01");
      assertThat(first.getCell(4).getStringCellValue()).isEqualTo("古山村");
      assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(92.0);
      assertThat(first.getCell(11).getStringCellValue()).isEqualTo("未定档");
      assertThat(first.getCell(14).getNumericCellValue()).isEqualTo(92.0);
      assertThat(first.getCell(15).getStringCellValue()).isEqualTo("优秀");
      assertThat(sheet.getLastRowNum()).as("a row per grid worker").isEqualTo(4);
    }
  }

  @Test
  @DisplayName(
      "A7 A8 A9 a grid worker finds no link to the leader pages and opening them gets the Chinese"
          + " 403 page")
  void workerRefused() throws Exception {
    logIn("worker1", "demo");
    assertThat(find("main").getText()).doesNotContain("网格长考评", "年终奖励挂钩", "年度考评");
    for (String page :
        List.of("/assessment/leaders", "/assessment/leader-bonus", "/assessment/years")) {
      open(page);
      assertThat(find("h1").getText()).as(page).isEqualTo("无权办理");
      assertThat(find("section.page-error").getDomAttribute("data-status")).isEqualTo("403");
      assertThat(find("section.page-error").getText()).contains("您没有办理此项的权限").contains("错误代码 403");
      assertThat(browser.findElement(By.linkText("返回首页")).getDomAttribute("href")).isEqualTo("/");
    }
    screenshot("leaders-refused");
  }

  /** Sets the year of the page's filter and shows it (查看). */
  private void showYear(int year) {
    type(field("form.filters", "年度"), String.valueOf(year));
    clickAndWaitForPage(
        find("form.filters").findElement(By.xpath(".//button[normalize-space(.)='查看']")));
  }

  /** The input a label of this form names (the page has a 年度 and a 网格长 in several forms). */
  private WebElement field(String formCss, String label) {
    WebElement named =
        find(formCss).findElement(By.xpath(".//label[normalize-space(.)='" + label + "']"));
    return browser.findElement(By.id(named.getDomAttribute("for")));
  }

  private static void type(WebElement input, String text) {
    input.clear();
    input.sendKeys(text);
  }

  private Object script(String js) {
    return ((JavascriptExecutor) browser).executeScript(js);
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
  }

  private static List<String> gridLines(WebElement row) {
    return row.findElements(By.cssSelector("td ul li")).stream().map(WebElement::getText).toList();
  }

  /**
   * GS's first three quarters of {@value #YEAR} final, the fourth not yet: GS-V01-G01 (worker1) 92,
   * 94, 90 → 92.00; GS-V01-G02 (worker2) 80, 78, 82 → 80.00; GS-V02-G01 (worker3) 60, 65, 70 →
   * 65.00. leader1 and instructor1 (GS-V01): (92 + 80) / 2 = 86.00; arealeader1 (GS-V01–V04): (92 +
   * 80 + 65) / 3 = 79.00.
   */
  private void threeFinalQuarters() {
    int[][] scores = {{9200, 8000, 6000}, {9400, 7800, 6500}, {9000, 8200, 7000}};
    String[][] grades = {
      {"EXCELLENT", "PASS", "FAIL"}, {"EXCELLENT", "PASS", "FAIL"}, {"EXCELLENT", "PASS", "PASS"}
    };
    for (int q = 0; q < 3; q++) {
      long id = stored.quarter(YEAR + "-Q" + (q + 1), 1, "FINAL", false, YEAR);
      stored.worker(id, "worker1", "GS-V01-G01", scores[q][0], grades[q][0]);
      stored.worker(id, "worker2", "GS-V01-G02", scores[q][1], grades[q][1]);
      stored.worker(id, "worker3", "GS-V02-G01", scores[q][2], grades[q][2]);
    }
  }
}
