package cn.gridcase.platform.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Deploys the BPMN and DMN models of {@code bpmn/} and the Camunda Forms of {@code forms/} as one
 * deployment named {@value #DEPLOYMENT_NAME}.
 *
 * <p>Why not the starter's auto-deployment: it names resources by their absolute path under
 * {@code spring-boot:run} and by their file name in the fat jar, which defeats duplicate filtering.
 * Here a resource is named by its path from the classpath root ({@code bpmn/event-handling.bpmn},
 * {@code forms/accept-event.form}) in every launch mode, and only changed resources are redeployed.
 */
public class ModelDeployment {

  public static final String DEPLOYMENT_NAME = "gridcase";
  static final List<String> PATTERNS = List.of(
      "classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn", "classpath*:forms/**/*.form");

  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

  private final RepositoryService repositoryService;
  private final ResourcePatternResolver resolver;

  public ModelDeployment(RepositoryService repositoryService, ResourcePatternResolver resolver) {
    this.repositoryService = repositoryService;
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
    DeploymentBuilder builder = repositoryService.createDeployment()
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
    if (repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count() == before) {
      log.info("Models unchanged: nothing deployed");
      return null;
    }
    List<String> deployed = new ArrayList<>(repositoryService.getDeploymentResourceNames(deployment.getId()));
    log.info("Deployed {} changed model(s) of {}: {}", deployed.size(), resources.size(), deployed);
    return deployment;
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

  /** {@code .../classes/bpmn/x/y.bpmn} and {@code jar:...!/BOOT-INF/classes!/bpmn/x/y.bpmn} both give {@code bpmn/x/y.bpmn}. */
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
