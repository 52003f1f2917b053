package cn.gridcase.platform.web;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.InvalidRequest;
import cn.gridcase.platform.Text;
import cn.gridcase.platform.TextRules;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The plausibility checks of {@link TextRules} on every {@code /api} request body, once it is read:
 * every String of the body (record components, nested records, lists) by its {@link Text} limits or
 * the single-line default, every date and time by the 2000–2100 range. Any problem → 400 listing
 * every field, before the controller runs (nothing is stored).
 */
@ControllerAdvice
class RequestBodyChecks extends RequestBodyAdviceAdapter {

  private static final int MAX_DEPTH = 8;

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object afterBodyRead(
      Object body,
      HttpInputMessage inputMessage,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    List<ApiError> errors = problems(body);
    if (!errors.isEmpty()) {
      throw new InvalidRequest("请求中有不合要求的值", errors);
    }
    return body;
  }

  /** Every problem of a request body; public to the package for the coverage test. */
  static List<ApiError> problems(Object body) {
    List<ApiError> errors = new ArrayList<>();
    walk(body, null, null, errors, 0);
    return errors;
  }

  private static void walk(
      Object value, String path, Text limits, List<ApiError> errors, int depth) {
    if (value == null || depth > MAX_DEPTH) {
      return;
    }
    if (value instanceof String text) {
      int max = limits == null ? TextRules.DEFAULT_MAX : limits.max();
      boolean multiLine = limits != null && limits.multiLine();
      TextRules.check(path, text, max, multiLine).ifPresent(errors::add);
    } else if (value instanceof Temporal time) {
      TextRules.checkTime(path, time).ifPresent(errors::add);
    } else if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, (path == null ? "" : path) + "[" + i++ + "]", limits, errors, depth + 1);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        TextRules.check(join(path, key), key, TextRules.DEFAULT_MAX, false).ifPresent(errors::add);
        walk(entry.getValue(), join(path, key), limits, errors, depth + 1);
      }
    } else if (value.getClass().isRecord()) {
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        Object field;
        try {
          // request records are package-private types of their feature
          Method accessor = component.getAccessor();
          accessor.setAccessible(true);
          field = accessor.invoke(value);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + component.getName(), e);
        }
        walk(
            field,
            join(path, component.getName()),
            component.getAnnotation(Text.class),
            errors,
            depth + 1);
      }
    }
  }

  private static String join(String path, String name) {
    return path == null || path.isEmpty() ? name : path + "." + name;
  }
}
