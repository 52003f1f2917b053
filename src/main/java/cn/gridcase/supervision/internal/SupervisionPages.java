package cn.gridcase.supervision.internal;

import cn.gridcase.event.EventStatus;
import cn.gridcase.event.EventView;
import cn.gridcase.event.Events;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.WebPage;
import cn.gridcase.security.UserAccounts;
import cn.gridcase.supervision.BoardPanel;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The supervisor's pages (督办看板, rule S1), desktop: the board per township, village, grid and
 * department with green/yellow/red counts, the steps behind a count, and one event's page with its
 * step history and the 催办 and 督办 forms. They call the same services as {@code /api}, so scopes,
 * rules and refusals are the API's.
 */
@Controller
@WebPage
@RequestMapping("/supervision")
class SupervisionPages {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final SupervisionBoard board;
  private final StepSupervision stepSupervision;
  private final Events events;
  private final Organisation organisation;
  private final UserAccounts accounts;
  private final AccessScopes scopes;
  private final List<BoardPanel> panels;
  private final Clock clock;

  SupervisionPages(
      SupervisionBoard board,
      StepSupervision stepSupervision,
      Events events,
      Organisation organisation,
      UserAccounts accounts,
      AccessScopes scopes,
      List<BoardPanel> panels,
      Clock clock) {
    this.clock = clock;
    this.scopes = scopes;
    this.panels = panels;
    this.board = board;
    this.stepSupervision = stepSupervision;
    this.events = events;
    this.organisation = organisation;
    this.accounts = accounts;
  }

  /** 督办看板. */
  @GetMapping({"", "/", "/board"})
  String board(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String villageCode,
      Model model) {
    SupervisionBoard.Board counts =
        board.board(
            user.getName(),
            new SupervisionBoard.Filter(blank(townshipCode), blank(villageCode), null, null));
    model.addAttribute("board", counts);
    model.addAttribute("at", minute(counts.at()));
    model.addAttribute("nextWorkingDay", counts.nextWorkingDay().format(DAY));
    model.addAttribute("villageName", villageCode == null ? null : unitName(villageCode));
    model.addAttribute("villageCode", blank(villageCode));
    model.addAttribute("townshipCode", blank(townshipCode));
    model.addAttribute("name", displayName(user.getName()));
    List<String> shownTownships =
        blank(townshipCode) != null
            ? List.of(blank(townshipCode))
            : counts.townships().stream().map(SupervisionBoard.UnitCounts::code).toList();
    AccessScope scope = scopes.of(user.getName());
    model.addAttribute(
        "panels", panels.stream().flatMap(p -> p.panels(scope, shownTownships).stream()).toList());
    return "supervision/board";
  }

  /** The steps behind one count of the board. */
  @GetMapping("/steps")
  String steps(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String villageCode,
      @RequestParam(required = false) String gridCode,
      @RequestParam(required = false) String departmentCode,
      @RequestParam(defaultValue = "OPEN") SupervisionBoard.Due due,
      Model model) {
    SupervisionBoard.Filter filter =
        new SupervisionBoard.Filter(
            blank(townshipCode), blank(villageCode), blank(gridCode), blank(departmentCode));
    List<StepRow> rows =
        board.steps(user.getName(), filter, due).stream()
            .map(
                s ->
                    new StepRow(
                        s.eventNumber(),
                        s.title(),
                        unitName(s.unitCode()) + "（" + s.level().label() + "）",
                        stageLabel(s.stage()),
                        s.assignee() == null
                            ? "待认领（" + unitName(s.unitCode()) + "）"
                            : displayName(s.assignee()),
                        s.due() == null ? "—" : minute(s.due()),
                        s.workingDaysOverdue()))
            .toList();
    String unit =
        filter.gridCode() != null
            ? unitName(filter.gridCode())
            : filter.departmentCode() != null
                ? unitName(filter.departmentCode())
                : filter.villageCode() != null
                    ? unitName(filter.villageCode())
                    : filter.townshipCode() != null ? unitName(filter.townshipCode()) : "全部";
    model.addAttribute("heading", unit + " · " + dueLabel(due));
    model.addAttribute("rows", rows);
    model.addAttribute("max", SupervisionBoard.STEP_LIST_MAX);
    model.addAttribute("name", displayName(user.getName()));
    return "supervision/steps";
  }

