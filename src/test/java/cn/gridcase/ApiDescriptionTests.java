package cn.gridcase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md, the project's own description of /api (issue 12 A8), against the OpenAPI document
 * the application serves: every operation served is described, and every one described is served,
 * so the description cannot go stale silently.
 */
class ApiDescriptionTests extends ApiTestSupport {

  /** An operation's heading in docs/api.md: {@code ### `GET /api/events/{number}`}. */
  private static final Pattern HEADING =
      Pattern.compile("^#{3,4} `(GET|POST|PUT|PATCH|DELETE) (/api\\S*)`", Pattern.MULTILINE);

  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  /**
   * Served only in tests, by the test sources' fixture controller
   * (platform.web.ProblemFixtureController).
   */
  private static final String TEST_FIXTURES = "/api/test/";

  @Test
  @DisplayName(
      "A8 docs/api.md describes exactly the /api operations of the served OpenAPI document"
          + " (/v3/api-docs)")
  void describesEveryServedOperation() throws Exception {
    Set<String> described = new TreeSet<>();
    Matcher heading = HEADING.matcher(Files.readString(Path.of("docs", "api.md")));
    while (heading.find()) {
      described.add(heading.group(1) + " " + heading.group(2));
    }
    Set<String> served = new TreeSet<>();
    JsonNode paths = api.as("admin").get("/v3/api-docs").json().get("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      if (path.getKey().startsWith(TEST_FIXTURES)) {
        continue;
      }
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method -> {
                if (METHODS.contains(method)) {
                  served.add(method.toUpperCase() + " " + path.getKey());
                }
              });
    }
    assertThat(served).as("the served document lists the API").isNotEmpty();
    List<String> undescribed = new ArrayList<>(served);
    undescribed.removeAll(described);
    List<String> notServed = new ArrayList<>(described);
    notServed.removeAll(served);
    assertThat(undescribed).as("served but not in docs/api.md").isEmpty();
    assertThat(notServed).as("in docs/api.md but not served").isEmpty();
  }
}
