package cn.gridcase.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL server of the PostgreSQL tests: {@code GRIDCASE_TEST_PG_URL} (default {@value
 * #DEFAULT_URL}), user {@code GRIDCASE_TEST_PG_USER} (default postgres), password {@code
 * GRIDCASE_TEST_PG_PASSWORD} (default empty).
 *
 * <p>As a JUnit condition: when no server answers, the tests are skipped with a message saying so —
 * unless {@code CI=true} or {@code GRIDCASE_REQUIRE_PG=true}, where they fail, so that CI can never
 * pass by skipping them. Each test run gets a fresh database of its own on that server.
 */
public final class PostgresServer implements ExecutionCondition {

  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final String PREFIX = "gridcase_it_";

  public static String adminUrl() {
    return env("GRIDCASE_TEST_PG_URL", DEFAULT_URL);
  }

  public static String user() {
    return env("GRIDCASE_TEST_PG_USER", "postgres");
  }

  public static String password() {
    return env("GRIDCASE_TEST_PG_PASSWORD", "");
  }

  static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || "true".equalsIgnoreCase(System.getenv("GRIDCASE_REQUIRE_PG"));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    try (Connection connection = connect(adminUrl())) {
      return ConditionEvaluationResult.enabled(
          "PostgreSQL "
              + connection.getMetaData().getDatabaseProductVersion()
              + " reachable at "
              + adminUrl());
    } catch (SQLException e) {
      String message =
          "No PostgreSQL server reachable at "
              + adminUrl()
              + " as "
              + user()
              + " ("
              + e.getMessage()
              + "). Start one (see README) or set GRIDCASE_TEST_PG_URL.";
      if (required()) {
        throw new ExtensionConfigurationException(
            message
                + " The PostgreSQL tests are required here (CI=true or GRIDCASE_REQUIRE_PG=true):"
                + " failing, not skipping.",
            e);
      }
      System.out.println("SKIPPED PostgreSQL tests: " + message);
      return ConditionEvaluationResult.disabled("SKIPPED: " + message);
    }
  }

  /**
   * Creates a fresh, empty database for this test run (dropping the ones earlier runs left behind
   * that nobody uses any more) and returns its JDBC URL.
   */
  public static String createFreshDatabase() {
    String name =
        PREFIX
            + Long.toString(System.currentTimeMillis(), 36)
            + "_"
            + ProcessHandle.current().pid();
    try (Connection connection = connect(adminUrl());
        Statement statement = connection.createStatement()) {
      List<String> stale = new ArrayList<>();
      try (ResultSet rs =
          statement.executeQuery(
              "select datname from pg_database where datname like '" + PREFIX + "%'")) {
        while (rs.next()) {
          stale.add(rs.getString(1));
        }
      }
      // not this JVM's own: a test running beside this one (IntakeCrashIT and TwoNodesIT run side
      // by side) may have created its database and not connected yet
      stale.removeIf(old -> old.endsWith("_" + ProcessHandle.current().pid()));
      for (String old : stale) {
        try {
          statement.execute("drop database if exists \"" + old + "\"");
        } catch (SQLException inUse) {
          // another run is using it: leave it
        }
      }
      statement.execute("create database \"" + name.toLowerCase(Locale.ROOT) + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database on " + adminUrl(), e);
    }
    String admin = adminUrl();
    int query = admin.indexOf('?');
    String base = query < 0 ? admin : admin.substring(0, query);
    String params = query < 0 ? "" : admin.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + name.toLowerCase(Locale.ROOT) + params;
  }

  /**
   * Points the application's datasource at a fresh database (for a {@code @DynamicPropertySource}).
   */
  public static String useFreshDatabase(DynamicPropertyRegistry registry) {
    String url = createFreshDatabase();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", PostgresServer::user);
    registry.add("spring.datasource.password", PostgresServer::password);
    return url;
  }

  public static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, user(), password());
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
