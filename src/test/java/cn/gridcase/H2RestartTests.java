package cn.gridcase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.OwnJvm;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The default launch (no profile given: embedded H2 file database and demo data) keeps its data
 * across a restart and deploys nothing twice.
 */
@OwnJvm
class H2RestartTests {

  @Test
  @DisplayName(
      "with no profile the app runs on an H2 file database with demo data, and a restart keeps the"
          + " data")
  void restartKeepsData(@TempDir Path dataDir) {
    String url =
        "--spring.datasource.url=jdbc:h2:file:"
            + dataDir.resolve("gridcase").toAbsolutePath()
            + ";NON_KEYWORDS=VALUE,YEAR,DAY";
    long deployments;
    long sampleTasks;
    try (ConfigurableApplicationContext first = start(url)) {
      Environment environment = first.getEnvironment();
      assertThat(environment.getActiveProfiles()).isEmpty();
      assertThat(environment.getDefaultProfiles()).containsExactly("h2", "demo");
      IdentityService identity = first.getBean(IdentityService.class);
      assertThat(identity.checkPassword("worker1", "demo")).isTrue();
      // the three sample events, and the entries of last month's pay statements still open
      sampleTasks =
          first
              .getBean(TaskService.class)
              .createTaskQuery()
              .processInstanceBusinessKeyLike("SJ-%")
              .count();
      assertThat(sampleTasks).as("the demo's sample events wait in Tasklist").isGreaterThan(3);
      User created = identity.newUser("restart-probe");
      created.setPassword("secret");
      identity.saveUser(created);
      deployments = first.getBean(RepositoryService.class).createDeploymentQuery().count();
    }
    try (ConfigurableApplicationContext second = start(url)) {
      IdentityService identity = second.getBean(IdentityService.class);
      assertThat(identity.checkPassword("restart-probe", "secret"))
          .as("data written before the restart")
          .isTrue();
      assertThat(identity.createUserQuery().userId("worker1").count()).isEqualTo(1);
      assertThat(
              second
                  .getBean(TaskService.class)
                  .createTaskQuery()
                  .processInstanceBusinessKeyLike("SJ-%")
                  .count())
          .as("sample events are reported once")
          .isEqualTo(sampleTasks);
      assertThat(second.getBean(RepositoryService.class).createDeploymentQuery().count())
          .as("unchanged models are not deployed again")
          .isEqualTo(deployments);
    }
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(GridCaseApplication.class)
        .run("--server.port=0", url, "--camunda.bpm.job-execution.enabled=false");
  }
}
