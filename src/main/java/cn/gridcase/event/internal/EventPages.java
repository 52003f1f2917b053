package cn.gridcase.event.internal;

import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventFilter;
import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventPage;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.EventView;
import cn.gridcase.event.Events;
import cn.gridcase.event.Party;
import cn.gridcase.event.Satisfaction;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.TextRules;
import cn.gridcase.platform.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The grid worker's event pages, phone first: 上报事件 ({@code /events/new}), 我的事件 ({@code
 * /events/mine}) and one event ({@code /events/{number}}) with its step history and the steps the
 * user may take there (受理, 办结, 上报). Every action calls {@link Events}, the service the API uses, so
 * scopes, rules and refusals are the API's; a refused form is shown again with what was typed and
 * each problem next to its field, in Chinese.
 */
@Controller
@WebPage
class EventPages {

  static final int PAGE_SIZE = 20;

  /** The 1+4+X team of a grid (G3): their grid is the one their report form preselects. */
  private static final Set<AppointmentRole> GRID_TEAM =
      EnumSet.of(
          AppointmentRole.GRID_WORKER,
          AppointmentRole.GRID_SUPERVISOR_ASSISTANT,
          AppointmentRole.GRID_POLICE_OFFICER,
          AppointmentRole.GRID_FIREFIGHTER,
          AppointmentRole.GRID_MONITOR,
          AppointmentRole.GRID_VOLUNTEER);

  /** Party rows the report form shows without JavaScript (a dispute needs two). */
  static final int PARTY_ROWS = 3;

  private static final Map<String, String> REPORT_LABELS =
      Map.ofEntries(
          Map.entry("category", "事件类别"),
          Map.entry("gridCode", "所在网格"),
          Map.entry("title", "标题"),
          Map.entry("occurredAt", "发生时间"),
          Map.entry("location", "地点"),
          Map.entry("persons", "人物"),
          Map.entry("cause", "起因"),
          Map.entry("course", "经过"),
          Map.entry("parties", "当事人"),
          Map.entry("major", "重大突发"));
  private static final Map<String, String> ACTION_LABELS =
      Map.of(
          "result",
          "办理结果",
          "mediator",
          "调解人",
          "mediationResult",
          "调解结果",
          "agreementForm",
          "协议形式",
          "agreementTerms",
          "协议内容",
          "delayReason",
          "延期原因",
          "reason",
          "上报理由",
          "satisfaction",
          "群众满意度",
          "comment",
          "反馈意见");

  private final Events events;
  private final Organisation organisation;
  private final AccessScopes accessScopes;
  private final EventStaff staff;
  private final Notifications notifications;
  private final WorkingDays workingDays;
  private final Clock clock;
  private final EventStepRows stepNames;
  private final EventRepository repository;
  private final EventDeadlineWatch deadlines;

