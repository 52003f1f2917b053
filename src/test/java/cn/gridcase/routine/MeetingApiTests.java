package cn.gridcase.routine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.ControlledClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/meetings} and the township setting over HTTP with real logins (rules S2, S3, A4 item
 * 7): recording a meeting of an open obligation, refusals naming every problem, scope (403), a
 * training without an obligation, the setting, and the missed meeting on the supervisor's list. The
 * obligations of the 2026 National Day week are opened as the weekly timer opens them.
 */
class MeetingApiTests extends ApiTestSupport {

  static final MeetingPeriod WEEK_41 = MeetingPeriod.parse("2026-W41").orElseThrow();

  @Autowired MeetingObligations obligations;
  @Autowired Meetings meetings;
  @Autowired ProcessEngine processEngine;
  @Autowired JdbcTemplate jdbc;

  private ControlledClock clock;

  @BeforeEach
  void week41() {
    MeetingTestState.reset(processEngine, jdbc);
    clock = new ControlledClock(processEngine.getManagementService());
    clock.set("2026-10-05T09:00");
    obligations.open(MeetingKind.GRID_WEEKLY, "GS", WEEK_41);
    obligations.open(MeetingKind.WORKERS_WEEKLY, "GS", WEEK_41);
    clock.set("2026-10-09T18:00");
  }

  @AfterEach
  void leaveNothingBehind() {
    MeetingTestState.reset(processEngine, jdbc);
  }

  private static String meeting(
      String unit, String kind, String heldAt, String minutes, String attendance, String reports) {
    return "{\"unitCode\": \""
        + unit
        + "\", \"kind\": \""
        + kind
        + "\", \"heldAt\": \""
        + heldAt
        + "\", \"minutes\": \""
        + minutes
        + "\", \"attendance\": ["
        + attendance
        + "], \"reportsMissing\": ["
        + reports
        + "]}";
  }

  private static String present(String... users) {
    List<String> entries = new ArrayList<>();
    for (String user : users) {
      entries.add("{\"username\": \"" + user + "\", \"status\": \"PRESENT\"}");
    }
    return String.join(", ", entries);
  }

  private static Set<String> codes(Reply reply) {
    Set<String> codes = new TreeSet<>();
    reply.json().get("errors").forEach(e -> codes.add(e.get("code").asText()));
    return codes;
  }

  /**
   * The attendance of everyone expected at the unit's meetings on the day, as JSON: present but
   * those named (other tests of the run may have appointed more grid workers in GS).
   */
  private String everyone(String unit, String day, Map<String, String> notPresent) {
    List<String> entries = new ArrayList<>();
    for (String user : meetings.expectedAttendees(unit, LocalDate.parse(day))) {
      entries.add(
          "{\"username\": \""
              + user
              + "\", \"status\": \""
              + notPresent.getOrDefault(user, "PRESENT")
              + "\"}");
    }
    return String.join(", ", entries);
  }

