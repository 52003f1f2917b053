package cn.gridcase.routine.internal;

import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Person;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.InvalidRequest;
import cn.gridcase.platform.WebPage;
import cn.gridcase.routine.Requirement;
import cn.gridcase.routine.ShortfallItem;
import cn.gridcase.routine.ShortfallPeriod;
import cn.gridcase.routine.ShortfallReport;
import cn.gridcase.routine.Shortfalls;
import cn.gridcase.routine.WorkRecord;
import cn.gridcase.routine.WorkRecords;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 网格员日常工作 for township center, village station, grid leaders, instructors and supervisors: {@code
 * /routine/workers} lists the grid workers of the grids in the caller's scope with what each fell
 * short of in a period (S2, A4's counts), {@code /routine/workers/{username}} one worker's
 * shortfalls item by item with their dates and the period's records.
 */
@Controller
@WebPage
class RoutineStaffPages {

  private final Shortfalls shortfalls;
  private final WorkRecords records;
  private final Organisation organisation;
  private final AccessScopes scopes;

  RoutineStaffPages(
      Shortfalls shortfalls, WorkRecords records, Organisation organisation, AccessScopes scopes) {
    this.shortfalls = shortfalls;
    this.records = records;
    this.organisation = organisation;
    this.scopes = scopes;
  }

  /** A grid worker's row: the grid, the worker, the shortfalls by requirement. */
  record Row(
      String gridName, String gridCode, String username, String name, List<Integer> shorts) {}

  /** An option of a filter. */
  record Option(String value, String label) {}

  /** An item of one worker's page. */
  record ItemLine(String label, String rule, int required, int done, int shortBy, String dates) {}

  @GetMapping("/routine/workers")
  String workers(
      Principal user,
      @RequestParam(defaultValue = "") String villageCode,
      @RequestParam(defaultValue = "") String period,
      Model model) {
    AccessScope scope = scopes.of(user.getName());
    if (!scope.admin() && scope.grids().isEmpty()) {
      throw new AccessDeniedException("没有可查看的网格");
    }
    ShortfallPeriod shown = period(period, model);
    LocalDate today = organisation.today();
    List<Option> villages = new ArrayList<>();
    for (Unit village : organisation.units(UnitKind.VILLAGE)) {
      if (scope.admin() || scope.villages().contains(village.code())) {
        villages.add(new Option(village.code(), village.name()));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Grid grid : organisation.grids()) {
      if (!scope.seesGrid(grid.code())
          || !villageCode.isBlank() && !villageCode.equals(grid.villageCode())) {
        continue;
      }
      Optional<Appointment> worker =
          organisation.responsibleOn(grid.code(), AppointmentRole.GRID_WORKER, today).stream()
              .filter(a -> a.username() != null)
              .findFirst();
      if (worker.isEmpty()) {
        continue;
      }
      ShortfallReport report = shortfalls.of(worker.get().username(), shown);
      List<Integer> shorts = new ArrayList<>();
      for (ShortfallItem item : report.items()) {
        shorts.add(item.shortBy());
      }
      if (shorts.size() < Requirement.values().length) {
        shorts.add(null);
      }
      rows.add(
          new Row(grid.name(), grid.code(), worker.get().username(), name(worker.get()), shorts));
    }
    model.addAttribute("villages", villages);
    model.addAttribute("villageCode", villageCode);
    model.addAttribute("rows", rows);
    model.addAttribute("columns", columns());
    return "routine/workers";
  }

  @GetMapping("/routine/workers/{username}")
  String worker(
      Principal user,
      @PathVariable String username,
      @RequestParam(defaultValue = "") String period,
      Model model) {
    ShortfallPeriod shown = period(period, model);
    ShortfallReport report = shortfalls.forCaller(username, shown.code(), user.getName());
    List<ItemLine> items = new ArrayList<>();
    for (ShortfallItem item : report.items()) {
      items.add(
          new ItemLine(
              item.label(),
              item.rule(),
              item.required(),
              item.done(),
              item.shortBy(),
              String.join("、", item.dates())));
    }
    LocalDate last = shown.to().isAfter(organisation.today()) ? organisation.today() : shown.to();
    List<WorkRecord> list =
        last.isBefore(shown.from())
            ? List.of()
            : records.list(
                new WorkRecords.ListQuery(username, null, shown.from(), last, null, 500),
                user.getName());
    model.addAttribute("username", username);
    model.addAttribute(
        "name",
        organisation.appointmentsOf(username).stream()
            .filter(a -> a.role() == AppointmentRole.GRID_WORKER)
            .findFirst()
            .map(this::name)
            .orElse(username));
    model.addAttribute("report", report);
    model.addAttribute("items", items);
    model.addAttribute("records", list);
    return "routine/worker";
  }

  private ShortfallPeriod period(String period, Model model) {
    ShortfallPeriod shown;
    try {
      shown =
          period.isBlank()
              ? ShortfallPeriod.month(YearMonth.from(organisation.today()))
              : ShortfallPeriod.parse(period);
    } catch (InvalidRequest unreadable) {
      model.addAttribute(
          "periodError", "无法识别的期间“" + period + "”，已显示本月：周如 2026-W40，月如 2026-10，季度如 2026-Q4");
      shown = ShortfallPeriod.month(YearMonth.from(organisation.today()));
    }
    model.addAttribute("period", shown.code());
    return shown;
  }

  private String name(Appointment appointment) {
    return appointment.personId() == null
        ? appointment.username()
        : organisation
            .person(appointment.personId())
            .map(Person::realName)
            .orElse(appointment.username());
  }

  /** The table's columns: the short count of each requirement, in the items' order. */
  private static Map<String, String> columns() {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("CHECK_IN", "未打卡（天）");
    columns.put("PATROL", "巡查不足2小时（天）");
    columns.put("DIARY", "民情日志少（篇）");
    columns.put("FAMILY_VISIT", "走访家庭少（户次）");
    columns.put("SPECIAL_PERSON_VISIT", "特殊人群未走访（人次）");
    columns.put("SCREENING", "未排查（周）");
    columns.put("INFO_ENTRY", "信息采集少（条）");
    columns.put("HOUSEHOLDS", "走访住户少（户）");
    return columns;
  }
}
