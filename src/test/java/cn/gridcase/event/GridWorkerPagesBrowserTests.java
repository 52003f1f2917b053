package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.BrowserTestSupport;
import cn.gridcase.test.ControlledClock;
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
 * Issue 11 part 2 in a real browser (Debian's chromium, zh-CN) on a phone-sized window (360 × 640):
 * the grid worker reports, sees their events with deadlines in working days, resolves a dispute on
 * the event page, and reads the inbox.
 */
class GridWorkerPagesBrowserTests extends BrowserTestSupport {

  /**
   * Tuesday 2026-12-01 09:30 in Beijing: 5 working days of grid handling end on Tuesday 2026-12-08.
   */
  private static final String NOW = "2026-12-01T09:30";

  @Autowired ManagementService managementService;

  private ControlledClock clock;

  @BeforeEach
  void phoneAndClock() {
    browser.manage().window().setSize(new Dimension(360, 640));
    clock = new ControlledClock(managementService);
    clock.set(NOW);
  }

  @Test
  @DisplayName(
      "Issue 11.2 E2: worker1 reports a dispute on a 360×640 window, own grid preselected, and sees"
          + " the number and the handling deadline in working days")
  void reportsDisputeOnPhone() throws Exception {
    logIn("worker1", "demo");
    clickAndWaitForPage(find("section[data-role=GRID_WORKER]").findElement(By.linkText("上报事件")));
    assertThat(currentPath()).isEqualTo("/events/new");
    assertThat(new Select(fieldLabelled("所在网格")).getFirstSelectedOption().getDomAttribute("value"))
        .as("the worker's own grid is preselected")
        .isEqualTo("GS-V01-G01");
    assertNoHorizontalScroll();
    assertTouchTargets();

    new Select(fieldLabelled("事件类别")).selectByVisibleText("矛盾纠纷");
    fieldLabelled("标题").sendKeys("邻里漏水纠纷");
    setValue(fieldLabelled("发生时间"), "2026-12-01T08:10");
    fieldLabelled("地点").sendKeys("古山村3组12号");
    fieldLabelled("人物").sendKeys("李大山、王小河两户");
    fieldLabelled("起因").sendKeys("楼上卫生间漏水，渗到楼下");
    fieldLabelled("经过").sendKeys("两户争执，网格员到场查看并约定调解");
    fieldLabelled("当事人 1").sendKeys("李大山");
    fieldLabelled("联系电话 1").sendKeys("13800138001");
    fieldLabelled("当事人 2").sendKeys("王小河");
    fieldLabelled("联系电话 2").sendKeys("13800138002");
    assertThat(fieldLabelled("重大突发").isSelected()).isFalse();
    screenshotFromTop("worker-report-phone");

    clickAndWaitForPage(button("上报"));
    assertThat(find("h1").getText()).isEqualTo("上报成功");
    String number = find("#event-number").getText();
    assertThat(number).matches("SJ-20261201-\\d{4}");
    assertThat(find("#event-deadline").getText()).isEqualTo("2026-12-08（5 个工作日）");
    assertThat(find("dl.facts").getText()).contains("办理期限");
    assertNoHorizontalScroll();
    screenshot("worker-reported-phone");

    Reply stored = api.as("worker1").get("/api/events/" + number);
    assertThat(stored.json().get("category").asText()).isEqualTo("DISPUTE");
    assertThat(stored.json().get("occurredAt").asText()).isEqualTo("2026-12-01T08:10:00+08:00");
    assertThat(stored.json().get("parties")).hasSize(2);
    assertThat(stored.json().get("parties").get(1).get("phone").asText()).isEqualTo("13800138002");

    assertThat(browser.findElement(By.linkText("查看事件")).isDisplayed()).isTrue();
    clickAndWaitForPage(browser.findElement(By.linkText("再报一件")));
    assertThat(currentPath()).isEqualTo("/events/new");
    assertThat(fieldLabelled("标题").getDomProperty("value")).as("a fresh form").isEmpty();
  }

  @Test
  @DisplayName(
      "Issue 11.2 E2: a report missing elements shows each one next to its field in Chinese, a"
          + " linked summary has the focus, and what was typed is kept; nothing is stored")
  void refusedReportShowsEachMissingElement() throws Exception {
    long before = api.as("worker1").get("/api/events?size=1").json().get("total").asLong();
    logIn("worker1", "demo");
    open("/events/new");
    new Select(fieldLabelled("事件类别")).selectByVisibleText("矛盾纠纷");
    fieldLabelled("标题").sendKeys("宅基地边界纠纷");
    fieldLabelled("地点").sendKeys("古山村5组");
    fieldLabelled("当事人 1").sendKeys("赵一");
    fieldLabelled("联系电话 1").sendKeys("不是电话");
    clickAndWaitForPage(button("上报"));

    assertThat(currentPath()).isEqualTo("/events/new");
    assertThat(errorOf("occurredAt")).isEqualTo("请填写发生时间");
    assertThat(errorOf("persons")).isEqualTo("请填写人物（涉及哪些人）");
    assertThat(errorOf("cause")).isEqualTo("请填写起因（为什么发生）");
    assertThat(errorOf("course")).isEqualTo("请填写经过（事情是怎样发展的）");
    assertThat(errorOf("parties")).contains("矛盾纠纷须填写当事人双方（至少两人）").contains("矛盾纠纷须至少填写一位当事人的联系电话");
    assertThat(errorOf("party-0-phone")).startsWith("不是有效的电话号码");
    assertThat(findAll(".field-error")).as("no message for what was given").hasSize(6);
    assertThat(find("#title").getDomAttribute("aria-invalid")).isEqualTo("false");
    assertThat(find("#persons").getDomAttribute("aria-invalid")).isEqualTo("true");

    WebElement summary = find("#error-summary");
    assertThat(summary.getText())
        .contains("有 7 处需要补充或更正")
        .contains("发生时间：请填写发生时间")
        .contains("当事人 1 联系电话：不是有效的电话号码");
    assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.id"))
        .as("the summary has the focus")
        .isEqualTo("error-summary");
    assertThat(summary.findElements(By.cssSelector("a[href='#cause']"))).hasSize(1);

    assertThat(new Select(fieldLabelled("事件类别")).getFirstSelectedOption().getText())
        .isEqualTo("矛盾纠纷");
    assertThat(fieldLabelled("标题").getDomProperty("value")).isEqualTo("宅基地边界纠纷");
    assertThat(fieldLabelled("地点").getDomProperty("value")).isEqualTo("古山村5组");
    assertThat(fieldLabelled("当事人 1").getDomProperty("value")).isEqualTo("赵一");
    assertThat(fieldLabelled("联系电话 1").getDomProperty("value")).isEqualTo("不是电话");
    assertThat(new Select(fieldLabelled("所在网格")).getFirstSelectedOption().getDomAttribute("value"))
        .isEqualTo("GS-V01-G01");
    assertNoHorizontalScroll();
    screenshot("worker-report-refused-phone");
    assertThat(api.as("worker1").get("/api/events?size=1").json().get("total").asLong())
        .as("nothing stored")
        .isEqualTo(before);
  }

  @Test
  @DisplayName(
      "Issue 11.2 E4 T1: 我的事件 shows the event with its deadline in working days, red and 已超期 N 个工作日"
          + " once late; the event page shows every step; 我的任务 links to it")
  void myEventsWithDeadlinesAndHistory() throws Exception {
    String number = reportAsWorker1(EventLifecycle.HAZARD);
    logIn("worker1", "demo");
    clickAndWaitForPage(browser.findElement(By.linkText("我的事件")));
    assertThat(currentPath()).isEqualTo("/events/mine");
    WebElement item = inMyEvents(number);
    assertThat(item.getText())
        .contains("河堤护栏破损")
        .contains("办理中")
        .contains("网格")
        .contains("办理期限：2026-12-08")
        .contains("还剩 5 个工作日");
    assertThat(item.getDomAttribute("class")).doesNotContain("late");
    assertNoHorizontalScroll();

    // Monday 2026-12-14: 4 working days after the deadline (9, 10, 11, 14), 6 calendar days
    clock.moveToAndExecuteDueJobs(ControlledClock.shanghai("2026-12-14T10:00"));
    open("/events/mine");
    item = inMyEvents(number);
    assertThat(item.getText()).contains("已超期 4 个工作日").contains("曾超期");
    assertThat(item.findElement(By.cssSelector(".due-state")).getCssValue("color"))
        .as("red")
        .isEqualTo("rgba(138, 28, 18, 1)");
    screenshot("worker-my-events-phone");

    clickAndWaitForPage(item.findElement(By.linkText("河堤护栏破损")));
    assertThat(currentPath()).isEqualTo("/events/" + number);
    assertThat(find("#open-step-deadline").getText()).isEqualTo("2026-12-08");
    assertThat(find("#open-step-state").getText()).isEqualTo("已超期 4 个工作日");
    List<WebElement> steps = findAll("table.steps-table tbody tr");
    assertThat(steps)
        .extracting(row -> row.getDomAttribute("data-action"))
        .containsExactly("REPORTED", "ACCEPTED", "OVERDUE_HANDLING");
    assertThat(steps.get(1).getText()).contains("受理").contains("张伟").contains("2026-12-01 09:30");
    assertThat(steps.get(2).getText())
        .contains("超期办结")
        .contains("系统")
        .contains("2026-12-08")
        .contains("逾期");
    assertThat(fieldLabelled("延期原因")).as("late: the delay reason is asked (E6)").isNotNull();
    assertNoHorizontalScroll();
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('steps-title').scrollIntoView()");
    screenshot("worker-event-history-phone");

    clickAndWaitForPage(browser.findElement(By.linkText("我的任务")));
    WebElement task =
        browser.findElement(
            By.xpath(
                "//li[contains(@class,'task-item')][.//span[normalize-space(.)='事件 "
                    + number
                    + "']]"));
    assertThat(task.getText()).contains("期限：2026-12-08").contains("已超期 4 个工作日");
    assertThat(task.findElement(By.tagName("a")).getDomAttribute("href"))
        .isEqualTo("/events/" + number);
    assertThat(api.as("worker1").get("/api/tasks").json().findValuesAsText("eventNumber"))
        .contains(number);
    assertNoHorizontalScroll();
  }

  @Test
  @DisplayName(
      "Issue 11.2 E3 E4 E9: worker1 accepts (受理) a dispute leader1 reported in the grid, resolves"
          + " it (办结) on the event page — blank mediation fields refused next to each field, then"
          + " closed with the E3 fields — and feeds back")
  void resolvesDisputeOnEventPage() throws Exception {
    String number =
        report(
            "leader1",
            "{\"category\": \"DISPUTE\", \"gridCode\": \"GS-V01-G01\", \"title\": \"噪音纠纷\","
                + " \"occurredAt\": \"2026-11-30T21:00:00+08:00\", \"location\": \"古山村2组\","
                + " \"persons\": \"两户邻居\", \"cause\": \"夜间装修噪音\", \"course\": \"双方争吵，网格员劝开\","
                + " \"major\": false, \"parties\": [{\"name\": \"孙一\", \"phone\": \"13900000001\"},"
                + " {\"name\": \"周二\"}]}");
    logIn("worker1", "demo");
    open("/events/" + number);
    assertThat(find("#event-status").getText()).isEqualTo("待受理");
    assertThat(find("#open-step-state").getText())
        .as("2 working days to accept (E4)")
        .isEqualTo("还剩 2 个工作日");
    assertThat(findAll("#resolve-title")).as("办结 only after 受理").isEmpty();
    clickAndWaitForPage(button("受理"));
    assertThat(find("#notice").getText()).startsWith("已受理");
    assertThat(find("#event-status").getText()).isEqualTo("办理中");
    assertThat(find("#open-step-deadline").getText()).isEqualTo("2026-12-08");

    fieldLabelled("办理结果").sendKeys("双方达成谅解");
    clickAndWaitForPage(button("办结"));
    assertThat(errorOf("resolve-mediator")).isEqualTo("矛盾纠纷办结须填写调解人");
    assertThat(errorOf("resolve-mediationResult")).isEqualTo("矛盾纠纷办结须填写调解结果");
    assertThat(errorOf("resolve-agreementForm")).isEqualTo("请选择协议形式（书面或口头）");
    assertThat(errorOf("resolve-agreementTerms")).isEqualTo("矛盾纠纷办结须填写协议内容");
    assertThat(fieldLabelled("办理结果").getDomProperty("value")).as("kept").isEqualTo("双方达成谅解");
    assertThat(find("#event-status").getText()).isEqualTo("办理中");

    fieldLabelled("调解人").sendKeys("张伟");
    fieldLabelled("调解结果").sendKeys("装修限定在白天进行");
    browser.findElement(By.id("agreement-written")).click();
    fieldLabelled("协议内容").sendKeys("每日8时至18时施工，违者赔偿");
    clickAndWaitForPage(button("办结"));
    assertThat(find("#notice").getText()).startsWith("已办结");
    assertThat(find("#event-status").getText()).isEqualTo("已办结，待反馈");
    assertThat(find("dl.facts").getText())
        .contains("调解人\n张伟")
        .contains("协议形式\n书面")
        .contains("每日8时至18时施工，违者赔偿");
    List<WebElement> steps = findAll("table.steps-table tbody tr");
    WebElement resolved = steps.get(steps.size() - 1);
    assertThat(resolved.getDomAttribute("data-action")).isEqualTo("RESOLVED");
    assertThat(resolved.getText()).contains("办结").contains("张伟").contains("双方达成谅解");
    assertThat(findAll("button")).extracting(WebElement::getText).doesNotContain("办结", "上报");
    assertNoHorizontalScroll();
    screenshot("worker-event-resolved-phone");
    JsonAssert.resolution(api.as("worker1").get("/api/events/" + number));

    clickAndWaitForPage(button("反馈"));
    assertThat(errorOf("feedback-satisfaction")).isEqualTo("请选择群众满意度（满意、基本满意或不满意）");
    new Select(fieldLabelled("群众满意度")).selectByVisibleText("满意");
    clickAndWaitForPage(button("反馈"));
    assertThat(find("#event-status").getText()).isEqualTo("已结案");
    assertThat(findAll("table.steps-table tbody tr"))
        .extracting(row -> row.getDomAttribute("data-action"))
        .containsExactly("REPORTED", "ACCEPTED", "RESOLVED", "FEEDBACK");
    assertThat(find("dl.facts").getText()).contains("群众满意度\n满意");
  }

  @Test
  @DisplayName(
      "Issue 11.2 S1: the inbox shows the unread count in the header on every page, marks one"
          + " notice read and then all")
  void inboxMarksRead() throws Exception {
    String number = reportAsWorker1(EventLifecycle.HAZARD);
    assertThat(
            api.as("supervisor1")
                .post("/api/events/" + number + "/urge", "{\"message\": \"请今天内到场处置\"}")
                .status())
        .isEqualTo(200);
    int unread = api.as("worker1").get("/api/notifications").json().get("unread").asInt();
    assertThat(unread).isGreaterThanOrEqualTo(1);

    logIn("worker1", "demo");
    open("/events/mine");
    assertThat(find("#nav-notifications").getText()).isEqualTo("通知(" + unread + ")");
    clickAndWaitForPage(find("#nav-notifications"));
    assertThat(currentPath()).isEqualTo("/notifications");
    WebElement first = findAll("li.notice-item").get(0);
    assertThat(first.getText()).contains("未读").contains("催办").contains("请今天内到场处置");
    assertThat(find("#unread-summary").getText()).isEqualTo(unread + " 条未读");
    screenshot("worker-notifications-phone");

    clickAndWaitForPage(first.findElement(By.xpath(".//button[normalize-space(.)='标为已读']")));
    assertThat(find("#notice").getText()).isEqualTo("已标为已读。");
    assertThat(find("#nav-notifications").getText())
        .isEqualTo(unread == 1 ? "通知" : "通知(" + (unread - 1) + ")");
    assertThat(findAll("li.notice-item").get(0).getDomAttribute("class")).doesNotContain("unread");

    if (unread > 1) {
      clickAndWaitForPage(button("全部标为已读"));
      assertThat(find("#notice").getText()).isEqualTo("已将 " + (unread - 1) + " 条通知标为已读。");
    }
    assertThat(find("#nav-notifications").getText()).isEqualTo("通知");
    assertThat(find("#unread-summary").getText()).isEqualTo("没有未读通知");
    assertThat(findAll(".unread-mark")).isEmpty();
    assertThat(api.as("worker1").get("/api/notifications").json().get("unread").asInt()).isZero();
    assertNoHorizontalScroll();
  }

  private String reportAsWorker1(String json) {
    return report("worker1", json);
  }

  private String report(String reporter, String json) {
    Reply reported = api.as(reporter).post("/api/events", json);
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    return reported.json().get("number").asText();
  }

  /**
   * The event's item in 我的事件, following 下一页 as a user would (other tests' events may come first).
   */
  private WebElement inMyEvents(String number) {
    for (int page = 1; page <= 50; page++) {
      List<WebElement> item = findAll("li[data-number='" + number + "']");
      if (!item.isEmpty()) {
        return item.get(0);
      }
      clickAndWaitForPage(browser.findElement(By.linkText("下一页")));
    }
    throw new AssertionError(number + " not in 我的事件");
  }

  /** Saves the page scrolled to its top, as a user opening it sees it. */
  private void screenshotFromTop(String name) throws Exception {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    screenshot(name);
  }

  /** The message shown next to a field (by the field's id). */
  private String errorOf(String fieldId) {
    return find("#" + fieldId + "-error").getText();
  }

  private void setValue(WebElement input, String value) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].value = arguments[1];", input, value);
  }

  private void assertNoHorizontalScroll() {
    Object wide =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.documentElement.scrollWidth -"
                    + " document.documentElement.clientWidth");
    assertThat(((Number) wide).intValue())
        .as("no horizontal scroll on " + currentPath())
        .isLessThanOrEqualTo(0);
  }

  /** Every visible button, field and nav link is at least 44 px high (a thumb's target). */
  private void assertTouchTargets() {
    for (WebElement element :
        findAll("button, input:not([type=checkbox]):not([type=radio]), select, .worker-nav a")) {
      if (element.isDisplayed()) {
        assertThat(element.getSize().getHeight())
            .as(
                "height of "
                    + element.getTagName()
                    + " "
                    + element.getDomAttribute("id")
                    + " "
                    + element.getText())
            .isGreaterThanOrEqualTo(44);
      }
    }
  }

  private static final class JsonAssert {
    static void resolution(Reply event) {
      assertThat(event.json().get("status").asText()).isEqualTo("RESOLVED");
      assertThat(event.json().get("mediator").asText()).isEqualTo("张伟");
      assertThat(event.json().get("agreementForm").asText()).isEqualTo("WRITTEN");
      assertThat(event.json().get("agreementTerms").asText()).isEqualTo("每日8时至18时施工，违者赔偿");
    }
  }
}
