package cn.gridcase.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.event.OverdueStepFilter;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.routine.MeetingAttendance;
import cn.gridcase.routine.MeetingAttendanceStatus;
import cn.gridcase.routine.MeetingKind;
import cn.gridcase.routine.MeetingObligationView;
import cn.gridcase.routine.MeetingTestState;
import cn.gridcase.routine.MeetingView;
import cn.gridcase.routine.Meetings;
import cn.gridcase.supervision.OverdueWork;
import cn.gridcase.supervision.OverdueWorkItem;
import cn.gridcase.test.ControlledClock;
import cn.gridcase.test.GridCaseSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo month's meetings ({@link DemoMeetings}), loaded on 2026-11-04: October's weeks that
 * began in it (W41-W44, across the National Day holiday), its monthly meetings and a training; the
 * last week of GS-V01-G02 missed. The test profile does not load them at start, so this test loads
 * them itself and removes them afterwards.
 */
@GridCaseSpringTest
class DemoMeetingsTests {

  @Autowired DemoMeetings demoMeetings;
  @Autowired Meetings meetings;
  @Autowired MeetingAttendance attendance;
  @Autowired List<OverdueWork> overdueWork;
  @Autowired AccessScopes scopes;
  @Autowired ProcessEngine processEngine;
  @Autowired JdbcTemplate jdbc;

  /** The units of the demo users: three grids with a grid worker, their villages, the township. */
  static final Set<String> DEMO_UNITS =
      Set.of("GS-V01-G01", "GS-V01-G02", "GS-V02-G01", "GS-V01", "GS-V02", "GS");

  private ControlledClock clock;

  @BeforeEach
  void clean() {
    MeetingTestState.reset(processEngine, jdbc);
    clock = new ControlledClock(processEngine.getManagementService());
    clock.set("2026-11-04T10:00");
  }

  @AfterEach
  void leaveNothingBehind() {
    MeetingTestState.reset(processEngine, jdbc);
  }

  @Test
  @DisplayName(
      "S2/S3 demo data: the demo month's meetings are held with attendance (someone late, someone"
          + " absent, a report missing), one missed week is overdue on the supervisor's list, the"
          + " current week is open; loading again changes nothing")
  void demoMonth() {
    demoMeetings.load();

    List<MeetingView> held = meetings.list("admin", null, null, null);
    assertThat(held)
        .extracting(MeetingView::kind)
        .filteredOn(k -> k == MeetingKind.GRID_WEEKLY)
        .as("W41-W44 for GS-V01-G01 and GS-V02-G01, W41-W43 for GS-V01-G02")
        .hasSize(11);
    assertThat(held).filteredOn(m -> m.kind() == MeetingKind.WORKERS_WEEKLY).hasSize(4);
    assertThat(held).filteredOn(m -> m.kind() == MeetingKind.VILLAGE_MONTHLY).hasSize(2);
    assertThat(held).filteredOn(m -> m.kind() == MeetingKind.TRAINING).hasSize(1);
    assertThat(held)
        .filteredOn(m -> m.kind() == MeetingKind.WORKERS_MONTHLY)
        .singleElement()
        .satisfies(m -> assertThat(m.reportsMissing()).containsExactly("worker3"));

    MeetingAttendance.Quarter worker2 = attendance.of("worker2", "2026-Q4");
    assertThat(worker2.lateOrLeftEarly())
        .extracting(MeetingAttendance.Mark::status)
        .contains(MeetingAttendanceStatus.LATE, MeetingAttendanceStatus.LEFT_EARLY);
    assertThat(attendance.of("worker3", "2026-Q4").absentWithoutLeave()).hasSize(1);

    List<MeetingObligationView> missed =
        meetings.obligations("admin", "GS-V01-G02", null).stream()
            .filter(o -> o.period().equals("2026-W44"))
            .toList();
    assertThat(missed)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.overdue()).isTrue();
              assertThat(o.status()).isEqualTo("OPEN");
            });
    List<OverdueWorkItem> listed = new ArrayList<>();
    overdueWork.forEach(
        w ->
            listed.addAll(
                w.overdue(scopes.of("supervisor1"), OverdueStepFilter.NONE, clock.now())));
    assertThat(listed)
        .filteredOn(i -> "MEETING".equals(i.kind()))
        // other tests may have appointed grid workers elsewhere in GS: the demo's own units
        .filteredOn(i -> DEMO_UNITS.contains(i.unitCode()))
        .extracting(OverdueWorkItem::reference)
        .containsExactly("例会 " + missed.get(0).id());
    assertThat(meetings.obligations("admin", "GS-V01-G01", "OPEN"))
        .extracting(MeetingObligationView::period)
        .as("the current week, opened as the timer would")
        .contains("2026-W45");

    int obligations = meetings.obligations("admin", null, null).size();
    demoMeetings.load();
    assertThat(meetings.obligations("admin", null, null)).hasSize(obligations);
    assertThat(meetings.list("admin", null, null, null)).hasSize(held.size());
  }
}