  /** One row of the drill-down list. */
  record StepRow(
      String eventNumber,
      String title,
      String unit,
      String stage,
      String assignee,
      String due,
      int workingDaysOverdue) {}

  /** The supervisor's page of one event. */
  @GetMapping("/events/{number}")
  String event(Principal user, @PathVariable String number, Model model) {
    if (!stepSupervision.mayGive(user.getName())) {
      throw new AccessDeniedException("not a supervising role");
    }
    EventView event = events.get(number, user.getName());
    fill(model, user.getName(), event);
    if (!model.containsAttribute("urgeErrors")) {
      model.addAttribute("urgeErrors", Map.of());
    }
    if (!model.containsAttribute("superviseErrors")) {
      model.addAttribute("superviseErrors", Map.of());
    }
    if (!model.containsAttribute("urgeMessage")) {
      model.addAttribute("urgeMessage", "");
    }
    if (!model.containsAttribute("superviseDays")) {
      model.addAttribute("superviseDays", "");
      model.addAttribute("superviseMessage", "");
    }
    return "supervision/event";
  }

  /** 催办 (S1). */
  @PostMapping("/events/{number}/urge")
  String urge(
      Principal user,
      @PathVariable String number,
      @RequestParam(required = false) String message,
      Model model,
      RedirectAttributes redirect) {
    try {
      events.urge(number, user.getName(), message);
    } catch (DomainRuleViolation refused) {
      return refusedUrge(user, number, message, model, errors(refused));
    } catch (StateConflict conflict) {
      return refusedUrge(user, number, message, model, Map.of("form", "此事件当前没有待办步骤，无法催办。"));
    } catch (AccessDeniedException denied) {
      return refusedUrge(user, number, message, model, Map.of("form", "只有本乡镇的督办人员可以催办。"));
    }
    redirect.addFlashAttribute("flash", "已催办，已通知当前步骤的办理人员。");
    return "redirect:/supervision/events/" + number;
  }

  /** 督办 (S1). */
  @PostMapping("/events/{number}/supervise")
  String supervise(
      Principal user,
      @PathVariable String number,
      @RequestParam(required = false) String workingDays,
      @RequestParam(required = false) String message,
      Model model,
      RedirectAttributes redirect) {
    Integer days = null;
    Map<String, String> typeErrors = new LinkedHashMap<>();
    if (workingDays != null && !workingDays.isBlank()) {
      try {
        days = Integer.valueOf(workingDays.trim());
      } catch (NumberFormatException e) {
        typeErrors.put("workingDays", "督办期限须填写1至10之间的整数（工作日）");
      }
    }
    EventView event;
    try {
      if (!typeErrors.isEmpty()) {
        // the rules' other checks still run, so every problem is shown at once
        StepSupervision.check(StepSupervision.MIN_DAYS, message)
            .forEach(e -> typeErrors.put(e.field(), e.message()));
        return refusedSupervision(user, number, workingDays, message, model, typeErrors);
      }
      event = stepSupervision.supervise(number, user.getName(), days, message);
    } catch (DomainRuleViolation refused) {
      return refusedSupervision(user, number, workingDays, message, model, errors(refused));
    } catch (StateConflict conflict) {
      return refusedSupervision(
          user, number, workingDays, message, model, Map.of("form", "此事件当前没有待受理或办理中的步骤，无法督办。"));
    }
    OffsetDateTime deadline = event.acceptBy() != null ? event.acceptBy() : event.handleBy();
    redirect.addFlashAttribute(
        "flash",
        "已督办：新的"
            + (event.acceptBy() != null ? "受理" : "办理")
            + "期限为 "
            + deadline.atZoneSameInstant(GridCaseTime.ZONE).format(DAY)
            + "（"
            + days
            + " 个工作日），已通知办理人员及单位负责人。");
    return "redirect:/supervision/events/" + number;
  }

