package cn.gridcase.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes an RFC 9457 problem+json body outside Spring MVC (security filters), in the same shape as
 * the answers of the MVC exception handler.
 */
public final class ProblemJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemJson() {}

  public static void write(
      HttpServletResponse response, HttpStatus status, String detail, String instance)
      throws IOException {
    write(response, status, status.getReasonPhrase(), detail, instance, Map.of());
  }

  /**
   * With a title of its own and extra members after the standard ones (e.g. {@code lockedUntil}).
   */
  public static void write(
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail,
      String instance,
      Map<String, ?> extensions)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", instance);
    body.putAll(extensions);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), body);
  }
}
