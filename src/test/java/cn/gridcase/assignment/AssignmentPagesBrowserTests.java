package cn.gridcase.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.BrowserTestSupport;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The pages of the matter list and the assignments (S4) in a real browser. */
class AssignmentPagesBrowserTests extends BrowserTestSupport {

  private static final AtomicInteger UNIQUE = new AtomicInteger();

  private String listedMatter() {
    String code = "WEB-" + UNIQUE.incrementAndGet();
    Reply recorded =
        api.as("supervisor1")
            .post(
                "/api/matters",
                "{\"townshipCode\": \"GS\", \"code\": \""
                    + code
                    + "\", \"name\": \"安全隐患巡查"
                    + code
                    + "\", \"status\": \"LISTED\", \"approval\": "
                    + MatterApiTests.approval("古政法〔2026〕" + code)
                    + "}");
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    return code;
  }

  private long idOnPage() {
    String path = currentPath();
    assertThat(path).startsWith("/assignments/");
    return Long.parseLong(path.substring("/assignments/".length()));
  }

  @Test
  @DisplayName(
      "S4 center1 gives a listed matter to a grid on 交办任务 (a refusal names each missing field);"
          + " worker1 opens it from the home page and completes it with a note (完成); center1 sees"
          + " 已完成")
  void assignAndComplete() throws Exception {
    String matter = listedMatter();
    logIn("center1", "demo");
    clickAndWaitForPage(find("section[data-role=EVENT_HANDLER] a[href='/assignments']"));
    assertThat(currentPath()).isEqualTo("/assignments");
    assertThat(find("h1").getText()).isEqualTo("交办任务");

    fieldLabelled("任务标题").sendKeys("排查沿街商铺消防隐患");
    clickAndWaitForPage(button("交办"));
    assertThat(find("#error-summary").getText())
        .contains("未能交办")
        .contains("网格：请选择至少一个网格")
        .contains("工作要求：请填写工作要求");
    assertThat(fieldLabelled("任务标题").getDomProperty("value"))
        .as("what was typed is kept")
        .isEqualTo("排查沿街商铺消防隐患");
    assertThat(find("#instructions").getDomAttribute("aria-invalid")).isEqualTo("true");
    screenshot("assignment-refused");

    find("input[name=gridCodes][value='GS-V01-G01']").click();
    new Select(fieldLabelled("事项")).selectByValue(matter);
    fieldLabelled("工作要求").sendKeys("检查灭火器、疏散通道，发现问题当场告知并拍照留存");
    WebElement days = fieldLabelled("办理时限（工作日）");
    days.clear();
    days.sendKeys("3");
    clickAndWaitForPage(button("交办"));
    long id = idOnPage();
    assertThat(find("#flash").getText()).contains("已交办").contains("3 个工作日");
    assertThat(find("#status").getText()).isEqualTo("办理中");
    assertThat(find("tr[data-grid='GS-V01-G01'] .grid-state").getText()).isEqualTo("办理中");
    screenshot("assignment-created");
    clickAndWaitForPage(button("退出登录"));

    logIn("worker1", "demo");
    browser.manage().window().setSize(new Dimension(360, 640));
    clickAndWaitForPage(find("section[data-role=GRID_WORKER] a[href='/assignments']"));
    WebElement mine = find("#mine article[data-assignment='" + id + "']");
    assertThat(mine.getText()).contains("排查沿街商铺消防隐患").contains("还剩 3 个工作日");
    screenshot("assignment-worker-phone");
    mine.findElement(By.tagName("textarea")).sendKeys("检查商铺 18 家，整改 2 处");
    clickAndWaitForPage(mine.findElement(By.xpath(".//button[normalize-space(.)='完成']")));
    assertThat(find("#flash").getText()).isEqualTo("交办任务 " + id + " 已完成。");
    assertThat(findAll("#mine article[data-assignment='" + id + "']")).isEmpty();
    open("/tasks");
    assertThat(findAll("a[href='/assignments/" + id + "']")).as("no longer a task").isEmpty();
    browser.manage().window().setSize(new Dimension(1280, 900));
    clickAndWaitForPage(button("退出登录"));

    logIn("center1", "demo");
    open("/assignments/" + id);
    assertThat(find("#status").getText()).isEqualTo("已完成");
    assertThat(find("tr[data-grid='GS-V01-G01'] .grid-state").getText()).startsWith("已完成");
    assertThat(find("tr[data-grid='GS-V01-G01']").getText()).contains("检查商铺 18 家，整改 2 处");
  }

