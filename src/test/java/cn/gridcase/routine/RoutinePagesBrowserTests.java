package cn.gridcase.routine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.SpecialPersonRequest;
import cn.gridcase.organisation.SpecialPersons;
import cn.gridcase.routine.WorkRecordRequest.CheckIn;
import cn.gridcase.security.UserAccounts;
import cn.gridcase.test.BrowserTestSupport;
import cn.gridcase.test.ControlledClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 我的日常工作 ({@code /routine}) in a real browser (Debian's chromium, zh-CN) on a phone-sized window
 * (360 × 640): one-tap check-in, patrol start and stop, a visit to a registered special person, a
 * refused visit, a diary, and 本周还差 / 本月还差 following what was recorded (S2, A4).
 */
class RoutinePagesBrowserTests extends BrowserTestSupport {

  @Autowired ManagementService managementService;
  @Autowired Organisation organisation;
  @Autowired UserAccounts accounts;
  @Autowired SpecialPersons specialPersons;
  @Autowired WorkRecords records;

  private ControlledClock clock;

  @BeforeEach
  void phoneAndClock() {
    browser.manage().window().setSize(new Dimension(360, 640));
    clock = new ControlledClock(managementService);
    clock.set("2026-12-02T08:40"); // Wednesday, a working day
  }

  @Test
  @DisplayName(
      "S2 A4 a grid worker on a phone: 打卡 in one tap, 开始巡查 and 结束巡查 (2 h 20 min), a visit to a"
          + " registered special person, a refused visit naming the missing household, a diary;"
          + " 本周还差 and 本月还差 follow what was recorded")
  void dayOnThePhone() throws Exception {
    String grid =
        new RoutineWorkers(organisation, accounts).worker("rp1", "GS-VRP1", GridType.RURAL);
    specialPersons.register(
        grid,
        new SpecialPersonRequest("周建国", "DISABLED", "2组7号", LocalDate.parse("2026-11-01")),
        "rp1");
    logIn("rp1", "demo");
    clickAndWaitForPage(find("section[data-role=GRID_WORKER]").findElement(By.linkText("我的日常工作")));
    assertThat(currentPath()).isEqualTo("/routine");
    assertThat(find("h1").getText()).isEqualTo("我的日常工作");
    assertThat(find(".worker-nav a[aria-current=page]").getText()).isEqualTo("日常工作");
    assertThat(find("#checkin-state").getText()).isEqualTo("今日尚未打卡");
    assertThat(find("#week").getText())
        .contains("本周还差（2026-W49）")
        .contains("民情日志还差 2 篇")
        .contains("走访家庭还差 2 户次")
        .contains("还须走访特殊人群：周建国")
        .contains("隐患排查还差 1 次")
        .contains("信息采集还差 2 条");
    assertThat(find("#month").getText()).contains("走访不同住户还差 20 户（已走访 0 户）");
    assertNoHorizontalScroll();
    fullPageScreenshot("routine-phone");

    clickAndWaitForPage(button("打卡"));
    assertThat(find("#notice").getText()).isEqualTo("已打卡（08:40）。");
    assertThat(find("#checkin-state").getText()).isEqualTo("今日已打卡（08:40）");

    clickAndWaitForPage(button("开始巡查"));
    assertThat(find("#patrol").getText()).contains("巡查中，08:40 开始");
    clock.moveBy(Duration.ofMinutes(140));
    fieldLabelled("巡查情况（可不填）").sendKeys("沿河堤和村道巡查");
    clickAndWaitForPage(button("结束巡查"));
    assertThat(find("#notice").getText()).isEqualTo("巡查已结束，本次 2 小时 20 分钟。");
    assertThat(find("#patrol-state").getText()).isEqualTo("今日巡查累计 2 小时 20 分钟，已满 2 小时");
    assertThat(browser.findElements(By.xpath("//button[normalize-space(.)='开始巡查']")))
        .as("a new patrol may start")
        .hasSize(1);

    new Select(fieldLabelled("走访对象")).selectByVisibleText("周建国（残疾人 · 2组7号）");
    clickAndWaitForPage(button("记录走访"));
    assertThat(find("#notice").getText()).isEqualTo("已记录走访：周建国（残疾人）2组7号。");
    assertThat(find("#week").getText()).contains("特殊人群本周均已走访");
    assertThat(find("#month").getText()).contains("还差 19 户（已走访 1 户）");

    new Select(fieldLabelled("走访对象")).selectByVisibleText("家庭（普通住户）");
    fieldLabelled("走访情况（可不填）").sendKeys("了解用水");
    clickAndWaitForPage(button("记录走访"));
    assertThat(find("#visit-household-error").getText()).startsWith("请填写走访的住户");
    assertThat(find("#error-summary").getText()).contains("有 1 处需要补充或更正");
    assertThat(fieldLabelled("走访情况（可不填）").getDomProperty("value"))
        .as("what was typed is kept")
        .isEqualTo("了解用水");
    assertThat(new Select(fieldLabelled("走访对象")).getFirstSelectedOption().getText())
        .isEqualTo("家庭（普通住户）");
    fullPageScreenshot("routine-phone-refused");
    fieldLabelled("住户").sendKeys("3组12号 王某家");
    clickAndWaitForPage(button("记录走访"));
    assertThat(find("#week").getText()).contains("走访家庭还差 1 户次");

    fieldLabelled("今日民情").sendKeys("群众反映村口路灯不亮，已报村委会");
    clickAndWaitForPage(button("保存日志"));
    assertThat(find("#notice").getText()).isEqualTo("民情日志已保存。");
    assertThat(find("#week").getText()).contains("民情日志还差 1 篇");
    assertThat(find("#recent").getText())
        .contains("民情日志")
        .contains("走访")
        .contains("巡查")
        .contains("08:40–11:00，2 小时 20 分钟")
        .contains("打卡");
    assertNoHorizontalScroll();
    fullPageScreenshot("routine-phone-done");

    JsonNode stored = api.as("rp1").get("/api/work/records?kind=PATROL").json();
    assertThat(stored.get("items").get(0).get("minutes").asInt()).isEqualTo(140);
    assertThat(stored.get("items").get(0).get("text").asText()).isEqualTo("沿河堤和村道巡查");
  }

  @Test
  @DisplayName(
      "S2 A4 the village station opens 网格员日常工作 from its home section: its grid workers with what"
          + " each fell short of in the week, and one worker's items with their dates and records")
  void stationSeesItsWorkers() throws Exception {
    RoutineWorkers workers = new RoutineWorkers(organisation, accounts);
    workers.worker("rp2", "GS-VRP2", GridType.RURAL);
    workers.appoint(
        "rp2station", "GS-VRP2", AppointmentRole.EVENT_HANDLER, RoutineWorkers.APPOINTED);
    records.checkIn(
        new CheckIn(ControlledClock.shanghai("2026-12-01T08:30"), null, null, null, null, null),
        "rp2");
    logIn("rp2station", "demo");
    clickAndWaitForPage(
        find("section[data-role=EVENT_HANDLER]").findElement(By.linkText("网格员日常工作")));
    assertThat(currentPath()).isEqualTo("/routine/workers");
    fieldLabelled("期间").clear();
    fieldLabelled("期间").sendKeys("2026-W49");
    clickAndWaitForPage(button("查看"));
    WebElement row = find("#workers tr[data-username=rp2]");
    List<String> cells =
        row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    assertThat(cells.get(0)).isEqualTo("日常工作测试网格");
    assertThat(cells.get(2)).as("未打卡: Monday 30 November").isEqualTo("1");
    assertThat(cells.get(3)).as("巡查不足: Monday and Tuesday").isEqualTo("2");
    assertThat(cells.get(9)).as("a week has no month").isEqualTo("—");
    assertThat(findAll("#workers tbody tr")).as("only the village's grids").hasSize(1);
    screenshot("routine-staff-workers");

    clickAndWaitForPage(row.findElement(By.tagName("a")));
    assertThat(currentPath()).isEqualTo("/routine/workers/rp2");
    assertThat(find("h1").getText()).isEqualTo("测试rp2 的日常工作");
    assertThat(find("#items").getText()).contains("每个工作日打卡").contains("2026-11-30");
    assertThat(find("#records").getText()).contains("打卡");
    open("/routine/workers/worker1?period=2026-W49");
    assertThat(find("h1").getText()).as("a worker of another village").isEqualTo("无权办理");
  }

  @Test
  @DisplayName("S2 a user who is no grid worker opening 我的日常工作 gets a Chinese 403 page")
  void notAGridWorker() {
    logIn("center1", "demo");
    open("/routine");
    assertThat(find("h1").getText()).isEqualTo("无权办理");
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
