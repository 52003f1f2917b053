package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.AssignmentStatus;
import cn.gridcase.assignment.AssignmentView;
import cn.gridcase.assignment.Assignments;
import cn.gridcase.assignment.GridTask;
import cn.gridcase.assignment.Matter;
import cn.gridcase.assignment.MatterStatus;
import cn.gridcase.assignment.Matters;
import cn.gridcase.assignment.NewAssignment;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.WebPage;
import cn.gridcase.security.UserAccounts;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 交办任务 (rule S4), the pages of the assignments: the township center and departments give a task to
 * grid workers (grids, matter of the list, title, instructions, working days) and follow each
 * grid's state; the township's supervisors approve or reject the matters not on the list; grid
 * workers see their grid's tasks and complete them with a note (完成). The same service as {@code
 * /api/assignments}, so who may see and do what is exactly the API's.
 */
@Controller
@WebPage
class AssignmentPages {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  /** The form's fields in the order the summary of problems lists them, with their labels. */
  static final Map<String, String> FIELDS = fields();

  private final Assignments assignments;
  private final Matters matters;
  private final AssignmentPeople people;
  private final Organisation organisation;
  private final UserAccounts accounts;
  private final Notifications notifications;
  private final WorkingDays workingDays;
  private final Clock clock;

  AssignmentPages(
      Assignments assignments,
      Matters matters,
      AssignmentPeople people,
      Organisation organisation,
      UserAccounts accounts,
      Notifications notifications,
      WorkingDays workingDays,
      Clock clock) {
    this.assignments = assignments;
    this.matters = matters;
    this.people = people;
    this.organisation = organisation;
    this.accounts = accounts;
    this.notifications = notifications;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  private static Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("gridCodes", "网格");
    fields.put("matterCode", "事项");
    fields.put("title", "任务标题");
    fields.put("instructions", "工作要求");
    fields.put("workingDays", "办理时限");
    return fields;
  }

  /** What was typed into the form, kept when it is refused. */
  record Form(
      List<String> gridCodes,
      String matterCode,
      String title,
      String instructions,
      String workingDays) {

    static Form empty() {
      return new Form(List.of(), "", "", "", "5");
    }
  }

  /** A problem of a refused form: the field it links to, its label and the message. */
  record Problem(String fieldId, String label, String message) {}

  /** One grid of an assignment as the pages show it. */
  record GridLine(
      String gridCode, String gridName, String worker, String state, String css, GridTask task) {}

  /** An assignment as the pages show it. */
  record Row(
      AssignmentView a,
      String matter,
      String unitName,
      String assignerName,
      String statusLabel,
      String due,
      String dueState,
      boolean late,
      String approvalDue,
      String decidedByName,
      String created,
      String decided,
      List<GridLine> grids,
      boolean mayApprove,
      List<GridLine> mine) {}

  @GetMapping("/assignments")
  String list(Principal user, Model model) {
    return listPage(user.getName(), model, Form.empty(), Map.of(), List.of());
  }

  @PostMapping("/assignments")
  String create(
      Principal user,
      @RequestParam(name = "gridCodes", required = false) List<String> gridCodes,
      @RequestParam(required = false) String matterCode,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String instructions,
      @RequestParam(required = false) String workingDays,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    Form form =
        new Form(
            gridCodes == null ? List.of() : gridCodes,
            nullToEmpty(matterCode),
            nullToEmpty(title),
            nullToEmpty(instructions),
            nullToEmpty(workingDays));
    Integer days = null;
    boolean unreadable = false;
    try {
      days = form.workingDays().isBlank() ? null : Integer.valueOf(form.workingDays().trim());
    } catch (NumberFormatException e) {
      unreadable = true;
    }
    AssignmentView created;
    try {
      // an unreadable number is no number: the service names it with every other problem
      created =
          assignments.assign(
              user.getName(),
              new NewAssignment(
                  form.gridCodes(),
                  form.matterCode().isBlank() ? null : form.matterCode(),
                  form.title(),
                  form.instructions(),
                  days));
    } catch (DomainRuleViolation refused) {
      Map<String, List<String>> errors = new LinkedHashMap<>();
      List<Problem> summary = new ArrayList<>();
      for (ApiError error : refused.errors()) {
        if (unreadable && "workingDays".equals(error.field())) {
          error =
              new ApiError(
                  "workingDays",
                  error.code(),
                  "请填写 1 至 " + Assignments.MAX_WORKING_DAYS + " 之间的整数");
        }
        String field = error.field() == null ? "title" : error.field().replaceAll("\\[\\d+]$", "");
        String id = FIELDS.containsKey(field) ? field : "title";
        errors.computeIfAbsent(id, k -> new ArrayList<>()).add(error.message());
        summary.add(new Problem(id, FIELDS.get(id), error.message()));
      }
      List<String> order = List.copyOf(FIELDS.keySet());
      summary.sort((a, b) -> order.indexOf(a.fieldId()) - order.indexOf(b.fieldId()));
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return listPage(user.getName(), model, form, errors, summary);
    }
    redirect.addFlashAttribute(
        "flash",
        created.status() == AssignmentStatus.ASSIGNED
            ? "已交办：交办任务 "
                + created.id()
                + " 已下达 "
                + created.grids().size()
                + " 个网格的网格员，办理期限 "
                + created.dueBy().format(DAY)
                + "（"
                + created.workingDays()
                + " 个工作日）。"
            : "交办任务 "
                + created.id()
                + " 的事项不在清单内，已报政法委审批，审批期限 "
                + created.approvalDue().format(DAY)
                + "；同意后下达网格员。");
    return "redirect:/assignments/" + created.id();
  }