  @Test
  @DisplayName(
      "S4 a task for a matter not on the list: worker2 has none until supervisor1 approves it on"
          + " 待审批; a grid worker's 我的任务 links to the assignment's page")
  void approveOnThePage() throws Exception {
    Reply waiting =
        api.as("head1")
            .post(
                "/api/assignments",
                "{\"gridCodes\": [\"GS-V01-G02\"], \"title\": \"协助发放防汛物资\", \"instructions\":"
                    + " \"按名单发放并签收\", \"workingDays\": 2}");
    assertThat(waiting.status()).as(waiting.toString()).isEqualTo(201);
    long id = waiting.json().get("id").asLong();
    logIn("supervisor1", "demo");
    clickAndWaitForPage(find("section[data-role=SUPERVISOR] a[href='/assignments']"));
    WebElement pending = find("#approvals article[data-assignment='" + id + "']");
    assertThat(pending.getText()).contains("协助发放防汛物资").contains("不在清单内");
    screenshot("assignment-approvals");
    clickAndWaitForPage(pending.findElement(By.xpath(".//button[normalize-space(.)='同意']")));
    assertThat(find("#flash").getText()).contains("已同意");
    assertThat(find("#status").getText()).isEqualTo("办理中");
    clickAndWaitForPage(button("退出登录"));

    logIn("worker2", "demo");
    open("/tasks");
    List<WebElement> links = findAll("a[href='/assignments/" + id + "']");
    assertThat(links).singleElement().extracting(WebElement::getText).isEqualTo("办理交办任务 " + id);
    clickAndWaitForPage(links.get(0));
    assertThat(find("h1").getText()).isEqualTo("交办 " + id + "：协助发放防汛物资");
    assertThat(find("#do").getText()).contains("完成本网格任务");
  }

  @Test
  @DisplayName(
      "S4 supervisor1 admits a matter on 事项清单 with its approval and withdraws it; the history"
          + " shows both; a grid worker reads the list without the forms")
  void matterListPage() throws Exception {
    String code = "PAGE-" + UNIQUE.incrementAndGet();
    logIn("supervisor1", "demo");
    clickAndWaitForPage(find("section[data-role=SUPERVISOR] a[href='/matters']"));
    assertThat(find("h1").getText()).isEqualTo("事项清单 · 古山镇");
    fieldLabelled("事项编码").sendKeys(code);
    fieldLabelled("事项名称").sendKeys("矛盾纠纷排查" + code);
    clickAndWaitForPage(button("登记"));
    assertThat(find("#record").getText()).contains("请填写审批单位");
    find("#record #approvedBy").sendKeys("县委政法委");
    find("#record #document").sendKeys("古政法〔2026〕21号");
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('approvedOn').value = '2026-03-02'");
    clickAndWaitForPage(button("登记"));
    assertThat(find("#flash").getText()).contains("准入清单");
    WebElement matter = find("#group-LISTED article[data-code='" + code + "']");
    assertThat(matter.getText()).contains("2026-03-02 准入：县委政法委《古政法〔2026〕21号》");

    matter.findElement(By.tagName("summary")).click();
    matter.findElement(By.cssSelector("input[name=approvedBy]")).sendKeys("县委政法委");
    matter.findElement(By.cssSelector("input[name=document]")).sendKeys("古政法〔2026〕30号");
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = '2026-06-01'",
            matter.findElement(By.cssSelector("input[name=approvedOn]")));
    clickAndWaitForPage(matter.findElement(By.xpath(".//button[normalize-space(.)='退出清单']")));
    WebElement withdrawn = find("#group-WITHDRAWN article[data-code='" + code + "']");
    assertThat(withdrawn.findElements(By.cssSelector(".matter-history li")))
        .extracting(WebElement::getText)
        .satisfiesExactly(
            first -> assertThat(first).startsWith("2026-03-02 准入"),
            second -> assertThat(second).startsWith("2026-06-01 退出"));
    screenshot("matters-supervisor");
    clickAndWaitForPage(button("退出登录"));

    logIn("worker1", "demo");
    open("/matters");
    assertThat(find("#group-WITHDRAWN article[data-code='" + code + "']").getText()).contains("退出");
    assertThat(findAll("#record")).isEmpty();
    assertThat(findAll("details.withdraw")).isEmpty();
  }
}
