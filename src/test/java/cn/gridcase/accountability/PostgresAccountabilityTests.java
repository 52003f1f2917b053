package cn.gridcase.accountability;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.OwnJvm;
import cn.gridcase.test.PostgresServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A whole accountability case on a real PostgreSQL server (fresh database, demo users). */
@OwnJvm
@ExtendWith(PostgresServer.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "gridcase.demo.sample-events=false"})
@ActiveProfiles({"postgres", "demo"})
class PostgresAccountabilityTests {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) {
    PostgresServer.useFreshDatabase(registry);
  }

  @Test
  @DisplayName(
      "C1-C7 on PostgreSQL: a whole case as supervisor1 and investigator1, with the scope refusals")
  void wholeCaseOnPostgres() {
    new AccountabilityCaseStory(ApiClient.anonymous(port)).run();
  }
}
