package cn.gridcase.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gridcase.test.ProcessTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The models of bpmn/ and forms/ deploy at start-up as one deployment, changed resources only. */
class ModelDeploymentTests extends ProcessTestSupport {

  static final String PROBE = "DeploymentProbe";

  @Autowired RepositoryService repositoryService;

  @Autowired ModelDeployment modelDeployment;

  @Test
  @DisplayName(
      "models and forms on the classpath under bpmn/ and forms/ are deployed at start-up with"
          + " stable names")
  void deployedAtStartUp() {
    String deploymentId =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROBE)
            .latestVersion()
            .singleResult()
            .getDeploymentId();
    assertThat(
            repositoryService
                .createDeploymentQuery()
                .deploymentId(deploymentId)
                .singleResult()
                .getName())
        .isEqualTo(ModelDeployment.DEPLOYMENT_NAME);
    assertThat(repositoryService.getDeploymentResourceNames(deploymentId))
        .contains("bpmn/test/deployment-probe.bpmn", "forms/test/deployment-probe.form");
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(PROBE)
                .latestVersion()
                .singleResult()
                .getName())
        .isEqualTo("部署探针");
  }

  @Test
  @DisplayName("a user task finds its deployed Camunda Form by id")
  void userTaskFindsItsForm() throws IOException {
    ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey(PROBE);
    Task task =
        processEngine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .initializeFormKeys()
            .singleResult();
    assertThat(task.getCamundaFormRef().getKey()).isEqualTo("deployment-probe");
    try (InputStream form = processEngine.getFormService().getDeployedTaskForm(task.getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("核对说明");
    }
  }

  @Test
  @DisplayName("deploying again without changes creates no deployment")
  void unchangedModelsAreNotRedeployed() {
    long before = repositoryService.createDeploymentQuery().count();
    assertThat(modelDeployment.deployChanged()).isNull();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  @DisplayName("only the changed resources are redeployed")
  void onlyChangedResourcesAreRedeployed(@TempDir Path root) throws IOException {
    String processId = "RedeployProbe" + System.nanoTime();
    Path model = root.resolve("bpmn/redeploy/" + processId + ".bpmn");
    Path form = root.resolve("forms/redeploy/" + processId + ".form");
    Files.createDirectories(model.getParent());
    Files.createDirectories(form.getParent());
    String probe;
    try (InputStream in = getClass().getResourceAsStream("/bpmn/test/deployment-probe.bpmn")) {
      probe =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("\"DeploymentProbe\"", '"' + processId + '"');
    }
    Files.writeString(model, probe);
    Files.writeString(
        form, "{\"id\": \"" + processId + "\", \"type\": \"default\", \"components\": []}");
    try (URLClassLoader classLoader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      ModelDeployment isolated =
          new ModelDeployment(
              repositoryService,
              processEngine.getRuntimeService(),
              new PathMatchingResourcePatternResolver(classLoader));

      Deployment first = isolated.deployChanged();
      assertThat(repositoryService.getDeploymentResourceNames(first.getId()))
          .containsExactlyInAnyOrder(
              "bpmn/redeploy/" + processId + ".bpmn", "forms/redeploy/" + processId + ".form");

      assertThat(isolated.deployChanged()).as("nothing changed").isNull();

      Files.writeString(
          form,
          "{\"id\": \"" + processId + "\", \"type\": \"default\", \"components\": [], \"x\": 1}");
      Deployment second = isolated.deployChanged();
      assertThat(repositoryService.getDeploymentResourceNames(second.getId()))
          .containsExactly("forms/redeploy/" + processId + ".form");
      assertThat(
              repositoryService
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(processId)
                  .count())
          .as("the unchanged model keeps its version")
          .isEqualTo(1);
    }
  }

  @Test
  @DisplayName(
      "a changed model's running instances move to the new version, timers kept; one waiting where"
          + " the new version has no such activity is left on its version")
  void runningInstancesMigrateToTheChangedModel(@TempDir Path root) throws IOException {
    String processId = "MigrationProbe" + System.nanoTime();
    Path model = root.resolve("bpmn/migration/" + processId + ".bpmn");
    Files.createDirectories(model.getParent());
    String probe;
    try (InputStream in = getClass().getResourceAsStream("/bpmn/test/deployment-probe.bpmn")) {
      probe =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("\"DeploymentProbe\"", '"' + processId + '"');
    }
    RuntimeService runtime = processEngine.getRuntimeService();
    try (URLClassLoader classLoader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      ModelDeployment isolated =
          new ModelDeployment(
              repositoryService, runtime, new PathMatchingResourcePatternResolver(classLoader));
      Files.writeString(model, probe);
      isolated.deployChanged();
      ProcessInstance first = runtime.startProcessInstanceByKey(processId);
      Date timerDue =
          processEngine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(first.getId())
              .singleResult()
              .getDuedate();

      Files.writeString(model, probe.replace("name=\"核对\"", "name=\"核对材料\""));
      Deployment second = isolated.deployChanged();
      String version2 = definitionOf(second).getId();
      assertThat(definitionOf(first)).as("migrated").isEqualTo(version2);
      assertThat(
              processEngine
                  .getManagementService()
                  .createJobQuery()
                  .processInstanceId(first.getId())
                  .singleResult()
                  .getDuedate())
          .as("the timer's due date as it was")
          .isEqualTo(timerDue);
      ProcessInstance started = runtime.startProcessInstanceByKey(processId);

      Files.writeString(model, probe.replace("CheckProbeUserTask", "ReviewProbeUserTask"));
      Deployment third = isolated.deployChanged();
      assertThat(third).as("deployed all the same").isNotNull();
      assertThat(definitionOf(third).getVersion()).isEqualTo(3);
      assertThat(List.of(definitionOf(first), definitionOf(started)))
          .as("left on version 2, still waiting")
          .containsOnly(version2);
      assertThat(task(first)).isNotNull();
    }
  }

  private ProcessDefinition definitionOf(Deployment deployment) {
    return repositoryService
        .createProcessDefinitionQuery()
        .deploymentId(deployment.getId())
        .singleResult();
  }

  private String definitionOf(ProcessInstance instance) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(instance.getId())
        .singleResult()
        .getProcessDefinitionId();
  }

  @Test
  @DisplayName("resource names are the same in the fat jar and on the file system")
  void stableNames() throws IOException {
    assertThat(
            ModelDeployment.stableName(
                new UrlResource(
                    "jar:file:/opt/gridcase.jar!/BOOT-INF/classes!/bpmn/event/event-handling.bpmn")))
        .isEqualTo("bpmn/event/event-handling.bpmn");
    assertThat(
            ModelDeployment.stableName(
                new UrlResource("file:/home/x/gridcase/target/classes/forms/accept.form")))
        .isEqualTo("forms/accept.form");
  }

  @Test
  @DisplayName("the controlled clock fires a boundary timer exactly when it is due, not before")
  void controlledClockFiresTimer() {
    clock.set("2026-09-30T10:00");
    ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey(PROBE);
    assertThat(instance).isWaitingAt("CheckProbeUserTask");
    assertThat(task(instance)).hasCandidateGroup("GS-V01-G01");

    clock.moveBy(Duration.ofMinutes(59));
    assertThat(clock.dueJobsOf(instance.getId())).isZero();
    clock.executeDueJobs();
    assertThat(instance).isWaitingAt("CheckProbeUserTask");

    clock.moveBy(Duration.ofMinutes(1));
    assertThat(clock.dueJobsOf(instance.getId())).isEqualTo(1);
    clock.executeDueJobs();
    assertThat(instance)
        .isEnded()
        .hasPassed("ProbeTimedOutEndEvent")
        .hasNotPassed("ProbeCheckedEndEvent");
  }

  @Test
  @DisplayName("completing the task before the timer ends the process normally")
  void completedBeforeTimer() {
    ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey(PROBE);
    complete(task(instance), withVariables("note", "已核对"));
    assertThat(instance).isEnded().hasPassedInOrder("CheckProbeUserTask", "ProbeCheckedEndEvent");
  }
}
