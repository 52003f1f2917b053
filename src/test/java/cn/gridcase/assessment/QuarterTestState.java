package cn.gridcase.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.test.ControlledClock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The quarter tests' hold on the shared test application: firing the timer start event 每季度结束 at a
 * chosen moment, and leaving nothing behind (assessments, their instances, notices, proposals,
 * settings; the timer set back to the real clock so no other test's clock moves fire it).
 */
public final class QuarterTestState {

  public static final String PROCESS = "assessment-quarter";
  public static final String START = "QuarterEndStartEvent";

  private QuarterTestState() {}

  static Job timer(ManagementService management) {
    List<Job> timers =
        management.createJobQuery().processDefinitionKey(PROCESS).activityId(START).timers().list();
    assertThat(timers).as("the timer of " + START).hasSize(1);
    return timers.get(0);
  }

  /** Fires 每季度结束 at its first moment after {@code before}; the moment it fired. */
  public static OffsetDateTime fire(
      ProcessEngine engine, ControlledClock clock, OffsetDateTime before) {
    clock.set(before);
    ManagementService management = engine.getManagementService();
    management.recalculateJobDuedate(timer(management).getId(), false);
    Date due = timer(management).getDuedate();
    OffsetDateTime at = GridCaseTime.at(due);
    clock.moveToAndExecuteDueJobs(at);
    // each township's draft runs in a job of its own (asynchronous continuation, due when made)
    for (Job job : management.createJobQuery().processDefinitionKey(PROCESS).executable().list()) {
      management.executeJob(job.getId());
    }
    return at;
  }

  public static void reset(ProcessEngine engine, JdbcTemplate jdbc) {
    ClockUtil.reset();
    RuntimeService runtime = engine.getRuntimeService();
    for (ProcessInstance instance :
        runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()) {
      runtime.deleteProcessInstance(instance.getId(), "quarter test clean-up", true, true);
    }
    jdbc.update("delete from assessment_objection");
    jdbc.update("delete from assessment_deduction");
    jdbc.update("delete from assessment_worker");
    jdbc.update("update assessment_quarter set corrects_id = null");
    jdbc.update("delete from assessment_quarter");
    jdbc.update("delete from assessment_setting");
    jdbc.update("delete from accountability_proposal where trigger like 'ASSESSMENT_%'");
    jdbc.update("delete from notification where kind like 'ASSESSMENT_%'");
    jdbc.update("delete from notification where kind = 'PROPOSAL_RAISED' and body like '%考核不合格%'");
    ManagementService management = engine.getManagementService();
    management.recalculateJobDuedate(timer(management).getId(), false);
  }
}
