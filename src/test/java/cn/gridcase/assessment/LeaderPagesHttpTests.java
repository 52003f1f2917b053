package cn.gridcase.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * reasons, 422), a correction keeps the earlier version, people by name throughout; the survey's
 * proposal in 问责建议 is dated 提出时间; 年终奖励挂钩 and 年度考评 open; a grid worker is refused.
 */
class LeaderPagesHttpTests extends ApiTestSupport {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void cleanUp() {
    jdbc.update("update leader_survey set corrects_id = null where survey_year in (2022, 2023)");
    jdbc.update("delete from leader_survey where survey_year in (2022, 2023)");
    String evidence = "%2023 年度满意度测评%";
    jdbc.update(
        "delete from notification where kind = 'PROPOSAL_RAISED' and body like ?", evidence);
    jdbc.update(
        "delete from accountability_proposal where trigger = ? and evidence like ?",
        AccountabilityProposals.LEADER_SURVEY_DISSATISFIED,
        evidence);
    jdbc.update("delete from leader_bonus_setting where township_code = 'GS'");
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
    // the demo's survey and reviews were recorded by center1: 录入 names 赵敏
    assertThat(page.body()).contains("<td>赵敏 ").doesNotContain(">center1 ");

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
    // leader1 was not yet a grid leader in 2022 (appointed 2023): named, the account in brackets
    assertThat(refused.body())
        .contains("刘洋（leader1）在 2022 年不是任何村（社区）的网格长")
        .doesNotContain("“leader1”");

    // no leader, no result, no reasoning: every reason in Chinese, no field names or codes
    Map<String, String> review = new HashMap<>();
    review.put("_csrf", csrf(refused.body()));
    review.put("townshipCode", "GS");
    review.put("leader", "");
    review.put("year", String.valueOf(demoYear));
    review.put("half", "1");
    review.put("result", "");
    review.put("reasoning", "");
    review.put("reason", "");
    Reply incomplete = center.postForm("/assessment/leaders/reviews", review);
    assertThat(incomplete.status()).isEqualTo(422);
    assertThat(errorSummary(incomplete.body()))
        .contains("请指定网格长")
        .contains("请选择考评结果：称职、基本称职或不称职")
        .contains("请写明考评的依据和理由")
        .doesNotContain("用户名")
        .doesNotContain("COMPETENT");
  }

  @Test
  @DisplayName(
      "A8 C3: a survey recorded twice needs a reason in Chinese, the correction keeps version 1"
          + " with who recorded it by name; its replacement proposal in 问责建议 is dated 提出时间,"
          + " not 发现超期")
  void correctionAndProposal() {
    ApiClient center = logIn("center1");
    Map<String, String> form = new HashMap<>();
    form.put("townshipCode", "GS");
    form.put("leader", "leader1");
    form.put("year", "2023");
    form.put("satisfied", "10");
    form.put("basicallySatisfied", "4");
    form.put("dissatisfied", "8");
    form.put("reason", "");
    form.put("_csrf", csrf(center.get("/assessment/leaders?year=2023").body()));
    assertThat(center.postForm("/assessment/leaders/surveys", form).status()).isEqualTo(302);

    form.put("satisfied", "12");
    form.put("_csrf", csrf(center.get("/assessment/leaders?year=2023").body()));
    Reply again = center.postForm("/assessment/leaders/surveys", form);
    assertThat(again.status()).isEqualTo(422);
    assertThat(errorSummary(again.body()))
        .contains("刘洋 的 2023 年度满意度测评已录入（第 1 版）：更正须写明理由，原记录保留")
        .doesNotContain("reason");

    form.put("reason", "复核答卷，少计两张满意票");
    form.put("_csrf", csrf(again.body()));
    assertThat(center.postForm("/assessment/leaders/surveys", form).status()).isEqualTo(302);
    String page = center.get("/assessment/leaders?year=2023").body();
    assertThat(page)
        .contains("（更正：复核答卷，少计两张满意票）")
        .contains("第 1 版：满意 10、基本满意 4、不满意 8（赵敏）")
        .contains("<td>赵敏 ")
        .doesNotContain("center1");

    String proposals = logIn("supervisor1").get("/accountability/proposals").body();
    Matcher card =
        Pattern.compile("<article[^>]*id=\"proposal-\\d+\".*?</article>", Pattern.DOTALL)
            .matcher(proposals);
    List<String> raised = new ArrayList<>();
    while (card.find()) {
      if (card.group().contains("2023 年度满意度测评")) {
        raised.add(card.group());
      }
    }
    assertThat(raised).hasSize(1);
    assertThat(raised.get(0)).contains("<dt>提出时间</dt>").doesNotContain("发现超期");
  }

  /** The page's list of reasons a form was refused. */
  private static String errorSummary(String page) {
    Matcher m =
        Pattern.compile("<div[^>]*id=\"error-summary\".*?</div>", Pattern.DOTALL).matcher(page);
    assertThat(m.find()).as("the error summary").isTrue();
    return m.group();
  }

  @Test
  @DisplayName(
      "A7 A9: 年终奖励挂钩 and 年度考评 open for the township, a change of the tied share named by"
          + " who made it; a grid worker is refused")
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

    // the tied share changed by supervisor1: the page names who by name
    assertThat(
            api.as("supervisor1")
                .put(
                    "/api/assessment/leader-bonus-settings/GS",
                    "{\"tiedPercent\": 40, \"reason\": \"镇党委会议决定提高挂钩比例\"}")
                .status())
        .isEqualTo(200);
    Reply changed = head.get("/assessment/leader-bonus?townshipCode=GS&year=2024");
    assertThat(changed.body())
        .contains("挂钩比例 40%：孙平 于 ")
        .contains("理由：镇党委会议决定提高挂钩比例")
        .doesNotContain("supervisor1");
    Reply home = head.get("/");
    assertThat(home.body()).contains("/assessment/leaders").contains("/assessment/years");
    assertThat(logIn("worker1").get("/assessment/leaders").status()).isEqualTo(403);
  }
}
