package cn.gridcase.demo;

import cn.gridcase.assessment.AssessmentQuarters;
import cn.gridcase.assessment.Rulebook;
import cn.gridcase.platform.GridCaseTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's quarterly assessment (A4), after the routine records and meetings: GS's quarter of the
 * demo month (the month before today) is opened as the timer would open it and drafted at once —
 * the grid workers' system deductions from the demo records, the tasks 录入群众满意度 for the villages'
 * stations and 审核季度考核 for the township center in Tasklist — and GS gets its quarterly subsidy
 * (1,500 yuan) and the default rulebook S0. Loaded once: a quarter already there is left.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "gridcase.demo.data", havingValue = "true")
@Order(30)
class DemoAssessment implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoAssessment.class);

  private final AssessmentQuarters quarters;
  private final ManagementService managementService;
  private final Clock clock;
  private final boolean enabled;

  DemoAssessment(
      AssessmentQuarters quarters,
      ManagementService managementService,
      Clock clock,
      @Value("${gridcase.demo.sample-assessment:true}") boolean enabled) {
    this.quarters = quarters;
    this.managementService = managementService;
    this.clock = clock;
    this.enabled = enabled;
  }

  /** The quarter of the demo month: 2026-Q4 when today is in December 2026. */
  static String demoQuarter(LocalDate today) {
    LocalDate month = today.minusMonths(1);
    return month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled) {
      return;
    }
    String quarter = demoQuarter(GridCaseTime.now(clock).toLocalDate());
    if (quarters.settings(DemoData.TOWNSHIP).quarterSubsidy() == null) {
      quarters.setSettings(
          DemoData.TOWNSHIP, new BigDecimal("1500.00"), Rulebook.S0, "演示数据：季度补贴标准", "admin");
    }
    if (!quarters.open(DemoData.TOWNSHIP, quarter)) {
      log.info("Demo assessment {} already there", quarter);
      return;
    }
    // the draft's asynchronous step is due now (its due date is its creation time: the job
    // executor acquires by due date); the quarter's timers are not due yet
    for (Job job :
        managementService
            .createJobQuery()
            .processDefinitionKey("assessment-quarter")
            .executable()
            .list()) {
      managementService.executeJob(job.getId());
    }
    log.info("Demo assessment {} of {} drafted", quarter, DemoData.TOWNSHIP);
  }
}