  private JsonNode obligationOf(String user, String unit) {
    Reply reply = api.as(user).get("/api/meetings/obligations?unitCode=" + unit);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json()).hasSize(1);
    return reply.json().get(0);
  }

  @Test
  @DisplayName(
      "S3 POST /api/meetings for the grid's open obligation completes its task 召开网格周例会:"
          + " 201 with the meeting, the obligation HELD and gone from the grid worker's /api/tasks")
  void recordingCompletesTheObligation() {
    JsonNode open = obligationOf("worker1", "GS-V01-G01");
    assertThat(open.get("status").asText()).isEqualTo("OPEN");
    assertThat(open.get("due").asText()).isEqualTo("2026-10-10T23:59:59+08:00");
    assertThat(open.get("rule").asText()).isEqualTo("S3");
    long id = open.get("id").asLong();
    JsonNode tasks = api.as("worker1").get("/api/tasks").json();
    List<Long> meetingTasks = new ArrayList<>();
    tasks.forEach(
        t -> {
          if (t.hasNonNull("meetingId")) {
            meetingTasks.add(t.get("meetingId").asLong());
          }
        });
    assertThat(meetingTasks).containsExactly(id);

    Reply recorded =
        api.as("worker1")
            .post(
                "/api/meetings",
                meeting(
                    "GS-V01-G01",
                    "GRID_WEEKLY",
                    "2026-10-09T16:00:00+08:00",
                    "梳理本周矛盾纠纷三件，部署节后走访",
                    "{\"username\": \"worker1\", \"status\": \"PRESENT\"}",
                    ""));
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    JsonNode meeting = recorded.json();
    assertThat(recorded.location()).isEqualTo("/api/meetings/" + meeting.get("id").asLong());
    assertThat(meeting.get("obligationId").asLong()).isEqualTo(id);
    assertThat(meeting.get("period").asText()).isEqualTo("2026-W41");
    assertThat(meeting.get("heldLate").asBoolean()).isFalse();
    assertThat(meeting.get("recordedBy").asText()).isEqualTo("worker1");
    assertThat(meeting.get("unitName").asText()).isEqualTo("古山村第1网格");
    assertThat(meeting.get("attendance").get(0).get("name").asText()).isEqualTo("张伟");
    assertThat(meeting.get("attendance").get(0).get("statusLabel").asText()).isEqualTo("出席");

    assertThat(api.as("worker1").get(recorded.location()).json().get("minutes").asText())
        .isEqualTo("梳理本周矛盾纠纷三件，部署节后走访");
    JsonNode held = obligationOf("worker1", "GS-V01-G01");
    assertThat(held.get("status").asText()).isEqualTo("HELD");
    assertThat(held.get("meetingId").asLong()).isEqualTo(meeting.get("id").asLong());
    assertThat(api.as("worker1").get("/api/tasks").body()).doesNotContain("\"meetingId\":" + id);
    Reply again =
        api.as("worker1")
            .post(
                "/api/meetings",
                "{\"unitCode\": \"GS-V01-G01\", \"kind\": \"GRID_WEEKLY\", \"obligationId\": "
                    + id
                    + ", \"heldAt\": \"2026-10-09T17:00:00+08:00\", \"minutes\": \"再记一次\","
                    + " \"attendance\": ["
                    + present("worker1")
                    + "]}");
    assertThat(again.status()).as("held already: " + again).isEqualTo(409);
  }

  @Test
  @DisplayName(
      "S3 a refused meeting names every problem (S3.unit, S3.kind, S3.heldAt, S3.minutes,"
          + " S3.attendee.unknown / unexpected / missing, S3.reportsMissing) and keeps nothing;"
          + " an unknown status is a 400")
  void refusalsNameEveryProblem() {
    Reply unknownUnit =
        api.as("admin")
            .post(
                "/api/meetings",
                meeting(
                    "GS-V99",
                    "GRID_WEEKLY",
                    "2026-10-12T09:00:00+08:00",
                    " ",
                    present("nobody9"),
                    ""));
    assertThat(unknownUnit.status()).as(unknownUnit.toString()).isEqualTo(422);
    assertThat(unknownUnit.isProblem()).isTrue();
    assertThat(codes(unknownUnit))
        .containsExactlyInAnyOrder("S3.unit", "S3.heldAt", "S3.minutes", "S3.attendee.unknown");
    assertThat(unknownUnit.json().get("title").asText()).isEqualTo("不符合业务规则");

    Reply village =
        api.as("station1")
            .post(
                "/api/meetings",
                meeting(
                    "GS-V01",
                    "GRID_WEEKLY",
                    "2026-10-09T10:00:00+08:00",
                    "村例会",
                    present("worker1", "worker2", "worker3", "leader1"),
                    "\"worker1\""));
    assertThat(village.status()).as(village.toString()).isEqualTo(422);
    assertThat(codes(village))
        .containsExactlyInAnyOrder(
            "S3.kind", "S3.attendee.unexpected", "S3.attendee.missing", "S3.reportsMissing");
    assertThat(village.body()).contains("网格周例会由网格召开").contains("陈静（instructor1）");

    Reply monthly =
        api.as("center1")
            .post(
                "/api/meetings",
                meeting(
                    "GS",
                    "WORKERS_MONTHLY",
                    "2026-10-09T10:00:00+08:00",
                    "月度例会",
                    everyone("GS", "2026-10-09", Map.of()),
                    "\"worker1\", \"leader1\""));
    assertThat(codes(monthly)).containsExactly("S3.reportsMissing");

    Reply badStatus =
        api.as("worker1")
            .post(
                "/api/meetings",
                meeting(
                    "GS-V01-G01",
                    "GRID_WEEKLY",
                    "2026-10-09T10:00:00+08:00",
                    "x",
                    "{\"username\": \"worker1\", \"status\": \"ASLEEP\"}",
                    ""));
    assertThat(badStatus.status()).as(badStatus.toString()).isEqualTo(400);
    assertThat(api.as("admin").get("/api/meetings").json()).as("nothing kept").isEmpty();
    assertThat(obligationOf("worker1", "GS-V01-G01").get("status").asText()).isEqualTo("OPEN");
  }

  @Test
  @DisplayName(
      "S3 scope: a grid worker records and lists only their own grid's meetings (403 for another"
          + " grid or their village), an unknown unit is 404, another grid's meeting is not found")
  void scope() {
    String body =
        meeting(
            "GS-V01-G01", "GRID_WEEKLY", "2026-10-09T16:00:00+08:00", "例会", present("worker1"), "");
    assertThat(api.as("worker3").post("/api/meetings", body).status()).isEqualTo(403);
    Reply village =
        api.as("worker1")
            .post(
                "/api/meetings",
                meeting(
                    "GS-V01",
                    "VILLAGE_MONTHLY",
                    "2026-10-09T16:00:00+08:00",
                    "例会",
                    present("worker1"),
                    ""));
    assertThat(village.status()).isEqualTo(403);
    assertThat(village.isProblem()).isTrue();
    assertThat(api.as("worker1").get("/api/meetings?unitCode=GS-V02-G01").status()).isEqualTo(403);
    assertThat(api.as("worker1").get("/api/meetings/obligations?unitCode=GS-V02-G01").status())
        .isEqualTo(403);
    assertThat(api.as("worker1").get("/api/meetings?unitCode=GS-V99").status()).isEqualTo(404);

    Reply recorded = api.as("station1").post("/api/meetings", body);
    assertThat(recorded.status()).as("the village station covers its grids").isEqualTo(201);
    String location = recorded.location();
    assertThat(api.as("worker1").get(location).status()).isEqualTo(200);
    assertThat(api.as("worker3").get(location).status()).isEqualTo(404);
    assertThat(api.as("worker3").get("/api/meetings").json()).isEmpty();
    assertThat(api.as("leader1").get("/api/meetings?unitCode=GS-V01-G01").json()).hasSize(1);
    assertThat(
            api.as("worker1")
                .get("/api/meetings?unitCode=GS-V01-G01&from=2026-10-10&to=2026-10-31")
                .json())
        .as("outside the days asked")
        .isEmpty();
    assertThat(api.as("worker1").get("/api/meetings?from=2026-10-09&to=2026-10-01").status())
        .isEqualTo(400);
  }

  @Test
  @DisplayName(
      "A4 a training is recorded without an obligation; the grid workers expected at it see it"
          + " in their list, and an absence without leave counts for A4 item 7")
  void trainingWithoutObligation() {
    Reply training =
        api.as("center1")
            .post(
                "/api/meetings",
                meeting(
                    "GS",
                    "TRAINING",
                    "2026-10-09T09:30:00+08:00",
                    "矛盾纠纷调解业务培训",
                    everyone("GS", "2026-10-09", Map.of("worker2", "ABSENT", "worker3", "LATE")),
                    ""));
    assertThat(training.status()).as(training.toString()).isEqualTo(201);
    assertThat(training.json().get("obligationId").isNull()).isTrue();
    assertThat(training.json().get("kindLabel").asText()).isEqualTo("培训");
    assertThat(obligationOf("center1", "GS").get("status").asText())
        .as("the weekly grid-worker meeting is still to hold")
        .isEqualTo("OPEN");
    JsonNode seen = api.as("worker2").get("/api/meetings").json();
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).get("unitCode").asText()).isEqualTo("GS");
    assertThat(api.as("worker2").get("/api/meetings?unitCode=GS").json()).hasSize(1);
    assertThat(api.as("worker2").get("/api/meetings/obligations?unitCode=GS").status())
        .as("the township's obligations are the township's")
        .isEqualTo(403);
  }

  @Test
  @DisplayName(
      "S3 which meetings a township holds is an administrator's setting: default all five on, a"
          + " change names who made it, a training or an unknown township is refused")
  void setting() {
    JsonNode initial = api.as("admin").get("/api/admin/townships/GS/meetings").json();
    assertThat(initial.get("kinds"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "GRID_WEEKLY",
            "VILLAGE_MONTHLY",
            "TOWNSHIP_QUARTERLY",
            "WORKERS_WEEKLY",
            "WORKERS_MONTHLY");
    assertThat(initial.get("updatedBy").isNull()).isTrue();
    Reply set =
        api.as("admin")
            .put(
                "/api/admin/townships/GS/meetings",
                "{\"kinds\": [\"GRID_WEEKLY\", \"WORKERS_MONTHLY\"]}");
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().get("kinds"))
        .extracting(JsonNode::asText)
        .containsExactly("GRID_WEEKLY", "WORKERS_MONTHLY");
    assertThat(set.json().get("updatedBy").asText()).isEqualTo("admin");
    assertThat(set.json().get("options").get(1).get("enabled").asBoolean()).isFalse();
    assertThat(set.json().get("options").get(1).get("label").asText()).isEqualTo("村（社区）月例会");

    Reply training =
        api.as("admin").put("/api/admin/townships/GS/meetings", "{\"kinds\": [\"TRAINING\"]}");
    assertThat(training.status()).isEqualTo(422);
    assertThat(codes(training)).containsExactly("S3.kinds");
    assertThat(api.as("admin").put("/api/admin/townships/GS/meetings", "{}").status())
        .isEqualTo(422);
    assertThat(
            api.as("admin").put("/api/admin/townships/GS-V01/meetings", "{\"kinds\": []}").status())
        .isEqualTo(404);
    assertThat(api.as("center1").get("/api/admin/townships/GS/meetings").status()).isEqualTo(403);
  }

  @Test
  @DisplayName(
      "S3 S1 a missed weekly meeting is on the supervisor's overdue list (GET"
          + " /api/supervision/overdue) for its grid, with its reference, unit and deadline")
  void missedMeetingOnTheOverdueList() {
    long id = obligationOf("worker2", "GS-V01-G02").get("id").asLong();
    Reply moved =
        api.as("admin").put("/api/admin/clock", "{\"now\": \"2026-10-12T09:00:00+08:00\"}");
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    JsonNode overdue = obligationOf("worker2", "GS-V01-G02");
    assertThat(overdue.get("overdue").asBoolean()).isTrue();
    assertThat(overdue.get("overdueAt").asText())
        .as("when the timer marked it")
        .startsWith("2026-10-12T09:00");

    Reply listed = api.as("supervisor1").get("/api/supervision/overdue?gridCode=GS-V01-G02");
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    List<JsonNode> meetings = new ArrayList<>();
    listed
        .json()
        .forEach(
            row -> {
              if ("MEETING".equals(row.get("kind").asText())) {
                meetings.add(row);
              }
            });
    assertThat(meetings).hasSize(1);
    JsonNode row = meetings.get(0);
    assertThat(row.get("reference").asText()).isEqualTo("例会 " + id);
    assertThat(row.get("gridCode").asText()).isEqualTo("GS-V01-G02");
    assertThat(row.get("villageCode").asText()).isEqualTo("GS-V01");
    assertThat(row.get("due").asText()).isEqualTo("2026-10-10T23:59:59+08:00");
    assertThat(row.get("workingDaysOverdue").asInt()).as("Monday Oct 12").isEqualTo(1);
    assertThat(row.get("candidates")).extracting(JsonNode::asText).containsExactly("worker2");
    assertThat(row.get("href").asText()).isEqualTo("/meetings/obligations/" + id);
    assertThat(api.as("leader1").get("/api/supervision/overdue?villageCode=GS-V01").body())
        .contains("例会 " + id);
    assertThat(
            api.as("supervisor1").get("/api/supervision/overdue?departmentCode=DEPT-SAFETY").body())
        .doesNotContain("例会 " + id);
    api.as("admin").delete("/api/admin/clock");
  }
}
