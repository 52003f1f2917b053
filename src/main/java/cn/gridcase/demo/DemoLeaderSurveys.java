package cn.gridcase.demo;

import cn.gridcase.assessment.LeaderAssessments;
import cn.gridcase.assessment.LeaderAssessments.ReviewCommand;
import cn.gridcase.assessment.LeaderAssessments.SurveyCommand;
import cn.gridcase.assessment.ReviewResult;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo grid leader's last year (rule A8), after {@link DemoData}: leader1's two half-year
 * reviews and year-end satisfaction survey of GS-V01, recorded by the township center (center1) —
 * 38 满意, 9 基本满意, 3 不满意, well under a third, so no replacement proposal. Loaded once: a restart that
 * finds last year's survey leaves everything as it is.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "gridcase.demo.data", havingValue = "true")
@Order(40)
class DemoLeaderSurveys implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoLeaderSurveys.class);

  private final LeaderAssessments leaders;
  private final Clock clock;

  DemoLeaderSurveys(LeaderAssessments leaders, Clock clock) {
    this.leaders = leaders;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    int year = LocalDate.now(clock.withZone(GridCaseTime.ZONE)).getYear() - 1;
    if (!leaders.surveys(DemoData.TOWNSHIP, year, "center1").isEmpty()) {
      return;
    }
    leaders.recordReview(
        new ReviewCommand(
            "leader1", year, 1, ReviewResult.COMPETENT, "上半年按时召开网格长例会，督促网格员上报事件及时，矛盾纠纷化解率较高", null),
        "center1");
    leaders.recordReview(
        new ReviewCommand(
            "leader1",
            year,
            2,
            ReviewResult.BASICALLY_COMPETENT,
            "下半年有一次村级例会未按期召开，网格员入户走访督促不够",
            null),
        "center1");
    leaders.recordSurvey(new SurveyCommand("leader1", year, 38, 9, 3, null), "center1");
    log.info("Demo: leader1's reviews and satisfaction survey of {}", year);
  }
}
