package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.Approval;
import cn.gridcase.assignment.Matter;
import cn.gridcase.assignment.MatterChange;
import cn.gridcase.assignment.MatterRequest;
import cn.gridcase.assignment.MatterStatus;
import cn.gridcase.assignment.Matters;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.WebPage;
import cn.gridcase.security.UserAccounts;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 事项清单 (rule S4), the township's matter list: every matter with its status and its history of
 * approvals, for everyone working in the township; the township's supervisors (政法委) and
 * administrators admit (准入) or prohibit (禁入) a matter and withdraw one (退出), each with the approval
 * it rests on. The same service as {@code /api/matters}.
 */
@Controller
@WebPage
class MatterPages {

  private final Matters matters;
  private final AssignmentPeople people;
  private final Organisation organisation;
  private final UserAccounts accounts;
  private final Notifications notifications;

  MatterPages(
      Matters matters,
      AssignmentPeople people,
      Organisation organisation,
      UserAccounts accounts,
      Notifications notifications) {
    this.matters = matters;
    this.people = people;
    this.organisation = organisation;
    this.accounts = accounts;
    this.notifications = notifications;
  }

  /** What was typed into a form, kept when it is refused. */
  record Form(
      String code,
      String name,
      String status,
      String approvedBy,
      String document,
      String approvedOn) {

    static Form empty() {
      return new Form("", "", "LISTED", "", "", "");
    }
  }

  /** One history entry as the page shows it. */
  record Entry(String when, String action, String approval, String recorded) {}

  /** A matter as the page shows it. */
  record Row(Matter matter, List<Entry> history) {}

  @GetMapping("/matters")
  String list(Principal user, @RequestParam(required = false) String townshipCode, Model model) {
    String township =
        matters.readableTownship(
            user.getName(),
            townshipCode == null || townshipCode.isBlank()
                ? people.townshipsOf(user.getName()).stream()
                    .findFirst()
                    .orElseGet(this::firstTownship)
                : townshipCode);
    return page(user.getName(), township, model, Form.empty(), Map.of(), null, null);
  }

