package cn.gridcase.routine.internal;

import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.SpecialPerson;
import cn.gridcase.organisation.SpecialPersons;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.TextRules;
import cn.gridcase.platform.WebPage;
import cn.gridcase.routine.Requirement;
import cn.gridcase.routine.ShortfallItem;
import cn.gridcase.routine.ShortfallPeriod;
import cn.gridcase.routine.ShortfallReport;
import cn.gridcase.routine.ShortfallUnit;
import cn.gridcase.routine.Shortfalls;
import cn.gridcase.routine.WorkRecord;
import cn.gridcase.routine.WorkRecordKind;
import cn.gridcase.routine.WorkRecordRequest.CheckIn;
import cn.gridcase.routine.WorkRecordRequest.Diary;
import cn.gridcase.routine.WorkRecordRequest.InfoEntry;
import cn.gridcase.routine.WorkRecordRequest.PatrolEnd;
import cn.gridcase.routine.WorkRecordRequest.PatrolStart;
import cn.gridcase.routine.WorkRecordRequest.Screening;
import cn.gridcase.routine.WorkRecordRequest.Visit;
import cn.gridcase.routine.WorkRecords;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的日常工作 ({@code /routine}), the grid worker's phone page of the routine (S2, A4): one-tap 打卡, 开始巡查
 * / 结束巡查, quick forms for 走访 (a family, or a person picked from the grid's register), 民情日志, 隐患排查
 * and 信息采集, what is still to do today, this week and this month (本周还差, 本月还差, from {@link
 * Shortfalls}), and the recent records. Every action calls {@link WorkRecords}, as the API does; a
 * refused form is shown again with what was typed and each problem next to its field.
 */
@Controller
@WebPage
class RoutinePages {

  static final String FAMILY_TARGET = "FAMILY";

  /** The longest text of each form field, and whether it may have line breaks (1). */
  private static final Map<String, int[]> LIMITS =
      Map.of(
          "visitTarget", new int[] {64, 0},
          "visitHousehold", new int[] {200, 0},
          "visitNote", new int[] {TextRules.NOTE_MAX, 1},
          "diaryText", new int[] {TextRules.LONG_MAX, 1},
          "screeningFindings", new int[] {TextRules.LONG_MAX, 1},
          "infoKind", new int[] {100, 0},
          "infoText", new int[] {TextRules.LONG_MAX, 1},
          "patrolNote", new int[] {TextRules.NOTE_MAX, 1});

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

  private final WorkRecords records;
  private final Shortfalls shortfalls;
  private final SpecialPersons specialPersons;
  private final Organisation organisation;
  private final Notifications notifications;

  RoutinePages(
      WorkRecords records,
      Shortfalls shortfalls,
      SpecialPersons specialPersons,
      Organisation organisation,
      Notifications notifications) {
    this.records = records;
    this.shortfalls = shortfalls;
    this.specialPersons = specialPersons;
    this.organisation = organisation;
    this.notifications = notifications;
  }

  /** A line of a still-to-do list: what, and whether it is done. */
  record Todo(String text, boolean done) {}

  /** A recent record as the page lists it. */
  record Line(String kind, String when, String what, String mark) {}

  /** A choice of the visit's 走访对象. */
  record Target(String value, String label) {}

  /** A problem as a form's summary lists it: the field it links to, the message. */
  record Problem(String fieldId, String message) {}

  @GetMapping("/routine")
  String page(Principal user, Model model) {
    return render(user.getName(), model, Map.of(), "", Map.of());
  }

  @PostMapping("/routine/check-in")
  String checkIn(Principal user, Model model, HttpServletResponse response, RedirectAttributes r) {
    return act(
        user.getName(),
        model,
        response,
        r,
        "checkin",
        Map.of(),
        () -> {
          WorkRecord record =
              records.checkIn(new CheckIn(null, null, null, null, null, null), user.getName());
          return "已打卡（" + time(record.at()) + "）。";
        });
  }

  @PostMapping("/routine/patrol/start")
  String startPatrol(
      Principal user, Model model, HttpServletResponse response, RedirectAttributes r) {
    return act(
        user.getName(),
        model,
        response,
        r,
        "patrol",
        Map.of(),
        () -> {
          WorkRecord patrol =
              records.startPatrol(new PatrolStart(null, null, null), user.getName());
          return "巡查已开始（" + time(patrol.at()) + "）。巡查结束时请点“结束巡查”。";
        });
  }

  @PostMapping("/routine/patrol/end")
  String endPatrol(
      Principal user,
      @RequestParam(defaultValue = "") String note,
      @RequestParam(defaultValue = "") String endedAt,
      Model model,
      HttpServletResponse response,
      RedirectAttributes r) {
    return act(
        user.getName(),
        model,
        response,
        r,
        "patrol",
        Map.of("patrolNote", note, "patrolEndedAt", endedAt),
        () -> {
          WorkRecord open =
              records.openPatrol(user.getName()).orElseThrow(() -> new StateConflict("没有进行中的巡查"));
          // a stop forgotten (over 12 hours) is ended at the time the worker gives, not now
          OffsetDateTime end = endedAt.isBlank() ? null : localMoment(endedAt);
          WorkRecord ended =
              records.endPatrol(
                  open.id(), new PatrolEnd(end, null, blankToNull(note)), user.getName());
          return "巡查已结束，本次 " + duration(ended.minutes()) + "。";
        });
  }

  @PostMapping("/routine/visits")
  String visit(
      Principal user,
      @RequestParam(defaultValue = "") String target,
      @RequestParam(defaultValue = "") String household,
      @RequestParam(defaultValue = "") String note,
      Model model,
      HttpServletResponse response,
      RedirectAttributes r) {
    Map<String, String> form =
        Map.of("visitTarget", target, "visitHousehold", household, "visitNote", note);
    return act(
        user.getName(),
        model,
        response,
        r,
        "visit",
        form,
        () -> {
          Long personId = null;
          String group = null;
          if (FAMILY_TARGET.equals(target)) {
            group = FAMILY_TARGET;
          } else if (!target.isBlank()) {
            try {
              personId = Long.valueOf(target);
            } catch (NumberFormatException e) {
              personId = -1L;
            }
            group = specialPersons.find(personId).map(p -> p.group().name()).orElse(null);
          }
          WorkRecord visit =
              records.visit(
                  new Visit(
                      null,
                      blankToNull(household),
                      group,
                      personId,
                      null,
                      blankToNull(note),
                      null,
                      null),
                  user.getName());
          return "已记录走访："
              + (visit.personName() != null
                  ? visit.personName() + "（" + visit.groupLabel() + "）"
                  : "")
              + visit.household()
              + "。";
        });
  }

  @PostMapping("/routine/diaries")
  String diary(
      Principal user,
      @RequestParam(defaultValue = "") String text,
      Model model,
      HttpServletResponse response,
      RedirectAttributes r) {
    return act(
        user.getName(),
        model,
        response,
        r,
        "diary",
        Map.of("diaryText", text),
        () -> {
          records.diary(new Diary(null, blankToNull(text), null, null, null), user.getName());
          return "民情日志已保存。";
        });
  }

  @PostMapping("/routine/screenings")
  String screening(
      Principal user,
      @RequestParam(defaultValue = "") String findings,
      Model model,
      HttpServletResponse response,
      RedirectAttributes r) {
    return act(
        user.getName(),
        model,
        response,
        r,
        "screening",
        Map.of("screeningFindings", findings),
        () -> {
          records.screening(
              new Screening(null, null, blankToNull(findings), null, null), user.getName());
          return "隐患排查已记录。";
        });
  }

  @PostMapping("/routine/info-entries")
  String infoEntry(
      Principal user,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String text,
      Model model,
      HttpServletResponse response,
      RedirectAttributes r) {
    return act(
        user.getName(),
        model,
        response,
        r,
        "info",
        Map.of("infoKind", kind, "infoText", text),
        () -> {
          records.infoEntry(
              new InfoEntry(null, blankToNull(kind), blankToNull(text), null, null, null),
              user.getName());
          return "信息采集已记录。";
        });
  }

  /**
   * Carries out a form's action: on success back to the page with a notice; refused, the page again
   * (422) with what was typed and every problem next to its field.
   */
  private String act(
      String user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect,
      String form,
      Map<String, String> typed,
      Supplier<String> action) {
    String text;
    Map<String, List<String>> unreadable = new LinkedHashMap<>();
    for (Map.Entry<String, String> value : typed.entrySet()) {
      int[] limit = LIMITS.getOrDefault(value.getKey(), new int[] {TextRules.DEFAULT_MAX, 0});
      TextRules.check(value.getKey(), value.getValue(), limit[0], limit[1] == 1)
          .ifPresent(
              problem ->
                  unreadable
                      .computeIfAbsent(fieldId(form, value.getKey()), k -> new ArrayList<>())
                      .add(problem.message()));
    }
    if (!unreadable.isEmpty()) {
      response.setStatus(422);
      return render(user, model, unreadable, form, typed);
    }
    try {
      text = action.get();
    } catch (DomainRuleViolation refused) {
      Map<String, List<String>> errors = new LinkedHashMap<>();
      for (ApiError error : refused.errors()) {
        errors
            .computeIfAbsent(fieldId(form, error.field()), k -> new ArrayList<>())
            .add(error.message());
      }
      response.setStatus(422);
      return render(user, model, errors, form, typed);
    } catch (StateConflict conflict) {
      response.setStatus(409);
      return render(user, model, Map.of(form, List.of(conflict.getMessage())), form, typed);
    }
    redirect.addFlashAttribute("notice", text);
    return "redirect:/routine";
  }

  /** The id of the field a problem is about, on the form that was sent. */
  private static String fieldId(String form, String field) {
    String f = field == null ? "" : field;
    return switch (form) {
      case "visit" ->
          switch (f) {
            case "household", "visitHousehold" -> "visit-household";
            case "note", "visitNote" -> "visit-note";
            default -> "visit-target";
          };
      case "diary" -> "diary-text";
      case "screening" -> "screening-findings";
      case "info" -> f.equals("kind") || f.equals("infoKind") ? "info-kind" : "info-text";
      default -> form;
    };
  }

  private String render(
      String user,
      Model model,
      Map<String, List<String>> errors,
      String form,
      Map<String, String> typed) {
    String grid =
        organisation.currentAppointments(user).stream()
            .filter(a -> a.role() == AppointmentRole.GRID_WORKER)
            .map(Appointment::unitCode)
            .findFirst()
            .orElseThrow(() -> new AccessDeniedException("只有专职网格员使用日常工作页"));
    LocalDate today = organisation.today();
    ShortfallReport week =
        shortfalls.of(user, ShortfallPeriod.parse(ShortfallPeriod.weekKey(today)));
    ShortfallReport month = shortfalls.of(user, ShortfallPeriod.month(YearMonth.from(today)));
    List<WorkRecord> recent =
        records.list(
            new WorkRecords.ListQuery(user, null, today.minusDays(6), today, null, 20), user);
    Optional<WorkRecord> openPatrol = records.openPatrol(user);

    model.addAttribute("gridName", organisation.grid(grid).map(Grid::name).orElse(grid));
    model.addAttribute(
        "today",
        today.format(DAY)
            + " "
            + today.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA));
    Optional<ShortfallUnit> todayCheckIn = openUnit(week, Requirement.CHECK_IN, today.toString());
    model.addAttribute("workingDay", todayCheckIn.isPresent());
    Optional<WorkRecord> checkIn =
        recent.stream()
            .filter(x -> x.kind() == WorkRecordKind.CHECK_IN && x.date().equals(today))
            .filter(x -> !x.corrected())
            .reduce((newer, older) -> older);
    model.addAttribute("checkedInAt", checkIn.map(x -> time(x.at())).orElse(null));
    int patrolled =
        recent.stream()
            .filter(x -> x.kind() == WorkRecordKind.PATROL && x.date().equals(today))
            .filter(x -> !x.corrected() && x.minutes() != null)
            .mapToInt(WorkRecord::minutes)
            .sum();
    model.addAttribute("patrolled", duration(patrolled));
    model.addAttribute(
        "patrolLeft",
        patrolled >= Requirement.PATROL_MINUTES
            ? null
            : duration(Requirement.PATROL_MINUTES - patrolled));
    model.addAttribute("openPatrol", openPatrol.map(p -> time(p.at())).orElse(null));
    model.addAttribute("weekKey", week.period());
    model.addAttribute("week", weekTodos(week));
    model.addAttribute("month", monthTodos(month));
    model.addAttribute("monthKey", month.period());
    model.addAttribute("provisional", week.provisional() || month.provisional());
    List<Target> targets = new ArrayList<>();
    targets.add(new Target(FAMILY_TARGET, "家庭（普通住户）"));
    for (SpecialPerson p : specialPersons.register(grid)) {
      if (p.registeredOn(today)) {
        targets.add(
            new Target(
                Long.toString(p.id()),
                p.name()
                    + "（"
                    + p.group().label()
                    + (p.household() == null ? "" : " · " + p.household())
                    + "）"));
      }
    }
    model.addAttribute("targets", targets);
    model.addAttribute("recent", recent.stream().map(RoutinePages::line).toList());
    model.addAttribute("errors", errors);
    List<Problem> summary = new ArrayList<>();
    errors.forEach((id, messages) -> messages.forEach(m -> summary.add(new Problem(id, m))));
    model.addAttribute("summary", summary);
    model.addAttribute("form", form);
    Map<String, String> values = new LinkedHashMap<>();
    for (String name :
        List.of(
            "visitTarget",
            "visitHousehold",
            "visitNote",
            "diaryText",
            "screeningFindings",
            "infoKind",
            "infoText",
            "patrolNote")) {
      values.put(name, typed.getOrDefault(name, ""));
    }
    model.addAttribute("typed", values);
    model.addAttribute("current", "routine");
    model.addAttribute("unread", notifications.unreadCount(user));
    return "routine/page";
  }

  /** 本周还差: the open units of this week, and the working days of it already short. */
  private static List<Todo> weekTodos(ShortfallReport week) {
    List<Todo> todos = new ArrayList<>();
    for (ShortfallItem item : week.items()) {
      switch (item.requirement()) {
        case CHECK_IN, PATROL -> {
          if (!item.dates().isEmpty()) {
            String days =
                String.join(
                    "、", item.dates().stream().map(d -> LocalDate.parse(d).format(DAY)).toList());
            todos.add(
                new Todo(
                    (item.requirement() == Requirement.CHECK_IN ? "未打卡：" : "巡查不足2小时：") + days,
                    false));
          }
        }
        case SPECIAL_PERSON_VISIT -> {
          List<String> due =
              item.open().stream()
                  .filter(u -> u.shortBy() > 0)
                  .map(ShortfallUnit::personName)
                  .toList();
          if (!item.open().isEmpty()) {
            todos.add(
                due.isEmpty()
                    ? new Todo("特殊人群本周均已走访", true)
                    : new Todo("还须走访特殊人群：" + String.join("、", due), false));
          }
        }
        default -> {
          for (ShortfallUnit u : item.open()) {
            todos.add(
                u.shortBy() > 0
                    ? new Todo(name(item.requirement()) + "还差 " + u.shortBy() + unit(item), false)
                    : new Todo(
                        name(item.requirement()) + "已完成（" + u.done() + unit(item) + "）", true));
          }
        }
      }
    }
    return todos;
  }

  /** 本月还差: households this month, and the month's working days short so far. */
  private static List<Todo> monthTodos(ShortfallReport month) {
    List<Todo> todos = new ArrayList<>();
    month
        .item(Requirement.HOUSEHOLDS)
        .ifPresent(
            item -> {
              for (ShortfallUnit u : item.open()) {
                todos.add(
                    u.shortBy() > 0
                        ? new Todo("走访不同住户还差 " + u.shortBy() + " 户（已走访 " + u.done() + " 户）", false)
                        : new Todo("走访不同住户已满 " + u.required() + " 户", true));
              }
            });
    for (Requirement r : List.of(Requirement.CHECK_IN, Requirement.PATROL)) {
      month
          .item(r)
          .ifPresent(
              item -> {
                if (item.shortBy() > 0) {
                  todos.add(
                      new Todo(
                          (r == Requirement.CHECK_IN ? "本月未打卡 " : "本月巡查不足2小时 ")
                              + item.shortBy()
                              + " 天",
                          false));
                }
              });
    }
    month
        .item(Requirement.DIARY)
        .filter(item -> item.shortBy() > 0)
        .ifPresent(item -> todos.add(new Todo("本月已过各周民情日志共少 " + item.shortBy() + " 篇", false)));
    return todos;
  }

  private static Optional<ShortfallUnit> openUnit(
      ShortfallReport report, Requirement requirement, String key) {
    return report.item(requirement).stream()
        .flatMap(i -> i.open().stream())
        .filter(u -> u.key().equals(key))
        .findFirst();
  }

  private static String name(Requirement r) {
    return switch (r) {
      case DIARY -> "民情日志";
      case FAMILY_VISIT -> "走访家庭";
      case SCREENING -> "隐患排查";
      case INFO_ENTRY -> "信息采集";
      default -> r.label();
    };
  }

  private static String unit(ShortfallItem item) {
    return switch (item.requirement()) {
      case DIARY -> " 篇";
      case FAMILY_VISIT -> " 户次";
      case SCREENING -> " 次";
      case INFO_ENTRY -> " 条";
      default -> "";
    };
  }

  private static Line line(WorkRecord r) {
    String when = r.at() == null ? r.date().format(DAY) : r.date().format(DAY) + " " + time(r.at());
    String what =
        switch (r.kind()) {
          case CHECK_IN -> "";
          case PATROL ->
              r.open()
                  ? "进行中"
                  : time(r.at()) + "–" + time(r.endedAt()) + "，" + duration(r.minutes());
          case VISIT ->
              (r.personName() == null
                      ? r.groupLabel()
                      : r.personName() + "（" + r.groupLabel() + "）")
                  + " "
                  + r.household();
          case INFO_ENTRY -> r.infoKind() + "：" + shorten(r.text());
          case WITHDRAWAL -> "撤销记录 " + r.corrects() + "：" + shorten(r.correctionReason());
          default -> shorten(r.text());
        };
    String mark =
        r.corrected()
            ? "已更正或撤销"
            : r.corrects() != null && r.kind() != WorkRecordKind.WITHDRAWAL ? "更正记录" : null;
    return new Line(r.kindLabel(), when, what, mark);
  }

  private static String shorten(String text) {
    if (text == null) {
      return "";
    }
    return text.codePointCount(0, text.length()) <= 40
        ? text
        : text.substring(0, text.offsetByCodePoints(0, 40)) + "…";
  }

  static String duration(Integer minutes) {
    if (minutes == null) {
      return "";
    }
    int h = minutes / 60;
    int m = minutes % 60;
    return h == 0 ? m + " 分钟" : m == 0 ? h + " 小时" : h + " 小时 " + m + " 分钟";
  }

  private static String time(OffsetDateTime moment) {
    return moment == null ? "" : moment.atZoneSameInstant(GridCaseTime.ZONE).format(TIME);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** A {@code datetime-local} field's value (2026-11-18T17:30) in Beijing time. */
  private static OffsetDateTime localMoment(String value) {
    try {
      return LocalDateTime.parse(value.trim()).atZone(GridCaseTime.ZONE).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      throw new DomainRuleViolation(
          "巡查未结束", List.of(new ApiError("endedAt", "S2.patrolEnd", "结束时间格式不对，请按“年-月-日 时:分”填写")));
    }
  }
}
