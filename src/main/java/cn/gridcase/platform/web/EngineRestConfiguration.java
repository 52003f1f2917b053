package cn.gridcase.platform.web;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API ({@code /engine-rest}) with one addition: a step refused by a domain rule in
 * the process layer (a task listener's validation) answers 400 with every problem listed, as the
 * {@code /api} does with 422, instead of the engine's generic 500.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

  @Bean
  CamundaJerseyResourceConfig createRestConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        register(RuleViolationMapper.class);
        register(ClaimConflictMapper.class);
        register(ListenerRefusalMapper.class);
      }
    };
  }

  /**
   * A task listener's refusal thrown straight out of a service call (claim, for one): the engine
   * wraps it in a ProcessEngineException, which Camunda would answer 500.
   */
  @Priority(1)
  public static class ListenerRefusalMapper implements ExceptionMapper<org.camunda.bpm.engine.ProcessEngineException> {

    private final org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler camunda =
        new org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(org.camunda.bpm.engine.ProcessEngineException exception) {
      Throwable refusal = RuleViolationMapper.authorizationIn(exception);
      if (refusal != null && refusal != exception) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "AuthorizationException");
        body.put("message", refusal.getMessage());
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }
      return camunda.toResponse(exception);
    }
  }

  /** Claiming a task someone else holds is a conflict with the task's state (409), not a server fault. */
  public static class ClaimConflictMapper implements ExceptionMapper<org.camunda.bpm.engine.TaskAlreadyClaimedException> {

    @Override
    public Response toResponse(org.camunda.bpm.engine.TaskAlreadyClaimedException claimed) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "TaskAlreadyClaimed");
      body.put("message", "此任务已由 " + claimed.getTaskAssignee() + " 签收 (the task is held by someone else)");
      return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
  }

  /** Chosen before Camunda's own mapper of RestException (lower priority value wins). */
  @Priority(1)
  public static class RuleViolationMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      Throwable refusal = authorizationIn(exception);
      if (refusal != null) {
        // a task listener's refusal (e.g. acting on a task someone else holds) is wrapped by the engine
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "AuthorizationException");
        body.put("message", refusal.getMessage());
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }
      return DomainRuleViolation.in(exception).map(violation -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "DomainRuleViolation");
        body.put("message", violation.getMessage());
        body.put("errors", violation.errors().stream().map(RuleViolationMapper::error).toList());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }).orElseGet(() -> camunda.toResponse(exception));
    }

    static Throwable authorizationIn(Throwable exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof org.camunda.bpm.engine.AuthorizationException) {
          return cause;
        }
      }
      return null;
    }

    private static Map<String, String> error(ApiError error) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("field", error.field());
      entry.put("code", error.code());
      entry.put("message", error.message());
      return entry;
    }
  }
}