  EventPages(
      Events events,
      Organisation organisation,
      AccessScopes accessScopes,
      EventStaff staff,
      Notifications notifications,
      WorkingDays workingDays,
      Clock clock,
      EventStepRows stepNames,
      EventRepository repository,
      EventDeadlineWatch deadlines) {
    this.stepNames = stepNames;
    this.repository = repository;
    this.deadlines = deadlines;
    this.events = events;
    this.organisation = organisation;
    this.accessScopes = accessScopes;
    this.staff = staff;
    this.notifications = notifications;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /**
   * A problem as the summary at the top of a form lists it: the field it links to, its label, the
   * message.
   */
  record Problem(String fieldId, String label, String message) {}

  /** A party row of the report form. */
  record PartyRow(String name, String phone) {}

  /** What the report form holds: as typed, kept when the report is refused. */
  record ReportForm(
      String category,
      String gridCode,
      String title,
      String occurredAt,
      String location,
      String persons,
      String cause,
      String course,
      List<PartyRow> parties,
      boolean major,
      boolean beijingPetition) {}

  // ---- 上报事件 ----

  @GetMapping("/events/new")
  String reportForm(Principal user, Model model) {
    List<PartyRow> rows = new ArrayList<>();
    for (int i = 0; i < PARTY_ROWS; i++) {
      rows.add(new PartyRow("", ""));
    }
    ReportForm form =
        new ReportForm(
            "", ownGrid(user.getName()).orElse(""), "", "", "", "", "", "", rows, false, false);
    return reportPage(user, model, form, Map.of(), List.of());
  }

  @PostMapping("/events/new")
  String report(
      Principal user,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    ReportForm form = readReport(params);
    List<ApiError> pageErrors = new ArrayList<>();
    OffsetDateTime occurredAt = null;
    if (!form.occurredAt().isBlank()) {
      try {
        occurredAt =
            LocalDateTime.parse(form.occurredAt().trim())
                .atZone(GridCaseTime.ZONE)
                .toOffsetDateTime();
      } catch (DateTimeParseException e) {
        pageErrors.add(new ApiError("occurredAt", "page.time", "发生时间格式不正确，请按 年-月-日 时:分 填写"));
      }
    }
    EventCategory category = null;
    if (!form.category().isBlank()) {
      try {
        category = EventCategory.valueOf(form.category());
      } catch (IllegalArgumentException e) {
        // shown as "请选择事件类别" (E1.category)
      }
    }
    // the rows the user filled, and where each one is in the form (a refusal names the n-th party)
    List<Party> parties = new ArrayList<>();
    List<Integer> rowOfParty = new ArrayList<>();
    for (int i = 0; i < form.parties().size(); i++) {
      PartyRow row = form.parties().get(i);
      if (!row.name().isBlank() || !row.phone().isBlank()) {
        parties.add(new Party(blankToNull(row.name()), blankToNull(row.phone())));
        rowOfParty.add(i);
      }
    }
    EventReport report =
        new EventReport(
            category,
            blankToNull(form.gridCode()),
            blankToNull(form.title()),
            occurredAt,
            blankToNull(form.location()),
            blankToNull(form.persons()),
            blankToNull(form.cause()),
            blankToNull(form.course()),
            parties,
            form.major(),
            form.beijingPetition());
    pageErrors.addAll(textProblems(report));
    List<ApiError> errors;
    if (pageErrors.isEmpty()) {
      try {
        EventView event = events.report(report, user.getName());
        redirect.addFlashAttribute("reported", true);
        return "redirect:/events/" + event.number() + "/reported";
      } catch (DomainRuleViolation refused) {
        errors = refused.errors();
      }
    } else {
      // the same rules Events.report applies, so every problem is listed at once; nothing is stored
      errors = new ArrayList<>(pageErrors);
      boolean timeUnreadable = pageErrors.stream().anyMatch(e -> "page.time".equals(e.code()));
      for (ApiError error : EventRules.checkReport(report, GridCaseTime.now(clock))) {
        if (!(timeUnreadable && "occurredAt".equals(error.field()))) {
          errors.add(error);
        }
      }
    }
    Map<String, List<String>> byField = new LinkedHashMap<>();
    List<Problem> summary = new ArrayList<>();
    for (ApiError error : errors) {
      String fieldId = reportFieldId(error.field(), rowOfParty);
      String message = EventFormMessages.of(error, filled(form, fieldId));
      List<String> messages = byField.computeIfAbsent(fieldId, k -> new ArrayList<>());
      if (!messages.contains(message)) {
        messages.add(message);
        summary.add(new Problem(fieldId, reportLabel(fieldId), message));
      }
    }
    summary.sort(Comparator.comparingInt(p -> reportFieldOrder(p.fieldId())));
    response.setStatus(422);
    return reportPage(user, model, form, byField, summary);
  }

  @GetMapping("/events/{number}/reported")
  String reported(Principal user, @PathVariable String number, Model model) {
    if (!Boolean.TRUE.equals(model.asMap().get("reported"))) {
      return "redirect:/events/" + number;
    }
    EventView event = events.get(number, user.getName());
    model.addAttribute("event", event);
    model.addAttribute("category", event.category().label());
    OffsetDateTime deadline = event.acceptBy() != null ? event.acceptBy() : event.handleBy();
    if (deadline != null) {
      int days =
          workingDays.workingDaysAfter(
              event.reportedAt().atZoneSameInstant(GridCaseTime.ZONE).toLocalDate(),
              deadline.atZoneSameInstant(GridCaseTime.ZONE).toLocalDate());
      model.addAttribute("deadlineLabel", event.acceptBy() != null ? "受理期限" : "办理期限");
      model.addAttribute("deadline", EventPageText.day(deadline) + "（" + days + " 个工作日）");
    }
    model.addAttribute("where", event.level() == EventLevel.GRID ? "本网格" : event.level().label());
    nav(model, user, "new");
    return "event/reported";
  }

  // ---- 我的事件 ----

  @GetMapping("/events/mine")
  String mine(Principal user, @RequestParam(defaultValue = "1") int page, Model model) {
    int shown = Math.min(Math.max(1, page), 1_000_000);
    EventPage found =
        events.listOpenFirst(
            new EventFilter(null, null, null, null), user.getName(), shown - 1, PAGE_SIZE);
    OffsetDateTime now = GridCaseTime.now(clock);
    List<Map<String, Object>> items = new ArrayList<>();
    for (EventView event : found.items()) {
      Map<String, Object> item = new HashMap<>();
      item.put("event", event);
      item.put("category", event.category().label());
      item.put("status", EventPageText.status(event.status()));
      item.put("level", event.level().label());
      item.put("reportedAt", EventPageText.minute(event.reportedAt()));
      item.put("step", openStepName(event));
      item.put("dueLabel", event.acceptBy() != null ? "受理期限" : "办理期限");
      item.put("due", EventPageText.Due.of(openDeadline(event), now, workingDays));
      item.put("everLate", event.overdueAcceptance() || event.overdueHandling());
      items.add(item);
    }
    long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    model.addAttribute("items", items);
    model.addAttribute("total", found.total());
    model.addAttribute("page", shown);
    model.addAttribute("pages", pages);
    nav(model, user, "mine");
    return "event/mine";
  }

  // ---- one event ----

  @GetMapping("/events/{number}")
  String show(Principal user, @PathVariable String number, Model model) {
    return eventPage(user, number, model, null, Map.of(), Map.of(), List.of());
  }

  @PostMapping("/events/{number}/accept")
  String accept(
      Principal user,
      @PathVariable String number,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      events.accept(number, user.getName());
    } catch (StateConflict conflict) {
      return conflictPage(user, number, model, response);
    }
    redirect.addFlashAttribute("notice", "已受理。请在办理期限内办结或上报。");
    return "redirect:/events/" + number;
  }

