package cn.gridcase.test;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of HTTP API tests: the whole application on a random port with the demo users; requests go
 * through Spring Security with real credentials ({@code api.as("worker1").get("/api/me")}).
 */
@GridCaseSpringTest
public abstract class ApiTestSupport {

  @LocalServerPort protected int port;

  protected ApiClient api;

  @BeforeEach
  void client() {
    api = ApiClient.anonymous(port);
  }

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }
}
