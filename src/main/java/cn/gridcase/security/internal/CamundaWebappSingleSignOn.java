package cn.gridcase.security.internal;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the user that Spring Security authenticated to Camunda. Both filters run after Spring
 * Security's chain and read the request's principal (the Spring authentication), so Tasklist,
 * Cockpit, Admin and {@code /engine-rest} act as that user with the groups of Camunda's identity
 * store, with Camunda's authorization checks on.
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebappSingleSignOn {

  /** After Spring Security's chain (-100), before the filters of the Camunda webapp. */
  private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 200;

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthenticationFilter() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("gridcase-webapp-sso");
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setInitParameters(
        Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
    registration.setOrder(AFTER_SPRING_SECURITY);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("gridcase-engine-rest-auth");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setInitParameters(
        Map.of(
            "authentication-provider",
            ContainerBasedAuthenticationProvider.class.getName(),
            "rest-url-pattern-prefix",
            "/engine-rest"));
    registration.setOrder(AFTER_SPRING_SECURITY);
    return registration;
  }
}
