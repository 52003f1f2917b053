package cn.gridcase.platform.deployment;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

@Configuration(proxyBeanMethods = false)
class ModelDeploymentConfiguration {

  @Bean
  ModelDeployment modelDeployment(
      RepositoryService repositoryService,
      RuntimeService runtimeService,
      ResourceLoader resourceLoader) {
    return new ModelDeployment(
        repositoryService,
        runtimeService,
        ResourcePatternUtils.getResourcePatternResolver(resourceLoader));
  }

  /** Deploy once the engine is up, before the application runners (bootstrap, demo data) run. */
  @EventListener
  void deployOnStart(ApplicationStartedEvent started) {
    started.getApplicationContext().getBean(ModelDeployment.class).deployChanged();
  }
}