  private String refusedUrge(
      Principal user, String number, String message, Model model, Map<String, String> errors) {
    model.addAttribute("urgeErrors", errors);
    model.addAttribute("urgeMessage", message == null ? "" : message);
    return event(user, number, model);
  }

  private String refusedSupervision(
      Principal user,
      String number,
      String workingDays,
      String message,
      Model model,
      Map<String, String> errors) {
    model.addAttribute("superviseErrors", errors);
    model.addAttribute("superviseDays", workingDays == null ? "" : workingDays);
    model.addAttribute("superviseMessage", message == null ? "" : message);
    return event(user, number, model);
  }

  /** Each problem under its form field (the API's field names), in Chinese. */
  private static Map<String, String> errors(DomainRuleViolation refused) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (ApiError error : refused.errors()) {
      errors.merge(
          error.field() == null ? "form" : error.field(), error.message(), (a, b) -> a + "；" + b);
    }
    return errors;
  }

  private void fill(Model model, String user, EventView event) {
    model.addAttribute("event", event);
    model.addAttribute("name", displayName(user));
    model.addAttribute("statusLabel", statusLabel(event.status()));
    model.addAttribute(
        "unitName",
        unitName(event.candidateGroup() != null ? event.candidateGroup() : event.gridCode()));
    model.addAttribute("gridName", unitName(event.gridCode()));
    model.addAttribute("reportedAt", minute(event.reportedAt()));
    OffsetDateTime open = event.acceptBy() != null ? event.acceptBy() : event.handleBy();
    model.addAttribute(
        "openStage",
        event.acceptBy() != null
            ? "受理"
            : event.handleBy() != null ? "办理" : event.feedbackOpenSince() != null ? "回访反馈" : null);
    model.addAttribute("openDeadline", open == null ? null : minute(open));
    model.addAttribute("openLate", open != null && GridCaseTime.now(clock).isAfter(open));
    model.addAttribute(
        "assigneeName", event.assignee() == null ? null : displayName(event.assignee()));
    model.addAttribute(
        "mayUrge",
        organisation.currentAppointments(user).stream()
            .anyMatch(
                a ->
                    a.role() == AppointmentRole.SUPERVISOR
                        && a.unitCode().equals(event.townshipCode())));
    model.addAttribute("maySupervise", event.acceptBy() != null || event.handleBy() != null);
  }

  @ExceptionHandler(NotFound.class)
  String notFound(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("title", "未找到");
    model.addAttribute("message", "没有找到该事件，或您无权查看。");
    model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
    return "supervision/refused";
  }

  @ExceptionHandler(AccessDeniedException.class)
  String denied(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("title", "无权访问");
    model.addAttribute("status", HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("message", "督办看板供督办人员、科室负责人、工作片长、网格长和网格指导员使用。您的待办事项请见首页的“我的任务”。");
    return "supervision/refused";
  }

  private String displayName(String username) {
    return accounts.nameOf(username);
  }

  private String unitName(String code) {
    return organisation.unit(code).map(Unit::name).orElse(code);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String minute(OffsetDateTime moment) {
    return GridCaseTime.minute(moment);
  }

  static String dueLabel(SupervisionBoard.Due due) {
    return switch (due) {
      case OPEN -> "在办步骤";
      case TODAY -> "今日到期";
      case NEXT_WORKING_DAY -> "一个工作日内到期（下一工作日）";
      case OVERDUE -> "已超期";
    };
  }

  static String stageLabel(String stage) {
    return switch (stage) {
      case "ACCEPT" -> "受理";
      case "HANDLE" -> "办理";
      case "FEEDBACK" -> "回访反馈";
      default -> stage;
    };
  }

  static String statusLabel(EventStatus status) {
    return switch (status) {
      case AWAITING_ACCEPTANCE -> "待受理";
      case IN_HANDLING -> "办理中";
      case RESOLVED -> "已办结，待反馈";
      case CLOSED -> "已结案";
      case REFERRED_TO_COUNTY -> "已移交县级";
    };
  }

  static String stepsLink(String param, String code, SupervisionBoard.Due due) {
    return UriComponentsBuilder.fromPath("/supervision/steps")
        .queryParam(param, code)
        .queryParam("due", due.name())
        .build()
        .toUriString();
  }
}
