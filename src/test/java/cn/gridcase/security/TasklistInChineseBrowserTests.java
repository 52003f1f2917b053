package cn.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.BrowserTestSupport;
import cn.gridcase.test.ControlledClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 part 4 in a real browser (Debian's chromium, locale zh-CN): the Camunda webapps in
 * Chinese. Tasklist is an Angular app that renders after the page has loaded: every read waits for
 * what it reads (WebDriverWait), never for a time.
 */
class TasklistInChineseBrowserTests extends BrowserTestSupport {

  private static final AtomicInteger EVENTS = new AtomicInteger();
  private static final String TASKLIST = "/camunda/app/tasklist/default/";

  /** What Tasklist says in English when a translation is missing, and the banner's words. */
  private static final List<String> ENGLISH =
      List.of(
          "Claim",
          "Complete",
          "Filters",
          "Created",
          "Due",
          "Follow-up",
          "Log out",
          "Description",
          "History",
          "Diagram",
          "Form",
          "Sort by",
          "Camunda 8",
          "migrate",
          "Add a simple filter");

  @Autowired ManagementService managementService;

  @Test
  @DisplayName(
      "Issue 11.4: station1 accepts (受理) an event in Tasklist in Chinese: Chinese controls and"
          + " dates, no migration banner, names family name first (杨磊), the 描述 tab one element per"
          + " line; 认领 then 提交, and the event's API view shows the step done")
  void stationAcceptsInTasklistInChinese() throws Exception {
    String number = reportAndEscalateToStation("护栏破损" + EVENTS.incrementAndGet());

    logIn("station1", "demo");
    open(TASKLIST);
    WebElement task = openTaskFromFilter("待认领任务", number);
    assertThat(task.getText()).startsWith("受理事件 " + number);
    assertNoEnglish();
    assertThat(browser.getTitle()).isEqualTo("GridCase 任务中心");
    assertThat(find("html").getDomAttribute("lang")).isEqualTo("zh-CN");
    assertThat(findAll(".ce-eol-banner").stream().noneMatch(WebElement::isDisplayed))
        .as("the migration banner is hidden")
        .isTrue();
    assertThat(text("[cam-widget-header]"))
        .as("the signed-in user, family name first")
        .contains("杨磊")
        .doesNotContain("磊 杨");

    // the task's tabs and the due date, in Chinese
    List<String> tabs =
        findAll(".task-card .nav-tabs li a").stream()
            .map(WebElement::getText)
            .map(String::strip)
            .toList();
    assertThat(tabs).containsExactly("表单", "历史", "图示", "描述");
    String meta = text("[cam-tasklist-task-meta]");
    assertThat(meta).as("Chinese date words").containsPattern("(期限|跟进|创建时间)");

    // 描述: one element per line, the time of occurrence as yyyy-MM-dd HH:mm
    tab("描述");
    WebElement description = waitVisible(".description-pane > div[ng-show]");
    assertThat(description.getCssValue("white-space")).isEqualTo("pre-line");
    List<String> lines =
        Arrays.stream(description.getText().split("\n")).map(String::strip).toList();
    assertThat(lines)
        .contains(
            "事件编号：" + number,
            "类别：治安安全隐患",
            "网格：古山村第1网格（GS-V01-G01）",
            "发生时间：2026-11-02 08:30",
            "地点：东河堤200米处",
            "人物：过往村民",
            "起因：护栏年久失修",
            "经过：巡查发现三处护栏断裂，已设警示");
    assertThat(lines).anyMatch(line -> line.startsWith("标题：护栏破损"));
    screenshot("tasklist-description");

    // 认领: the assignee is shown family name first
    tab("表单");
    WebElement claim = waitClickable("[cam-tasklist-task-meta] button.claim");
    assertThat(claim.getText().strip()).isEqualTo("认领");
    claim.click();
    wait(30).until(driver -> text("[cam-tasklist-task-meta] .assignee").contains("杨磊"));
    assertThat(text("[cam-tasklist-task-meta]")).doesNotContain("磊 杨");

    // the step's Camunda Form, submitted with 提交
    WebElement submit =
        wait(30)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[@cam-tasklist-task]//button[normalize-space(.)='提交']")));
    assertThat(text("[cam-tasklist-task]"))
        .contains("受理事件 " + number)
        .contains("认领")
        .contains("提交");
    screenshot("tasklist-accept-form");
    submit.click();
    // Tasklist closes the completed task: the task pane asks for another one
    wait(30).until(driver -> !text(".task-card h2.task").contains(number));
    screenshot("tasklist-accept-submitted");
    assertThat(text("body")).doesNotContain("出错");

    JsonNode event = api.as("station1").get("/api/events/" + number).json();
    assertThat(event.get("status").asText()).isEqualTo("IN_HANDLING");
    assertThat(event.get("level").asText()).isEqualTo("VILLAGE");
    assertThat(event.get("steps").findValuesAsText("action")).contains("ACCEPTED");
    JsonNode accepted = null;
    for (JsonNode step : event.get("steps")) {
      if (step.get("action").asText().equals("ACCEPTED")
          && step.get("level").asText().equals("VILLAGE")) {
        accepted = step;
      }
    }
    assertThat(accepted).as("the village's acceptance is a step of the event").isNotNull();
    assertThat(accepted.get("actor").asText()).isEqualTo("station1");

    // the next step (办理) is station1's: 提交 with nothing chosen shows Camunda Forms' validation in
    // Chinese
    openTaskFromFilter("我的任务", number);
    WebElement handle =
        wait(30)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[@cam-tasklist-task]//button[normalize-space(.)='提交']")));
    assertThat(text(".task-card h2.task")).startsWith("办理事件 " + number);
    // from the keyboard: Tasklist's notification of the next task lies over the button's corner
    handle.sendKeys(Keys.ENTER);
    WebElement error =
        wait(30)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".fjs-form-field-error li")));
    wait(30).until(driver -> error.getText().equals("此项为必填项。"));
    assertThat(text("[cam-tasklist-task]")).doesNotContain("Field is required").contains("处置方式");
    screenshot("tasklist-validation");
    assertThat(api.as("station1").get("/api/events/" + number).json().get("status").asText())
        .as("nothing was completed")
        .isEqualTo("IN_HANDLING");
  }

  @Test
  @DisplayName(
      "Issue 11.4 / E4: after the demo clock passes the acceptance deadline Tasklist shows the task"
          + " 【已超期】 (the engine's deadline, not the browser's clock, which is before it)")
  void overdueTaskShowsServersMark() throws Exception {
    ControlledClock clock = new ControlledClock(managementService);
    clock.set(OffsetDateTime.now(ZoneId.of("Asia/Shanghai")));
    String number = reportAndEscalateToStation("井盖缺失" + EVENTS.incrementAndGet());
    OffsetDateTime acceptBy =
        OffsetDateTime.parse(
            api.as("station1").get("/api/events/" + number).json().get("acceptBy").asText());
    assertThat(acceptBy)
        .as("for the browser, the deadline is still ahead")
        .isAfter(OffsetDateTime.now());

    clock.moveToAndExecuteDueJobs(acceptBy.plusMinutes(1));
    JsonNode event = api.as("station1").get("/api/events/" + number).json();
    assertThat(event.get("overdueAcceptance").asBoolean()).as("the server: overdue").isTrue();

    logIn("station1", "demo");
    open(TASKLIST);
    WebElement task = openTaskFromFilter("待认领任务", number);
    assertThat(task.getText().strip()).isEqualTo("受理事件 " + number + " 【已超期】");
    wait(30).until(driver -> text(".task-card h2.task").contains("【已超期】"));
    assertThat(text(".task-card h2.task")).isEqualTo("受理事件 " + number + " 【已超期】");
    screenshot("tasklist-overdue");
  }

  @Test
  @DisplayName(
      "Issue 11.4: a non-administrator opening Cockpit or Admin sees a Chinese 403 page saying only"
          + " 系统管理员 may enter, with a link home; the APIs keep their problem+json 403s")
  void cockpitForbiddenInChinese() throws Exception {
    logIn("worker1", "demo");
    open("/camunda/app/cockpit/default/");
    assertThat(find("html").getDomAttribute("lang")).isEqualTo("zh-CN");
    assertThat(find("h1").getText()).isEqualTo("无权访问");
    assertThat(find("main").getText())
        .contains("仅供系统管理员使用")
        .doesNotContain("Whitelabel")
        .doesNotContain("Forbidden");
    assertThat(find("body").getCssValue("font-family")).contains("Noto Sans CJK SC");
    screenshot("tasklist-cockpit-forbidden");
    open("/camunda/app/admin/default/");
    assertThat(find("main").getText()).contains("仅供系统管理员使用");

    clickAndWaitForPage(browser.findElement(By.linkText("返回首页")));
    assertThat(currentPath()).isEqualTo("/");
    assertThat(find("#user-name").getText()).isEqualTo("张伟");

    open("/no-such-page");
    assertThat(find("h1").getText()).isEqualTo("页面不存在");

    Reply api403 =
        api.as("worker1").withHeader("Accept", "text/html").get("/engine-rest/deployment");
    assertThat(api403.status()).isEqualTo(403);
    assertThat(api403.isProblem()).as(api403.toString()).isTrue();
    Reply api404 = api.as("worker1").withHeader("Accept", "text/html").get("/api/no-such-thing");
    assertThat(api404.status()).isEqualTo(404);
    assertThat(api404.isProblem()).as(api404.toString()).isTrue();
  }

  @Test
  @DisplayName(
      "Issue 11.4: an administrator sees names family name first in Admin (张伟) and Admin's controls"
          + " in Chinese")
  void adminShowsNamesFamilyFirst() throws Exception {
    logIn("admin", "demo");
    open("/camunda/app/admin/default/#/users");
    wait(30).until(driver -> text("body").contains("worker1"));
    WebElement row =
        wait(30)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.xpath(
                        "//tr[.//a[normalize-space(.)='worker1'] or"
                            + " .//td[normalize-space(.)='worker1']]")));
    assertThat(row.getText()).contains("张伟").doesNotContain("伟 张");
    assertThat(text("body")).contains("用户").doesNotContain("Camunda 8");
    screenshot("tasklist-admin-users");
  }

  @Test
  @DisplayName(
      "Issue 11.4: the webapps' welcome page is in Chinese with the user's name family name first,"
          + " and no migration banner")
  void welcomePageInChinese() throws Exception {
    logIn("worker1", "demo");
    open("/camunda/app/welcome/default/");
    wait(30).until(driver -> text("body").contains("任务中心"));
    assertThat(browser.getTitle()).isEqualTo("GridCase 工作台");
    String page = text("body");
    assertThat(page)
        .contains("张伟")
        .doesNotContain("伟 张")
        .doesNotContain("Camunda 8")
        .doesNotContain("Applications")
        .doesNotContain("Profile");
    assertThat(findAll(".ce-eol-banner").stream().noneMatch(WebElement::isDisplayed)).isTrue();
    screenshot("tasklist-welcome");
  }

  /**
   * worker1 reports a hazard in their grid and passes it up (上报) to the village station: a 受理 task
   * for GS-V01.
   */
  private String reportAndEscalateToStation(String title) {
    Reply reported =
        api.as("worker1")
            .post(
                "/api/events",
                "{\"category\": \"HAZARD\", \"gridCode\": \"GS-V01-G01\","
                    + " \"title\": \""
                    + title
                    + "\", \"occurredAt\": \"2026-11-02T08:30:00+08:00\", \"location\":"
                    + " \"东河堤200米处\", \"persons\": \"过往村民\", \"cause\": \"护栏年久失修\", \"course\":"
                    + " \"巡查发现三处护栏断裂，已设警示\", \"major\": false}");
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    String number = reported.json().get("number").asText();
    Reply escalated =
        api.as("worker1")
            .post("/api/events/" + number + "/escalate", "{\"reason\": \"需村里协调资金修复\"}");
    assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
    return number;
  }

  /**
   * Picks a filter by its name, then the task of the event in the list; returns the list entry's
   * link.
   */
  private WebElement openTaskFromFilter(String filterName, String number) throws Exception {
    try {
      return openTask(filterName, number);
    } catch (TimeoutException e) {
      screenshot("tasklist-failed-" + filterName);
      Files.writeString(
          Path.of("target", "screenshots", "tasklist-failed.html"), browser.getPageSource());
      throw e;
    }
  }

  private WebElement openTask(String filterName, String number) {
    WebElement filter =
        wait(60)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.xpath(
                        "//*[contains(@class,'task-filter')]/h4[contains(@class,'name')]"
                            + "/a[starts-with(normalize-space(.),"
                            + " '"
                            + filterName
                            + "')]")));
    filter.click();
    By entry =
        By.xpath(
            "//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[contains(normalize-space(.),"
                + " '"
                + number
                + "')]");
    // Tasklist redraws the list when it refreshes the filter: an entry found a moment ago may be
    // gone by the click, so find and click again until the click lands
    wait(60)
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver.findElement(entry).click();
              return true;
            });
    wait(30).until(driver -> text(".task-card h2.task").contains(number));
    return browser.findElement(entry);
  }

  private void tab(String name) {
    wait(30)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//*[contains(@class,'task-card')]//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='"
                        + name
                        + "']")))
        .click();
  }

  private void assertNoEnglish() throws Exception {
    wait(30).until(driver -> !text("[cam-tasklist-task-meta]").isBlank());
    String page = text("body");
    for (String english : ENGLISH) {
      if (page.contains(english)) {
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.writeString(
            Path.of("target", "screenshots", "tasklist-english.html"), browser.getPageSource());
      }
      assertThat(page).as("no English left in Tasklist: " + english).doesNotContain(english);
    }
  }

  private String text(String css) {
    List<WebElement> found = browser.findElements(By.cssSelector(css));
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  private WebElement waitVisible(String css) {
    return wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  private WebElement waitClickable(String css) {
    return wait(30).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
  }

  private WebDriverWait wait(int seconds) {
    // Tasklist re-renders what it shows: an element read a moment ago may have been replaced
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }
}
