package cn.gridcase.routine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.BrowserTestSupport;
import cn.gridcase.test.ControlledClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The meeting pages (例会) in a real browser (rules S2, S3): on Friday 2026-10-09 of the National Day
 * week, with the week's obligations open and the week before missed.
 */
class MeetingPagesBrowserTests extends BrowserTestSupport {

  @Autowired MeetingObligations obligations;
  @Autowired ProcessEngine processEngine;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void weeks40And41() {
    MeetingTestState.reset(processEngine, jdbc);
    ControlledClock clock = new ControlledClock(processEngine.getManagementService());
    clock.set("2026-09-28T09:00");
    obligations.open(MeetingKind.GRID_WEEKLY, "GS", MeetingPeriod.parse("2026-W40").orElseThrow());
    clock.set("2026-10-08T09:00");
    obligations.open(MeetingKind.GRID_WEEKLY, "GS", MeetingPeriod.parse("2026-W41").orElseThrow());
    obligations.open(
        MeetingKind.WORKERS_WEEKLY, "GS", MeetingPeriod.parse("2026-W41").orElseThrow());
    clock.set("2026-10-09T17:00");
  }

  @AfterEach
  void leaveNothingBehind() {
    MeetingTestState.reset(processEngine, jdbc);
  }

  private void setValue(WebElement input, String value) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].value = arguments[1];", input, value);
  }

  @Test
  @DisplayName(
      "S3 worker1 opens 例会 from the home page on a phone: the missed week marked 已超期, this week"
          + " due on the make-up Saturday; a record without minutes is refused next to the field,"
          + " then recorded and listed as held")
  void gridWorkerRecordsTheWeeklyMeeting() throws Exception {
    browser.manage().window().setSize(new Dimension(360, 740));
    logIn("worker1", "demo");
    clickAndWaitForPage(find("section[data-role=GRID_WORKER] a[href='/meetings']"));
    assertThat(currentPath()).isEqualTo("/meetings");
    assertThat(browser.getTitle()).contains("例会");
    List<WebElement> cards = findAll("#to-hold li.obligation");
    assertThat(cards).hasSize(2);
    WebElement missed = cards.get(0);
    assertThat(missed.getText())
        .contains("召开网格周例会")
        .contains("2026年第40周")
        .contains("期限：2026-09-30（星期三）")
        .contains("已超期 2 个工作日");
    assertThat(missed.getDomAttribute("class")).contains("late");
    WebElement week = cards.get(1);
    assertThat(week.getText())
        .contains("2026年第41周（10月5日至10月11日）")
        .contains("期限：2026-10-10（星期六）")
        .contains("还剩 1 个工作日");
    assertThat(find("#to-hold-title + p.hint").getText()).contains("共 2 项，其中 1 项已超期");
    screenshot("meetings-to-hold");

    clickAndWaitForPage(week.findElement(By.linkText("记录例会")));
    assertThat(find("h1").getText()).isEqualTo("召开网格周例会");
    assertThat(new Select(fieldLabelled("张伟（worker1）")).getFirstSelectedOption().getText())
        .isEqualTo("出席");
    setValue(fieldLabelled("召开时间"), "2026-10-09T15:30");
    clickAndWaitForPage(button("记录例会"));
    assertThat(find("#error-summary").getText()).contains("会议记录：请填写会议记录");
    WebElement minutes = fieldLabelled("会议记录");
    assertThat(minutes.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(find("#minutes-error").getText()).contains("请填写会议记录");
    assertThat(fieldLabelled("召开时间").getDomProperty("value"))
        .as("what was typed is kept")
        .isEqualTo("2026-10-09T15:30");
    screenshot("meetings-refused");

    minutes.sendKeys("排查节后返乡人员矛盾纠纷两起，部署下周入户走访");
    new Select(fieldLabelled("张伟（worker1）")).selectByVisibleText("迟到");
    clickAndWaitForPage(button("记录例会"));
    assertThat(currentPath()).startsWith("/meetings/");
    assertThat(find("#flash").getText()).contains("已记录古山村第1网格的网格周例会（2026年第41周");
    assertThat(find("#minutes-text").getText()).isEqualTo("排查节后返乡人员矛盾纠纷两起，部署下周入户走访");
    assertThat(find("table.attendance-table tbody tr").getText()).contains("张伟").contains("迟到");
    screenshot("meetings-recorded");

    JsonNode held = api.as("worker1").get("/api/meetings?unitCode=GS-V01-G01").json();
    assertThat(held).hasSize(1);
    assertThat(held.get(0).get("period").asText()).isEqualTo("2026-W41");
    assertThat(held.get(0).get("attendance").get(0).get("status").asText()).isEqualTo("LATE");

    open("/meetings");
    assertThat(findAll("#to-hold li.obligation")).as("only the missed week is left").hasSize(1);
    assertThat(find("#held li.held-meeting").getText())
        .contains("网格周例会：古山村第1网格")
        .contains("召开时间 2026-10-09 15:30")
        .contains("迟到 1");
  }

  @Test
  @DisplayName(
      "S2 center1 records the township's 网格员周例会 with one attendance choice per grid worker;"
          + " the grid worker sees the meeting they were expected at, and /tasks links to the page")
  void centerRecordsTheGridWorkersMeeting() throws Exception {
    logIn("center1", "demo");
    clickAndWaitForPage(find("section[data-role=EVENT_HANDLER] a[href='/meetings']"));
    WebElement card = find("#to-hold li[data-kind=WORKERS_WEEKLY]");
    clickAndWaitForPage(card.findElement(By.linkText("记录例会")));
    assertThat(find("h1").getText()).isEqualTo("召开网格员周例会");
    List<String> attendees =
        findAll("fieldset#attendance .attendee").stream()
            .map(a -> a.getDomAttribute("data-username"))
            .toList();
    assertThat(attendees).contains("worker1", "worker2", "worker3");
    setValue(fieldLabelled("召开时间"), "2026-10-09T09:00");
    fieldLabelled("会议记录").sendKeys("点评各网格节前工作，汇总信息，部署节后排查");
    new Select(fieldLabelled("王芳（worker2）")).selectByVisibleText("早退");
    new Select(fieldLabelled("李娜（worker3）")).selectByVisibleText("缺席（未请假）");
    screenshot("meetings-attendance-form");
    clickAndWaitForPage(button("记录例会"));
    List<String> rows =
        findAll("table.attendance-table tbody tr").stream().map(WebElement::getText).toList();
    assertThat(rows)
        .hasSize(attendees.size())
        .anySatisfy(row -> assertThat(row).contains("王芳").contains("早退"))
        .anySatisfy(row -> assertThat(row).contains("李娜").contains("缺席"));

    browser.manage().deleteAllCookies();
    logIn("worker3", "demo");
    open("/meetings");
    assertThat(find("#held").getText()).contains("网格员周例会：古山镇");
    open("/tasks");
    WebElement task =
        browser.findElement(By.xpath("//a[starts-with(normalize-space(.), '召开网格周例会')]"));
    assertThat(task.getDomAttribute("href")).startsWith("/meetings/obligations/");
  }
}
