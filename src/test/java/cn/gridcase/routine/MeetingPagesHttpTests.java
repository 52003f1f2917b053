package cn.gridcase.routine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.ControlledClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The meeting pages' forms over HTTP with a form login (rules S3, A4): a training recorded on
 * {@code /meetings/new}, the monthly grid-worker meeting with its written reports, a refused form
 * answered 422 keeping what was typed, and Chinese 404 and 403 pages outside the caller's scope.
 */
class MeetingPagesHttpTests extends ApiTestSupport {

  private static final Pattern CSRF =
      Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @Autowired MeetingObligations obligations;
  @Autowired Meetings meetings;
  @Autowired ProcessEngine processEngine;
  @Autowired JdbcTemplate jdbc;

  private record Session(ApiClient browser, String csrf) {}

  @BeforeEach
  void october() {
    MeetingTestState.reset(processEngine, jdbc);
    ControlledClock clock = new ControlledClock(processEngine.getManagementService());
    clock.set("2026-10-08T09:00");
    obligations.open(
        MeetingKind.WORKERS_MONTHLY, "GS", MeetingPeriod.parse("2026-10").orElseThrow());
    obligations.open(MeetingKind.GRID_WEEKLY, "GS", MeetingPeriod.parse("2026-W41").orElseThrow());
    clock.set("2026-10-09T17:00");
  }

  @AfterEach
  void leaveNothingBehind() {
    MeetingTestState.reset(processEngine, jdbc);
  }

  private long obligationOf(String unit, String kind) {
    for (JsonNode o : api.as("admin").get("/api/meetings/obligations?unitCode=" + unit).json()) {
      if (kind.equals(o.get("kind").asText())) {
        return o.get("id").asLong();
      }
    }
    throw new AssertionError("no " + kind + " of " + unit);
  }

  @Test
  @DisplayName(
      "A4 S3 center1 records a training on /meetings/new: without minutes it is refused (422, the"
          + " typed time kept), then stored with each grid worker's attendance")
  void trainingOnThePage() {
    Session center = logIn("center1", "/meetings/new");
    Map<String, String> form = new HashMap<>();
    form.put("_csrf", center.csrf());
    form.put("unitCode", "GS");
    form.put("kind", "TRAINING");
    form.put("heldAt", "2026-10-09T09:30");
    form.put("minutes", "");
    everyonePresent(form);
    form.put("status-worker2", "ABSENT");
    form.put("status-worker3", "EXCUSED");
    Reply refused = center.browser().postForm("/meetings/new", form);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("未能记录：有 1 处需要补充或更正")
        .contains("请填写会议记录")
        .contains("value=\"2026-10-09T09:30\"");

    form.put("minutes", "网格员业务培训：信息采集规范");
    Reply stored = center.browser().postForm("/meetings/new", form);
    assertThat(stored.status()).as(stored.toString()).isEqualTo(302);
    assertThat(stored.location()).contains("/meetings/");
    JsonNode training = api.as("center1").get("/api/meetings?unitCode=GS").json().get(0);
    assertThat(training.get("kind").asText()).isEqualTo("TRAINING");
    assertThat(training.get("obligationId").isNull()).isTrue();
    assertThat(training.get("attendance"))
        .extracting(a -> a.get("username").asText() + " " + a.get("status").asText())
        .contains("worker1 PRESENT", "worker2 ABSENT", "worker3 EXCUSED");
    Reply page = center.browser().get(stored.location().replaceFirst("^https?://[^/]+", ""));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("已记录古山镇的培训").contains("缺席");
  }

  @Test
  @DisplayName(
      "S3 (S1 五(四)) the monthly grid-worker meeting's page asks whose written report is missing;"
          + " the ones ticked are kept with the meeting")
  void writtenReportsOnThePage() {
    long id = obligationOf("GS", "WORKERS_MONTHLY");
    Session head = logIn("head1", "/meetings/obligations/" + id);
    Reply page = head.browser().get("/meetings/obligations/" + id);
    assertThat(page.body()).contains("未交书面汇报").contains("name=\"report-worker3\"");
    Map<String, String> form = new HashMap<>();
    form.put("_csrf", head.csrf());
    form.put("heldAt", "2026-10-09T15:00");
    form.put("minutes", "听取网格员工作汇报");
    everyonePresent(form);
    form.put("status-worker2", "LATE");
    form.put("report-worker3", "true");
    Reply stored = head.browser().postForm("/meetings/obligations/" + id, form);
    assertThat(stored.status()).as(stored.toString()).isEqualTo(302);
    JsonNode meeting = api.as("head1").get("/api/meetings?unitCode=GS").json().get(0);
    assertThat(meeting.get("obligationId").asLong()).isEqualTo(id);
    assertThat(meeting.get("reportsMissing"))
        .extracting(JsonNode::asText)
        .containsExactly("worker3");
    Reply again = head.browser().postForm("/meetings/obligations/" + id, form);
    assertThat(again.status()).as("held already: to the meeting").isEqualTo(302);
  }

  @Test
  @DisplayName(
      "S3 outside the caller's scope the meeting pages are Chinese 404 and 403 pages, as in the"
          + " API")
  void outOfScope() {
    long id = obligationOf("GS-V01-G01", "GRID_WEEKLY");
    Session worker3 = logIn("worker3", "/meetings");
    Reply page = worker3.browser().get("/meetings/obligations/" + id);
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body()).contains("页面不存在");
    Reply forged =
        worker3
            .browser()
            .postForm(
                "/meetings/obligations/" + id,
                Map.of("_csrf", worker3.csrf(), "heldAt", "2026-10-09T15:00", "minutes", "x"));
    assertThat(forged.status()).isEqualTo(404);
    Reply other = worker3.browser().get("/meetings/new?unitCode=GS-V01-G01");
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.body()).contains("无权办理");
    assertThat(api.as("admin").get("/api/meetings").json()).isEmpty();
  }

  /**
   * 出席 for every grid worker of GS (other tests of the run may have appointed more), as the form
   * preselects it.
   */
  private void everyonePresent(Map<String, String> form) {
    for (String user : meetings.expectedAttendees("GS", LocalDate.parse("2026-10-09"))) {
      form.put("status-" + user, "PRESENT");
    }
  }

  private Session logIn(String username, String page) {
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
    Reply opened = browser.get(page);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
    return new Session(browser, csrfOf(opened.body()));
  }

  private static String csrfOf(String page) {
    Matcher input = CSRF.matcher(page);
    if (!input.find()) {
      throw new IllegalStateException("no CSRF field on the page");
    }
    return input.group(1);
  }
}
