package cn.gridcase.platform.web;

import jakarta.servlet.ServletRegistration;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Camunda's REST API, at {@code /engine-rest} and as the webapps' {@code /camunda/api/engine}, with
 * GridCase's answers to failures ({@link EngineRestErrors}): a step refused by a domain rule (a
 * task listener's validation) answers 400 with every problem listed, as the {@code /api} does with
 * 422; every client mistake a 4xx; no Java class in any body.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

  /** The servlet the Camunda webapp starter registers for {@code /camunda/api/engine/*}. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  CamundaJerseyResourceConfig createRestConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        EngineRestErrors.MAPPERS.forEach(this::register);
      }
    };
  }

  /**
   * The webapps' engine API is a Jersey servlet the webapp starter builds from Camunda's own
   * application class, unless a servlet of that name exists already: this initializer runs first
   * and registers it with {@link WebappEngineApi}, the same application plus GridCase's answers to
   * failures.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ServletContextInitializer webappEngineApi(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String appPath) {
    return servletContext -> {
      if (servletContext.getServletRegistration(WEBAPP_ENGINE_API) == null) {
        ServletRegistration.Dynamic servlet =
            servletContext.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
        servlet.addMapping(appPath + "/api/engine/*");
        servlet.setInitParameter("jakarta.ws.rs.Application", WebappEngineApi.class.getName());
      }
    };
  }

  /** Camunda's webapp engine API with {@link EngineRestErrors}' mappers. */
  public static class WebappEngineApi extends EngineRestApplication {
    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new HashSet<>(super.getClasses());
      classes.addAll(EngineRestErrors.MAPPERS);
      return classes;
    }
  }
}
