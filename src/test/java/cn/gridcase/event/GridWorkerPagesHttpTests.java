package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.ControlledClock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The edge cases of the grid worker's pages over HTTP with real form logins: access exactly as the
 * API's (a Chinese 404 page for an event out of scope, 403 for an action at a level one does not
 * work), CSRF required, and a refused form keeping what was typed.
 */
class GridWorkerPagesHttpTests extends ApiTestSupport {

  private static final Pattern CSRF =
      Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @Test
  @DisplayName(
      "Issue 11.2: an event of another village is a Chinese 404 page for worker3, as in the API"
          + " (its existence is not revealed); an unknown number too")
  void outOfScopeEventIsChineseNotFound() {
    String number = reportAsWorker1();
    Session worker3 = logIn("worker3");
    Reply page = worker3.browser.get("/events/" + number);
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body())
        .contains("lang=\"zh-CN\"")
        .contains("页面不存在")
        .doesNotContain(number)
        .doesNotContain("Whitelabel");
    assertThat(worker3.browser.get("/events/SJ-20000101-9999").status()).isEqualTo(404);
    assertThat(api.as("worker3").get("/api/events/" + number).status())
        .as("the API agrees")
        .isEqualTo(404);
  }

  @Test
  @DisplayName(
      "Issue 11.2 E5: leader1 sees worker1's grid event but may not handle it at grid level: no"
          + " forms on the page, and a forged 办结 is a Chinese 403 page; nothing changes")
  void actionAtAnotherLevelIsChineseForbidden() {
    String number = reportAsWorker1();
    Session leader = logIn("leader1");
    Reply page = leader.browser.get("/events/" + number);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("河堤护栏破损")
        .doesNotContain("/resolve\"")
        .doesNotContain("/escalate\"");
    Reply forged =
        leader.browser.postForm(
            "/events/" + number + "/resolve", Map.of("result", "已处理", "_csrf", leader.csrf));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("无权办理").doesNotContain("Exception");
    assertThat(api.as("worker1").get("/api/events/" + number).json().get("status").asText())
        .isEqualTo("IN_HANDLING");
  }

  @Test
  @DisplayName(
      "Issue 11.2 E5: 上报 on the event page: without a reason the form comes back (422) saying so in"
          + " Chinese; with one the event goes to the village station and the page says so")
  void escalatesOnThePage() {
    String number = reportAsWorker1();
    Session worker1 = logIn("worker1");
    Reply noReason =
        worker1.browser.postForm(
            "/events/" + number + "/escalate", Map.of("reason", " ", "_csrf", worker1.csrf));
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(noReason.body()).contains("id=\"escalate-reason-error\"").contains("上报须填写理由");
    Reply escalated =
        worker1.browser.postForm(
            "/events/" + number + "/escalate",
            Map.of("reason", "涉及多户，需村里协调", "_csrf", worker1.csrf));
    assertThat(escalated.status()).isEqualTo(302);
    assertThat(escalated.location()).endsWith("/events/" + number);
    Reply page = worker1.browser.get("/events/" + number);
    assertThat(page.body())
        .contains("已上报上一级")
        .contains("村级工作站")
        .contains("上报：涉及多户，需村里协调")
        .doesNotContain("/escalate\"");
    assertThat(api.as("worker1").get("/api/events/" + number).json().get("level").asText())
        .isEqualTo("VILLAGE");
  }

  @Test
  @DisplayName(
      "Issue 11.2: every form post needs the CSRF token: a report without it is refused and nothing"
          + " is stored")
  void csrfRequired() {
    Session worker1 = logIn("worker1");
    long before = api.as("worker1").get("/api/events?size=1").json().get("total").asLong();
    Map<String, String> form = fullReport();
    Reply withoutToken = worker1.browser.postForm("/events/new", form);
    assertThat(withoutToken.status()).isEqualTo(403);
    assertThat(api.as("worker1").get("/api/events?size=1").json().get("total").asLong())
        .isEqualTo(before);
    assertThat(worker1.browser.postForm("/notifications/read-all", Map.of()).status())
        .isEqualTo(403);

    form.put("_csrf", worker1.csrf);
    Reply withToken = worker1.browser.postForm("/events/new", form);
    assertThat(withToken.status()).as("Post/Redirect/Get").isEqualTo(302);
    assertThat(withToken.location()).matches(".*/events/SJ-\\d{8}-\\d{4}/reported");
    assertThat(api.as("worker1").get("/api/events?size=1").json().get("total").asLong())
        .isEqualTo(before + 1);
  }

  @Test
  @DisplayName(
      "Issue 11.2 E2: a refused report is answered 422 with the form again: what was typed kept"
          + " (escaped), each missing element named in Chinese")
  void refusedReportKeepsValues() {
    Session worker1 = logIn("worker1");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("category", "HAZARD");
    form.put("gridCode", "GS-V01-G01");
    form.put("title", "路灯<坏了> & \"不亮\"");
    form.put("occurredAt", "明天早上");
    form.put("location", "");
    form.put("_csrf", worker1.csrf);
    Reply refused = worker1.browser.postForm("/events/new", form);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("value=\"路灯&lt;坏了&gt; &amp; &quot;不亮&quot;\"")
        .contains("value=\"明天早上\"")
        .contains("发生时间格式不正确")
        .contains("请填写地点（在哪里发生）")
        .contains("请填写人物（涉及哪些人）")
        .contains("请填写起因（为什么发生）")
        .contains("请填写经过（事情是怎样发展的）")
        .doesNotContain("is missing")
        .doesNotContain("矛盾纠纷须填写当事人双方（至少两人）");
    assertThat(refused.body()).contains("<option value=\"HAZARD\" selected=\"selected\">");
  }

  @Test
  @DisplayName(
      "Issue 11.2: control characters in a report are refused on the page as in the API"
          + " (TextRules), nothing stored")
  void controlCharactersRefused() {
    Session worker1 = logIn("worker1");
    long before = api.as("worker1").get("/api/events?size=1").json().get("total").asLong();
    Map<String, String> form = fullReport();
    form.put("title", "标题\u0007响铃");
    form.put("_csrf", worker1.csrf);
    Reply refused = worker1.browser.postForm("/events/new", form);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("含有控制字符 U+0007");
    assertThat(api.as("worker1").get("/api/events?size=1").json().get("total").asLong())
        .isEqualTo(before);
  }

  @Test
  @DisplayName(
      "Issue 11.2: another user's notice cannot be marked read from the page (a Chinese 404 page)")
  void othersNoticeNotFound() {
    Session worker1 = logIn("worker1");
    Reply reply =
        worker1.browser.postForm("/notifications/999999999/read", Map.of("_csrf", worker1.csrf));
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body()).contains("页面不存在");
  }

  private Map<String, String> fullReport() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("category", "SERVICE");
    form.put("gridCode", "GS-V01-G01");
    form.put("title", "独居老人需要代办");
    form.put("occurredAt", "2026-11-30T10:00");
    form.put("location", "古山村4组");
    form.put("persons", "独居老人刘某");
    form.put("cause", "行动不便");
    form.put("course", "请网格员代办医保续费");
    return form;
  }

  @Autowired ManagementService managementService;

  @Test
  @DisplayName(
      "Issue 11.2 E6/S1: a 督办 after the handling limit passed gives the step a later deadline, yet"
          + " the page still asks for the 延期原因 the server requires (judged by the statutory limit)")
  void delayReasonFollowsTheStatutoryLimit() {
    ControlledClock clock = new ControlledClock(managementService);
    clock.set("2026-11-02T09:00"); // Mon: handling in 5 working days, until Mon 11-09
    String number = reportAsWorker1();
    clock.set("2026-11-11T10:00");
    Reply supervised =
        api.as("supervisor1")
            .post(
                "/api/events/" + number + "/supervise",
                "{\"workingDays\": 3, \"message\": \"请三日内办结\"}");
    assertThat(supervised.status()).as(supervised.toString()).isEqualTo(200);
    assertThat(supervised.json().get("handleBy").asText()).isEqualTo("2026-11-16T23:59:59+08:00");
    Session worker1 = logIn("worker1");
    assertThat(worker1.browser.get("/events/" + number).body())
        .as("the 延期原因 field is shown")
        .contains("id=\"resolve-delayReason\"");
    Reply withoutReason =
        worker1.browser.postForm(
            "/events/" + number + "/resolve", Map.of("result", "已修复护栏", "_csrf", worker1.csrf));
    assertThat(withoutReason.status()).isEqualTo(422);
    assertThat(withoutReason.body()).contains("id=\"resolve-delayReason-error\"");
    Reply resolved =
        worker1.browser.postForm(
            "/events/" + number + "/resolve",
            Map.of("result", "已修复护栏", "delayReason", "材料到货晚", "_csrf", worker1.csrf));
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(302);
  }

  private String reportAsWorker1() {
    Reply reported = api.as("worker1").post("/api/events", EventLifecycle.HAZARD);
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    return reported.json().get("number").asText();
  }

  private record Session(ApiClient browser, String csrf) {}

  /**
   * Logs in with the login form; the CSRF token is read from a page as a browser's form would carry
   * it.
   */
  private Session logIn(String username) {
    ApiClient browser = api.browser();
    Reply login =
        browser.postForm(
            "/login",
            Map.of(
                "username",
                username,
                "password",
                ApiClient.DEMO_PASSWORD,
                "_csrf",
                csrfOf(browser.get("/login").body())));
    assertThat(login.status()).as(login.toString()).isEqualTo(302);
    Reply page = browser.get("/events/mine");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return new Session(browser, csrfOf(page.body()));
  }

  private static String csrfOf(String page) {
    Matcher input = CSRF.matcher(page);
    if (!input.find()) {
      throw new IllegalStateException("no CSRF field on the page");
    }
    return input.group(1);
  }
}
