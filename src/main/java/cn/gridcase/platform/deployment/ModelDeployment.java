package cn.gridcase.platform.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Deploys the BPMN and DMN models of {@code bpmn/} and the Camunda Forms of {@code forms/} as one
 * deployment named {@value #DEPLOYMENT_NAME}.
 *
 * <p>Why not the starter's auto-deployment: it names resources by their absolute path under {@code
 * spring-boot:run} and by their file name in the fat jar, which defeats duplicate filtering. Here a
 * resource is named by its path from the classpath root ({@code bpmn/event-handling.bpmn}, {@code
 * forms/accept-event.form}) in every launch mode, and only changed resources are redeployed.
 *
 * <p>A changed process is a new version, and the instances already running stay on the version they
 * started on, whose expressions may name beans that no longer exist. So after deploying, the
 * running instances of every older version of a changed process are migrated to the new version
 * ({@link #migrateToLatest}).
 */
public class ModelDeployment {

  public static final String DEPLOYMENT_NAME = "gridcase";
  static final List<String> PATTERNS =
      List.of(
          "classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn", "classpath*:forms/**/*.form");

  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

  /**
   * Instances migrated in one transaction; a chunk that fails is retried one instance at a time.
   */
  static final int MIGRATION_CHUNK = 100;

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ResourcePatternResolver resolver;

  public ModelDeployment(
      RepositoryService repositoryService,
      RuntimeService runtimeService,
      ResourcePatternResolver resolver) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.resolver = resolver;
  }

  /**
   * Deploys what changed since the last deployment.
   *
   * @return the new deployment, or null when nothing changed
   */
  public Deployment deployChanged() {
    Map<String, Resource> resources = findModels();
    if (resources.isEmpty()) {
      log.info("No models found under bpmn/ or forms/: nothing to deploy");
      return null;
    }
    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(DEPLOYMENT_NAME)
            .enableDuplicateFiltering(true);
    for (Map.Entry<String, Resource> entry : resources.entrySet()) {
      try (InputStream in = entry.getValue().getInputStream()) {
        builder.addInputStream(entry.getKey(), in);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read model " + entry.getKey(), e);
      }
    }
    long before = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
    Deployment deployment = builder.deployWithResult();
    // with duplicate filtering, "nothing changed" answers the previous deployment
    boolean unchanged =
        repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count() == before;
    if (unchanged) {
      log.info("Models unchanged: nothing deployed");
    } else {
      List<String> deployed =
          new ArrayList<>(repositoryService.getDeploymentResourceNames(deployment.getId()));
      log.info(
          "Deployed {} changed model(s) of {}: {}", deployed.size(), resources.size(), deployed);
    }
    // at every start, not only after a change: an instance an earlier start could not migrate (a
    // job of another node held it, the application stopped midway) gets another chance
    for (ProcessDefinition latest :
        repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      migrateToLatest(latest);
    }
    return unchanged ? null : deployment;
  }

  /**
   * Migrates the running instances of the older versions of {@code latest}'s process to it:
   * activities mapped by equal id ({@code mapEqualActivities}), so a waiting task keeps its
   * assignee and due date and a timer its due date (no {@code updateEventTriggers}: a deadline
   * computed when the step opened stands). A call activity's instance migrates with its process;
   * the called instance is one of the called process's own and migrates with that one. An instance
   * that cannot be migrated (it waits in an activity the new version does not have) is logged and
   * left on its version.
   *
   * @return how many instances were migrated
   */
  public int migrateToLatest(ProcessDefinition latest) {
    int migrated = 0;
    for (ProcessDefinition older :
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(latest.getKey())
            .list()) {
      if (older.getVersion() >= latest.getVersion()
          || !Objects.equals(older.getTenantId(), latest.getTenantId())) {
        continue;
      }
      List<String> running =
          runtimeService
              .createProcessInstanceQuery()
              .processDefinitionId(older.getId())
              .list()
              .stream()
              .map(ProcessInstance::getId)
              .toList();
      if (running.isEmpty()) {
        continue;
      }
      MigrationPlan plan;
      try {
        plan =
            runtimeService
                .createMigrationPlan(older.getId(), latest.getId())
                .mapEqualActivities()
                .build();
      } catch (ProcessEngineException e) {
        log.warn(
            "{} instance(s) of {} version {} left on it: no migration plan to version {}: {}",
            running.size(),
            latest.getKey(),
            older.getVersion(),
            latest.getVersion(),
            e.getMessage());
        continue;
      }
      int fromThisVersion = 0;
      for (int from = 0; from < running.size(); from += MIGRATION_CHUNK) {
        fromThisVersion +=
            migrate(
                plan,
                running.subList(from, Math.min(from + MIGRATION_CHUNK, running.size())),
                older);
      }
      log.info(
          "Migrated {} of {} running instance(s) of {} from version {} to version {}",
          fromThisVersion,
          running.size(),
          latest.getKey(),
          older.getVersion(),
          latest.getVersion());
      migrated += fromThisVersion;
    }
    return migrated;
  }

  private int migrate(MigrationPlan plan, List<String> instances, ProcessDefinition older) {
    try {
      runtimeService.newMigration(plan).processInstanceIds(instances).execute();
      return instances.size();
    } catch (ProcessEngineException chunkFailed) {
      int migrated = 0;
      for (String instance : instances) {
        try {
          runtimeService.newMigration(plan).processInstanceIds(instance).execute();
          migrated++;
        } catch (ProcessEngineException e) {
          log.warn(
              "Instance {} of {} left on version {}: it cannot be migrated: {}",
              instance,
              older.getKey(),
              older.getVersion(),
              e.getMessage());
        }
      }
      return migrated;
    }
  }

  /** Models by stable resource name, sorted so deployments are reproducible. */
  Map<String, Resource> findModels() {
    Map<String, Resource> found = new TreeMap<>();
    for (String pattern : PATTERNS) {
      try {
        for (Resource resource : resolver.getResources(pattern)) {
          if (resource.isReadable()) {
            found.putIfAbsent(stableName(resource), resource);
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("Cannot scan " + pattern, e);
      }
    }
    return found;
  }

  /**
   * {@code .../classes/bpmn/x/y.bpmn} and {@code jar:...!/BOOT-INF/classes!/bpmn/x/y.bpmn} both
   * give {@code bpmn/x/y.bpmn}.
   */
  static String stableName(Resource resource) {
    try {
      String url = resource.getURL().toString();
      int bpmn = Math.max(url.lastIndexOf("/bpmn/"), url.lastIndexOf("!/bpmn/"));
      int forms = Math.max(url.lastIndexOf("/forms/"), url.lastIndexOf("!/forms/"));
      int root = Math.max(bpmn, forms);
      if (root < 0) {
        return resource.getFilename();
      }
      return url.substring(url.indexOf('/', root) + 1);
    } catch (IOException e) {
      return resource.getFilename();
    }
  }
}