  @PostMapping("/matters")
  String record(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String approvedBy,
      @RequestParam(required = false) String document,
      @RequestParam(required = false) String approvedOn,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    Form form =
        new Form(
            empty(code),
            empty(name),
            empty(status),
            empty(approvedBy),
            empty(document),
            empty(approvedOn));
    String township = matters.readableTownship(user.getName(), townshipCode);
    LocalDate day = day(form.approvedOn());
    MatterStatus chosen = null;
    try {
      chosen = form.status().isEmpty() ? null : MatterStatus.valueOf(form.status());
    } catch (IllegalArgumentException e) {
      chosen = null;
    }
    try {
      // an unreadable date or status is none: the service names it with every other problem
      matters.record(
          user.getName(),
          new MatterRequest(
              township,
              form.code().trim(),
              form.name(),
              chosen,
              new Approval(form.approvedBy(), form.document(), day)));
    } catch (DomainRuleViolation refused) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(
          user.getName(), township, model, form, byField(refused, form.approvedOn()), null, null);
    } catch (StateConflict conflict) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("error", conflict.getMessage());
      return page(user.getName(), township, model, form, Map.of(), null, null);
    }
    Matter matter = matters.matter(township, form.code().trim());
    redirect.addFlashAttribute(
        "flash",
        "已登记：事项「"
            + matter.name()
            + "」（"
            + matter.code()
            + "）"
            + (matter.status() == MatterStatus.LISTED ? "准入清单" : "列为禁入事项")
            + "，审批依据已记录。");
    redirect.addAttribute("townshipCode", township);
    return "redirect:/matters";
  }

  @PostMapping("/matters/{code}/withdraw")
  String withdraw(
      Principal user,
      @PathVariable String code,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String approvedBy,
      @RequestParam(required = false) String document,
      @RequestParam(required = false) String approvedOn,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    String township = matters.readableTownship(user.getName(), townshipCode);
    Form typed = new Form(code, "", "", empty(approvedBy), empty(document), empty(approvedOn));
    LocalDate day = day(typed.approvedOn());
    try {
      matters.withdraw(
          user.getName(), township, code, new Approval(typed.approvedBy(), typed.document(), day));
    } catch (DomainRuleViolation refused) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("withdrawTyped", typed);
      return page(
          user.getName(),
          township,
          model,
          Form.empty(),
          Map.of(),
          code,
          byField(refused, typed.approvedOn()));
    } catch (StateConflict conflict) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("error", conflict.getMessage());
      return page(user.getName(), township, model, Form.empty(), Map.of(), null, null);
    }
    redirect.addFlashAttribute("flash", "已登记：事项 " + code + " 退出清单，审批依据已记录。");
    redirect.addAttribute("townshipCode", township);
    return "redirect:/matters";
  }

  private String page(
      String user,
      String township,
      Model model,
      Form form,
      Map<String, List<String>> errors,
      String withdrawCode,
      Map<String, List<String>> withdrawErrors) {
    model.addAttribute("name", accounts.nameOf(user));
    model.addAttribute("worker", !people.workedGrids(user).isEmpty());
    model.addAttribute("current", "matters");
    model.addAttribute("unread", notifications.unreadCount(user));
    model.addAttribute("townshipCode", township);
    model.addAttribute(
        "townshipName", organisation.unit(township).map(Unit::name).orElse(township));
    model.addAttribute("mayChange", matters.mayChange(user, township));
    Map<String, String> names = new HashMap<>();
    Map<MatterStatus, List<Row>> groups = new EnumMap<>(MatterStatus.class);
    for (MatterStatus status : MatterStatus.values()) {
      groups.put(status, new ArrayList<>());
    }
    for (Matter m : matters.list(user, township)) {
      List<Entry> history = new ArrayList<>();
      for (MatterChange c : m.history()) {
        history.add(
            new Entry(
                c.approval().approvedOn().toString(),
                c.actionLabel(),
                c.approval().approvedBy() + "《" + c.approval().document() + "》",
                names.computeIfAbsent(c.recordedBy(), accounts::nameOf)
                    + " 于 "
                    + GridCaseTime.minute(c.recordedAt())
                    + " 登记"));
      }
      groups.get(m.status()).add(new Row(m, history));
    }
    Map<String, List<Row>> labelled = new LinkedHashMap<>();
    groups.forEach((status, rows) -> labelled.put(status.name(), rows));
    model.addAttribute("groups", labelled);
    model.addAttribute("labels", labels());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("withdrawCode", withdrawCode);
    model.addAttribute("withdrawErrors", withdrawErrors == null ? Map.of() : withdrawErrors);
    if (!model.containsAttribute("withdrawTyped")) {
      model.addAttribute("withdrawTyped", Form.empty());
    }
    return "assignment/matters";
  }

  /** An administrator, who works in no township, sees the first one's list. */
  private String firstTownship() {
    return organisation.units(UnitKind.TOWNSHIP).stream().map(Unit::code).findFirst().orElse(null);
  }

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MatterStatus.LISTED.name(), "清单内事项（可交办网格员）");
    labels.put(MatterStatus.PROHIBITED.name(), "禁入事项（不得交办网格员）");
    labels.put(MatterStatus.WITHDRAWN.name(), "已退出清单的事项（交办须经政法委审批）");
    return labels;
  }

  /** The problems by the form's field ids: {@code approval.approvedOn} → {@code approvedOn}. */
  private static Map<String, List<String>> byField(DomainRuleViolation refused, String typedDay) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    boolean unreadableDay = !typedDay.isBlank() && day(typedDay) == null;
    for (ApiError error : refused.errors()) {
      String field = error.field() == null ? "code" : error.field();
      if (unreadableDay && field.equals("approval.approvedOn")) {
        error = new ApiError(field, error.code(), "审批日期格式为 yyyy-MM-dd");
      }
      if (field.equals("approval")) {
        field = "approvedBy";
      } else if (field.startsWith("approval.")) {
        field = field.substring("approval.".length());
      } else if (field.equals("townshipCode")) {
        field = "code";
      }
      errors.computeIfAbsent(field, k -> new ArrayList<>()).add(error.message());
    }
    return errors;
  }

  /** The day typed, or null when none or not a day (yyyy-MM-dd). */
  private static LocalDate day(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String empty(String value) {
    return value == null ? "" : value;
  }
}
