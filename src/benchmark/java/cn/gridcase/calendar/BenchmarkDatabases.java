package cn.gridcase.calendar;

import cn.gridcase.GridCaseApplication;
import cn.gridcase.test.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmarks' databases on the PostgreSQL server of the tests ({@code GRIDCASE_TEST_PG_URL},
 * default the local one), and the application started on one of them.
 */
public final class BenchmarkDatabases {

  private BenchmarkDatabases() {}

  /** The JDBC URL of database {@code name} on the tests' server. */
  public static String url(String name) {
    String admin = PostgresServer.adminUrl();
    int query = admin.indexOf('?');
    String base = query < 0 ? admin : admin.substring(0, query);
    return base.substring(0, base.lastIndexOf('/') + 1)
        + name
        + (query < 0 ? "" : admin.substring(query));
  }

  /** Drops database {@code name} (kept by the last run for examination) and creates it anew. */
  public static String fresh(String name) throws SQLException {
    try (Connection connection = PostgresServer.connect(PostgresServer.adminUrl());
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
    }
    return url(name);
  }

  /**
   * The application on the database at {@code url} with the {@code postgres} profile and {@code
   * more} profiles, a random port and WARN logging; {@code arguments} as on the command line.
   */
  public static ConfigurableApplicationContext start(
      String url, List<String> more, String... arguments) {
    List<String> profiles = new ArrayList<>(List.of("postgres"));
    profiles.addAll(more);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresServer.user(),
                "--spring.datasource.password=" + PostgresServer.password(),
                "--logging.level.root=WARN"));
    args.addAll(List.of(arguments));
    return new SpringApplicationBuilder(GridCaseApplication.class)
        .profiles(profiles.toArray(String[]::new))
        .run(args.toArray(String[]::new));
  }
}
