package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.AssessmentQuarters;
import cn.gridcase.assessment.QuarterView;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.WebPage;
import cn.gridcase.security.UserAccounts;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The quarterly assessment's pages: 我的考核 ({@code /assessment/mine}) — a grid worker's quarter,
 * every item with its deductions and their evidence, score and grade once final, 提出异议 until the
 * window ends — and 季度考核 ({@code /assessment/quarters/{quarter}}) for the township's staff:
 * satisfaction entry progress (and the village station's entry), findings, the review, objections
 * with their answers, and 定档. The same service as {@code /api/assessment/quarters}.
 */
@Controller
@WebPage
class QuarterPages {

  /** How a page marks a deadline counted without the year's holiday schedule (T3). */
  static final String PROVISIONAL = "（暂按周一至周五计算）";

  private final AssessmentQuarters quarters;
  private final QuarterRepository repository;
  private final Organisation organisation;
  private final AccessScopes scopes;
  private final UserAccounts accounts;
  private final Notifications notifications;
  private final Clock clock;

  QuarterPages(
      AssessmentQuarters quarters,
      QuarterRepository repository,
      Organisation organisation,
      AccessScopes scopes,
      UserAccounts accounts,
      Notifications notifications,
      Clock clock) {
    this.quarters = quarters;
    this.repository = repository;
    this.organisation = organisation;
    this.scopes = scopes;
    this.accounts = accounts;
    this.notifications = notifications;
    this.clock = clock;
  }

  private void common(String user, Model model, boolean worker) {
    model.addAttribute("name", accounts.nameOf(user));
    model.addAttribute("worker", worker);
    model.addAttribute("current", "assessment");
    model.addAttribute("unread", notifications.unreadCount(user));
  }

  @GetMapping("/assessment/mine")
  String mine(Principal user, @RequestParam(required = false) String quarter, Model model) {
    String me = user.getName();
    common(me, model, true);
    List<String[]> mine = repository.quartersOf(me);
    List<String> codes = new ArrayList<>();
    mine.forEach(
        q -> {
          if (!codes.contains(q[0])) {
            codes.add(q[0]);
          }
        });
    model.addAttribute("quarters", codes);
    String chosen =
        quarter != null && codes.contains(quarter)
            ? quarter
            : codes.isEmpty() ? null : codes.get(0);
    model.addAttribute("quarter", chosen);
    if (chosen != null) {
      String township = quarters.township(chosen, null, me);
      QuarterView view = quarters.view(chosen, township, null, me);
      model.addAttribute("view", view);
      model.addAttribute("names", namesIn(view));
      model.addAttribute("label", AssessmentQuarters.label(chosen));
      model.addAttribute("me", view.workers().isEmpty() ? null : view.workers().get(0));
      boolean open =
          "IN_REVIEW".equals(view.status())
              && view.objectionDue() != null
              && view.correctsVersion() == null
              && !GridCaseTime.now(clock).isAfter(view.objectionDue());
      model.addAttribute("mayObject", open);
      model.addAttribute(
          "objectBy",
          view.objectionDue() == null
              ? null
              : GridCaseTime.minute(view.objectionDue())
                  + (view.objectionDueProvisional() ? PROVISIONAL : ""));
    }
    return "assessment/mine";
  }

  @PostMapping("/assessment/mine/objections")
  String object(
      Principal user,
      @RequestParam String quarter,
      @RequestParam(required = false) String text,
      RedirectAttributes redirect) {
    act(
        redirect,
        "",
        () -> {
          quarters.object(quarter, null, text, user.getName());
          return "异议已提交，考核小组将在2个工作日内答复。";
        });
    return "redirect:/assessment/mine?quarter=" + quarter;
  }

  /** The names people read for the accounts a quarter's page mentions (who reviewed, answered…). */
  private Map<String, String> namesIn(QuarterView view) {
    Map<String, String> names = new HashMap<>();
    List<String> who = new ArrayList<>();
    who.add(view.reviewedBy());
    who.add(view.finalizedBy());
    view.objections()
        .forEach(
            o -> {
              who.add(o.username());
              who.add(o.answeredBy());
            });
    who.stream().filter(u -> u != null).forEach(u -> names.computeIfAbsent(u, accounts::nameOf));
    return names;
  }

  /**
   * Runs a form's command: its success message as the next page's flash, or the refusal's reasons
   * in Chinese (after {@code refusedPrefix}) as its error; the form's page is shown again either
   * way.
   */
  private static void act(
      RedirectAttributes redirect, String refusedPrefix, Supplier<String> command) {
    try {
      redirect.addFlashAttribute("flash", command.get());
    } catch (DomainRuleViolation | StateConflict e) {
      redirect.addFlashAttribute("error", refusedPrefix + message(e));
    }
  }

  private static String message(RuntimeException e) {
    if (e instanceof DomainRuleViolation v) {
      return String.join("；", v.errors().stream().map(ApiError::message).toList());
    }
    return e
        .getMessage(); // each of the assessment's conflicts says in Chinese what stands in the way
  }

  /** The staff's entry: the newest quarter of the caller's township. */
  @GetMapping("/assessment")
  String start(Principal user) {
    String me = user.getName();
    if (organisation.currentAppointments(me).stream()
        .anyMatch(a -> a.role() == AppointmentRole.GRID_WORKER)) {
      return "redirect:/assessment/mine";
    }
    String township = townshipOf(me);
    String latest =
        repository.townshipQuarters(township).stream()
            .findFirst()
            .orElse(AssessmentQuarters.quarterBefore(GridCaseTime.now(clock).toLocalDate()));
    return "redirect:/assessment/quarters/" + latest + "?townshipCode=" + township;
  }

  private String townshipOf(String user) {
    AccessScope scope = scopes.of(user);
    if (!scope.townships().isEmpty()) {
      return scope.townships().stream().sorted().findFirst().orElseThrow();
    }
    for (String village : scope.villages()) {
      String parent = organisation.unit(village).map(Unit::parentCode).orElse(null);
      if (parent != null) {
        return parent;
      }
    }
    return organisation.units(UnitKind.TOWNSHIP).stream().map(Unit::code).findFirst().orElse("GS");
  }

  @GetMapping("/assessment/quarters/{quarter}")
  String quarter(
      Principal user,
      @PathVariable String quarter,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) Integer version,
      Model model) {
    String me = user.getName();
    String township =
        townshipCode == null || townshipCode.isBlank() ? townshipOf(me) : townshipCode;
    common(me, model, false);
    model.addAttribute("quarter", quarter);
    model.addAttribute("label", AssessmentQuarters.label(quarter));
    model.addAttribute("townshipCode", township);
    model.addAttribute(
        "townshipName", organisation.unit(township).map(Unit::name).orElse(township));
    if (!quarters.exists(township, quarter)) {
      model.addAttribute("view", null);
      return "assessment/quarter";
    }
    QuarterView view = quarters.view(quarter, township, version, me);
    model.addAttribute("view", view);
    model.addAttribute("names", namesIn(view));
    boolean group = quarters.inAssessmentGroup(me, township);
    boolean editable = view.current() && !"FINAL".equals(view.status());
    model.addAttribute("group", group && editable);
    model.addAttribute("groupFinal", group && view.current() && "FINAL".equals(view.status()));
    Map<String, Boolean> entry = new LinkedHashMap<>();
    for (QuarterView.WorkerAssessment w : view.workers()) {
      entry.put(w.username(), editable && quarters.ofVillageStation(me, w.villageCode()));
    }
    model.addAttribute("mayEnter", entry);
    model.addAttribute("anyEntry", entry.containsValue(true));
    model.addAttribute("village", villageNames(view));
    return "assessment/quarter";
  }

  private Map<String, String> villageNames(QuarterView view) {
    Map<String, String> names = new LinkedHashMap<>();
    for (QuarterView.WorkerAssessment w : view.workers()) {
      names.computeIfAbsent(w.villageCode(), c -> organisation.unit(c).map(Unit::name).orElse(c));
    }
    return names;
  }

  private String back(String quarter, String township) {
    return "redirect:/assessment/quarters/" + quarter + "?townshipCode=" + township;
  }

  @PostMapping("/assessment/quarters/{quarter}/findings")
  String finding(
      Principal user,
      @PathVariable String quarter,
      @RequestParam String townshipCode,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) Integer item,
      @RequestParam(required = false) String points,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    BigDecimal p;
    try {
      p = points == null || points.isBlank() ? null : new BigDecimal(points.trim());
    } catch (NumberFormatException e) {
      p = null; // refused below, named with the other problems (A4.finding.points)
    }
    BigDecimal given = p;
    act(
        redirect,
        "",
        () -> {
          quarters.addFinding(quarter, townshipCode, username, item, given, reason, user.getName());
          return "已添加扣分：" + accounts.nameOf(username);
        });
    return back(quarter, townshipCode);
  }

  @PostMapping("/assessment/quarters/{quarter}/satisfaction")
  String satisfaction(
      Principal user,
      @PathVariable String quarter,
      @RequestParam String townshipCode,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    List<AssessmentQuarters.Score> scores = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    form.forEach(
        (k, v) -> {
          if (k.startsWith("score.") && v != null && !v.isBlank()) {
            try {
              scores.add(new AssessmentQuarters.Score(k.substring(6), new BigDecimal(v.trim())));
            } catch (NumberFormatException e) {
              bad.add(accounts.nameOf(k.substring(6)) + "：“" + v + "”不是分数");
            }
          }
        });
    if (!bad.isEmpty()) {
      redirect.addFlashAttribute("error", String.join("；", bad));
    } else {
      act(
          redirect,
          "",
          () -> {
            quarters.enterSatisfaction(quarter, townshipCode, scores, user.getName());
            return "满意度已保存（" + scores.size() + " 人）";
          });
    }
    return back(quarter, townshipCode);
  }

  @PostMapping("/assessment/quarters/{quarter}/review")
  String review(
      Principal user,
      @PathVariable String quarter,
      @RequestParam String townshipCode,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    act(
        redirect,
        "",
        () -> {
          quarters.review(quarter, townshipCode, note, user.getName());
          return "审核完成；满意度录入完毕后考核结果向网格员公示。";
        });
    return back(quarter, townshipCode);
  }

  @PostMapping("/assessment/quarters/{quarter}/objections/{id}/answer")
  String answer(
      Principal user,
      @PathVariable String quarter,
      @PathVariable long id,
      @RequestParam String townshipCode,
      @RequestParam(required = false) String answer,
      RedirectAttributes redirect) {
    act(
        redirect,
        "",
        () -> {
          quarters.answer(quarter, id, answer, user.getName(), false);
          return "已答复异议";
        });
    return back(quarter, townshipCode);
  }

  @PostMapping("/assessment/quarters/{quarter}/finalize")
  String finalizeQuarter(
      Principal user,
      @PathVariable String quarter,
      @RequestParam String townshipCode,
      RedirectAttributes redirect) {
    act(
        redirect,
        "尚不能定档：",
        () -> {
          quarters.finalizeQuarter(quarter, townshipCode, user.getName());
          return "已定档并公布，网格员已收到通知。";
        });
    return back(quarter, townshipCode);
  }
}
