package cn.gridcase.platform.web;

import cn.gridcase.platform.ActionRefused;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers of Camunda's REST API ({@code /engine-rest} and the webapps' {@code
 * /camunda/api/engine}) when a request fails: Camunda's shape {@code {type, message, code}}, but
 * with a neutral {@code type} (never a Java class), a message in Chinese without internals, and a
 * 4xx for every client mistake.
 *
 * <p>Which failures are the client's: everything the engine refuses by itself (its {@link
 * ProcessEngineException}s without a cause from elsewhere, e.g. an unknown BPMN error code, a task
 * that is gone), every JSON that cannot be read (too deep, too long a number), and any failure of
 * the REST layer while it reads the request before an engine command runs (e.g. a {@code null} body
 * or a variable with {@code "type": ""}: Camunda's resources then fail with a NullPointerException
 * or an index error). A failure raised underneath a command by something other than the engine's
 * own checks (the database, GridCase's code, an expression) is a server fault: 500, logged, never
 * shown.
 *
 * <p>The webapps read {@code type} only to detail a 403 ({@code "AuthorizationException"}); with
 * the neutral {@code "Forbidden"} they show their general "not allowed" message instead.
 */
public final class EngineRestErrors {

  private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

  /** An engine message is shown only when it names no Java class and carries no stack frame. */
  private static final Pattern INTERNALS =
      Pattern.compile(
          "(?:\\b(?:java|javax|jakarta|org|com|cn|sun)\\.[a-z])|Exception|Error\\b|\\bat"
              + " [a-z]+\\.|\\$|@[0-9a-f]{4,}");

  private EngineRestErrors() {}

  /** What a failure is answered with. */
  record Answer(int status, String type, String message, Integer code, List<ApiError> errors) {}

  static Response toResponse(Throwable thrown) {
    Answer answer = classify(thrown);
    if (answer.status() >= 500) {
      log.error("Engine REST request failed on the server", thrown);
    } else {
      log.debug("Engine REST request refused ({}): {}", answer.status(), thrown.toString());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", answer.type());
    body.put("message", answer.message());
    body.put("code", answer.code());
    if (answer.errors() != null) {
      body.put("errors", answer.errors().stream().map(EngineRestErrors::error).toList());
    }
    return Response.status(answer.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }

  static Answer classify(Throwable thrown) {
    var violation = DomainRuleViolation.in(thrown);
    if (violation.isPresent()) {
      return new Answer(
          400, "RuleViolation", violation.get().getMessage(), null, violation.get().errors());
    }
    ActionRefused refused = find(thrown, ActionRefused.class);
    if (refused != null) {
      return new Answer(403, "Forbidden", refused.getMessage(), null, null);
    }
    if (find(thrown, AuthorizationException.class) != null) {
      return new Answer(403, "Forbidden", "您没有执行此操作的权限。", null, null);
    }
    JsonProcessingException json = find(thrown, JsonProcessingException.class);
    if (json instanceof JsonGenerationException) {
      // writing the answer failed: the server's fault (a client's value that Jackson cannot
      // convert, e.g. a variable of type Null with a value, is an InvalidDefinitionException: 400)
      return serverFault();
    }
    if (json != null) {
      return new Answer(400, "InvalidRequest", describe(json), null, null);
    }
    if (thrown instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      return status >= 500
          ? serverFault()
          : new Answer(status, typeOf(status), messageOf(status, null), null, null);
    }
    Throwable foreign = firstForeignCause(thrown);
    if (foreign != null
        && (raisedUnderCommand(foreign)
            || foreign instanceof SQLException
            || foreign instanceof Error)) {
      return serverFault();
    }
    if (foreign != null) {
      // the REST layer failed while reading the request: nothing ran, the request is at fault.
      // Logged with its stack all the same, in case it was the REST layer's own fault after all.
      log.warn("Engine REST request refused as unreadable: {}", foreign.toString(), foreign);
      return new Answer(
          400,
          "InvalidRequest",
          "请求无法处理：正文缺失或为 null，或某个值不合要求（例如变量的 type 为空、文件变量缺少 valueInfo）。",
          null,
          null);
    }
    ProcessEngineException engine = find(thrown, ProcessEngineException.class);
    Integer code = engine == null || engine.getCode() == 0 ? null : engine.getCode();
    String detail = engine != null ? engine.getMessage() : thrown.getMessage();
    int status = 400;
    if (find(thrown, OptimisticLockingException.class) != null
        || find(thrown, TaskAlreadyClaimedException.class) != null) {
      status = 409;
    } else if (find(thrown, NotFoundException.class) != null
        || (find(thrown, NullValueException.class) != null
            && detail != null
            && detail.startsWith("Cannot find"))) {
      // an unknown id: the engine's NotFoundException, or its null check of the looked-up entity
      status = 404;
    } else if (engine == null
        && thrown instanceof RestException rest
        && rest.getStatus() != null
        && rest.getStatus().getStatusCode() < 500) {
      status = rest.getStatus().getStatusCode();
    } else if (engine instanceof BadUserRequestException) {
      status = 400;
    }
    if (status == 400 && engine != null && !(engine instanceof BadUserRequestException)) {
      // the engine refused without calling it the user's fault: maybe a model's or our own mistake
      log.warn("Engine REST request refused (400) by the engine: {}", thrown.toString());
    }
    return new Answer(status, typeOf(status), messageOf(status, detail), code, null);
  }

  private static Answer serverFault() {
    return new Answer(500, "ServerError", "服务器处理请求时出错，请求未生效；错误已记录。", null, null);
  }

  /** The first cause in the chain that is neither the engine's nor the REST layer's own refusal. */
  private static Throwable firstForeignCause(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      // the engine calls query methods by reflection (filters): its own refusal arrives wrapped
      boolean reflection =
          cause instanceof InvocationTargetException
              || cause instanceof UndeclaredThrowableException;
      if (!(cause instanceof ProcessEngineException)
          && !(cause instanceof RestException)
          && !reflection) {
        return cause;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  /**
   * Whether it was thrown while an engine command ran (its stack passes the command interceptors).
   */
  private static boolean raisedUnderCommand(Throwable thrown) {
    for (StackTraceElement frame : thrown.getStackTrace()) {
      if (frame.getClassName().startsWith("org.camunda.bpm.engine.impl.interceptor.")) {
        return true;
      }
    }
    return false;
  }

  private static String typeOf(int status) {
    return switch (status) {
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 406 -> "NotAcceptable";
      case 409 -> "Conflict";
      case 415 -> "UnsupportedMediaType";
      default -> "InvalidRequest";
    };
  }

  private static String messageOf(int status, String detail) {
    String text =
        switch (status) {
          case 403 -> "您没有执行此操作的权限。";
          case 404 -> "要操作的对象不存在，或已结束（例如任务已办结）。";
          case 405 -> "此路径不支持该请求方法。";
          case 406 -> "无法以所要求的格式（Accept）答复。";
          case 409 -> "对象已被他人修改或认领，请刷新后重试。";
          case 415 -> "不支持该请求正文类型（Content-Type），请使用 application/json。";
          default -> "请求无法执行。";
        };
    String shown = shownDetail(detail);
    return shown == null ? text : text + "（" + shown + "）";
  }

  /** The engine's own words when they are safe to show (ids and codes, no classes). */
  static String shownDetail(String detail) {
    if (detail == null || detail.isBlank() || INTERNALS.matcher(detail).find()) {
      return null;
    }
    String trimmed = detail.strip();
    return trimmed.length() > 300 ? trimmed.substring(0, 300) + "…" : trimmed;
  }

  private static String describe(JsonProcessingException json) {
    StringBuilder text = new StringBuilder("请求正文不是可读的 JSON");
    String original = json.getOriginalMessage() == null ? "" : json.getOriginalMessage();
    if (original.contains("nesting depth")) {
      text.append("：嵌套层数超过 1000");
    } else if (original.contains("Number value length") || original.contains("out of range")) {
      text.append("：数字过长或超出范围");
    } else if (json instanceof JsonParseException) {
      text.append("：语法错误");
    } else {
      text.append("：字段的类型不符");
    }
    if (json instanceof JsonMappingException mapping) {
      String path = pathOf(mapping);
      if (!path.isEmpty()) {
        text.append("（字段 ").append(path).append("）");
      }
    }
    JsonLocation location = json.getLocation();
    if (location != null && location.getLineNr() > 0) {
      text.append("，位于第 ")
          .append(location.getLineNr())
          .append(" 行第 ")
          .append(location.getColumnNr())
          .append(" 列");
    }
    return text.append('。').toString();
  }

  private static String pathOf(JsonMappingException mapping) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : mapping.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
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

  // One mapper per type Camunda maps itself (Jersey picks the closest type, then the lowest
  // priority
  // value), so every failure of the REST API is answered here.

  /** Any failure Camunda's own mappers would answer with the exception's class as its type. */
  @Priority(1)
  public static class AnyFailure implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
      return EngineRestErrors.toResponse(exception);
    }
  }

  @Priority(1)
  public static class EngineFailure implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return EngineRestErrors.toResponse(exception);
    }
  }

  @Priority(1)
  public static class RestFailure implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return EngineRestErrors.toResponse(exception);
    }
  }

  @Priority(1)
  public static class UnreadableJson implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException exception) {
      return EngineRestErrors.toResponse(exception);
    }
  }

  @Priority(1)
  public static class UnmappableJson implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException exception) {
      return EngineRestErrors.toResponse(exception);
    }
  }

  /** The mappers, for registration in each of Camunda's REST applications. */
  static final List<Class<?>> MAPPERS =
      List.of(
          AnyFailure.class,
          EngineFailure.class,
          RestFailure.class,
          UnreadableJson.class,
          UnmappableJson.class);
}
