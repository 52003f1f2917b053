package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gridcase.platform.deployment.ModelDeployment;
import cn.gridcase.test.ProcessTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The upgrade past issue 12's renamed beans: an event running on the event models as they were
 * before ({@code ${eventLevel.*}}, {@code ${eventStepCompletion}} …, beans that no longer exist) is
 * migrated by the deployment of the current models and finishes through the new beans.
 */
class EventModelUpgradeTests extends ProcessTestSupport {

  /** The models as deployed before the event steps became typed commands (git 6975828). */
  static final String OLD_MODELS = "/upgrade/before-issue-12/";

  static final List<String> MODELS = List.of("event-level-handling.bpmn", "event-handling.bpmn");

  @Autowired Events events;
  @Autowired ModelDeployment modelDeployment;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  /** Whatever the test did, the current models are the latest again for the tests after it. */
  @AfterEach
  void currentModelsLatest() {
    afterTheLastDeployment();
    modelDeployment.deployChanged();
  }

  /**
   * Duplicate filtering compares with the resources of the deployment deployed last by the clock:
   * each deployment here is made after the ones before it, as an upgrade is.
   */
  private void afterTheLastDeployment() {
    Date last =
        repositoryService
            .createDeploymentQuery()
            .deploymentName(ModelDeployment.DEPLOYMENT_NAME)
            .orderByDeploymentTime()
            .desc()
            .listPage(0, 1)
            .get(0)
            .getDeploymentTime();
    clock.set(OffsetDateTime.ofInstant(last.toInstant(), ZoneOffset.UTC).plusMinutes(1));
  }

  @Test
  @DisplayName(
      "E4/E9 an event on the models before issue 12 is migrated on deployment, its task and timers"
          + " kept, and is accepted, resolved and fed back through the new beans")
  void eventOnTheOldModelsFinishesAfterTheUpgrade() throws IOException {
    clock.set("2026-11-02T09:00");
    String number =
        events.report(EventProcessTests.hazard("GS-V01-G01", false), "station1").number();
    assertThat(level(number)).isWaitingAt("AcceptEventTask");
    Date taskDue = task(number).getDueDate();
    List<Date> timersDue = timersDue(level(number));
    assertThat(timersDue).hasSize(2);

    putOnTheOldModels(number);
    clock.set("2026-11-02T10:00");
    assertThatThrownBy(() -> completeAs("worker1", number, Map.of()))
        .as("the old listener's bean is gone")
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("eventStepCompletion");

    afterTheLastDeployment();
    Deployment upgrade = modelDeployment.deployChanged();
    clock.set("2026-11-02T10:00");

    assertThat(upgrade).isNotNull();
    assertThat(main(number).getProcessDefinitionId()).isEqualTo(latest(Events.PROCESS_KEY).getId());
    assertThat(level(number).getProcessDefinitionId())
        .isEqualTo(latest("event-level-handling").getId());
    assertThat(latest(Events.PROCESS_KEY).getDeploymentId()).isEqualTo(upgrade.getId());
    assertThat(main(number)).isWaitingAt("GridLevelCallActivity");
    assertThat(level(number)).isWaitingAt("AcceptEventTask").task().isAssignedTo("worker1");
    assertThat(taskService.getIdentityLinksForTask(task(number).getId()))
        .extracting(link -> link.getGroupId())
        .contains("GS-V01-G01");
    assertThat(task(number).getDueDate()).as("the task's due date as it was").isEqualTo(taskDue);
    assertThat(timersDue(level(number)))
        .as("the timers' due dates as they were")
        .isEqualTo(timersDue);

    completeAs("worker1", number, Map.of());
    completeAs("worker1", number, Map.of("outcome", "RESOLVE", "result", "已拆除私拉电线"));
    assertThat(main(number)).isWaitingAt("FeedbackTask");
    completeAs("worker1", number, Map.of("satisfaction", "SATISFIED"));

    assertThat(main(number)).isNull();
    EventView closed = events.get(number, "worker1");
    assertThat(closed.status()).isEqualTo(EventStatus.CLOSED);
    assertThat(closed.steps())
        .extracting(EventStep::action)
        .containsExactly("REPORTED", "ACCEPTED", "RESOLVED", "FEEDBACK");
  }

