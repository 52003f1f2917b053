package cn.gridcase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.OwnJvm;
import cn.gridcase.test.PostgresServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile {@code postgres} on a real PostgreSQL server, in a fresh database: the
 * engine creates Camunda's schema, Flyway the project's tables, there is no demo data and no demo
 * clock, and the bootstrap administrator can work through HTTP.
 */
@OwnJvm
@ExtendWith(PostgresServer.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "gridcase.bootstrap-admin.username=pgadmin",
      "gridcase.bootstrap-admin.password=pg-secret",
      "gridcase.organisation.id-card-key=cGctdGVzdC1rZXktMzItYnl0ZXMtbG9uZy0tLS0tLSE="
    })
@ActiveProfiles("postgres")
class PostgresProfileTests {

  static String databaseUrl;

  @LocalServerPort int port;

  @Autowired JdbcTemplate jdbc;

  @Autowired RuntimeService runtimeService;

  @Autowired ProcessEngine processEngine;

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) {
    databaseUrl = PostgresServer.useFreshDatabase(registry);
  }

  @BeforeAll
  static void sayWhereItRuns() throws SQLException {
    try (Connection connection = PostgresServer.connect(PostgresServer.adminUrl())) {
      System.out.println(
          "PostgreSQL test RAN against "
              + connection.getMetaData().getDatabaseProductName()
              + " "
              + connection.getMetaData().getDatabaseProductVersion()
              + " at "
              + PostgresServer.adminUrl()
              + " (fresh database "
              + databaseUrl
              + ")");
    }
  }

  @Test
  @DisplayName(
      "on PostgreSQL the schema is created: Camunda's tables by the engine, the project's by"
          + " Flyway")
  void schemaCreated() {
    assertThat(
            jdbc.queryForObject("select current_setting('server_version_num')::int", Integer.class))
        .isGreaterThanOrEqualTo(150000);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from information_schema.tables where table_name = 'act_ru_task'",
                Integer.class))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForList(
                "select version from gridcase_schema_history where success order by installed_rank",
                String.class))
        .contains("1");
    assertThat(jdbc.queryForObject("select count(*) from org_unit", Integer.class))
        .as("no demo data in the postgres profile")
        .isZero();
  }

  @Test
  @DisplayName(
      "the postgres profile has no demo users and no demo clock; its administrator works through"
          + " HTTP")
  void noDemoDataNoClock() {
    ApiClient api = ApiClient.anonymous(port);
    assertThat(api.as("worker1").get("/api/me").status()).isEqualTo(401);
    JsonNode me = api.as("pgadmin", "pg-secret").get("/api/me").json();
    assertThat(me.get("admin").asBoolean()).isTrue();
    assertThat(
            api.as("pgadmin", "pg-secret")
                .put("/api/admin/clock", "{\"now\":\"2026-10-09T12:00:00+08:00\"}")
                .status())
        .as("demo clock absent")
        .isEqualTo(404);
    assertThat(api.as("pgadmin", "pg-secret").get("/engine-rest/deployment").json().toString())
        .contains("\"name\":\"gridcase\"");
  }

  @Test
  @DisplayName(
      "T3 on PostgreSQL: loading a year moves the pending working-day timers and task due dates")
  void calendarRecomputeOnPostgres() {
    try {
      // Fri 2033-09-30, no schedule for 2033: Mon Oct 3 and Tue Oct 4 are the 2 working days
      ClockUtil.setCurrentTime(
          Date.from(OffsetDateTime.parse("2033-09-30T10:00:00+08:00").toInstant()));
      ProcessInstance instance = runtimeService.startProcessInstanceByKey("WorkingDaysProbe");
      assertThat(jobDue(instance))
          .isEqualTo(OffsetDateTime.parse("2033-10-04T23:59:59+08:00").toInstant());

      ApiClient api = ApiClient.anonymous(port).as("pgadmin", "pg-secret");
      StringBuilder days = new StringBuilder();
      for (int day = 3; day <= 7; day++) {
        days.append(days.isEmpty() ? "" : ",")
            .append("{\"date\": \"2033-10-0")
            .append(day)
            .append("\", \"name\": \"国庆节\", \"isOffDay\": true}");
      }
      ApiClient.Reply reply = api.put("/api/calendar/years/2033", "{\"days\": [" + days + "]}");
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      assertThat(reply.json().get("recomputed").get("deadlinesMoved").asInt()).isEqualTo(3);

      // Oct 3–7 off: Mon Oct 10 and Tue Oct 11
      assertThat(jobDue(instance))
          .isEqualTo(OffsetDateTime.parse("2033-10-11T23:59:59+08:00").toInstant());
      assertThat(
              processEngine
                  .getTaskService()
                  .createTaskQuery()
                  .processInstanceId(instance.getId())
                  .singleResult()
                  .getDueDate()
                  .toInstant())
          .isEqualTo(OffsetDateTime.parse("2033-10-11T23:59:59+08:00").toInstant());
    } finally {
      ClockUtil.reset();
    }
  }

  private Instant jobDue(ProcessInstance instance) {
    return processEngine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .timers()
        .singleResult()
        .getDuedate()
        .toInstant();
  }

  @Test
  @DisplayName("processes run on PostgreSQL")
  void processRuns() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("DeploymentProbe");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_ru_task where proc_inst_id_ = ?",
                Integer.class,
                instance.getId()))
        .isEqualTo(1);
  }
}
