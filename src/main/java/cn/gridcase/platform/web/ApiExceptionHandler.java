package cn.gridcase.platform.web;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.InvalidRequest;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure of an {@code /api} request becomes an RFC 9457 problem+json answer: 400 for
 * malformed input (with the location of the problem), 404/409/422 for the domain's refusals with
 * every problem listed, and a bare 500 without internals for anything unexpected.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setTitle("Malformed request body");
    Throwable cause = ex.getCause();
    if (cause instanceof JsonProcessingException json) {
      String field = cause instanceof JsonMappingException mapping ? pathOf(mapping) : null;
      String where = locationOf(json.getLocation());
      String what = describe(json);
      problem.setDetail(what + where + (field != null ? " (field '" + field + "')" : ""));
      problem.setProperty("errors", List.of(new ApiError(field, codeOf(json), what + where)));
    } else {
      problem.setDetail("The request body is missing or is not valid JSON.");
      problem.setProperty("errors", List.of(new ApiError(null, "body.unreadable", problem.getDetail())));
    }
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<ApiError> errors = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.add(new ApiError(error.getField(), "invalid." + error.getCode(), error.getDefaultMessage()));
    }
    ex.getBindingResult().getGlobalErrors().forEach(error ->
        errors.add(new ApiError(null, "invalid." + error.getCode(), error.getDefaultMessage())));
    return ResponseEntity.badRequest().body(validationProblem(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<ApiError> errors = new ArrayList<>();
    ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
        errors.add(new ApiError(result.getMethodParameter().getParameterName(),
            "invalid." + (error.getCodes() != null && error.getCodes().length > 0
                ? error.getCodes()[error.getCodes().length - 1] : "value"),
            error.getDefaultMessage()))));
    return ResponseEntity.badRequest().body(validationProblem(errors));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
    String expected = ex.getRequiredType() != null ? ex.getRequiredType().getSimpleName() : "another type";
    String message = "'" + ex.getValue() + "' is not a valid " + expected;
    return ResponseEntity.badRequest().body(validationProblem(List.of(new ApiError(ex.getName(), "type", message))));
  }

  @ExceptionHandler(InvalidRequest.class)
  ResponseEntity<Object> invalidRequest(InvalidRequest ex) {
    ProblemDetail problem = validationProblem(ex.errors());
    problem.setDetail(ex.getMessage() + ": " + problem.getDetail());
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(DomainRuleViolation.class)
  ResponseEntity<Object> ruleViolation(DomainRuleViolation ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
    problem.setTitle("Refused by a domain rule");
    problem.setProperty("errors", ex.errors());
    return ResponseEntity.unprocessableEntity().body(problem);
  }

  @ExceptionHandler(StateConflict.class)
  ResponseEntity<Object> conflict(StateConflict ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    problem.setTitle("Not possible in the current state");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<Object> notFound(NotFound ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    problem.setTitle("Not found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> forbidden(AccessDeniedException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
        "You are not allowed to do this.");
    problem.setTitle("Forbidden");
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
  }

  /** Anything unexpected: logged here, never shown to the client. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception ex, WebRequest request) throws Exception {
    if (ex instanceof org.springframework.web.ErrorResponse) {
      return handleException(ex, request);
    }
    log.error("Unexpected failure of {}", request.getDescription(false), ex);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "The request failed on the server. Nothing was changed by it; the error has been logged.");
    problem.setTitle("Internal error");
    return ResponseEntity.internalServerError().body(problem);
  }

  private static ProblemDetail validationProblem(List<ApiError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        errors.size() + (errors.size() == 1 ? " problem: " : " problems: ")
            + errors.stream().map(e -> (e.field() != null ? e.field() + ": " : "") + e.message())
                .collect(Collectors.joining("; ")));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return problem;
  }

  private static String pathOf(JsonMappingException ex) {
    if (ex.getPath().isEmpty()) {
      return null;
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : ex.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String locationOf(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String codeOf(JsonProcessingException ex) {
    if (ex instanceof UnrecognizedPropertyException) {
      return "body.unknownField";
    }
    if (ex instanceof InvalidFormatException || ex instanceof MismatchedInputException) {
      return "body.type";
    }
    return "body.malformed";
  }

  /** Jackson's messages quote internals (class names); say what is wrong in the client's terms. */
  private static String describe(JsonProcessingException ex) {
    if (ex instanceof UnrecognizedPropertyException unknown) {
      return "Unknown field '" + unknown.getPropertyName() + "'";
    }
    if (ex instanceof InvalidFormatException format) {
      return "'" + format.getValue() + "' is not a valid " + typeName(format.getTargetType());
    }
    if (ex instanceof MismatchedInputException mismatch) {
      return "Expected " + typeName(mismatch.getTargetType());
    }
    return "Malformed JSON: " + ex.getOriginalMessage();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      List<String> names = new ArrayList<>();
      for (Object c : constants) {
        names.add(c.toString());
      }
      return "value (one of " + String.join(", ", names) + ")";
    }
    return switch (type.getSimpleName()) {
      case "OffsetDateTime", "ZonedDateTime", "Instant" -> "date-time (ISO-8601 with offset)";
      case "LocalDate" -> "date (YYYY-MM-DD)";
      case "Integer", "int", "Long", "long" -> "integer";
      case "Boolean", "boolean" -> "boolean (true/false)";
      case "List", "Set" -> "array";
      default -> type.getSimpleName().toLowerCase() + " value";
    };
  }
}
