package cn.gridcase.routine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.event.internal.EventRepository;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.routine.internal.WorkRecordRepository;
import cn.gridcase.security.UserAccounts;
import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ControlledClock;
import cn.gridcase.test.PostgresApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The work records and shortfalls on a real PostgreSQL server (fresh database, demo users and the
 * demo routine): Flyway V13 on PostgreSQL, the records through HTTP with their refusals, and the
 * shortfalls' reads answered from their indexes alone (index-only scans).
 */
class PostgresRoutineTests extends PostgresApplicationTest {

  @Autowired ManagementService managementService;
  @Autowired Organisation organisation;
  @Autowired UserAccounts accounts;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName(
      "S2 A4 on PostgreSQL: a grid worker's check-in, patrol started and stopped, special-person"
          + " visit, diary and its correction, the every-problem 422, the list and the shortfalls;"
          + " the demo routine is there")
  void recordsAndShortfallsOnPostgres() {
    String grid =
        new RoutineWorkers(organisation, accounts).worker("pg1", "GS-VPG1", GridType.RURAL);
    ControlledClock clock = new ControlledClock(managementService);
    clock.set("2026-11-18T08:30");
    ApiClient pg1 = ApiClient.anonymous(port).as("pg1");
    assertThat(
            pg1.post("/api/work/check-ins", "{\"latitude\": 29.1, \"longitude\": 119.4}").status())
        .isEqualTo(201);
    long patrol = pg1.post("/api/work/patrols/start", "{}").json().get("id").asLong();
    clock.set("2026-11-18T10:45");
    Reply ended =
        pg1.post(
            "/api/work/patrols/" + patrol + "/end",
            "{\"track\": [{\"at\": \"2026-11-18T09:15:00+08:00\", \"latitude\": 29.1,"
                + " \"longitude\": 119.4}]}");
    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
    assertThat(ended.json().get("minutes").asInt()).isEqualTo(135);
    long person =
        pg1.post(
                "/api/grids/" + grid + "/special-persons",
                "{\"name\": \"冯海\", \"group\": \"COMMUNITY_CORRECTION\", \"household\": \"1组4号\","
                    + " \"registeredOn\": \"2026-11-01\"}")
            .json()
            .get("id")
            .asLong();
    assertThat(
            pg1.post(
                    "/api/work/visits",
                    "{\"group\": \"COMMUNITY_CORRECTION\", \"personId\": " + person + "}")
                .status())
        .isEqualTo(201);
    long diary = pg1.post("/api/work/diaries", "{\"text\": \"日志\"}").json().get("id").asLong();
    Reply correction =
        pg1.post(
            "/api/work/diaries",
            "{\"text\": \"更正的日志\", \"corrects\": " + diary + ", \"correctionReason\": \"写错\"}");
    assertThat(correction.status()).isEqualTo(201);
    Reply refused =
        pg1.post(
            "/api/work/patrols",
            "{\"gridCode\": \"GS-V01-G01\", \"startedAt\": \"2026-11-18T10:30:00+08:00\","
                + " \"endedAt\": \"2026-11-18T10:00:00+08:00\"}");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("errors").findValuesAsText("code"))
        .containsExactlyInAnyOrder("S2.grid", "S2.patrolEnd");

    JsonNode list = pg1.get("/api/work/records?from=2026-11-18&to=2026-11-18").json();
    assertThat(list.get("items").findValuesAsText("kind"))
        .containsExactlyInAnyOrder("CHECK_IN", "PATROL", "VISIT", "DIARY", "DIARY");
    JsonNode shortfalls = pg1.get("/api/work/shortfalls/pg1?period=2026-W47").json();
    JsonNode patrols = shortfalls.get("items").get(1);
    assertThat(patrols.get("requirement").asText()).isEqualTo("PATROL");
    assertThat(patrols.get("short").asInt()).as("Monday 16 and Tuesday 17").isEqualTo(2);
    assertThat(patrols.get("open").get(0).get("minutes").asInt()).isEqualTo(135);
    JsonNode diaries = shortfalls.get("items").get(2);
    assertThat(diaries.get("open").get(0).get("done").asInt())
        .as("the corrected diary counts once")
        .isEqualTo(1);

    ClockUtil.reset();
    assertThat(
            ApiClient.anonymous(port)
                .as("center1")
                .get("/api/work/records?username=worker1&kind=PATROL")
                .json()
                .get("items"))
        .as("the demo routine on PostgreSQL")
        .isNotEmpty();
  }

  @Test
  @DisplayName(
      "S2 A4 on PostgreSQL the shortfalls' reads are index-only scans: the person's records on"
          + " work_record_by_person, their reported events on event_by_reporter")
  void indexOnlyReads() {
    List<String> records =
        plan(
            WorkRecordRepository.COUNTED_SQL,
            "worker1",
            Date.valueOf(LocalDate.of(2026, 10, 1)),
            Date.valueOf(LocalDate.of(2026, 12, 31)));
    assertThat(String.join("\n", records)).contains("Index Only Scan using work_record_by_person");
    List<String> events =
        plan(
            EventRepository.REPORTED_BY_SQL,
            "worker1",
            Timestamp.valueOf("2026-10-01 00:00:00"),
            Timestamp.valueOf("2027-01-01 00:00:00"));
    assertThat(String.join("\n", events)).contains("Index Only Scan using event_by_reporter");
  }

  /** The plan PostgreSQL chooses when a scan of the whole table is not an option. */
  private List<String> plan(String sql, Object... args) {
    return jdbc.execute(
        (ConnectionCallback<List<String>>)
            connection -> {
              try (Statement settings = connection.createStatement()) {
                settings.execute("vacuum analyze work_record");
                settings.execute("vacuum analyze event");
                settings.execute("set enable_seqscan = off");
                settings.execute("set enable_bitmapscan = off");
              }
              List<String> lines = new ArrayList<>();
              try (PreparedStatement explain = connection.prepareStatement("explain " + sql)) {
                for (int i = 0; i < args.length; i++) {
                  explain.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = explain.executeQuery()) {
                  while (rs.next()) {
                    lines.add(rs.getString(1));
                  }
                }
              } finally {
                try (Statement settings = connection.createStatement()) {
                  settings.execute("reset enable_seqscan");
                  settings.execute("reset enable_bitmapscan");
                }
              }
              return lines;
            });
  }
}