  @Test
  @DisplayName(
      "E4 an instance an earlier start left on an older version (it deployed, then stopped before"
          + " migrating) is migrated at the next start, though the models did not change")
  void leftBehindInstanceMigratedAtTheNextStart() throws IOException {
    clock.set("2026-11-02T09:00");
    String number =
        events.report(EventProcessTests.hazard("GS-V01-G01", false), "station1").number();
    // the event on the old versions, then the current models deployed again, by a start that
    // stopped before migrating: the old versions are older now, and the event still on them
    afterTheLastDeployment();
    deploy("left-behind-old", model -> getClass().getResourceAsStream(OLD_MODELS + model));
    for (ProcessInstance instance : List.of(main(number), level(number))) {
      String key =
          repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getKey();
      runtimeService
          .newMigration(
              runtimeService
                  .createMigrationPlan(instance.getProcessDefinitionId(), latest(key).getId())
                  .mapEqualActivities()
                  .build())
          .processInstanceIds(instance.getId())
          .execute();
    }
    deploy("left-behind-current", model -> Files.newInputStream(Path.of("bpmn", model)));
    assertThat(level(number).getProcessDefinitionId())
        .isNotEqualTo(latest("event-level-handling").getId());

    afterTheLastDeployment();
    assertThat(modelDeployment.deployChanged()).as("the product's models did not change").isNull();

    assertThat(main(number).getProcessDefinitionId()).isEqualTo(latest(Events.PROCESS_KEY).getId());
    assertThat(level(number).getProcessDefinitionId())
        .isEqualTo(latest("event-level-handling").getId());
    clock.set("2026-11-02T10:00");
    completeAs("worker1", number, Map.of());
    assertThat(level(number)).isWaitingAt("HandleEventTask");
  }

  interface ModelSource {
    InputStream open(String model) throws IOException;
  }

  /** The two event models deployed under a name of their own (not the product's deployment). */
  private void deploy(String name, ModelSource source) throws IOException {
    DeploymentBuilder deployment = repositoryService.createDeployment().name(name);
    for (String model : MODELS) {
      try (InputStream in = source.open(model)) {
        deployment.addString(
            "bpmn/" + model, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    deployment.deploy();
  }

  /** What a running event looked like before the upgrade: its instances on the old versions. */
  private void putOnTheOldModels(String number) throws IOException {
    afterTheLastDeployment();
    DeploymentBuilder deployment =
        repositoryService
            .createDeployment()
            .name(ModelDeployment.DEPLOYMENT_NAME)
            .source(ModelDeployment.DEPLOYMENT_NAME);
    for (String model : MODELS) {
      try (InputStream in = getClass().getResourceAsStream(OLD_MODELS + model)) {
        deployment.addString(
            "bpmn/" + model, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    deployment.deploy();
    for (ProcessInstance instance : List.of(main(number), level(number))) {
      String key =
          repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getKey();
      ProcessDefinition old = latest(key);
      runtimeService
          .newMigration(
              runtimeService
                  .createMigrationPlan(instance.getProcessDefinitionId(), old.getId())
                  .mapEqualActivities()
                  .build())
          .processInstanceIds(instance.getId())
          .execute();
    }
  }

  private ProcessDefinition latest(String key) {
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult();
  }

  private ProcessInstance main(String number) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(number)
        .processDefinitionKey(Events.PROCESS_KEY)
        .singleResult();
  }

  private ProcessInstance level(String number) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(number)
        .processDefinitionKey("event-level-handling")
        .singleResult();
  }

  private Task task(String number) {
    return taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
  }

  private List<Date> timersDue(ProcessInstance instance) {
    return managementService
        .createJobQuery()
        .processInstanceId(instance.getId())
        .timers()
        .list()
        .stream()
        .map(Job::getDuedate)
        .sorted()
        .toList();
  }

  private void completeAs(String user, String number, Map<String, Object> form) {
    Task task = task(number);
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), user);
    }
    taskService.complete(task.getId(), form);
  }
}
