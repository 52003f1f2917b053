package cn.gridcase.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.Events;
import cn.gridcase.platform.EngineTables;
import cn.gridcase.test.ProcessTestSupport;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The job executor's acquisition by due date and the index it reads (issue 15 item 3). */
class JobAcquisitionTests extends ProcessTestSupport {

  @Autowired JobAcquisitionIndex index;
  @Autowired JdbcTemplate jdbc;
  @Autowired Events events;

  @Test
  @DisplayName(
      "the engine acquires jobs by due date, every job has one, and the due-date index exists after"
          + " start; a second start finds it and leaves it")
  void acquisitionByDueDate() throws Exception {
    ProcessEngineConfigurationImpl configuration =
        ((ProcessEngineImpl) processEngine).getProcessEngineConfiguration();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    assertThat(index.exists(EngineTables.JOB)).isTrue();
    index.postProcessEngineBuild(processEngine);
    assertThat(index.exists(EngineTables.JOB)).isTrue();
  }

  @Test
  @DisplayName(
      "a job stored without a due date (before ensure-job-due-date-not-null) is given its creation"
          + " time at the next start, so the acquisition by due date still finds it")
  void jobWithoutDueDateIsDated() {
    String number =
        events
            .report(
                new EventReport(
                    EventCategory.HAZARD,
                    "GS-V01-G01",
                    "井盖缺失",
                    OffsetDateTime.parse("2026-09-29T09:00:00+08:00"),
                    "村口",
                    "无",
                    "巡查发现",
                    "井盖缺失，已设置警示",
                    List.of(),
                    false),
                "worker1")
            .number();
    String level =
        processEngine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .processDefinitionKey("event-level-handling")
            .singleResult()
            .getId();
    Job timer =
        processEngine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(level)
            .timers()
            .list()
            .get(0);
    jdbc.update("update " + EngineTables.JOB + " set DUEDATE_ = null where ID_ = ?", timer.getId());

    index.postProcessEngineBuild(processEngine);

    Job dated =
        processEngine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(dated.getDuedate()).isEqualTo(dated.getCreateTime());
  }
}
