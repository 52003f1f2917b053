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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
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
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setTitle("请求正文无法读取");
    Throwable cause = ex.getCause();
    if (cause instanceof JsonProcessingException json) {
      String field = cause instanceof JsonMappingException mapping ? pathOf(mapping) : null;
      String where = locationOf(json.getLocation());
      String what = describe(json);
      problem.setDetail(what + where + (field != null ? "（字段 " + field + "）" : ""));
      problem.setProperty("errors", List.of(new ApiError(field, codeOf(json), what + where)));
    } else {
      problem.setDetail("请求正文缺失，或不是有效的 JSON。");
      problem.setProperty(
          "errors", List.of(new ApiError(null, "body.unreadable", problem.getDetail())));
    }
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<ApiError> errors = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.add(
          new ApiError(error.getField(), "invalid." + error.getCode(), error.getDefaultMessage()));
    }
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(
            error ->
                errors.add(
                    new ApiError(null, "invalid." + error.getCode(), error.getDefaultMessage())));
    return ResponseEntity.badRequest().body(validationProblem(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<ApiError> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            result ->
                result
                    .getResolvableErrors()
                    .forEach(
                        error ->
                            errors.add(
                                new ApiError(
                                    result.getMethodParameter().getParameterName(),
                                    "invalid."
                                        + (error.getCodes() != null && error.getCodes().length > 0
                                            ? error.getCodes()[error.getCodes().length - 1]
                                            : "value"),
                                    error.getDefaultMessage()))));
    return ResponseEntity.badRequest().body(validationProblem(errors));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
    String expected = typeName(ex.getRequiredType());
    String message = "'" + ex.getValue() + "' 不是有效的 " + expected;
    return ResponseEntity.badRequest()
        .body(validationProblem(List.of(new ApiError(ex.getName(), "type", message))));
  }

  @ExceptionHandler(InvalidRequest.class)
  ResponseEntity<Object> invalidRequest(InvalidRequest ex) {
    ProblemDetail problem = validationProblem(ex.errors());
    problem.setDetail(ex.getMessage() + "：" + problem.getDetail());
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(DomainRuleViolation.class)
  ResponseEntity<Object> ruleViolation(DomainRuleViolation ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
    problem.setTitle("不符合业务规则");
    problem.setProperty("errors", ex.errors());
    return ResponseEntity.unprocessableEntity().body(problem);
  }

  @ExceptionHandler(StateConflict.class)
  ResponseEntity<Object> conflict(StateConflict ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    problem.setTitle("当前状态下不能执行");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  /**
   * Two requests that raced for the same unique row (two corrections of one record, two first
   * admissions of one matter): the loser's action no longer fits the state the winner left, 409 as
   * for any state conflict, not a 500.
   */
  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<Object> duplicate(DuplicateKeyException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "同一记录刚被另一请求改动，请刷新后重试。");
    problem.setTitle("当前状态下不能执行");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<Object> notFound(NotFound ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    problem.setTitle("未找到");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> forbidden(AccessDeniedException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "您没有执行此操作的权限。");
    problem.setTitle("无权操作");
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
  }

  /** Spring Security's firewall refuses characters in a parameter (e.g. of a form-encoded body). */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<Object> rejected(RequestRejectedException ex) {
    return ResponseEntity.badRequest()
        .body(
            validationProblem(
                List.of(new ApiError(null, "request.rejected", "请求的参数名或参数值含有不允许的字符"))));
  }

  /** A multipart body that cannot be parsed (an endpoint that takes a file). */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> unreadableMultipart(MultipartException ex) {
    if (ex instanceof MaxUploadSizeExceededException) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件过大。");
      problem.setTitle("请求过大");
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }
    return ResponseEntity.badRequest()
        .body(
            validationProblem(
                List.of(
                    new ApiError(
                        null,
                        "body.multipart",
                        "multipart/form-data 正文无法解析（缺少 boundary 或格式不完整）"))));
  }

  /**
   * Spring's own answers (unknown path, method or media type not supported, …) in Chinese, with
   * what the client can change; never the exception's text.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    ResponseEntity<Object> answer =
        super.handleExceptionInternal(ex, body, headers, statusCode, request);
    if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
      problem.setTitle(titleOf(statusCode.value()));
      problem.setDetail(detailOf(ex, statusCode.value()));
    }
    return answer;
  }

  private static String titleOf(int status) {
    return switch (status) {
      case 400 -> "请求无效";
      case 404 -> "未找到";
      case 405 -> "不支持的请求方法";
      case 406 -> "无法提供所要求的格式";
      case 413 -> "请求过大";
      case 415 -> "不支持的正文类型";
      default -> status >= 500 ? "服务器内部错误" : "请求无法执行";
    };
  }

  private static String detailOf(Exception ex, int status) {
    if (ex instanceof HttpRequestMethodNotSupportedException method) {
      return "此路径不支持 "
          + method.getMethod()
          + " 方法"
          + (method.getSupportedMethods() == null
              ? ""
              : "；可用：" + String.join(", ", method.getSupportedMethods()));
    }
    if (ex instanceof HttpMediaTypeNotSupportedException) {
      return "不支持该 Content-Type；请以 application/json 发送正文（上传文件的接口用 multipart/form-data）";
    }
    if (ex instanceof MissingServletRequestParameterException missing) {
      return "缺少参数 " + missing.getParameterName();
    }
    if (ex instanceof MissingServletRequestPartException missing) {
      return "缺少上传部分 " + missing.getRequestPartName();
    }
    return switch (status) {
      case 404 -> "没有这个路径。";
      case 406 -> "无法以 Accept 所要求的格式答复；请接受 application/json。";
      default -> status >= 500 ? "服务器处理请求时出错，请求未生效；错误已记录。" : "请求无法执行。";
    };
  }

  /** Anything unexpected: logged here, never shown to the client. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception ex, WebRequest request) throws Exception {
    if (ex instanceof ErrorResponse) {
      return handleException(ex, request);
    }
    log.error("Unexpected failure of {}", request.getDescription(false), ex);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "服务器处理请求时出错，请求未生效；错误已记录。");
    problem.setTitle("服务器内部错误");
    return ResponseEntity.internalServerError().body(problem);
  }

  private static ProblemDetail validationProblem(List<ApiError> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            errors.size()
                + " 处问题："
                + errors.stream()
                    .map(e -> (e.field() != null ? e.field() + ": " : "") + e.message())
                    .collect(Collectors.joining("；")));
    problem.setTitle("请求无效");
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
    return "，位于第 " + location.getLineNr() + " 行第 " + location.getColumnNr() + " 列";
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
      return "未知字段 '" + unknown.getPropertyName() + "'";
    }
    if (ex instanceof InvalidFormatException format) {
      return "'" + format.getValue() + "' 不是有效的 " + typeName(format.getTargetType());
    }
    if (ex instanceof MismatchedInputException mismatch) {
      return "应为 " + typeName(mismatch.getTargetType());
    }
    String original = ex.getOriginalMessage() == null ? "" : ex.getOriginalMessage();
    if (original.contains("nesting depth")) {
      return "JSON 嵌套层数超过 1000";
    }
    if (original.contains("Number value length") || original.contains("String value length")) {
      return "JSON 中的数字或字符串过长";
    }
    String shown = EngineRestErrors.shownDetail(original);
    return "JSON 语法错误" + (shown == null ? "" : "：" + shown);
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "取值";
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      List<String> names = new ArrayList<>();
      for (Object c : constants) {
        names.add(c.toString());
      }
      return "取值（可选：" + String.join(", ", names) + "）";
    }
    return switch (type.getSimpleName()) {
      case "OffsetDateTime", "ZonedDateTime", "Instant" ->
          "时间 date-time（ISO-8601 字符串，带时区偏移，如 2026-10-09T08:00:00+08:00）";
      case "LocalDate" -> "日期 date (YYYY-MM-DD)";
      case "Integer", "int", "Long", "long" -> "整数";
      case "Boolean", "boolean" -> "布尔值（true/false）";
      case "List", "Set" -> "数组";
      case "String" -> "字符串";
      default -> "对象";
    };
  }
}
