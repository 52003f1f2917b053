package cn.gridcase.platform.web;

import cn.gridcase.platform.ProblemJson;
import cn.gridcase.platform.Text;
import com.fasterxml.jackson.databind.Module;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.annotation.Annotation;
import org.apache.catalina.core.StandardHost;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ContentTypeCheck()).addPathPatterns("/api/**");
  }

  @Bean
  Module isoTimesOnly() {
    return new IsoTimesOnly();
  }

  /**
   * {@code /error} is where the container forwards a failed request; asked for directly it has no
   * error to show (Spring Boot would answer 500 with status 999): 404 like any unknown path.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> errorPathAskedDirectly(
      @Value("${server.error.path:/error}") String errorPath) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws IOException {
                ProblemJson.write(
                    response, HttpStatus.NOT_FOUND, "没有这个路径。", request.getRequestURI());
              }
            });
    registration.addUrlPatterns(errorPath, errorPath + "/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  /**
   * A request Spring Security's firewall refuses before any filter chain (e.g. an encoded slash or
   * a control character in the path): 400 problem+json instead of the default rethrow (a 500).
   */
  @Bean
  RequestRejectedHandler requestRejectedAsBadRequest() {
    return (request, response, rejected) ->
        ProblemJson.write(
            response, HttpStatus.BAD_REQUEST, "请求的路径或参数含有不允许的字符。", request.getRequestURI());
  }

  /** Errors that never reach the application are answered in problem+json too. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonForConnectorErrors() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
              }
            });
  }

  /**
   * Every text field's {@code maxLength} in the OpenAPI document, from its {@link Text}: what
   * {@link RequestBodyChecks} enforces is what the document says.
   */
  @Bean
  PropertyCustomizer textLimitsInOpenApi() {
    return (property, type) -> {
      if (property == null || type.getCtxAnnotations() == null) {
        return property;
      }
      for (Annotation annotation : type.getCtxAnnotations()) {
        if (annotation instanceof Text text) {
          Schema<?> target = property.getItems() != null ? property.getItems() : property;
          target.setMaxLength(text.max());
          if (property.getDescription() == null) {
            property.setDescription(
                text.multiLine() ? "多行文字，最多 " + text.max() + " 字" : "单行文字，最多 " + text.max() + " 字");
          }
        }
      }
      return property;
    };
  }

  @Bean
  OpenAPI gridCaseOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("GridCase API")
                .version("1")
                .description(
                    "Grid-based community governance (网格化管理): events, deadlines in working days,"
                        + " supervision, accountability and assessment. Errors are"
                        + " application/problem+json (RFC 9457)."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
