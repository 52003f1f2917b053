package cn.gridcase.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.accountability.internal.ProposalPages;
import cn.gridcase.platform.ApiError;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The 问责建议 page's Chinese wording of the service's refusals and codes. */
class ProposalPagesTests {

  @Test
  @DisplayName("C1 C5 a proposal that cannot become a case says why in Chinese")
  void openingProblemsInChinese() {
    assertThat(
            ProposalPages.openingProblem(
                new ApiError(
                    "subject", "C1.subject", "worker3 holds no GRID_WORKER appointment now")))
        .isEqualTo("被追究人现已不在该岗位，或不属于本乡镇，请改为手工立案");
    assertThat(
            ProposalPages.openingProblem(
                new ApiError(
                    "investigators", "C5.investigators", "township GS has no investigator")))
        .isEqualTo("本乡镇尚未任命调查人员");
  }

  @Test
  @DisplayName("C3 a late step's evidence names its level in Chinese, not the code")
  void evidenceInChinese() {
    assertThat(AccountabilityProposals.levelName("GRID")).isEqualTo("网格");
    assertThat(AccountabilityProposals.levelName("VILLAGE")).isEqualTo("村级工作站");
  }

  @Test
  @DisplayName("C3 triggers (also the assessment's and A8's) and severities read in Chinese")
  void labels() {
    assertThat(ProposalPages.triggerLabel("OVERDUE_ACCEPTANCE")).isEqualTo("超期受理");
    assertThat(ProposalPages.triggerLabel("OVERDUE_HANDLING")).isEqualTo("超期办结");
    assertThat(ProposalPages.triggerLabel("OVERDUE_SUPERVISION")).isEqualTo("督办超期");
    assertThat(ProposalPages.triggerLabel("ASSESSMENT_FAILED_CRITICISM")).isEqualTo("季度考核不合格");
    assertThat(ProposalPages.triggerLabel("ASSESSMENT_FAILED_DISMISSAL")).isEqualTo("连续两个季度考核不合格");
    assertThat(ProposalPages.triggerLabel("ASSESSMENT_FAILED_S1_CRITICISM"))
        .isEqualTo("连续两个季度考核不合格");
    assertThat(ProposalPages.triggerLabel("ASSESSMENT_FAILED_NOT_RENEWED"))
        .isEqualTo("连续三个季度考核不合格");
    assertThat(ProposalPages.triggerLabel("LEADER_SURVEY_DISSATISFIED"))
        .isEqualTo("网格长满意度测评不满意超过三分之一");
    assertThat(ProposalPages.severityLabel(Severity.GRAVE)).isEqualTo("情节严重");
    assertThat(ProposalPages.levelLabel("DEPARTMENT")).isEqualTo("部门");
  }

  @Test
  @DisplayName(
      "C3 a late step's proposal dates from 发现超期; the others — a quarter failed, A8's survey, a"
          + " village's people held accountable — are not about a late step: 提出时间")
  void momentLabels() {
    assertThat(ProposalPages.detectedLabel(AccountabilityProposals.LATE_ACCEPTANCE))
        .isEqualTo("发现超期");
    assertThat(ProposalPages.detectedLabel(AccountabilityProposals.LATE_HANDLING))
        .isEqualTo("发现超期");
    assertThat(ProposalPages.detectedLabel(AccountabilityProposals.LATE_SUPERVISION))
        .isEqualTo("发现超期");
    for (String trigger :
        List.of(
            AccountabilityProposals.LEADER_SURVEY_DISSATISFIED,
            AccountabilityProposals.ASSESSMENT_FAILED_CRITICISM,
            AccountabilityProposals.ASSESSMENT_FAILED_DISMISSAL,
            AccountabilityProposals.ASSESSMENT_FAILED_S1_CRITICISM,
            AccountabilityProposals.ASSESSMENT_FAILED_NOT_RENEWED,
            AccountabilityProposals.GRID_WORKERS_HELD_ACCOUNTABLE,
            AccountabilityProposals.GRID_LEADER_HELD_ACCOUNTABLE)) {
      assertThat(ProposalPages.detectedLabel(trigger)).as(trigger).isEqualTo("提出时间");
    }
  }
}