  @PostMapping("/events/{number}/resolve")
  String resolve(
      Principal user,
      @PathVariable String number,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Map<String, String> form =
        values(
            params,
            "result",
            "mediator",
            "mediationResult",
            "agreementForm",
            "agreementTerms",
            "delayReason");
    Map<String, Object> resolution = new HashMap<>();
    form.forEach((name, value) -> resolution.put(name, blankToNull(value)));
    return act(
        user,
        number,
        model,
        response,
        redirect,
        "resolve",
        form,
        () -> events.resolve(number, user.getName(), resolution),
        "已办结。请向群众反馈办理结果并收集满意度。");
  }

  @PostMapping("/events/{number}/escalate")
  String escalate(
      Principal user,
      @PathVariable String number,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Map<String, String> form = values(params, "reason", "delayReason");
    return act(
        user,
        number,
        model,
        response,
        redirect,
        "escalate",
        form,
        () ->
            events.escalate(
                number,
                user.getName(),
                blankToNull(form.get("reason")),
                blankToNull(form.get("delayReason"))),
        "已上报上一级，并已通知镇综治中心。");
  }

  @PostMapping("/events/{number}/feedback")
  String feedback(
      Principal user,
      @PathVariable String number,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Map<String, String> form = values(params, "satisfaction", "comment");
    return act(
        user,
        number,
        model,
        response,
        redirect,
        "feedback",
        form,
        () ->
            events.feedback(
                number,
                user.getName(),
                blankToNull(form.get("satisfaction")),
                blankToNull(form.get("comment"))),
        "已反馈，事件已结案。");
  }

