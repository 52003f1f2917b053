package cn.gridcase.platform.web;

import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.InvalidRequest;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A failure of a page a browser asked for (an unknown path, a page controller's unexpected error)
 * is a Chinese error page, not problem+json: the status is sent with {@code sendError}, and Spring
 * Boot's {@code /error} renders {@code templates/error/404.html}, {@code 403.html}, {@code
 * 4xx.html} or {@code 5xx.html} for a browser. API paths ({@code /api}, {@code /engine-rest},
 * {@code /camunda/api}, {@code /actuator}, {@code /v3/api-docs}) and requests that do not accept
 * HTML are left to {@link ApiExceptionHandler} (problem+json) as before.
 */
@Component
class BrowserPageErrors implements HandlerExceptionResolver, Ordered {

  private static final Logger log = LoggerFactory.getLogger(BrowserPageErrors.class);

  /** Paths whose answers are problem+json whatever the client accepts. */
  static final List<String> API_PATHS =
      List.of("/api/", "/engine-rest/", "/camunda/api/", "/actuator/", "/v3/api-docs");

  @Override
  public int getOrder() {
    // before the resolver of @ExceptionHandler methods (ApiExceptionHandler); after Spring Boot's
    // DefaultErrorAttributes, which only records the exception for /error
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (!isBrowserPage(request) || response.isCommitted() || isWebPage(handler)) {
      // a page controller (@WebPage) answers its own failures with a page that says what happened
      // (its own @ExceptionHandlers, then PageErrors)
      return null;
    }
    int status = statusOf(ex);
    if (status >= 500) {
      log.error("Unexpected failure of page {}", request.getRequestURI(), ex);
    }
    try {
      response.sendError(status);
    } catch (IOException e) {
      return null;
    }
    return new ModelAndView();
  }

  private static boolean isWebPage(Object handler) {
    return handler instanceof HandlerMethod method
        && AnnotatedElementUtils.hasAnnotation(method.getBeanType(), WebPage.class);
  }

  static boolean isBrowserPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/api")
        || path.equals("/engine-rest")
        || path.equals("/v3/api-docs")
        || API_PATHS.stream().anyMatch(path::startsWith)) {
      return false;
    }
    String accept = request.getHeader("Accept");
    if (accept == null) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream()
          .anyMatch(
              type ->
                  type.getQualityValue() > 0
                      && !type.isWildcardType()
                      && type.includes(MediaType.TEXT_HTML));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private static int statusOf(Exception ex) {
    if (ex instanceof NotFound) {
      return HttpStatus.NOT_FOUND.value();
    }
    if (ex instanceof AccessDeniedException || ex instanceof AuthorizationException) {
      return HttpStatus.FORBIDDEN.value();
    }
    if (ex instanceof InvalidRequest) {
      return HttpStatus.BAD_REQUEST.value();
    }
    if (ex instanceof StateConflict) {
      return HttpStatus.CONFLICT.value();
    }
    if (ex instanceof DomainRuleViolation) {
      return HttpStatus.UNPROCESSABLE_ENTITY.value();
    }
    if (ex instanceof TypeMismatchException || ex instanceof HttpMessageNotReadableException) {
      return HttpStatus.BAD_REQUEST.value();
    }
    if (ex instanceof HttpMediaTypeNotAcceptableException) {
      return HttpStatus.NOT_ACCEPTABLE.value();
    }
    if (ex instanceof ErrorResponse error) {
      return error.getStatusCode().value();
    }
    return HttpStatus.INTERNAL_SERVER_ERROR.value();
  }
}
