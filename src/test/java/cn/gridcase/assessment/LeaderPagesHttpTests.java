package cn.gridcase.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The township's leader pages over HTTP with a form login (A7, A8, A9): 网格长考评 shows the demo's
 * survey of leader1 and records a survey from its form (a refusal re-shows the form with the
 * reasons, 422), 年终奖励挂钩 and 年度考评 open; a grid worker is refused.
 */
class LeaderPagesHttpTests extends ApiTestSupport {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void cleanUp() {
    jdbc.update("delete from leader_survey where survey_year = 2022");
  }

  private ApiClient logIn(String username) {
    return api.pageSession(username, ApiClient.DEMO_PASSWORD);
  }

  private static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("a CSRF field").isTrue();
    return m.group(1);
  }

  @Test
  @DisplayName(
      "A8: 网格长考评 lists the demo survey of leader1 and records one from its form; bad counts"
          + " re-show the form with the reasons in Chinese (422)")
  void leadersPage() {
    ApiClient center = logIn("center1");
    int demoYear = LocalDate.now().getYear() - 1;
    Reply page = center.get("/assessment/leaders?year=" + demoYear);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.body()).contains("网格长考评").contains("data-leader=\"leader1\"").contains("称职");

    Map<String, String> form = new HashMap<>();
    form.put("_csrf", csrf(page.body()));
    form.put("townshipCode", "GS");
    form.put("leader", "leader1");
    form.put("year", "2022");
    form.put("satisfied", "-2");
    form.put("basicallySatisfied", "1");
    form.put("dissatisfied", "1");
    form.put("reason", "");
    Reply refused = center.postForm("/assessment/leaders/surveys", form);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("满意票数应为不小于0的整数");
    // leader1 was not yet a grid leader in 2022 (appointed 2023)
    assertThat(refused.body()).contains("不是任何村（社区）的网格长");
  }

  @Test
  @DisplayName("A7 A9: 年终奖励挂钩 and 年度考评 open for the township; a grid worker is refused")
  void yearPages() {
    ApiClient head = logIn("head1");
    Reply bonus = head.get("/assessment/leader-bonus?townshipCode=GS&year=2024");
    assertThat(bonus.status()).as(bonus.toString()).isEqualTo(200);
    assertThat(bonus.body())
        .contains("年终奖励挂钩")
        .contains("data-username=\"leader1\"")
        .contains("30%");
    Reply year = head.get("/assessment/years?townshipCode=GS&year=2024");
    assertThat(year.status()).as(year.toString()).isEqualTo(200);
    assertThat(year.body()).contains("年度考评").contains("导出 Excel");
    Reply home = head.get("/");
    assertThat(home.body()).contains("/assessment/leaders").contains("/assessment/years");
    assertThat(logIn("worker1").get("/assessment/leaders").status()).isEqualTo(403);
  }
}