  /**
   * One step done on the event page: success → back to the event with a notice (Post/Redirect/Get);
   * a refusal → the page again with the form as typed and each problem at its field; a step that
   * changed meanwhile → the event with a note (409).
   */
  private String act(
      Principal user,
      String number,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect,
      String action,
      Map<String, String> form,
      Runnable step,
      String notice) {
    try {
      step.run();
    } catch (DomainRuleViolation refused) {
      return refusedAction(user, number, model, response, action, form, refused);
    } catch (StateConflict conflict) {
      return conflictPage(user, number, model, response);
    }
    redirect.addFlashAttribute("notice", notice);
    return "redirect:/events/" + number;
  }

  private String refusedAction(
      Principal user,
      String number,
      Model model,
      HttpServletResponse response,
      String action,
      Map<String, String> form,
      DomainRuleViolation refused) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    List<Problem> summary = new ArrayList<>();
    for (ApiError error : refused.errors()) {
      String name = error.field() == null ? "form" : error.field();
      String fieldId = action + "-" + name;
      String message = EventFormMessages.of(error, !form.getOrDefault(name, "").isBlank());
      List<String> messages = byField.computeIfAbsent(fieldId, k -> new ArrayList<>());
      if (!messages.contains(message)) {
        messages.add(message);
        summary.add(new Problem(fieldId, ACTION_LABELS.getOrDefault(name, "办理"), message));
      }
    }
    response.setStatus(422);
    return eventPage(user, number, model, action, form, byField, summary);
  }

  private String conflictPage(
      Principal user, String number, Model model, HttpServletResponse response) {
    response.setStatus(409);
    model.addAttribute("conflict", "此步骤已由他人办理，或事件状态已经改变。以下是事件的最新情况。");
    return eventPage(user, number, model, null, Map.of(), Map.of(), List.of());
  }

  private String eventPage(
      Principal user,
      String number,
      Model model,
      String action,
      Map<String, String> form,
      Map<String, List<String>> errors,
      List<Problem> summary) {
    String username = user.getName();
    EventView event = events.get(number, username);
    OffsetDateTime now = GridCaseTime.now(clock);
    String unit = event.candidateGroup();
    boolean mayAct =
        unit != null
            && staff.worksQueueOf(username, unit)
            && (event.assignee() == null || event.assignee().equals(username));
    boolean canAccept = mayAct && event.acceptBy() != null;
    // E9: the grid's worker or the reporter feeds back on a resolved event, wherever it was
    // resolved
    boolean canFeedback =
        event.feedbackOpenSince() != null
            && (staff.worksQueueOf(username, event.gridCode())
                || username.equals(event.reportedBy()));
    boolean canHandle =
        mayAct
            && event.handleBy() != null
            && HandlingOutcome.allowedAt(event.level()).contains(HandlingOutcome.RESOLVE)
            && HandlingOutcome.allowedAt(event.level()).contains(HandlingOutcome.ESCALATE);
    model.addAttribute("event", event);
    model.addAttribute("category", event.category().label());
    model.addAttribute("status", EventPageText.status(event.status()));
    model.addAttribute("level", event.level().label());
    model.addAttribute(
        "grid", organisation.grid(event.gridCode()).map(Grid::name).orElse(event.gridCode()));
    model.addAttribute("occurredAt", EventPageText.minute(event.occurredAt()));
    model.addAttribute("reportedAt", EventPageText.minute(event.reportedAt()));
    model.addAttribute("reporter", stepNames.name(event.reportedBy()));
    model.addAttribute(
        "assignee", event.assignee() == null ? null : stepNames.name(event.assignee()));
    model.addAttribute("step", openStepName(event));
    model.addAttribute("due", EventPageText.Due.of(openDeadline(event), now, workingDays));
    model.addAttribute("dispute", event.category() == EventCategory.DISPUTE);
    model.addAttribute("agreementForm", EventPageText.agreementForm(event.agreementForm()));
    model.addAttribute("satisfaction", EventPageText.satisfaction(event.satisfaction()));
    model.addAttribute("canAccept", canAccept);
    model.addAttribute("canHandle", canHandle);
    model.addAttribute("canFeedback", canFeedback);
    model.addAttribute("satisfactions", Satisfaction.values());
    model.addAttribute("feedbackForm", "feedback".equals(action) ? form : Map.of());
    model.addAttribute("handleLate", handleLate(event, now));
    model.addAttribute("action", action);
    model.addAttribute("resolveForm", "resolve".equals(action) ? form : Map.of());
    model.addAttribute("escalateForm", "escalate".equals(action) ? form : Map.of());
    model.addAttribute("errors", errors);
    model.addAttribute("summary", summary);
    nav(model, user, "mine");
    return "event/show";
  }

  // ---- helpers ----

  private String reportPage(
      Principal user,
      Model model,
      ReportForm form,
      Map<String, List<String>> errors,
      List<Problem> summary) {
    String username = user.getName();
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("summary", summary);
    model.addAttribute("categories", EventCategory.values());
    model.addAttribute("grids", reportableGrids(username));
    model.addAttribute(
        "now", GridCaseTime.now(clock).toLocalDateTime().withSecond(0).withNano(0).toString());
    nav(model, user, "new");
    return "event/new";
  }

  private void nav(Model model, Principal user, String current) {
    model.addAttribute("current", current);
    model.addAttribute("unread", notifications.unreadCount(user.getName()));
  }

  /** The grids the user may report in (their scope), their own grid first. */
  private List<Grid> reportableGrids(String username) {
    AccessScope scope = accessScopes.of(username);
    String own = ownGrid(username).orElse(null);
    return organisation.grids().stream()
        .filter(g -> scope.seesGrid(g.code()))
        .sorted(Comparator.comparing((Grid g) -> !g.code().equals(own)).thenComparing(Grid::code))
        .toList();
  }

  /**
   * The grid the user works as grid worker (or in the 1+4+X team), else the only grid of their
   * scope.
   */
  private Optional<String> ownGrid(String username) {
    Optional<String> appointed =
        organisation.currentAppointments(username).stream()
            .sorted(Comparator.comparing(Appointment::role))
            .filter(a -> GRID_TEAM.contains(a.role()))
            .map(Appointment::unitCode)
            .findFirst();
    if (appointed.isPresent()) {
      return appointed;
    }
    AccessScope scope = accessScopes.of(username);
    return !scope.admin() && scope.grids().size() == 1
        ? scope.grids().stream().findFirst()
        : Optional.empty();
  }

  private static String openStepName(EventView event) {
    if (event.acceptBy() != null) {
      return "受理";
    }
    if (event.handleBy() != null) {
      return "办理（办结或上报）";
    }
    if (event.feedbackOpenSince() != null) {
      return "回访反馈";
    }
    return null;
  }

  private static OffsetDateTime openDeadline(EventView event) {
    return event.acceptBy() != null ? event.acceptBy() : event.handleBy();
  }

  private static ReportForm readReport(MultiValueMap<String, String> params) {
    List<PartyRow> rows = new ArrayList<>();
    List<String> names = params.getOrDefault("partyName", List.of());
    List<String> phones = params.getOrDefault("partyPhone", List.of());
    int count = Math.min(50, Math.max(names.size(), phones.size()));
    for (int i = 0; i < count; i++) {
      rows.add(
          new PartyRow(
              i < names.size() ? names.get(i) : "", i < phones.size() ? phones.get(i) : ""));
    }
    // room for the rows a dispute still needs, without JavaScript
    while (rows.size() < PARTY_ROWS
        || rows.stream().allMatch(r -> !r.name().isBlank() || !r.phone().isBlank())) {
      rows.add(new PartyRow("", ""));
    }
    return new ReportForm(
        param(params, "category"),
        param(params, "gridCode"),
        param(params, "title"),
        param(params, "occurredAt"),
        param(params, "location"),
        param(params, "persons"),
        param(params, "cause"),
        param(params, "course"),
        rows,
        params.containsKey("major"),
        params.containsKey("beijingPetition"));
  }

  /** What the API checks on every request body (TextRules), on the report's texts. */
  private static List<ApiError> textProblems(EventReport report) {
    List<ApiError> errors = new ArrayList<>();
    TextRules.check("title", report.title(), EventRules.TITLE_MAX, false).ifPresent(errors::add);
    TextRules.check("location", report.location(), EventRules.LOCATION_MAX, false)
        .ifPresent(errors::add);
    TextRules.check("persons", report.persons(), EventRules.PERSONS_MAX, true)
        .ifPresent(errors::add);
    TextRules.check("cause", report.cause(), TextRules.LONG_MAX, true).ifPresent(errors::add);
    TextRules.check("course", report.course(), TextRules.LONG_MAX, true).ifPresent(errors::add);
    for (int i = 0; i < report.parties().size(); i++) {
      Party party = report.parties().get(i);
      TextRules.check("parties[" + i + "].name", party.name(), 100, false).ifPresent(errors::add);
      TextRules.check("parties[" + i + "].phone", party.phone(), 32, false).ifPresent(errors::add);
    }
    if (report.occurredAt() != null) {
      TextRules.checkTime("occurredAt", report.occurredAt()).ifPresent(errors::add);
    }
    return errors;
  }

  /** The form field a refusal is about: the API's field name, or the party row it names. */
  private static String reportFieldId(String field, List<Integer> rowOfParty) {
    if (field == null) {
      return "title";
    }
    Matcher party = Pattern.compile("parties\\[(\\d+)](?:\\.(name|phone))?").matcher(field);
    if (party.matches()) {
      int index = Integer.parseInt(party.group(1));
      int row = index < rowOfParty.size() ? rowOfParty.get(index) : index;
      return "party-" + row + "-" + ("phone".equals(party.group(2)) ? "phone" : "name");
    }
    return REPORT_LABELS.containsKey(field) ? field : "title";
  }

  private static String reportLabel(String fieldId) {
    if (fieldId.startsWith("party-")) {
      String[] parts = fieldId.split("-");
      return "当事人 "
          + (Integer.parseInt(parts[1]) + 1)
          + (parts[2].equals("phone") ? " 联系电话" : " 姓名");
    }
    return REPORT_LABELS.getOrDefault(fieldId, fieldId);
  }

  /** The order of the fields on the form, so the summary reads top to bottom. */
  private static int reportFieldOrder(String fieldId) {
    List<String> order =
        List.of(
            "category",
            "gridCode",
            "title",
            "occurredAt",
            "location",
            "persons",
            "cause",
            "course",
            "parties");
    if (fieldId.startsWith("party-")) {
      String[] parts = fieldId.split("-");
      return 100 + Integer.parseInt(parts[1]) * 2 + (parts[2].equals("phone") ? 1 : 0);
    }
    int index = order.indexOf(fieldId);
    return index < 0 ? 1000 : index;
  }

  private static boolean filled(ReportForm form, String fieldId) {
    if (fieldId.startsWith("party-")) {
      String[] parts = fieldId.split("-");
      int row = Integer.parseInt(parts[1]);
      if (row >= form.parties().size()) {
        return false;
      }
      PartyRow party = form.parties().get(row);
      return !(parts[2].equals("phone") ? party.phone() : party.name()).isBlank();
    }
    String value =
        switch (fieldId) {
          case "category" -> form.category();
          case "gridCode" -> form.gridCode();
          case "title" -> form.title();
          case "occurredAt" -> form.occurredAt();
          case "location" -> form.location();
          case "persons" -> form.persons();
          case "cause" -> form.cause();
          case "course" -> form.course();
          default -> "";
        };
    return !value.isBlank();
  }

  private static Map<String, String> values(MultiValueMap<String, String> params, String... names) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : names) {
      values.put(name, param(params, name));
    }
    return values;
  }

  private static String param(MultiValueMap<String, String> params, String name) {
    String value = params.getFirst(name);
    return value == null ? "" : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /**
   * Whether the handling step is past its statutory limit (E6: a delay reason is then required) —
   * the limit the server judges by, which a 督办 on the task (S1) does not move.
   */
  private boolean handleLate(EventView view, OffsetDateTime now) {
    if (view.handleBy() == null) {
      return false;
    }
    return repository
        .find(view.number())
        .filter(
            e -> e.step() != null && e.step().acceptedAt() != null && e.step().handleDays() != null)
        .map(e -> now.isAfter(deadlines.deadlineOf(e, "HANDLE")))
        .orElse(false);
  }
}
