package cn.gridcase.assessment;

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
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.security.UserAccounts;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A township of its own for the pay tests ({@code PT} 报酬测试镇, village PT-V01 with grids
 * PT-V01-G01..), so that no other test's events count in its months: grid workers appointed from
 * 2026-01-01, a township center handler {@code ptcenter} and a supervisor {@code ptsupervisor}
 * (password {@code demo}).
 */
final class PayWorkers {

  static final String TOWNSHIP = "PT";
  static final String VILLAGE = "PT-V01";
  static final LocalDate APPOINTED = LocalDate.of(2026, 1, 1);

  private final Organisation organisation;
  private final UserAccounts accounts;
  private final Events events;

  PayWorkers(Organisation organisation, UserAccounts accounts, Events events) {
    this.organisation = organisation;
    this.accounts = accounts;
    this.events = events;
    organisation.createUnitIfAbsent(new Unit(TOWNSHIP, "报酬测试镇", UnitKind.TOWNSHIP, null));
    organisation.createUnitIfAbsent(new Unit(VILLAGE, "报酬测试村", UnitKind.VILLAGE, TOWNSHIP));
    appoint("ptcenter", TOWNSHIP, AppointmentRole.EVENT_HANDLER);
    appoint("ptsupervisor", TOWNSHIP, AppointmentRole.SUPERVISOR);
  }

  /** Grid PT-V01-G0n and its grid worker {@code username}. */
  String worker(String username, int n) {
    String grid = VILLAGE + "-G0" + n;
    if (organisation.grid(grid).isEmpty()) {
      organisation.createGrid(new Grid(grid, "报酬测试网格" + n, VILLAGE, GridType.RURAL, 400, 1000));
    }
    appoint(username, grid, AppointmentRole.GRID_WORKER);
    return grid;
  }

  void appoint(String username, String unit, AppointmentRole role) {
    accounts.createIfAbsent(username, "测", "报酬", username + "@gridcase.invalid", "demo");
    boolean appointed =
        organisation.appointmentsOf(username).stream()
            .anyMatch(a -> a.unitCode().equals(unit) && a.role() == role);
    if (!appointed) {
      organisation.appoint(
          new AppointmentRequest(
              TestPeople.person("报酬" + username, username), unit, role, APPOINTED));
    }
  }

  /** A hazard reported now by the grid's worker (accepted at reporting), its number. */
  String report(String worker, String grid, boolean major, boolean petition) {
    return events
        .report(
            new EventReport(
                EventCategory.HAZARD,
                grid,
                "电线私拉乱接",
                GridCaseTime.at(ClockUtil.getCurrentTime()).minusHours(1),
                "村东头",
                "村民王某",
                "线路老化",
                "巡查发现",
                List.of(),
                major,
                petition),
            worker)
        .number();
  }
}
