package cn.gridcase.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.ControlledClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GET /api/supervision/board (aggregate counts) and its drill-down, over HTTP with real logins
 * (S1).
 */
class SupervisionBoardApiTests extends ApiTestSupport {

  static final String GRID = "GS-V01-G02";
  static final String REPORT =
      "{\"category\": \"SERVICE\", \"gridCode\": \""
          + GRID
          + "\", \"title\": \"独居老人求助\", \"occurredAt\": \"2026-11-01T08:30:00+08:00\","
          + " \"location\": \"三组12号\", \"persons\": \"李奶奶\", \"cause\": \"行动不便\", \"course\":"
          + " \"邻居来电，需代办医保\", \"major\": false}";

  @Autowired ManagementService managementService;

  private JsonNode unit(JsonNode board, String list, String code) {
    for (JsonNode unit : board.get(list)) {
      if (code.equals(unit.get("code").asText())) {
        return unit;
      }
    }
    throw new AssertionError(code + " not in " + list + ": " + board);
  }

  private List<String> numbers(String due) {
    Reply reply =
        api.as("supervisor1").get("/api/supervision/board/steps?gridCode=" + GRID + "&due=" + due);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    List<String> numbers = new ArrayList<>();
    reply.json().forEach(step -> numbers.add(step.get("eventNumber").asText()));
    return numbers;
  }

  @Test
  @DisplayName(
      "S1 the board counts a new step open, then due on the next working day, due today, and"
          + " overdue (red) as the clock moves; the drill-down lists it")
  void countsFollowTheDeadline() {
    ControlledClock clock = new ControlledClock(managementService);
    clock.set("2026-11-02T09:00");
    JsonNode before = api.as("supervisor1").get("/api/supervision/board?townshipCode=GS").json();
    // the village station reports: the grid accepts within 2 working days, by the end of Wed Nov 4
    Reply reported = api.as("station1").post("/api/events", REPORT);
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    String number = reported.json().get("number").asText();
    JsonNode after = api.as("supervisor1").get("/api/supervision/board?townshipCode=GS").json();
    assertThat(after.get("open").asInt()).isEqualTo(before.get("open").asInt() + 1);
    for (String[] unit :
        new String[][] {{"townships", "GS"}, {"villages", "GS-V01"}, {"grids", GRID}}) {
      assertThat(unit(after, unit[0], unit[1]).get("open").asInt())
          .as(unit[1])
          .isEqualTo(unit(before, unit[0], unit[1]).get("open").asInt() + 1);
    }
    assertThat(unit(after, "villages", "GS-V01").get("name").asText()).isNotBlank();
    assertThat(numbers("OPEN")).contains(number);
    assertThat(numbers("NEXT_WORKING_DAY")).doesNotContain(number);

    clock.set("2026-11-03T09:00");
    assertThat(numbers("NEXT_WORKING_DAY")).contains(number);
    assertThat(numbers("TODAY")).doesNotContain(number);
    assertThat(
            api.as("supervisor1")
                .get("/api/supervision/board")
                .json()
                .get("nextWorkingDay")
                .asText())
        .isEqualTo("2026-11-04");

    clock.set("2026-11-04T09:00");
    assertThat(numbers("TODAY")).contains(number);
    assertThat(numbers("OVERDUE")).doesNotContain(number);

    clock.set("2026-11-05T09:00");
    assertThat(numbers("OVERDUE")).contains(number);
    JsonNode late = api.as("supervisor1").get("/api/supervision/board?villageCode=GS-V01").json();
    JsonNode grid = unit(late, "grids", GRID);
    assertThat(grid.get("overdue").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(grid.get("state").asText()).isEqualTo("RED");
    assertThat(late.get("villages")).hasSize(1);
    JsonNode step = null;
    for (JsonNode s :
        api.as("supervisor1")
            .get("/api/supervision/board/steps?gridCode=" + GRID + "&due=OVERDUE")
            .json()) {
      if (number.equals(s.get("eventNumber").asText())) {
        step = s;
      }
    }
    assertThat(step.get("workingDaysOverdue").asInt()).isEqualTo(1);
    assertThat(step.get("stage").asText()).isEqualTo("ACCEPT");
    // the fields the board answered before stay
    assertThat(late.has("at")).isTrue();
    assertThat(late.has("dueToday")).isTrue();
    assertThat(late.get("rows").get(0).has("level")).isTrue();
    assertThat(late.get("rows").get(0).has("unitCode")).isTrue();
  }

  @Test
  @DisplayName(
      "S1 blank filters of the board are no filter: ?townshipCode= answers the whole scope, as"
          + " without it")
  void blankFiltersAreNoFilter() {
    var whole = api.as("supervisor1").get("/api/supervision/board").json();
    var blank =
        api.as("supervisor1").get("/api/supervision/board?townshipCode=&villageCode=%20").json();
    assertThat(whole.get("open").asInt()).isPositive();
    assertThat(blank.get("open").asInt()).isEqualTo(whole.get("open").asInt());
  }

  @Test
  @DisplayName(
      "S1 a Friday's next working day is Monday: a step due Monday counts as due within one working"
          + " day")
  void nextWorkingDaySkipsTheWeekend() {
    ControlledClock clock = new ControlledClock(managementService);
    clock.set("2026-11-05T09:00");
    String number = api.as("station1").post("/api/events", REPORT).json().get("number").asText();
    clock.set("2026-11-06T09:00");
    assertThat(
            api.as("supervisor1")
                .get("/api/supervision/board")
                .json()
                .get("nextWorkingDay")
                .asText())
        .isEqualTo("2026-11-09");
    assertThat(numbers("NEXT_WORKING_DAY")).contains(number);
  }

  @Test
  @DisplayName(
      "S1 the board is the caller's scope: a grid leader sees their village only; a grid worker is"
          + " refused (403)")
  void scoped() {
    JsonNode leaders = api.as("leader1").get("/api/supervision/board").json();
    assertThat(leaders.get("villages").findValuesAsText("code")).containsExactly("GS-V01");
    assertThat(leaders.get("grids").findValuesAsText("code"))
        .allMatch(code -> code.startsWith("GS-V01-"));
    assertThat(api.as("worker1").get("/api/supervision/board").status()).isEqualTo(403);
    assertThat(api.as("worker1").get("/api/supervision/board/steps").status()).isEqualTo(403);
  }
}
