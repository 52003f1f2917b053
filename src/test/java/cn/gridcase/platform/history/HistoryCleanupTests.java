package cn.gridcase.platform.history;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.ControlledClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's history cleanup as configured (docs/architecture.md "History cleanup"): a nightly
 * window in Beijing time, each model's time to live, and a closed event's engine history removed
 * after its 90 days — in the window only — while the event's own record stays.
 */
class HistoryCleanupTests extends ApiTestSupport {

  @Autowired ProcessEngine engine;

  @Test
  @DisplayName(
      "the cleanup window is 20:00–06:00 Beijing time (the tests run in New York), 500 instances"
          + " a run;"
          + " operational models keep their engine history 90 days, accountability and assessment"
          + " 10 years")
  void configuration() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("20:00+0800");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00+0800");
    assertThat(configuration.getHistoryCleanupBatchSize()).isEqualTo(500);
    assertThat(configuration.getTaskMetricsTimeToLive()).isEqualTo("P180D");
    assertThat(engine.getHistoryService().findHistoryCleanupJobs())
        .as("a window makes the engine schedule its cleanup")
        .isNotEmpty();

    Map<String, Integer> days = new TreeMap<>();
    for (ProcessDefinition p :
        engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
      days.put(p.getKey(), p.getHistoryTimeToLive());
    }
    for (DecisionDefinition d :
        engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().list()) {
      days.put(d.getKey(), d.getHistoryTimeToLive());
    }
    assertThat(days)
        .containsEntry("event-handling", 90)
        .containsEntry("event-level-handling", 90)
        .containsEntry("event-supervision", 90)
        .containsEntry("assignment", 90)
        .containsEntry("meeting-obligation", 90)
        .containsEntry("meeting-schedule-weekly", 90)
        .containsEntry("accountability-investigation", 3650)
        .containsEntry("accountability-measure-eligibility", 3650)
        .containsEntry("assessment-quarter", 3650);
    assertThat(days.values()).as("every model has one").doesNotContainNull();
  }

  @Test
  @DisplayName(
      "a closed event's engine history is removed by the nightly cleanup 90 days after it ended,"
          + " not during the day; the event, its steps and its record stay readable")
  void closedEventHistoryGoes() {
    ControlledClock clock = new ControlledClock(engine.getManagementService());
    String occurred = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).toString();
    Reply reported =
        api.as("worker1")
            .post(
                "/api/events",
                "{\"category\": \"SERVICE\", \"gridCode\": \"GS-V01-G01\", \"title\": \"水管漏水\","
                    + " \"occurredAt\": \""
                    + occurred
                    + "\", \"location\": \"村委会东侧\", \"persons\": \"村民\", \"cause\": \"管道老化\","
                    + " \"course\": \"巡查发现\", \"major\": false}");
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    String number = reported.json().get("number").asText();
    Reply resolved =
        api.as("worker1").post("/api/events/" + number + "/resolve", "{\"result\": \"已修复\"}");
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    Reply feedback =
        api.as("worker1")
            .post(
                "/api/events/" + number + "/feedback",
                "{\"satisfaction\": \"SATISFIED\", \"comment\": \"修得及时\"}");
    assertThat(feedback.status()).as(feedback.toString()).isEqualTo(200);
    List<HistoricProcessInstance> ended = history(number);
    assertThat(ended).isNotEmpty().allMatch(h -> h.getEndTime() != null);
    OffsetDateTime end =
        ended.stream()
            .map(h -> h.getEndTime().toInstant().atOffset(ZoneOffset.ofHours(8)))
            .max(OffsetDateTime::compareTo)
            .orElseThrow();
    HistoricProcessInstance root =
        ended.stream().filter(h -> h.getSuperProcessInstanceId() == null).findFirst().orElseThrow();
    assertThat(ended)
        .as("the whole instance tree goes 90 days after the event's own instance ended")
        .allMatch(
            h ->
                Duration.between(root.getEndTime().toInstant(), h.getRemovalTime().toInstant())
                    .equals(Duration.ofDays(90)));

    OffsetDateTime after = end.plusDays(91);
    clock.set(after.toLocalDate().atTime(9, 0).atOffset(ZoneOffset.ofHours(8)));
    runCleanup();
    assertThat(history(number)).as("09:00 is outside the window").hasSize(ended.size());
    assertThat(activities(ended)).as("activities kept until the window").isNotEmpty();

    clock.set(after.toLocalDate().atTime(21, 0).atOffset(ZoneOffset.ofHours(8)));
    // each run removes at most 500 instance trees, the oldest first, of all the shared test
    // database holds: run on while it has more to remove, as the engine does in its window
    for (int run = 0;
        run < 200 && !(history(number).isEmpty() && activities(ended).isEmpty());
        run++) {
      runCleanup();
    }
    assertThat(history(number)).as("21:00 is inside it").isEmpty();
    assertThat(activities(ended)).as("with every activity of the event's instances").isEmpty();

    clock.reset();
    Reply event = api.as("worker1").get("/api/events/" + number);
    assertThat(event.status()).isEqualTo(200);
    assertThat(event.json().get("status").asText()).isEqualTo("CLOSED");
    assertThat(event.json().get("steps").toString()).contains("已修复");
  }

  /** The activity history of the event's process instances (its own and its levels'). */
  private List<HistoricActivityInstance> activities(List<HistoricProcessInstance> instances) {
    return instances.stream()
        .flatMap(
            h ->
                engine
                    .getHistoryService()
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(h.getId())
                    .list()
                    .stream())
        .toList();
  }

  private List<HistoricProcessInstance> history(String eventNumber) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(eventNumber)
        .list();
  }

  /** Runs the engine's cleanup jobs as the job executor would when they are due. */
  private void runCleanup() {
    for (Job job : engine.getHistoryService().findHistoryCleanupJobs()) {
      engine.getManagementService().executeJob(job.getId());
    }
  }
}
