package cn.gridcase.routine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.PostgresApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The meetings on a real PostgreSQL server (Flyway V14 and every statement of the meeting tables):
 * a fresh database with the demo data and the demo month's meetings loaded at start.
 */
class PostgresMeetingTests extends PostgresApplicationTest {

  @Autowired MeetingAttendance attendance;
  @Autowired Clock clock;

  @Test
  @DisplayName(
      "S2/S3 on PostgreSQL: the demo month's meetings, the missed one on the overdue list, a"
          + " meeting recorded for this week's open obligation, A4 item 7's counts")
  void meetingsOnPostgres() {
    ApiClient api = ApiClient.anonymous(port);
    JsonNode held = api.as("admin").get("/api/meetings").json();
    assertThat(held.size()).as("the demo month's meetings").isGreaterThan(10);

    Reply overdue = api.as("supervisor1").get("/api/supervision/overdue?gridCode=GS-V01-G02");
    assertThat(overdue.status()).as(overdue.toString()).isEqualTo(200);
    List<String> kinds = new ArrayList<>();
    overdue.json().forEach(row -> kinds.add(row.get("kind").asText()));
    assertThat(kinds).as("the missed week").contains("MEETING");

    JsonNode open = api.as("worker1").get("/api/meetings/obligations?status=OPEN").json();
    assertThat(open).isNotEmpty();
    JsonNode week = null;
    for (JsonNode o : open) {
      if ("GRID_WEEKLY".equals(o.get("kind").asText())) {
        week = o;
      }
    }
    assertThat(week).as("this week's grid meeting").isNotNull();
    OffsetDateTime heldAt = GridCaseTime.now(clock).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
    OffsetDateTime start =
        OffsetDateTime.parse(week.get("periodStart").asText() + "T00:00:00+08:00");
    if (heldAt.isBefore(start)) {
      heldAt = start;
    }
    Reply recorded =
        api.as("worker1")
            .post(
                "/api/meetings",
                "{\"unitCode\": \"GS-V01-G01\", \"kind\": \"GRID_WEEKLY\", \"obligationId\": "
                    + week.get("id").asLong()
                    + ", \"heldAt\": \""
                    + heldAt
                    + "\", \"minutes\": \"本周例会\", \"attendance\": [{\"username\": \"worker1\","
                    + " \"status\": \"LATE\"}]}");
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    assertThat(
            api.as("worker1")
                .get("/api/meetings/obligations/" + week.get("id").asLong())
                .json()
                .get("status")
                .asText())
        .isEqualTo("HELD");

    String quarter = heldAt.getYear() + "-Q" + ((heldAt.getMonthValue() - 1) / 3 + 1);
    assertThat(attendance.of("worker1", quarter).lateOrLeftEarly())
        .extracting(MeetingAttendance.Mark::meetingId)
        .contains(recorded.json().get("id").asLong());
  }
}
