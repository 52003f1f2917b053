package cn.gridcase.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.BrowserTestSupport;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The supervisor's pages in a real browser (Debian's chromium, desktop window): the 督办看板 turning
 * red after the demo clock passes a deadline, the drill-down, and 督办 and 催办 on an event's page.
 */
class SupervisionBoardBrowserTests extends BrowserTestSupport {

  static final String GRID = "GS-V02-G01";
  static final String REPORT =
      "{\"category\": \"HAZARD\", \"gridCode\": \""
          + GRID
          + "\", \"title\": \"桥头护栏松动\", \"occurredAt\": \"2026-11-01T08:30:00+08:00\","
          + " \"location\": \"二组桥头\", \"persons\": \"过往村民\", \"cause\": \"螺栓锈蚀\", \"course\":"
          + " \"群众来电反映，护栏晃动\", \"major\": false}";

  @BeforeEach
  void desktopWindow() {
    browser.manage().window().setSize(new Dimension(1366, 900));
  }

  @AfterEach
  void realTimeAgain() {
    api.as("admin").delete("/api/admin/clock");
  }

  private void demoClock(String now) {
    Reply reply = api.as("admin").put("/api/admin/clock", "{\"now\": \"" + now + "\"}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  /** Reported by the township center: the grid (worker3) accepts within 2 working days. */
  private String report() {
    Reply reported = api.as("center1").post("/api/events", REPORT);
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    return reported.json().get("number").asText();
  }

  private WebElement gridRow() {
    return find("#grids tr[data-unit='" + GRID + "']");
  }

  private int overdueCount() {
    return Integer.parseInt(
        gridRow().findElements(By.cssSelector("td.count")).get(3).getText().trim());
  }

  @Test
  @DisplayName(
      "S1 supervisor1 sees the 督办看板; after the demo clock passes the acceptance deadline the grid's"
          + " count turns red (text, not colour alone) and drills down to the event")
  void boardTurnsRed() throws Exception {
    demoClock("2026-11-02T09:00:00+08:00");
    String number = report();
    logIn("supervisor1", "demo");
    clickAndWaitForPage(find("section[data-role=SUPERVISOR]").findElement(By.linkText("督办看板")));
    assertThat(currentPath()).isEqualTo("/supervision");
    assertThat(find("h1").getText()).isEqualTo("督办看板");
    assertThat(find("#board-at").getText()).isEqualTo("2026-11-02 09:00");
    assertThat(findAll("#townships tr[data-unit=GS]")).hasSize(1);
    assertThat(findAll("#villages tbody tr")).hasSize(8);
    assertThat(findAll("#departments tbody tr")).hasSizeGreaterThanOrEqualTo(3);
    int before = overdueCount();
    if (before == 0) {
      // other tests of the shared context may have left overdue work in this grid: red only when
      // none did
      assertThat(gridRow().findElement(By.cssSelector("td.state")).getText())
          .isNotEqualTo("红 · 有超期");
    }
    screenshot("board-supervisor");

    demoClock("2026-11-05T09:00:00+08:00");
    browser.navigate().refresh();
    assertThat(find("#board-at").getText()).isEqualTo("2026-11-05 09:00");
    assertThat(overdueCount()).isEqualTo(before + 1);
    WebElement state = gridRow().findElement(By.cssSelector("td.state .badge"));
    assertThat(state.getText()).isEqualTo("红 · 有超期");
    assertThat(state.getDomAttribute("class")).contains("state-red");
    fullPageScreenshot("board-red");

    clickAndWaitForPage(gridRow().findElement(By.cssSelector("a[aria-label*='已超期']")));
    assertThat(currentPath()).isEqualTo("/supervision/steps");
    assertThat(find("h1").getText()).endsWith("· 已超期");
    WebElement row = find("#steps tr[data-event='" + number + "']");
    assertThat(row.getText())
        .contains("桥头护栏松动")
        .contains("受理")
        .contains("已超期 1 个工作日")
        .contains("2026-11-04 23:59");
    screenshot("board-drilldown");

    clickAndWaitForPage(row.findElement(By.linkText(number)));
    assertThat(currentPath()).isEqualTo("/supervision/events/" + number);
    assertThat(find("#open-stage").getText()).isEqualTo("受理");
    assertThat(find("#open-deadline").getText()).contains("2026-11-04 23:59").contains("已超期");
    assertThat(find(".steps-table").getText()).contains("超期受理");
  }

  @Test
  @DisplayName(
      "S1 督办 on the event's page: a refusal shows each problem next to its field with what was"
          + " typed kept; then a new deadline the page and the grid worker's API show; 催办 shows in"
          + " the history")
  void superviseAndUrge() throws Exception {
    demoClock("2026-11-05T09:00:00+08:00");
    String number = report();
    logIn("supervisor1", "demo");
    open("/supervision/events/" + number);
    assertThat(find("#open-deadline").getText()).contains("2026-11-09 23:59");

    fieldLabelled("督办期限（工作日）").sendKeys("11");
    clickAndWaitForPage(button("督办"));
    assertThat(find("#supervise-days-error").getText()).contains("1至10个工作日");
    assertThat(find("#supervise-message-error").getText()).isEqualTo("请填写督办意见");
    assertThat(fieldLabelled("督办期限（工作日）").getDomProperty("value")).isEqualTo("11");
    assertThat(fieldLabelled("督办期限（工作日）").getDomAttribute("aria-invalid")).isEqualTo("true");
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", find("#h-supervise"));
    assertThat(browser.switchTo().activeElement().getDomAttribute("id"))
        .as("focus on the first field to correct")
        .isEqualTo("supervise-days");
    screenshot("board-supervise-refused");

    WebElement days = fieldLabelled("督办期限（工作日）");
    days.clear();
    days.sendKeys("1");
    fieldLabelled("督办意见").sendKeys("请于明日前受理并报告");
    clickAndWaitForPage(button("督办"));
    assertThat(currentPath()).as("Post/Redirect/Get").isEqualTo("/supervision/events/" + number);
    // Thu Nov 5 + 1 working day = end of Fri Nov 6
    assertThat(find("#flash").getText()).contains("已督办").contains("2026-11-06").contains("1 个工作日");
    assertThat(find("#open-deadline").getText()).contains("2026-11-06 23:59");
    assertThat(find(".steps-table").getText()).contains("督办").contains("请于明日前受理并报告");
    assertThat(api.as("worker3").get("/api/events/" + number).json().get("acceptBy").asText())
        .as("the grid worker's view")
        .isEqualTo("2026-11-06T23:59:59+08:00");

    fieldLabelled("催办意见").sendKeys("群众反映强烈，请尽快处理");
    clickAndWaitForPage(button("催办"));
    assertThat(find("#flash").getText()).contains("已催办");
    List<WebElement> urges =
        find(".steps-table").findElements(By.xpath(".//tr[@data-action='URGED']"));
    assertThat(urges)
        .singleElement()
        .satisfies(r -> assertThat(r.getText()).contains("群众反映强烈，请尽快处理").contains("孙平"));
    fullPageScreenshot("board-event-supervised");
  }

  @Test
  @DisplayName("S1 a grid worker opening the board gets a Chinese 403 page")
  void workerRefused() throws Exception {
    logIn("worker1", "demo");
    open("/supervision");
    assertThat(find("h1").getText()).isEqualTo("无权访问");
    assertThat(find("[role=alert]").getText()).contains("督办看板供督办人员");
    open("/supervision/events/SJ-20000101-0001");
    assertThat(find("h1").getText()).isEqualTo("无权访问");
  }

  @Test
  @DisplayName(
      "A9 S1 the 督办看板 shows this month's first five grid workers and grids of the township as"
          + " 排名 and GET /api/supervision/rankings rank them, and links to the whole list")
  void rankingsOnTheBoard() throws Exception {
    // worker1 closes an entry of this month in their own grid: at least one grid worker and one
    // grid are ranked, whatever else the shared context holds
    String occurred = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).toString();
    Reply reported =
        api.as("worker1")
            .post(
                "/api/events",
                "{\"category\": \"SERVICE\", \"gridCode\": \"GS-V01-G01\", \"title\":"
                    + " \"路灯不亮\", \"occurredAt\": \""
                    + occurred
                    + "\", \"location\": \"村口\", \"persons\": \"村民\", \"cause\": \"灯泡损坏\","
                    + " \"course\": \"巡查发现\", \"major\": false}");
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    Reply resolved =
        api.as("worker1")
            .post(
                "/api/events/" + reported.json().get("number").asText() + "/resolve",
                "{\"result\": \"已更换灯泡\"}");
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    logIn("supervisor1", "demo");
    open("/supervision");
    String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    for (String scope : List.of("GRID_WORKER", "GRID")) {
      String id = "#ranking-GS-" + scope.toLowerCase().replace('_', '-');
      WebElement panel = find(id);
      assertThat(panel.findElement(By.tagName("h2")).getText())
          .isEqualTo("古山镇 " + month + (scope.equals("GRID") ? " 网格" : " 网格员") + "排名（前5名）");
      List<String> expected = new ArrayList<>();
      for (var item :
          api.as("supervisor1")
              .get(
                  "/api/supervision/rankings?period="
                      + month
                      + "&scope="
                      + scope
                      + "&townshipCode=GS")
              .json()
              .get("items")) {
        if (!item.get("rank").isNull() && expected.size() < 5) {
          expected.add(item.get("rank").asText() + " " + item.get("name").asText());
        }
      }
      List<String> shown =
          panel.findElements(By.cssSelector("tbody tr")).stream()
              .map(
                  tr -> {
                    List<WebElement> cells = tr.findElements(By.tagName("td"));
                    return cells.get(0).getText() + " " + cells.get(1).getText();
                  })
              .toList();
      assertThat(expected).as("worker1's closed entry ranks").isNotEmpty();
      assertThat(shown).as(id).isEqualTo(expected);
    }
    screenshot("board-rankings");
    clickAndWaitForPage(find("#ranking-GS-grid-worker").findElement(By.linkText("全部网格员排名")));
    assertThat(currentPath()).isEqualTo("/assessment/rankings");
    assertThat(find("h1").getText()).contains("排名");
  }
}