  @GetMapping("/assignments/{id}")
  String show(Principal user, @PathVariable long id, Model model) {
    return showPage(user.getName(), id, model, null, null, null);
  }

  @PostMapping("/assignments/{id}/approve")
  String approve(
      Principal user,
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      assignments.approve(id, user.getName(), reason);
    } catch (DomainRuleViolation | StateConflict refused) {
      return refusedAction(user.getName(), id, model, response, refused, "approve", reason);
    }
    redirect.addFlashAttribute("flash", "已同意：交办任务 " + id + " 已下达网格员，办理时限自现在起算。");
    return "redirect:/assignments/" + id;
  }

  @PostMapping("/assignments/{id}/reject")
  String reject(
      Principal user,
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      assignments.reject(id, user.getName(), reason);
    } catch (DomainRuleViolation | StateConflict refused) {
      return refusedAction(user.getName(), id, model, response, refused, "reject", reason);
    }
    redirect.addFlashAttribute("flash", "已退回：交办任务 " + id + " 不下达网格员，理由已发给交办人。");
    return "redirect:/assignments/" + id;
  }

  @PostMapping("/assignments/{id}/done")
  String done(
      Principal user,
      @PathVariable long id,
      @RequestParam(required = false) String gridCode,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) String from,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    AssignmentView done;
    try {
      done = assignments.done(id, user.getName(), gridCode, note);
    } catch (DomainRuleViolation | StateConflict refused) {
      return refusedAction(user.getName(), id, model, response, refused, "done", note);
    }
    GridTask grid =
        done.grids().stream()
            .filter(g -> user.getName().equals(g.doneBy()))
            .reduce((a, b) -> b)
            .orElse(null);
    redirect.addFlashAttribute(
        "flash",
        "交办任务 " + id + " 已完成" + (grid != null && grid.late() ? "（超过期限，记为逾期完成）" : "") + "。");
    return "list".equals(from) ? "redirect:/assignments" : "redirect:/assignments/" + id;
  }

  private String refusedAction(
      String user,
      long id,
      Model model,
      HttpServletResponse response,
      RuntimeException refused,
      String action,
      String typed) {
    if (refused instanceof StateConflict) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return showPage(user, id, model, null, null, "此步骤已办理或状态已变化，请查看最新情况。");
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    String message =
        String.join(
            "；", ((DomainRuleViolation) refused).errors().stream().map(ApiError::message).toList());
    return showPage(user, id, model, action, message, typed);
  }

  private String listPage(
      String user,
      Model model,
      Form form,
      Map<String, List<String>> errors,
      List<Problem> summary) {
    header(user, model);
    boolean mayAssign = assignments.mayAssign(user);
    model.addAttribute("mayAssign", mayAssign);
    if (mayAssign) {
      Map<String, List<Grid>> byVillage = new LinkedHashMap<>();
      for (Grid grid : assignments.assignableGrids(user)) {
        byVillage.computeIfAbsent(unitName(grid.villageCode()), k -> new ArrayList<>()).add(grid);
      }
      String township = people.assignerUnit(user).orElseThrow().townshipCode();
      List<Matter> list = matters.list(user, township);
      model.addAttribute("gridsByVillage", byVillage);
      model.addAttribute(
          "choosable", list.stream().filter(m -> m.status() != MatterStatus.PROHIBITED).toList());
      model.addAttribute(
          "prohibited",
          String.join(
              "、",
              list.stream()
                  .filter(m -> m.status() == MatterStatus.PROHIBITED)
                  .map(Matter::name)
                  .toList()));
      model.addAttribute("approvalDays", assignments.approvalDays());
      model.addAttribute("maxDays", Assignments.MAX_WORKING_DAYS);
    }
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("summary", summary);
    List<AssignmentView> visible = assignments.list(user, null, null);
    Set<String> worked = people.workedGrids(user);
    Map<String, String> names = new HashMap<>();
    List<Row> rows = visible.stream().map(a -> row(a, user, worked, names)).toList();
    model.addAttribute(
        "approvals",
        rows.stream()
            .filter(r -> r.mayApprove() && r.a().status() == AssignmentStatus.AWAITING_APPROVAL)
            .toList());
    model.addAttribute(
        "mine",
        rows.stream()
            .filter(
                r ->
                    r.a().status() == AssignmentStatus.ASSIGNED
                        && r.mine().stream().anyMatch(g -> !g.task().done()))
            .toList());
    model.addAttribute("rows", rows);
    return "assignment/list";
  }

  private String showPage(
      String user, long id, Model model, String errorAction, String error, String typed) {
    header(user, model);
    AssignmentView a = assignments.get(id, user);
    Row row = row(a, user, people.workedGrids(user), new HashMap<>());
    model.addAttribute("row", row);
    model.addAttribute("errorAction", errorAction);
    model.addAttribute("actionError", error);
    model.addAttribute("typed", typed);
    model.addAttribute("mayDo", row.mine().stream().anyMatch(g -> !g.task().done()));
    return "assignment/show";
  }

  private void header(String user, Model model) {
    model.addAttribute("name", accounts.nameOf(user));
    model.addAttribute("worker", !people.workedGrids(user).isEmpty());
    model.addAttribute("current", "assignments");
    model.addAttribute("unread", notifications.unreadCount(user));
  }

  private Row row(AssignmentView a, String user, Set<String> worked, Map<String, String> names) {
    OffsetDateTime now = GridCaseTime.now(clock);
    List<GridLine> grids = new ArrayList<>();
    for (GridTask g : a.grids()) {
      grids.add(
          new GridLine(
              g.gridCode(),
              organisation.grid(g.gridCode()).map(Grid::name).orElse(g.gridCode()),
              g.gridWorker() == null ? "" : names.computeIfAbsent(g.gridWorker(), accounts::nameOf),
              gridState(a, g, now),
              gridCss(a, g, now),
              g));
    }
    boolean late =
        a.dueBy() != null && a.status() == AssignmentStatus.ASSIGNED && now.isAfter(a.dueBy());
    return new Row(
        a,
        a.matterCode() == null
            ? "不在清单内（经政法委审批）"
            : a.matterName() + (a.matterListed() ? "" : "（已退出清单，经政法委审批）"),
        unitName(a.assignerUnit()),
        names.computeIfAbsent(a.assignedBy(), accounts::nameOf),
        a.status().label(),
        a.dueBy() == null ? "" : a.dueBy().format(DAY),
        dueState(a, now),
        late,
        a.approvalDue() == null ? "" : a.approvalDue().format(DAY),
        a.decidedBy() == null ? "" : names.computeIfAbsent(a.decidedBy(), accounts::nameOf),
        GridCaseTime.minute(a.createdAt()),
        GridCaseTime.minute(a.decidedAt()),
        grids,
        assignments.mayApprove(user, a.townshipCode()),
        grids.stream().filter(g -> worked.contains(g.gridCode())).toList());
  }

  private String dueState(AssignmentView a, OffsetDateTime now) {
    if (a.status() == AssignmentStatus.AWAITING_APPROVAL) {
      return "待政法委审批，期限 " + a.approvalDue().format(DAY) + (a.approvalOverdue() ? "（审批已超期）" : "");
    }
    if (a.status() != AssignmentStatus.ASSIGNED || a.dueBy() == null) {
      return "";
    }
    LocalDate today = now.toLocalDate();
    LocalDate due = a.dueBy().toLocalDate();
    if (now.isAfter(a.dueBy())) {
      int gone = workingDays.workingDaysAfter(due, today);
      return gone > 0 ? "已超期 " + gone + " 个工作日" : "已超期";
    }
    if (due.equals(today)) {
      return "今日到期";
    }
    return "还剩 " + workingDays.workingDaysAfter(today, due) + " 个工作日";
  }

  private static String gridState(AssignmentView a, GridTask g, OffsetDateTime now) {
    if (g.done()) {
      return (g.late() ? "逾期完成 " : "已完成 ") + GridCaseTime.minute(g.doneAt());
    }
    return switch (a.status()) {
      case AWAITING_APPROVAL -> "待审批";
      case REJECTED -> "已退回，未下达";
      default -> g.overdue() || (g.due() != null && now.isAfter(g.due())) ? "已超期，未完成" : "办理中";
    };
  }

  private static String gridCss(AssignmentView a, GridTask g, OffsetDateTime now) {
    if (g.done()) {
      return g.late() ? "late-done" : "done";
    }
    return a.status() == AssignmentStatus.ASSIGNED
            && (g.overdue() || (g.due() != null && now.isAfter(g.due())))
        ? "overdue"
        : "open";
  }

  private String unitName(String code) {
    return organisation.unit(code).map(Unit::name).orElse(code);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
