package cn.gridcase.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.event.EventStep;
import cn.gridcase.event.EventView;
import cn.gridcase.event.Events;
import cn.gridcase.event.OverdueStepFilter;
import cn.gridcase.supervision.internal.StepSupervision;
import cn.gridcase.supervision.internal.Supervision;
import cn.gridcase.supervision.internal.SupervisionBoard;
import cn.gridcase.supervision.internal.SupervisionDeadlines;
import cn.gridcase.supervision.internal.SupervisionOrders;
import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ProcessTestSupport;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A 督办's deadline is stored once (on its order and, while in force, on the event's open step) and
 * the supervisors' lists count a step overdue by the flags the timers set against the limit in
 * force (issue 12 A4, rule S1); a schedule load moves the stored 督办 deadline (T3).
 */
class SupervisionDeadlineTests extends ProcessTestSupport {

  private static final String GRID = "GS-V01-G01";

  @Autowired Events events;
  @Autowired StepSupervision supervision;
  @Autowired Supervision lists;
  @Autowired SupervisionBoard board;
  @Autowired SupervisionDeadlines deadlines;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @Test
  @DisplayName(
      "S1 (issue 12 A4) a step overdue by E4's timer leaves the board and 超期事项 once a 督办 is in"
          + " force, and returns when the 督办's own timer runs out")
  void listsCountAgainstTheLimitInForce() {
    clock.set("2026-11-02T09:00");
    // the grid worker's own report: accepted on reporting, handling due Mon Nov 9 (E4)
    String number = events.report(StepSupervisionProcessTests.hazard(GRID), "worker1").number();
    clock.set("2026-11-10T10:00");
    clock.executeDueJobs();
    assertThat(events.get(number, "supervisor1").overdueHandling()).isTrue();
    assertThat(overdue()).contains(number);
    assertThat(boardOverdue()).contains(number);

    // a 督办 of 5 working days: the limit in force is Nov 17, the step is not overdue against it
    EventView supervised = supervision.supervise(number, "supervisor1", 5, "五个工作日内办结");
    assertThat(supervised.handleBy()).isEqualTo(endOf("2026-11-17"));
    assertThat(overdue()).doesNotContain(number);
    assertThat(boardOverdue()).doesNotContain(number);
    assertThat(events.get(number, "supervisor1").overdueHandling())
        .as("E4's lateness stays recorded")
        .isTrue();

    clock.set("2026-11-18T09:00");
    clock.executeDueJobs();
    assertThat(overdue()).contains(number);
    assertThat(boardOverdue()).contains(number);
    Supervision.OverdueStep step =
        lists.overdue("supervisor1", filter()).stream()
            .filter(s -> number.equals(s.eventNumber()))
            .findFirst()
            .orElseThrow();
    assertThat(step.due()).isEqualTo(endOf("2026-11-17"));
  }

  @Test
  @DisplayName(
      "S1/T3 (issue 12 A4) a schedule load moves a 督办's stored deadline on its order and on the"
          + " step; 督办超期 records the moved one")
  void scheduleLoadMovesTheStoredSupervisionDeadline() {
    // Mon 2041-09-30, no schedule for 2041: 2 working days counted Mon-Fri end on Wed Oct 2,
    // provisional
    clock.set("2041-09-30T09:00");
    String number = events.report(StepSupervisionProcessTests.hazard(GRID), "worker1").number();
    EventView supervised = supervision.supervise(number, "supervisor1", 2, "节前督办");
    assertThat(supervised.handleBy()).isEqualTo(endOf("2041-10-02"));
    assertThat(supervised.deadlineProvisional()).isTrue();

    List<String> days = new ArrayList<>();
    for (int day = 1; day <= 7; day++) {
      days.add("{\"date\": \"2041-10-0" + day + "\", \"name\": \"国庆节\", \"isOffDay\": true}");
    }
    Reply loaded =
        ApiClient.anonymous(port)
            .as("admin")
            .put(
                "/api/calendar/years/2041",
                "{\"year\": 2041, \"days\": [" + String.join(", ", days) + "]}");
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);

    // Oct 1-7 off: Tue Oct 8 and Wed Oct 9 are the two working days
    assertThat(supervision.ofEvent(number))
        .singleElement()
        .satisfies(
            order -> {
              assertThat(order.deadline())
                  .as("the order's stored deadline moved")
                  .isEqualTo(endOf("2041-10-09"));
              assertThat(order.provisional()).isFalse();
            });
    EventView moved = events.get(number, "worker1");
    assertThat(moved.handleBy()).as("the step's copy moved").isEqualTo(endOf("2041-10-09"));
    assertThat(moved.deadlineProvisional()).isFalse();

    clock.set("2041-10-10T09:00");
    clock.executeDueJobs();
    List<EventStep> late =
        events.get(number, "supervisor1").steps().stream()
            .filter(s -> s.action().equals("OVERDUE_SUPERVISION"))
            .toList();
    assertThat(late)
        .singleElement()
        .satisfies(s -> assertThat(s.deadline()).isEqualTo(endOf("2041-10-09")));
    assertThat(supervision.ofEvent(number))
        .extracting(SupervisionOrders.Order::outcome)
        .containsExactly("OVERDUE");
  }

  @Test
  @DisplayName(
      "S1 (issue 12 A4) a 督办 given before its deadline was kept on the step (Flyway V8) is put"
          + " there at start-up")
  void keepsEarlierSupervisionsOnTheirSteps() {
    clock.set("2026-11-02T09:00");
    String number = events.report(StepSupervisionProcessTests.hazard(GRID), "worker1").number();
    supervision.supervise(number, "supervisor1", 2, "限两个工作日内办结");
    // as V8 leaves a 督办 that was in force when it ran
    jdbc.update("update event set step_supervision_due = null where number = ?", number);
    assertThat(events.get(number, "worker1").handleBy()).as("E4's").isEqualTo(endOf("2026-11-09"));

    deadlines.keepInForceOnTheirSteps();

    assertThat(events.get(number, "worker1").handleBy())
        .as("the 督办's")
        .isEqualTo(endOf("2026-11-04"));
  }

  private List<String> overdue() {
    return lists.overdue("supervisor1", filter()).stream()
        .map(Supervision.OverdueStep::eventNumber)
        .toList();
  }

  private List<String> boardOverdue() {
    return board
        .steps(
            "supervisor1",
            new SupervisionBoard.Filter(null, null, GRID, null),
            SupervisionBoard.Due.OVERDUE)
        .stream()
        .map(SupervisionBoard.BoardStep::eventNumber)
        .toList();
  }

  private static OverdueStepFilter filter() {
    return new OverdueStepFilter(null, null, GRID, null, null);
  }

  private static OffsetDateTime endOf(String date) {
    return OffsetDateTime.parse(date + "T23:59:59+08:00");
  }
}
