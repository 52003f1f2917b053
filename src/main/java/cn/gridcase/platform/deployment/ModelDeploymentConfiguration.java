package cn.gridcase.platform.deployment;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

@Configuration(proxyBeanMethods = false)
class ModelDeploymentConfiguration {

  @Bean
  ModelDeployment modelDeployment(RepositoryService repositoryService, ResourceLoader resourceLoader) {
    return new ModelDeployment(repositoryService, ResourcePatternUtils.getResourcePatternResolver(resourceLoader));
  }

  /** Deploy once the engine is up, before the application reports itself started. */
  @Bean
  ModelDeploymentOnStart modelDeploymentOnStart(ModelDeployment deployment, ProcessEngine engine) {
    return new ModelDeploymentOnStart(deployment);
  }

  static class ModelDeploymentOnStart {
    private final ModelDeployment deployment;

    ModelDeploymentOnStart(ModelDeployment deployment) {
      this.deployment = deployment;
    }

    @EventListener(ApplicationStartedEvent.class)
    void deploy() {
      deployment.deployChanged();
    }
  }
}
