package cn.gridcase.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.BrowserTestSupport;
import cn.gridcase.test.OverdueWork;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11.3 in a real browser (desktop window): the 问责建议 page (C3). The demo clock runs two
 * events' acceptance past its deadline, which raises a proposal for each.
 */
class ProposalPagesBrowserTests extends BrowserTestSupport {

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
      "C3 不采纳 without a reason is refused in Chinese next to the field; with a reason the proposal"
          + " is 未采纳")
  void rejectNeedsReason() throws Exception {
    logIn("supervisor1", "demo");
    clickAndWaitForPage(find("section[data-role=SUPERVISOR] a[href='/accountability/proposals']"));
    assertThat(browser.getTitle()).contains("问责建议");
    WebElement card = proposalOf(work.inV01G01);
    assertThat(card.findElement(By.cssSelector(".badge")).getText()).isEqualTo("待处理");
    String evidence = card.findElement(By.cssSelector("dl.evidence")).getText();
    assertThat(evidence)
        .contains("2026-10-09")
        .contains("受理（网格）")
        .contains("10 个工作日")
        .contains("古山村第1网格")
        .contains("第四条（一）")
        .as("a late step's proposal dates from when it was found overdue")
        .contains("发现超期")
        .doesNotContain("提出时间");
    assertThat(card.findElement(By.cssSelector("h2")).getText()).contains("超期受理");
    assertThat(card.findElement(By.cssSelector("a.event-link")).getDomAttribute("href"))
        .isEqualTo("/supervision/events/" + work.inV01G01);
    String id = card.getDomAttribute("id").substring("proposal-".length());
    screenshot("proposals-open");

    clickAndWaitForPage(card.findElement(By.xpath(".//button[normalize-space(.)='不采纳']")));
    card = find("#proposal-" + id);
    WebElement reason = card.findElement(By.id("reason-" + id));
    assertThat(card.findElement(By.cssSelector(".field-error")).getText()).isEqualTo("请填写不采纳的理由");
    assertThat(reason.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(card.findElement(By.cssSelector("label[for='reason-" + id + "']")).getText())
        .isEqualTo("理由");
    assertThat(card.findElement(By.cssSelector(".badge")).getText())
        .as("nothing decided")
        .isEqualTo("待处理");
    assertThat(card.findElement(By.cssSelector("dl.evidence")).getText())
        .as("the evidence's moment in Beijing time, no ISO stamp")
        .contains("至 2026-10-22 10:00 仍未完成")
        .doesNotContain("T10:00");
    scrollTo(card);
    screenshot("proposals-reject-refused");

    reason.sendKeys("经核实，当日网格停电、系统无法登录，已补办受理");
    clickAndWaitForPage(card.findElement(By.xpath(".//button[normalize-space(.)='不采纳']")));
    assertThat(find("#flash").getText()).contains("问责建议 " + id).contains("不采纳");
    assertThat(findAll("#proposal-" + id)).as("no longer 待处理").isEmpty();

    clickAndWaitForPage(
        browser.findElement(By.xpath("//nav[contains(@class,'status-filter')]//a[.='未采纳']")));
    card = find("#proposal-" + id);
    scrollTo(card);
    assertThat(card.findElement(By.cssSelector(".badge")).getText()).isEqualTo("未采纳");
    assertThat(card.findElement(By.cssSelector(".decision")).getText())
        .contains("孙平")
        .contains("理由：经核实，当日网格停电、系统无法登录，已补办受理");
    assertThat(card.findElements(By.tagName("button")))
        .as("a decided proposal has no actions")
        .isEmpty();
    screenshot("proposals-rejected");
  }

  @Test
  @DisplayName(
      "C3 C5 采纳 opens a case linked to the proposal, investigated by the township's investigator")
  void acceptOpensCase() throws Exception {
    logIn("supervisor1", "demo");
    open("/accountability/proposals");
    WebElement card = proposalOf(work.inV02G01);
    String id = card.getDomAttribute("id").substring("proposal-".length());
    assertThat(card.findElement(By.cssSelector(".subject")).getText())
        .contains("李娜")
        .contains("网格员");
    clickAndWaitForPage(card.findElement(By.xpath(".//button[normalize-space(.)='采纳']")));
    String flash = find("#flash").getText();
    Matcher opened = Pattern.compile("已立案：案件 (\\d+)").matcher(flash);
    assertThat(opened.find()).as(flash).isTrue();
    assertThat(flash).contains("马超").contains("调查期限");
    long caseId = Long.parseLong(opened.group(1));

    JsonNode view = api.as("supervisor1").get("/api/accountability/cases/" + caseId).json();
    assertThat(view.get("proposalId").asLong()).isEqualTo(Long.parseLong(id));
    assertThat(view.get("eventNumber").asText()).isEqualTo(work.inV02G01);
    assertThat(view.get("subject").asText()).isEqualTo("worker3");
    assertThat(view.get("status").asText()).isEqualTo("INVESTIGATING");

    open("/accountability/proposals?status=ACCEPTED");
    card = find("#proposal-" + id);
    scrollTo(card);
    assertThat(card.findElement(By.cssSelector(".badge")).getText()).isEqualTo("已采纳");
    assertThat(card.findElement(By.cssSelector(".decision")).getText())
        .contains("已立案：案件 " + caseId);
    screenshot("proposals-accepted");
  }

  @Test
  @DisplayName("C3 a grid worker opening 问责建议 gets a Chinese 403 page")
  void workerRefused() {
    logIn("worker1", "demo");
    open("/accountability/proposals");
    assertThat(find("h1").getText()).isEqualTo("无权处理问责建议");
    assertThat(find("[role=alert]").getText()).contains("督办人员").contains("403");
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
  }

  private WebElement proposalOf(String eventNumber) {
    return findAll("article.proposal[data-event='" + eventNumber + "']").stream()
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no open proposal for " + eventNumber + " on " + find("main").getText()));
  }
}
