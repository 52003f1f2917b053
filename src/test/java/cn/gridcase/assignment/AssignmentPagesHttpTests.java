package cn.gridcase.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pages of the matter list and the assignments (S4) over HTTP with real form logins: every demo
 * user gets them in Chinese, access exactly as the API's, CSRF required.
 */
class AssignmentPagesHttpTests extends ApiTestSupport {

  private static final Pattern CSRF =
      Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private record Session(ApiClient browser, String csrf) {}

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
    Reply page = browser.get("/assignments");
    assertThat(page.status()).as(username + ": " + page).isEqualTo(200);
    return new Session(browser, csrfOf(page.body()));
  }

  private static String csrfOf(String page) {
    Matcher input = CSRF.matcher(page);
    if (!input.find()) {
      throw new IllegalStateException("no CSRF field on the page");
    }
    return input.group(1);
  }

  @Test
  @DisplayName(
      "S4 every demo user opens 交办任务 and 事项清单 in Chinese; only township center and department"
          + " staff get the form 新建交办, only the township's supervisors and administrators the"
          + " list's forms")
  void everyUserOpensThePages() {
    for (String user :
        List.of(
            "admin",
            "worker1",
            "leader1",
            "station1",
            "center1",
            "head1",
            "safety1",
            "arealeader1",
            "supervisor1",
            "investigator1")) {
      Session session = logIn(user);
      Reply assignments = session.browser().get("/assignments");
      assertThat(assignments.body()).as(user).contains("lang=\"zh-CN\"").contains("交办记录");
      assertThat(assignments.body().contains("新建交办"))
          .as(user + " may assign")
          .isEqualTo(List.of("center1", "head1", "safety1").contains(user));
      Reply matters = session.browser().get("/matters");
      assertThat(matters.status()).as(user + ": " + matters).isEqualTo(200);
      assertThat(matters.body()).as(user).contains("事项清单 · 古山镇").contains("征地拆迁");
      assertThat(matters.body().contains("准入或禁入事项"))
          .as(user + " may change the list")
          .isEqualTo(List.of("admin", "supervisor1").contains(user));
    }
  }

  @Test
  @DisplayName(
      "S4 a grid worker posting 交办 gets a Chinese 403 page; a post without the CSRF field is"
          + " refused; an assignment out of scope is a Chinese 404 page; nothing is written")
  void refusalsArePages() {
    int before = api.as("admin").get("/api/assignments").json().size();
    Session worker = logIn("worker1");
    Reply forged =
        worker
            .browser()
            .postForm(
                "/assignments",
                Map.of(
                    "gridCodes",
                    "GS-V01-G01",
                    "title",
                    "t",
                    "instructions",
                    "i",
                    "workingDays",
                    "2",
                    "_csrf",
                    worker.csrf()));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("lang=\"zh-CN\"").doesNotContain("Exception");
    Session center = logIn("center1");
    Reply noCsrf =
        center
            .browser()
            .postForm(
                "/assignments",
                Map.of(
                    "gridCodes",
                    "GS-V01-G01",
                    "title",
                    "t",
                    "instructions",
                    "i",
                    "workingDays",
                    "2"));
    assertThat(noCsrf.status()).isEqualTo(403);
    Reply refused =
        center
            .browser()
            .postForm(
                "/assignments",
                Map.of("title", "没有网格", "workingDays", "两天", "_csrf", center.csrf()));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("请选择至少一个网格")
        .contains("请填写 1 至 30 之间的整数")
        .contains("value=\"没有网格\"");
    assertThat(api.as("admin").get("/api/assignments").json().size()).isEqualTo(before);

    Reply hidden =
        api.as("center1")
            .post(
                "/api/assignments",
                "{\"gridCodes\": [\"GS-V01-G01\"], \"title\": \"待审批\", \"instructions\": \"x\","
                    + " \"workingDays\": 2}");
    long id = hidden.json().get("id").asLong();
    Reply page = worker.browser().get("/assignments/" + id);
    assertThat(page.status()).as("not yet the grid worker's").isEqualTo(404);
    assertThat(page.body()).contains("lang=\"zh-CN\"").doesNotContain("待审批");
  }
}
