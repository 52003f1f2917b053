package cn.gridcase.supervision.internal;

import cn.gridcase.event.OverdueStepFilter;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.WebPage;
import cn.gridcase.security.UserAccounts;
import java.security.Principal;
import java.text.Collator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 超期事项 (rule S1), the supervisors' desktop page: the overdue open steps of events and
 * accountability cases in the caller's scope, filtered by township, village, grid, department and
 * person (a GET form, so the URL can be bookmarked), oldest deadline first, and the same list as an
 * Excel file. It calls {@link Supervision#overdue}, exactly what {@code /api/supervision/overdue}
 * answers.
 */
@Controller
@WebPage
class OverduePages {

  /** At most this many rows on the page (the oldest deadlines); the export has every row. */
  static final int PAGE_ROWS = 500;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final Supervision supervision;
  private final OverdueRows rows;
  private final AccessScopes accessScopes;
  private final Organisation organisation;
  private final UserAccounts accounts;
  private final Clock clock;

  OverduePages(
      Supervision supervision,
      OverdueRows rows,
      AccessScopes accessScopes,
      Organisation organisation,
      UserAccounts accounts,
      Clock clock) {
    this.supervision = supervision;
    this.rows = rows;
    this.accessScopes = accessScopes;
    this.organisation = organisation;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** A choice of a select: the value sent and the text shown. */
  record Option(String value, String label) {}

  @GetMapping("/supervision/overdue")
  String overdue(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String villageCode,
      @RequestParam(required = false) String gridCode,
      @RequestParam(required = false) String departmentCode,
      @RequestParam(required = false) String assignee,
      Model model) {
    OverdueStepFilter filter =
        new OverdueStepFilter(townshipCode, villageCode, gridCode, departmentCode, assignee);
    OffsetDateTime now = GridCaseTime.now(clock);
    List<Supervision.OverdueStep> steps = supervision.overdue(user.getName(), filter);
    List<Supervision.OverdueStep> all =
        filter.equals(OverdueStepFilter.NONE)
            ? steps
            : supervision.overdue(user.getName(), OverdueStepFilter.NONE);
    AccessScope scope = accessScopes.of(user.getName());
    model.addAttribute("name", displayName(user.getName()));
    model.addAttribute("filter", filter);
    model.addAttribute("filtered", !filter.equals(OverdueStepFilter.NONE));
    model.addAttribute("townships", units(scope, UnitKind.TOWNSHIP, scope.townships()));
    model.addAttribute("villages", units(scope, UnitKind.VILLAGE, scope.villages()));
    model.addAttribute("grids", units(scope, UnitKind.GRID, scope.grids()));
    model.addAttribute("departments", units(scope, UnitKind.DEPARTMENT, scope.departments()));
    model.addAttribute("people", people(all, filter.assignee()));
    // the page lists the oldest ones; the Excel file holds them all
    model.addAttribute(
        "rows",
        rows.rows(steps.size() > PAGE_ROWS ? steps.subList(0, PAGE_ROWS) : steps, user.getName()));
    model.addAttribute("total", steps.size());
    model.addAttribute("pageRows", PAGE_ROWS);
    model.addAttribute("now", GridCaseTime.minute(now));
    model.addAttribute("day", DAY);
    model.addAttribute("exportHref", query("/supervision/overdue.xlsx", filter));
    return "supervision/overdue";
  }

  @GetMapping("/supervision/overdue.xlsx")
  ResponseEntity<byte[]> export(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String villageCode,
      @RequestParam(required = false) String gridCode,
      @RequestParam(required = false) String departmentCode,
      @RequestParam(required = false) String assignee) {
    OverdueStepFilter filter =
        new OverdueStepFilter(townshipCode, villageCode, gridCode, departmentCode, assignee);
    OffsetDateTime now = GridCaseTime.now(clock);
    return OverdueExport.download(
        rows.rows(supervision.overdue(user.getName(), filter), user.getName()),
        rows.describe(filter),
        now);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ModelAndView forbidden() {
    return refused(
        HttpStatus.FORBIDDEN,
        "无权查看超期事项",
        "超期事项供督办人员（政法委）、科室负责人、工作片长、网格长、网格指导员和责任追究调查人员查看。您的待办事项请见“我的任务”。");
  }

  @ExceptionHandler(NotFound.class)
  ModelAndView notFound() {
    return refused(HttpStatus.NOT_FOUND, "未找到", "您要查看的内容不存在，或您无权查看。");
  }

  static ModelAndView refused(HttpStatus status, String title, String message) {
    ModelAndView page = new ModelAndView("supervision/refused");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("title", title);
    page.addObject("message", message);
    return page;
  }

  private String displayName(String username) {
    return accounts.nameOf(username);
  }

  /** The units of a kind the caller sees (administrators: all), by code. */
  private List<Option> units(AccessScope scope, UnitKind kind, Set<String> codes) {
    List<Unit> units =
        scope.admin()
            ? organisation.units(kind)
            : codes.stream().map(organisation::unit).flatMap(Optional::stream).toList();
    return units.stream()
        .sorted(Comparator.comparing(Unit::code))
        .map(u -> new Option(u.code(), u.name()))
        .toList();
  }

  /** The people on the caller's overdue steps (and the one chosen), by name. */
  private List<Option> people(List<Supervision.OverdueStep> all, String chosen) {
    Set<String> usernames = new LinkedHashSet<>();
    all.forEach(s -> usernames.addAll(s.candidates()));
    if (chosen != null) {
      usernames.add(chosen);
    }
    List<Option> options = new ArrayList<>();
    usernames.forEach(u -> options.add(new Option(u, rows.personName(u) + "（" + u + "）")));
    options.sort(Comparator.comparing(Option::label, Collator.getInstance(Locale.CHINA)));
    return options;
  }

  private static String query(String path, OverdueStepFilter filter) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
    add(uri, "townshipCode", filter.townshipCode());
    add(uri, "villageCode", filter.villageCode());
    add(uri, "gridCode", filter.gridCode());
    add(uri, "departmentCode", filter.departmentCode());
    add(uri, "assignee", filter.assignee());
    return uri.encode().build().toUriString();
  }

  private static void add(UriComponentsBuilder uri, String name, String value) {
    if (value != null) {
      uri.queryParam(name, value);
    }
  }
}
