package cn.gridcase.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.platform.Text;
import cn.gridcase.test.GridCaseSpringTest;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 10 item 5: every text field of every /api request type has a documented limit
 * ({@code @Text}).
 */
@GridCaseSpringTest
class RequestTextLimitsTests {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  @DisplayName(
      "issue 10 item 5: every String (and list of Strings) of every /api request body declares its"
          + " length with @Text")
  void everyTextFieldHasALimit() {
    List<String> unlimited = new ArrayList<>();
    Set<Class<?>> seen = new HashSet<>();
    int bodies = 0;
    for (var handler : mappings.getHandlerMethods().values()) {
      for (MethodParameter parameter : handler.getMethodParameters()) {
        if (parameter.hasParameterAnnotation(RequestBody.class)) {
          bodies++;
          collect(
              parameter.getParameterType(),
              parameter.getParameterType().getSimpleName(),
              unlimited,
              seen);
        }
      }
    }
    assertThat(bodies).as("request bodies found").isGreaterThan(20);
    assertThat(unlimited).isEmpty();
  }

  private static void collect(
      Class<?> type, String path, List<String> unlimited, Set<Class<?>> seen) {
    if (!type.isRecord() || !seen.add(type)) {
      return;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      Class<?> fieldType = component.getType();
      Class<?> element = fieldType;
      if (List.class.isAssignableFrom(fieldType)
          && component.getGenericType() instanceof ParameterizedType list) {
        Type argument = list.getActualTypeArguments()[0];
        element = argument instanceof Class<?> c ? c : Object.class;
      }
      if (element == String.class && component.getAnnotation(Text.class) == null) {
        unlimited.add(path + "." + component.getName());
      }
      collect(element, path + "." + component.getName(), unlimited, seen);
    }
  }
}
