package cn.gridcase.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.calendar.internal.CalendarRefresh;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The calendar endpoints (docs/api.md, Working-day calendar), through HTTP with real logins. */
class CalendarApiTests extends ApiTestSupport {

  @Autowired JdbcTemplate jdbc;

  @Autowired WorkingDays workingDays;

  @Autowired CalendarRefresh refresh;

  @Test
  @DisplayName("T2 GET /api/calendar/deadline answers the example of the rule")
  void deadlineExample() {
    Reply reply =
        api.as("worker1")
            .get("/api/calendar/deadline?from=2026-09-30T10:00:00%2B08:00&workingDays=2");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().toString())
        .isEqualTo(
            "{\"from\":\"2026-09-30T10:00:00+08:00\",\"workingDays\":2,"
                + "\"deadline\":\"2026-10-09T23:59:59+08:00\",\"provisional\":false}");
    Reply unencodedPlus =
        api.as("worker1")
            .get("/api/calendar/deadline?from=2026-10-10T10:00:00+08:00&workingDays=1");
    assertThat(unencodedPlus.json().get("deadline").asText())
        .isEqualTo("2026-10-12T23:59:59+08:00");
  }

  @Test
  @DisplayName(
      "T3 GET /api/calendar/deadline flags a deadline in a year with no schedule as provisional")
  void provisional() {
    Reply reply =
        api.as("worker1")
            .get("/api/calendar/deadline?from=2040-10-01T10:00:00%2B08:00&workingDays=1");
    assertThat(reply.json().get("provisional").asBoolean()).isTrue();
  }

  @Test
  @DisplayName(
      "T2 N below 1 is refused (422) and unreadable parameters are 400, each naming the parameter")
  void badParameters() {
    Reply zero =
        api.as("worker1")
            .get("/api/calendar/deadline?from=2026-09-30T10:00:00%2B08:00&workingDays=0");
    assertThat(zero.status()).isEqualTo(422);
    assertThat(zero.json().get("errors").get(0).get("code").asText()).isEqualTo("T2.workingDays");
    Reply notNumber =
        api.as("worker1")
            .get("/api/calendar/deadline?from=2026-09-30T10:00:00%2B08:00&workingDays=two");
    assertThat(notNumber.status()).isEqualTo(400);
    assertThat(notNumber.json().get("errors").get(0).get("field").asText())
        .isEqualTo("workingDays");
    Reply badFrom = api.as("worker1").get("/api/calendar/deadline?from=yesterday&workingDays=2");
    assertThat(badFrom.status()).isEqualTo(400);
    assertThat(badFrom.isProblem()).isTrue();
    assertThat(badFrom.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
    assertThat(api.as("worker1").get("/api/calendar/deadline?workingDays=2").status())
        .isEqualTo(400);
    assertThat(
            api.get("/api/calendar/deadline?from=2026-09-30T10:00:00%2B08:00&workingDays=2")
                .status())
        .isEqualTo(401);
  }

  @Test
  @DisplayName(
      "T3 GET /api/calendar/years/{year} lists holidays and make-up days; a year without schedule"
          + " is 404")
  void year() {
    JsonNode year = api.as("worker1").get("/api/calendar/years/2026").json();
    assertThat(year.get("year").asInt()).isEqualTo(2026);
    assertThat(year.get("days").toString())
        .contains("{\"date\":\"2026-10-01\",\"name\":\"国庆节\",\"isOffDay\":true}")
        .contains("{\"date\":\"2026-10-10\",\"name\":\"国庆节\",\"isOffDay\":false}");
    Reply unknown = api.as("worker1").get("/api/calendar/years/2040");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.isProblem()).isTrue();
  }

  @Test
  @DisplayName(
      "T3 PUT /api/calendar/years/{year}: administrators only; every problem listed and nothing"
          + " stored; a valid year is loaded and audited")
  void loadYear() {
    String valid =
        "{\"year\": 2032, \"days\": ["
            + "{\"date\": \"2032-10-01\", \"name\": \"国庆节\", \"isOffDay\": true},"
            + "{\"date\": \"2032-10-09\", \"name\": \"国庆节\", \"isOffDay\": false}]}";
    assertThat(api.as("supervisor1").put("/api/calendar/years/2032", valid).status())
        .isEqualTo(403);

    Reply invalid =
        api.as("admin")
            .put(
                "/api/calendar/years/2032",
                "{\"year\": 2032, \"days\": ["
                    + "{\"date\": \"2032-02-30\", \"name\": \"春节\", \"isOffDay\": true},"
                    + "{\"date\": \"2031-10-01\", \"name\": \"国庆节\", \"isOffDay\": true},"
                    + "{\"date\": \"2032-10-01\", \"name\": \"国庆节\", \"isOffDay\": true},"
                    + "{\"date\": \"2032-10-01\", \"name\": \" \", \"isOffDay\": true}]}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().get("errors").findValuesAsText("code"))
        .containsExactly("T3.date", "T3.dateOutsideYear", "T3.duplicate", "T3.name");
    assertThat(api.as("worker1").get("/api/calendar/years/2032").status())
        .as("nothing stored")
        .isEqualTo(404);
    assertThat(api.as("admin").put("/api/calendar/years/2032", "{\"days\": [").status())
        .isEqualTo(400);

    Reply loaded = api.as("admin").put("/api/calendar/years/2032", valid);
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
    assertThat(loaded.json().get("days")).hasSize(2);
    assertThat(loaded.json().get("recomputed").has("deadlinesMoved")).isTrue();
    assertThat(api.as("worker1").get("/api/calendar/years/2032").json().get("days")).hasSize(2);
    // Thu 2032-09-30 + 1: Oct 1 is now a holiday
    JsonNode deadline =
        api.as("worker1")
            .get("/api/calendar/deadline?from=2032-09-30T10:00:00%2B08:00&workingDays=1")
            .json();
    assertThat(deadline.get("deadline").asText()).isEqualTo("2032-10-04T23:59:59+08:00");
    assertThat(deadline.get("provisional").asBoolean()).isFalse();
    assertThat(
            jdbc.queryForObject(
                "select loaded_by from calendar_recompute_audit where schedule_year = 2032",
                String.class))
        .isEqualTo("admin");
  }

  @Test
  @DisplayName("T3 a schedule loaded by another node of a cluster is picked up by the refresh")
  void otherNodeLoad() {
    assertThat(workingDays.hasSchedule(2034)).isFalse();
    // what another node's load leaves in the shared database
    jdbc.update(
        "insert into holiday_year (schedule_year, source, loaded_at, loaded_by)"
            + " values (2034, 'test', current_timestamp, 'other-node')");
    jdbc.update(
        "insert into holiday_day (holiday_date, schedule_year, name, off_day) values (date"
            + " '2034-10-02', 2034, '国庆节', true)");
    jdbc.update("update calendar_state set version = version + 1 where id = 1");
    assertThat(workingDays.hasSchedule(2034))
        .as("the snapshot is not read per computation")
        .isFalse();
    refresh.refreshIfChanged();
    assertThat(workingDays.hasSchedule(2034)).isTrue();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2034, 10, 2))).isFalse();
  }
}
