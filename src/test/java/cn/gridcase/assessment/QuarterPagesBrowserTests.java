package cn.gridcase.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.BrowserTestSupport;
import cn.gridcase.test.ControlledClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 我的考核 on a phone and 季度考核 for the township center in a real browser (rules A4–A6): GS's 2026-Q3
 * drafted and published for objections (3 working days from Friday 2026-10-09).
 */
class QuarterPagesBrowserTests extends BrowserTestSupport {

  @Autowired AssessmentQuarters quarters;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private ControlledClock clock;

  @BeforeEach
  void published() {
    QuarterTestState.reset(engine, jdbc);
    clock = new ControlledClock(engine.getManagementService());
    clock.set("2026-10-09T09:00");
    quarters.draft("GS", "2026-Q3", null);
    quarters.publish("GS", "2026-Q3");
  }

  @AfterEach
  void clean() {
    QuarterTestState.reset(engine, jdbc);
  }

  @Test
  @DisplayName(
      "A4 a grid worker on a phone reads each item's deductions with their evidence and objects"
          + " from 我的考核; the township center sees the objection on 季度考核, adds a finding with"
          + " its reason, answers, and 定档公布 is refused naming the missing satisfaction (A5/A6)")
  void objectAndReview() throws Exception {
    browser.manage().window().setSize(new Dimension(360, 640));
    logIn("worker1", "demo");
    clickAndWaitForPage(find("section[data-role=GRID_WORKER]").findElement(By.linkText("我的考核")));
    assertThat(currentPath()).isEqualTo("/assessment/mine");
    assertThat(find("h1").getText()).isEqualTo("我的考核");
    assertThat(find("#status").getText()).contains("公示中").contains("2026-10-13 23:59");
    assertThat(findAll("table.assessment-items tbody tr")).hasSize(7);
    assertThat(find("table.assessment-items").getText())
        .contains("1. 信息采集更新")
        .contains("6. 民情日志")
        .contains("信息采集不足")
        .contains("2026-W28");
    fullPageScreenshot("assessment-mine-phone");
    fieldLabelled("异议内容和理由").sendKeys("第6项第28周已交两篇日志，请核对");
    clickAndWaitForPage(button("提出异议"));
    assertThat(find("#flash").getText()).startsWith("异议已提交");
    assertThat(find("ul.objections").getText()).contains("第6项第28周").contains("待答复");

    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(1280, 900));
    logIn("center1", "demo");
    clickAndWaitForPage(find("section[data-role=EVENT_HANDLER]").findElement(By.linkText("季度考核")));
    assertThat(currentPath()).isEqualTo("/assessment/quarters/2026-Q3");
    assertThat(find("h1").getText()).isEqualTo("季度考核 · 古山镇 · 2026年第3季度");
    assertThat(find("#satisfaction-progress").getText()).startsWith("0 /");
    assertThat(find("article.objection").getText()).contains("第6项第28周");

    new Select(fieldLabelled("网格员")).selectByValue("worker2");
    new Select(fieldLabelled("考核项目")).selectByValue("4");
    fieldLabelled("扣分").sendKeys("2");
    fieldLabelled("理由").sendKeys("应代办的低保申请未代办");
    clickAndWaitForPage(button("添加扣分"));
    assertThat(find("#flash").getText()).startsWith("已添加扣分");
    assertThat(find("details[data-user=worker2]").getDomProperty("textContent"))
        .contains("应代办的低保申请未代办");

    fieldLabelled("答复及理由").sendKeys("经核查第28周仅一篇，维持扣分");
    clickAndWaitForPage(button("答复"));
    assertThat(find("#flash").getText()).isEqualTo("已答复异议");
    assertThat(find("article.objection").getText()).contains("答复（赵敏）");
    assertThat(find("details[data-user=worker2]").getDomProperty("textContent"))
        .as("a finding names who found it")
        .contains("审核发现，赵敏");

    clickAndWaitForPage(button("定档公布"));
    assertThat(find("#error").getText()).startsWith("尚不能定档").contains("尚未录入群众满意度");
    fullPageScreenshot("assessment-quarter-review");
  }
}
