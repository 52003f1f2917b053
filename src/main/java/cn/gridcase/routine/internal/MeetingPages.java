package cn.gridcase.routine.internal;

import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.Unit;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.WebPage;
import cn.gridcase.routine.MeetingAttendanceStatus;
import cn.gridcase.routine.MeetingAttendee;
import cn.gridcase.routine.MeetingCommand;
import cn.gridcase.routine.MeetingKind;
import cn.gridcase.routine.MeetingObligationView;
import cn.gridcase.routine.MeetingView;
import cn.gridcase.routine.Meetings;
import cn.gridcase.routine.internal.MeetingRepository.Place;
import cn.gridcase.security.UserAccounts;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 例会 ({@code /meetings}): for those who hold a unit's meetings — the grid worker, the village
 * station and grid leaders, the township center — the meetings to hold (待召开的例会) with their
 * deadlines in working days and the overdue ones marked, a form to record one (召开时间, 会议记录, each
 * expected attendee's attendance, for the monthly grid-worker meeting the written reports missing),
 * trainings and other meetings, and the meetings held. The same service as {@code /api/meetings},
 * so who may see and record is exactly the API's.
 */
@Controller
@WebPage
class MeetingPages {

  static final int HELD_DAYS = 92;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final Meetings meetings;
  private final MeetingPeople people;
  private final UserAccounts accounts;
  private final WorkingDays workingDays;
  private final Notifications notifications;
  private final Clock clock;

  MeetingPages(
      Meetings meetings,
      MeetingPeople people,
      UserAccounts accounts,
      WorkingDays workingDays,
      Notifications notifications,
      Clock clock) {
    this.meetings = meetings;
    this.people = people;
    this.accounts = accounts;
    this.workingDays = workingDays;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** An obligation as the list shows it: when due, in working days, and whether late. */
  record Due(MeetingObligationView obligation, String dueDay, String state, boolean overdue) {}

  /** A meeting held, as the list shows it. */
  record Held(MeetingView meeting, String heldAt, String summary, String recorder) {}

  /** One expected attendee on the form: login, name, chosen status, report missing. */
  record Attendee(String username, String name, String status, boolean reportMissing) {}

  /** A problem at the top of a refused form, linking to its field. */
  record Problem(String fieldId, String label, String message) {}

  @GetMapping("/meetings")
  String index(Principal principal, Model model) {
    String user = principal.getName();
    LocalDate today = GridCaseTime.now(clock).toLocalDate();
    model.addAttribute("toHold", meetings.toHold(user).stream().map(o -> due(o, today)).toList());
    model.addAttribute(
        "held",
        meetings.list(user, null, today.minusDays(HELD_DAYS), today).stream()
            .map(this::held)
            .toList());
    model.addAttribute("mayRecordOther", !meetings.unitsConvenedBy(user).isEmpty());
    return page(user, model, "meeting/index");
  }

  @GetMapping("/meetings/{id}")
  String meeting(Principal principal, @PathVariable long id, Model model) {
    MeetingView meeting = meetings.get(id, principal.getName());
    model.addAttribute("m", held(meeting));
    return page(principal.getName(), model, "meeting/show");
  }

  @GetMapping("/meetings/obligations/{id}")
  String obligation(Principal principal, @PathVariable long id, Model model) {
    String user = principal.getName();
    MeetingObligationView o = meetings.obligation(id, user);
    LocalDate today = GridCaseTime.now(clock).toLocalDate();
    Map<String, String> statuses = new LinkedHashMap<>();
    Map<String, Boolean> reports = new LinkedHashMap<>();
    return obligationPage(user, o, today, null, "", statuses, reports, List.of(), model);
  }

  @PostMapping("/meetings/obligations/{id}")
  String recordObligation(
      Principal principal,
      @PathVariable long id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    String user = principal.getName();
    MeetingObligationView o = meetings.obligation(id, user);
    if (!"OPEN".equals(o.status())) {
      redirect.addFlashAttribute("flash", "该例会已记录，不能重复记录。");
      return "redirect:/meetings/" + o.meetingId();
    }
    LocalDate today = GridCaseTime.now(clock).toLocalDate();
    Submitted submitted = submitted(form, o.unitCode(), o.kind(), today);
    List<ApiError> errors = new ArrayList<>(submitted.errors());
    MeetingView recorded = null;
    if (errors.isEmpty()) {
      try {
        recorded = meetings.record(submitted.command(id), user);
      } catch (DomainRuleViolation refused) {
        errors.addAll(refused.errors());
      }
    }
    if (recorded == null) {
      response.setStatus(422);
      return obligationPage(
          user,
          o,
          today,
          form.getFirst("heldAt"),
          form.getFirst("minutes"),
          submitted.statuses(),
          submitted.reports(),
          errors,
          model);
    }
    redirect.addFlashAttribute(
        "flash",
        "已记录"
            + recorded.unitName()
            + "的"
            + recorded.kindLabel()
            + "（"
            + o.periodLabel()
            + "）"
            + (recorded.heldLate() ? "，逾期召开" : "")
            + "。");
    return "redirect:/meetings/" + recorded.id();
  }

  @GetMapping("/meetings/new")
  String other(
      Principal principal,
      @RequestParam(required = false) String unitCode,
      @RequestParam(required = false) String kind,
      Model model) {
    String user = principal.getName();
    String unit = chosenUnit(user, unitCode);
    return otherPage(
        user,
        unit,
        kind == null ? MeetingKind.TRAINING.name() : kind,
        null,
        "",
        Map.of(),
        Map.of(),
        List.of(),
        model);
  }

  @PostMapping("/meetings/new")
  String recordOther(
      Principal principal,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    String user = principal.getName();
    String unit = chosenUnit(user, form.getFirst("unitCode"));
    MeetingKind kind = kindOf(form.getFirst("kind"));
    LocalDate today = GridCaseTime.now(clock).toLocalDate();
    Submitted submitted = submitted(form, unit, kind, today);
    List<ApiError> errors = new ArrayList<>(submitted.errors());
    MeetingView recorded = null;
    if (errors.isEmpty()) {
      try {
        recorded = meetings.record(submitted.command(null), user);
      } catch (DomainRuleViolation refused) {
        errors.addAll(refused.errors());
      }
    }
    if (recorded == null) {
      response.setStatus(422);
      return otherPage(
          user,
          unit,
          form.getFirst("kind"),
          form.getFirst("heldAt"),
          form.getFirst("minutes"),
          submitted.statuses(),
          submitted.reports(),
          errors,
          model);
    }
    redirect.addFlashAttribute(
        "flash",
        "已记录"
            + recorded.unitName()
            + "的"
            + recorded.kindLabel()
            + (recorded.obligationId() != null ? "（本期例会）" : "")
            + (recorded.heldLate() ? "，逾期召开" : "")
            + "。");
    return "redirect:/meetings/" + recorded.id();
  }

  /** The unit the form is for: the one asked if the user may record it, else their first. */
  private String chosenUnit(String user, String unitCode) {
    if (unitCode != null && !unitCode.isBlank()) {
      if (people.placeOf(unitCode).isEmpty()) {
        throw new NotFound("没有单位 " + unitCode);
      }
      if (!meetings.mayRecord(user, unitCode)) {
        throw new AccessDeniedException(user + " may not record meetings of " + unitCode);
      }
      return unitCode;
    }
    List<String> units = meetings.unitsConvenedBy(user);
    if (units.isEmpty()) {
      throw new AccessDeniedException(user + " holds no unit's meetings");
    }
    return units.get(0);
  }

  private static MeetingKind kindOf(String text) {
    return Arrays.stream(MeetingKind.values())
        .filter(k -> k.name().equals(text))
        .findFirst()
        .orElse(null);
  }

  /** What a submitted form says, and what of it could not be read. */
  record Submitted(
      String unitCode,
      MeetingKind kind,
      OffsetDateTime heldAt,
      String minutes,
      List<MeetingAttendee> attendance,
      List<String> reportsMissing,
      Map<String, String> statuses,
      Map<String, Boolean> reports,
      List<ApiError> errors) {

    MeetingCommand command(Long obligationId) {
      return new MeetingCommand(
          unitCode, kind, heldAt, minutes, attendance, reportsMissing, obligationId);
    }
  }

  private Submitted submitted(
      MultiValueMap<String, String> form, String unit, MeetingKind kind, LocalDate today) {
    List<ApiError> errors = new ArrayList<>();
    OffsetDateTime heldAt = null;
    String held = form.getFirst("heldAt");
    if (held != null && !held.isBlank()) {
      try {
        heldAt = LocalDateTime.parse(held.trim()).atZone(GridCaseTime.ZONE).toOffsetDateTime();
      } catch (DateTimeParseException e) {
        errors.add(new ApiError("heldAt", "S3.heldAt", "召开时间无法识别，请选择日期和时间"));
      }
    }
    List<MeetingAttendee> attendance = new ArrayList<>();
    Map<String, String> statuses = new LinkedHashMap<>();
    Map<String, Boolean> reports = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String person : expected(unit, heldAt, today)) {
      String status = form.getFirst("status-" + person);
      statuses.put(person, status);
      attendance.add(
          new MeetingAttendee(person, MeetingAttendanceStatus.parse(status).orElse(null)));
      if ("true".equals(form.getFirst("report-" + person))) {
        reports.put(person, true);
        missing.add(person);
      }
    }
    return new Submitted(
        unit,
        kind,
        heldAt,
        form.getFirst("minutes"),
        attendance,
        missing,
        statuses,
        reports,
        errors);
  }

  private List<String> expected(String unit, OffsetDateTime heldAt, LocalDate today) {
    LocalDate day = heldAt == null ? today : heldAt.toLocalDate();
    return meetings.expectedAttendees(unit, day);
  }

  private String obligationPage(
      String user,
      MeetingObligationView o,
      LocalDate today,
      String heldAt,
      String minutes,
      Map<String, String> statuses,
      Map<String, Boolean> reports,
      List<ApiError> errors,
      Model model) {
    model.addAttribute("o", due(o, today));
    boolean open = "OPEN".equals(o.status());
    model.addAttribute("open", open);
    if (open) {
      form(o.unitCode(), o.kind(), heldAt, minutes, statuses, reports, errors, today, model);
    }
    return page(user, model, "meeting/obligation");
  }

  private String otherPage(
      String user,
      String unit,
      String kind,
      String heldAt,
      String minutes,
      Map<String, String> statuses,
      Map<String, Boolean> reports,
      List<ApiError> errors,
      Model model) {
    Place place = people.placeOf(unit).orElseThrow(() -> new NotFound("没有单位 " + unit));
    List<MeetingKind> kinds =
        Arrays.stream(MeetingKind.values())
            .filter(k -> k.heldBy().contains(MeetingPeople.levelOf(place)))
            .toList();
    Map<String, String> units = new LinkedHashMap<>();
    for (String code : meetings.unitsConvenedBy(user)) {
      units.put(code, unitName(code));
    }
    units.putIfAbsent(unit, unitName(unit));
    model.addAttribute("units", units);
    model.addAttribute("unitCode", unit);
    model.addAttribute("kinds", kinds);
    model.addAttribute("kind", kind);
    LocalDate today = GridCaseTime.now(clock).toLocalDate();
    form(unit, kindOf(kind), heldAt, minutes, statuses, reports, errors, today, model);
    return page(user, model, "meeting/new");
  }

  private void form(
      String unit,
      MeetingKind kind,
      String heldAt,
      String minutes,
      Map<String, String> statuses,
      Map<String, Boolean> reports,
      List<ApiError> errors,
      LocalDate today,
      Model model) {
    List<Attendee> attendees = new ArrayList<>();
    for (String person : meetings.expectedAttendees(unit, today)) {
      attendees.add(
          new Attendee(
              person,
              accounts.nameOf(person),
              statuses.getOrDefault(person, MeetingAttendanceStatus.PRESENT.name()),
              reports.getOrDefault(person, false)));
    }
    Map<MeetingAttendanceStatus, String> choices = new EnumMap<>(MeetingAttendanceStatus.class);
    for (MeetingAttendanceStatus s : MeetingAttendanceStatus.values()) {
      choices.put(s, s == MeetingAttendanceStatus.ABSENT ? "缺席（未请假）" : s.label());
    }
    model.addAttribute("attendees", attendees);
    model.addAttribute("choices", choices);
    List<Attendee> reportWorkers = new ArrayList<>();
    for (String worker : meetings.gridWorkers(unit, today)) {
      reportWorkers.add(
          new Attendee(worker, accounts.nameOf(worker), "", reports.getOrDefault(worker, false)));
    }
    model.addAttribute("reportWorkers", reportWorkers);
    model.addAttribute("asksReports", kind != null && kind.needsWrittenReports());
    model.addAttribute("heldAt", heldAt == null ? "" : heldAt);
    model.addAttribute("minutes", minutes == null ? "" : minutes);
    model.addAttribute("now", GridCaseTime.now(clock).format(INPUT));
    Map<String, List<String>> byField = new LinkedHashMap<>();
    List<Problem> summary = new ArrayList<>();
    for (ApiError error : errors) {
      String id = fieldId(error.field());
      byField.computeIfAbsent(id, f -> new ArrayList<>()).add(error.message());
      summary.add(new Problem(id, label(id), error.message()));
    }
    model.addAttribute("errors", byField);
    model.addAttribute("summary", summary);
  }

  private static String fieldId(String field) {
    if (field == null) {
      return "minutes";
    }
    if (field.startsWith("attendance")) {
      return "attendance";
    }
    if (field.startsWith("reportsMissing")) {
      return "reports";
    }
    return switch (field) {
      case "heldAt", "minutes", "kind", "unitCode" -> field;
      default -> "heldAt";
    };
  }

  private static String label(String fieldId) {
    return switch (fieldId) {
      case "heldAt" -> "召开时间";
      case "minutes" -> "会议记录";
      case "attendance" -> "出勤";
      case "reports" -> "未交书面汇报";
      case "kind" -> "会议类型";
      default -> "单位";
    };
  }

  private Due due(MeetingObligationView o, LocalDate today) {
    LocalDate dueDay = o.due().atZoneSameInstant(GridCaseTime.ZONE).toLocalDate();
    String weekday = dueDay.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA);
    boolean overdue = o.overdue() && "OPEN".equals(o.status());
    String state;
    if (!"OPEN".equals(o.status())) {
      state = o.heldLate() ? "已召开（逾期召开）" : "已召开";
    } else if (overdue) {
      int gone = workingDays.workingDaysAfter(dueDay, today);
      state = gone > 0 ? "已超期 " + gone + " 个工作日" : "已超期";
    } else if (dueDay.equals(today)) {
      state = "今日到期";
    } else {
      state = "还剩 " + workingDays.workingDaysAfter(today, dueDay) + " 个工作日";
    }
    if (o.dueProvisional() && "OPEN".equals(o.status())) {
      state += "（暂按周一至周五计算）";
    }
    return new Due(o, dueDay.format(DAY) + "（" + weekday + "）", state, overdue);
  }

  private Held held(MeetingView m) {
    Map<MeetingAttendanceStatus, Integer> counts = new EnumMap<>(MeetingAttendanceStatus.class);
    m.attendance().forEach(a -> counts.merge(a.status(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((status, n) -> parts.add(status.label() + " " + n));
    String summary =
        "应到 "
            + m.attendance().size()
            + " 人："
            + String.join("，", parts)
            + (m.reportsMissing().isEmpty() ? "" : "；未交书面汇报 " + m.reportsMissing().size() + " 人");
    return new Held(m, GridCaseTime.minute(m.heldAt()), summary, accounts.nameOf(m.recordedBy()));
  }

  private String unitName(String code) {
    return people.unit(code).map(Unit::name).orElse(code);
  }

  private String page(String user, Model model, String view) {
    model.addAttribute("name", accounts.nameOf(user));
    model.addAttribute("unread", notifications.unreadCount(user));
    model.addAttribute("current", "meetings");
    return view;
  }
}
