package cn.gridcase.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.Events;
import cn.gridcase.organisation.AppointmentRequest;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.TestPeople;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.security.UserAccounts;
import cn.gridcase.test.ProcessTestSupport;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Which clause of S0 第四条 a late event step is filed under, and which table grades it (C3). */
class LateStepClauseTests extends ProcessTestSupport {

  /**
   * accountability-event-handler-measures, by severity: the acceptor's row and the section head's.
   */
  private static final Map<Severity, List<Measure>> HANDLER =
      Map.of(
          Severity.LIGHT,
          List.of(Measure.TALK),
          Severity.SERIOUS,
          List.of(Measure.CIRCULATED_CRITICISM),
          Severity.GRAVE,
          List.of(Measure.SUSPENSION_FOR_TRAINING, Measure.ADMONISHMENT));

  private static final Map<Severity, List<Measure>> SECTION_HEAD =
      Map.of(
          Severity.LIGHT,
          List.of(Measure.TALK),
          Severity.SERIOUS,
          List.of(Measure.TALK),
          Severity.GRAVE,
          List.of(
              Measure.CIRCULATED_CRITICISM, Measure.SUSPENSION_FOR_TRAINING, Measure.ADMONISHMENT));

  @Autowired Events events;
  @Autowired AccountabilityProposals proposals;
  @Autowired Organisation organisation;
  @Autowired UserAccounts accounts;

  private static EventReport hazard(String grid, boolean major) {
    return new EventReport(
        EventCategory.HAZARD,
        grid,
        "电动车楼道充电",
        OffsetDateTime.parse("2026-10-30T09:00:00+08:00"),
        "1号楼2单元",
        "住户张某",
        "楼道私拉电线",
        "巡查时发现",
        List.of(),
        major);
  }

  /**
   * A grid worker of a village of their own, so that no other test's late steps count in their
   * year.
   */
  private void gridWorker(String username, String village, String grid) {
    organisation.createUnitIfAbsent(new Unit(village, "分级测试村", UnitKind.VILLAGE, "GS"));
    if (organisation.grid(grid).isEmpty()) {
      organisation.createGrid(new Grid(grid, grid, village, GridType.RURAL, 400, 1000));
    }
    accounts.createIfAbsent(username, "测", "试", username + "@gridcase.invalid", "demo");
    if (organisation.currentAppointments(username).isEmpty()) {
      organisation.appoint(
          new AppointmentRequest(
              TestPeople.person("测试" + username, username),
              grid,
              AppointmentRole.GRID_WORKER,
              LocalDate.of(2026, 1, 1)));
    }
  }

  @Test
  @DisplayName(
      "C3 a grid worker's late step is filed under S0 第四条（一）, not （四）1, and graded with the grid"
          + " workers' table")
  void gridWorkerUnderClauseOne() {
    gridWorker("w3c", "GS-VC3L", "GS-VC3L-G01");
    clock.set(
        "2026-11-02T09:00"); // Monday: the worker's own report, accepted on reporting, handled by
    // Nov 9
    String number = events.report(hazard("GS-VC3L-G01", false), "w3c").number();
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-11-09T23:59:59+08:00"));
    clock.set("2026-11-13T10:00"); // Nov 10-13: 4 working days late, the worker's first late step →
    // SERIOUS

    assertThat(proposals.forEvent(number))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.subject()).isEqualTo("w3c");
              assertThat(p.subjectRole()).isEqualTo("GRID_WORKER");
              assertThat(p.clause()).startsWith("第四条（一）").doesNotContain("（四）");
              assertThat(p.workingDaysLate()).isEqualTo(4);
              assertThat(p.severity()).isEqualTo(Severity.SERIOUS);
              // the grid workers' measures (约谈、待岗培训、诫勉谈话), not the handlers' 通报批评
              assertThat(p.suggestedMeasures()).containsExactly(Measure.ADMONISHMENT);
            });
  }

  @Test
  @DisplayName(
      "C3 the township center's late acceptance stays under S0 第四条（四）1 with the event handlers'"
          + " table")
  void eventHandlersUnderClauseFourOne() {
    clock.set("2026-11-02T09:00");
    // a major event goes straight to the township center (E8): its handlers and section head answer
    String number = events.report(hazard("GS-V01-G01", true), "worker1").number();
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-11-04T23:59:59+08:00"));
    clock.set("2026-11-10T10:00");

    List<Proposal> raised = proposals.forEvent(number);
    assertThat(raised)
        .extracting(Proposal::subjectRole)
        .contains("EVENT_HANDLER", "SECTION_HEAD")
        .doesNotContain("GRID_WORKER");
    assertThat(raised)
        .allSatisfy(
            p -> {
              assertThat(p.clause()).startsWith("第四条（四）1");
              Map<Severity, List<Measure>> table =
                  "SECTION_HEAD".equals(p.subjectRole()) ? SECTION_HEAD : HANDLER;
              assertThat(p.suggestedMeasures()).isEqualTo(table.get(p.severity()));
            });
  }
}
