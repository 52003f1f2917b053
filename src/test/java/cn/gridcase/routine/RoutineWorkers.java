package cn.gridcase.routine;

import cn.gridcase.organisation.AppointmentRequest;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.TestPeople;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.security.UserAccounts;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Grid workers of villages of their own for the routine's tests (password {@code demo}), so that no
 * other test's records count in their periods: appointed from 2026-01-01.
 */
final class RoutineWorkers {

  static final LocalDate APPOINTED = LocalDate.of(2026, 1, 1);

  /** One person per login, so that a second appointment finds the person on file. */
  private static final Map<String, AppointmentRequest.PersonDetails> PEOPLE =
      new ConcurrentHashMap<>();

  private final Organisation organisation;
  private final UserAccounts accounts;

  RoutineWorkers(Organisation organisation, UserAccounts accounts) {
    this.organisation = organisation;
    this.accounts = accounts;
  }

  /** A village of the demo township GS with one grid of the type, and its grid worker. */
  String worker(String username, String village, GridType type) {
    String grid = village + "-G01";
    organisation.createUnitIfAbsent(new Unit(village, "日常工作测试村", UnitKind.VILLAGE, "GS"));
    if (organisation.grid(grid).isEmpty()) {
      organisation.createGrid(new Grid(grid, "日常工作测试网格", village, type, 400, 1000));
    }
    appoint(username, grid, AppointmentRole.GRID_WORKER, APPOINTED);
    return grid;
  }

  /** An account appointed to a unit in a role (once). */
  void appoint(String username, String unit, AppointmentRole role, LocalDate from) {
    accounts.createIfAbsent(username, "测", "试", username + "@gridcase.invalid", "demo");
    boolean appointed =
        organisation.appointmentsOf(username).stream()
            .anyMatch(a -> a.unitCode().equals(unit) && a.role() == role);
    if (!appointed) {
      organisation.appoint(
          new AppointmentRequest(
              PEOPLE.computeIfAbsent(username, u -> TestPeople.person("测试" + u, u)),
              unit,
              role,
              from));
    }
  }
}
