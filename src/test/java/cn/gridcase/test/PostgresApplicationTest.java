package cn.gridcase.test;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on the real PostgreSQL server with the demo data (profiles postgres and demo, job
 * executor off): one application context and one fresh database for all the PostgreSQL tests of a
 * test run. Surefire runs them together in a JVM of their own (tag {@value #TAG}), apart from the
 * H2 context of the other tests — Camunda keeps one "default" engine per JVM — and each test makes
 * its own fixtures (users, grids) or resets what it moved (the clock), so that they can share the
 * database.
 */
@Tag(PostgresApplicationTest.TAG)
@ExtendWith(PostgresServer.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles({"postgres", "demo"})
public abstract class PostgresApplicationTest {

  /** The tag of Surefire's {@code postgres} execution, which runs these tests in one JVM. */
  public static final String TAG = "postgres-app";

  @LocalServerPort protected int port;

  private static String database;

  @DynamicPropertySource
  static void sharedDatabase(DynamicPropertyRegistry registry) {
    synchronized (PostgresApplicationTest.class) {
      if (database == null) {
        database = PostgresServer.createFreshDatabase();
      }
    }
    registry.add("spring.datasource.url", () -> database);
    registry.add("spring.datasource.username", PostgresServer::user);
    registry.add("spring.datasource.password", PostgresServer::password);
  }
}
