package cn.gridcase.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.event.Events;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.security.UserAccounts;
import cn.gridcase.test.BrowserTestSupport;
import cn.gridcase.test.ControlledClock;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pay pages in a real browser (chromium, zh-CN): 我的报酬 on a phone, the township's 报酬表 and 排名 for
 * the township center, 报酬设置 for an administrator (A1–A3, A9).
 */
class PayPagesBrowserTests extends BrowserTestSupport {

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
    grid = workers.worker("paybr1", 9);
  }

  /** paybr1's January 2027: one closed entry, one open (the month is provisional). */
  private void january() {
    clock.set("2027-01-05T09:00");
    if (!organisation.appointmentsOf("paybr1").isEmpty()
        && api.as("paybr1").get("/api/assessment/pay/paybr1/2027-01").json().get("entries").asInt()
            > 0) {
      clock.set("2027-01-06T09:00");
      return;
    }
    String closed = workers.report("paybr1", grid, false, false);
    events.resolve(closed, "paybr1", Map.of("result", "已整改"));
    clock.set("2027-01-05T10:00");
    workers.report("paybr1", grid, false, false);
    clock.set("2027-01-06T09:00");
  }

  @Test
  @DisplayName(
      "A1–A3 我的报酬 on a phone: from the home page, this month's provisional statement with every"
          + " line's event number, outcome and why; 我的报酬 and 我的考核 in the grid worker's header")
  void mine() throws Exception {
    january();
    browser.manage().window().setSize(new Dimension(360, 640));
    logIn("paybr1", "demo");
    clickAndWaitForPage(find("section[data-role=GRID_WORKER]").findElement(By.linkText("我的报酬")));
    assertThat(currentPath()).isEqualTo("/assessment/pay");
    assertThat(find("h1").getText()).isEqualTo("我的报酬");
    assertThat(find("#pay-state").getText()).startsWith("暂定");
    assertThat(find("#pay-entries").getText()).isEqualTo("2");
    assertThat(find("#pay-counted").getText()).isEqualTo("1");
    assertThat(find("#pay-total").getText()).isEqualTo("30.00 元");
    assertThat(findAll("#pay-lines li")).hasSize(2);
    assertThat(find("#pay-lines li[data-outcome=CLOSED]").getText()).contains("按期办结", "计入基本报酬");
    assertThat(find("#pay-lines li[data-outcome=OPEN]").getText()).contains("办理中", "暂定");
    assertThat(find(".worker-nav a[aria-current=page]").getText())
        .as("我的报酬 is one of the grid worker's pages, under their header")
        .isEqualTo("我的报酬");
    assertNoHorizontalScroll();
    fullPageScreenshot("pay-phone");

    clickAndWaitForPage(find(".worker-nav").findElement(By.linkText("我的考核")));
    assertThat(currentPath()).isEqualTo("/assessment/mine");
    assertThat(find(".worker-nav a[aria-current=page]").getText()).isEqualTo("我的考核");
    clickAndWaitForPage(find(".worker-nav").findElement(By.linkText("我的报酬")));
    assertThat(currentPath()).isEqualTo("/assessment/pay");
  }

  @Test
  @DisplayName(
      "A1/A9 the township center: 网格员报酬表 with its Excel link, the quarter, and 排名 from the"
          + " home page")
  void sheetAndRankings() {
    january();
    logIn("ptcenter", "demo");
    clickAndWaitForPage(
        find("section[data-role=EVENT_HANDLER]").findElement(By.linkText("网格员报酬表")));
    assertThat(currentPath()).isEqualTo("/assessment/pay-sheet");
    assertThat(find("#sheet-title").getText()).isEqualTo("2027-01 报酬表");
    assertThat(find("#sheet tr[data-username=paybr1]").getText()).contains("30.00", "暂定");
    assertThat(find("#sheet-excel").getDomAttribute("href"))
        .contains("format=xlsx", "month=2027-01");
    assertThat(find("#sheet-settings").getText()).contains("基本报酬 100.00 元");
    fieldLabelled("或季度").sendKeys("2027-Q1");
    ((JavascriptExecutor) browser).executeScript("document.getElementById('month').value = ''");
    clickAndWaitForPage(button("查看"));
    assertThat(find("#sheet-title").getText()).startsWith("2027-Q1 季度发放表");
    assertThat(find("#sheet thead").getText()).contains("2027-01 应发（元）", "2027-03 应发（元）");

    open("/");
    clickAndWaitForPage(find("section[data-role=EVENT_HANDLER]").findElement(By.linkText("排名")));
    assertThat(currentPath()).isEqualTo("/assessment/rankings");
    assertThat(find("h1").getText()).contains("网格员排名", "2027-01");
    assertThat(find("#ranking tbody tr").getText()).contains("1", "PT-V01-G09", "100.0%");
  }

  @Test
  @DisplayName(
      "A1 报酬设置: an administrator changes the base from next month; a missing reason is shown"
          + " next to its field; the change is kept with who and why; the township's supervisor"
          + " reads it without a form")
  void settings() {
    clock.set("2027-02-10T09:00");
    logIn("admin", "demo");
    open("/assessment/pay-settings?townshipCode=PT");
    assertThat(find("h1").getText()).isEqualTo("报酬测试镇 报酬设置");
    fieldLabelled("基本报酬（元）").clear();
    fieldLabelled("基本报酬（元）").sendKeys("110");
    clickAndWaitForPage(button("保存"));
    assertThat(find("#reason-error").getText()).contains("修改原因");
    assertThat(fieldLabelled("基本报酬（元）").getDomProperty("value")).isEqualTo("110");
    fieldLabelled("修改原因").sendKeys("镇务会决定");
    clickAndWaitForPage(button("保存"));
    assertThat(find("#settings-next").getText()).startsWith("2027-03：基本报酬 110.00 元");
    assertThat(find("#settings-current").getText()).doesNotContain("110.00");
    assertThat(find("#settings-history").getText()).contains("系统管理员", "镇务会决定");

    browser.manage().deleteAllCookies();
    logIn("ptsupervisor", "demo");
    open("/assessment/pay-settings?townshipCode=PT");
    assertThat(find("#settings-history").getText()).as("a supervisor reads").contains("镇务会决定");
    assertThat(findAll("form[action$='/assessment/pay-settings']"))
        .as("but does not change")
        .isEmpty();
    assertThat(find("p.note").getText()).contains("综治中心（考核小组）");
  }

  private void assertNoHorizontalScroll() {
    Object wide =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.documentElement.scrollWidth -"
                    + " document.documentElement.clientWidth");
    assertThat(((Number) wide).intValue()).as("no horizontal scroll").isLessThanOrEqualTo(0);
  }
}
