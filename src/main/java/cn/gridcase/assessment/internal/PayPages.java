package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.PayLine;
import cn.gridcase.assessment.PaySettings;
import cn.gridcase.assessment.PayStatement;
import cn.gridcase.assessment.PayStatements;
import cn.gridcase.assessment.QuarterPay;
import cn.gridcase.assessment.Ranking;
import cn.gridcase.assessment.RankingItem;
import cn.gridcase.assessment.RankingScope;
import cn.gridcase.assessment.Rankings;
import cn.gridcase.assessment.TownshipPaySettings;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.InvalidRequest;
import cn.gridcase.platform.WebPage;
import cn.gridcase.security.UserAccounts;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pay pages: 我的报酬 for the grid worker ({@code /assessment/pay}, a month's statement line by
 * line), a worker's statement for township staff ({@code /assessment/pay/{username}}), the
 * township's 报酬表 of a month or a quarter with its Excel ({@code /assessment/pay-sheet}), the
 * rankings ({@code /assessment/rankings}, A9) and the administrators' 报酬设置 ({@code
 * /assessment/pay-settings}).
 */
@Controller
@WebPage
class PayPages {

  private final PayStatements pay;
  private final TownshipPaySettings settings;
  private final Rankings rankings;
  private final PayAccess access;
  private final Organisation organisation;
  private final Notifications notifications;
  private final UserAccounts accounts;

  PayPages(
      PayStatements pay,
      TownshipPaySettings settings,
      Rankings rankings,
      PayAccess access,
      Organisation organisation,
      Notifications notifications,
      UserAccounts accounts) {
    this.pay = pay;
    this.settings = settings;
    this.rankings = rankings;
    this.access = access;
    this.organisation = organisation;
    this.notifications = notifications;
    this.accounts = accounts;
  }

  /** A statement line as the page shows it. */
  record Line(
      String eventNumber,
      String category,
      String marks,
      String reportedAt,
      String outcome,
      String outcomeKey,
      boolean counted,
      String earns,
      String amount,
      String note) {}

  /** A sheet row as the page shows it. */
  record Row(
      String username,
      String name,
      String gridCode,
      int entries,
      int counted,
      String base,
      String deductions,
      String bonus,
      String total,
      String state,
      List<String> months) {}

  /** A field of the settings form. */
  record Field(String name, String label, String type) {}

  static final List<Field> FIELDS =
      List.of(
          new Field("base", "基本报酬（元）", "text"),
          new Field("threshold", "满额件数", "number"),
          new Field("deductionRate", "每少一件扣减（基本报酬的 %）", "number"),
          new Field("maxDeduction", "最多扣减（基本报酬的 %）", "number"),
          new Field("bonusClosed", "超出部分每件办结奖励（元）", "text"),
          new Field("bonusEscalated", "超出部分每件上报奖励（元）", "text"),
          new Field("cap", "每月奖励上限（元）", "text"),
          new Field("minRankedEntries", "参与排名的最少件数", "number"),
          new Field("effectiveFrom", "生效月份", "month"));

  /** A ranking row as the page shows it. */
  record Place(
      String rank,
      String code,
      String name,
      String username,
      int entries,
      int counted,
      String rate) {}

  @GetMapping("/assessment/pay")
  String mine(Principal user, @RequestParam(defaultValue = "") String month, Model model) {
    return statementPage(user.getName(), user.getName(), month, model, true);
  }

  @GetMapping("/assessment/pay/{username}")
  String worker(
      Principal user,
      @PathVariable String username,
      @RequestParam(defaultValue = "") String month,
      Model model) {
    return statementPage(user.getName(), username, month, model, false);
  }

  private String statementPage(
      String caller, String username, String month, Model model, boolean own) {
    YearMonth shown = month(month, model);
    access.requireStatementReader(caller, username, shown);
    model.addAttribute("own", own);
    if (own) {
      // the grid worker's own statement is one of their phone pages, under their header
      model.addAttribute("current", "pay");
      model.addAttribute("unread", notifications.unreadCount(caller));
    }
    model.addAttribute("month", shown.toString());
    model.addAttribute("username", username);
    if (!pay.isGridWorkerIn(username, shown)) {
      model.addAttribute("statement", null);
      model.addAttribute(
          "notWorker",
          (own ? "您" : accounts.nameOf(username) + "（" + username + "）")
              + "在 "
              + shown
              + " 不是专职网格员，没有报酬单。");
      return "assessment/pay";
    }
    PayStatement s = pay.statement(username, shown);
    List<Line> lines = new ArrayList<>();
    for (PayLine l : s.lines()) {
      List<String> marks = new ArrayList<>();
      if (l.major()) {
        marks.add("重大");
      }
      if (l.beijingPetition()) {
        marks.add("进京非访");
      }
      lines.add(
          new Line(
              l.eventNumber(),
              l.category().label(),
              String.join("、", marks),
              l.reportedAt().toLocalDateTime().toString().replace('T', ' ').substring(0, 16),
              l.outcome().label(),
              l.outcome().name(),
              l.counted(),
              l.earns().label(),
              Money.yuan(l.amountFen()),
              l.note()));
    }
    model.addAttribute("statement", s);
    model.addAttribute("lines", lines);
    model.addAttribute("base", Money.yuan(s.baseFen()));
    model.addAttribute("deductions", Money.yuan(s.deductionFen()));
    model.addAttribute("bonus", Money.yuan(s.bonusFen()));
    model.addAttribute("total", Money.yuan(s.totalFen()));
    return "assessment/pay";
  }

  @GetMapping("/assessment/pay-sheet")
  String sheet(
      Principal user,
      @RequestParam(defaultValue = "") String townshipCode,
      @RequestParam(defaultValue = "") String month,
      @RequestParam(defaultValue = "") String quarter,
      Model model) {
    String township = township(user.getName(), townshipCode, model);
    access.requireTownshipReader(user.getName(), township);
    model.addAttribute("townshipCode", township);
    model.addAttribute(
        "townshipName", organisation.unit(township).map(Unit::name).orElse(township));
    List<Row> rows = new ArrayList<>();
    long sum = 0;
    if (!quarter.isBlank()) {
      int[] q;
      try {
        q = PayAccess.quarter("quarter", quarter);
      } catch (InvalidRequest bad) {
        model.addAttribute("periodError", bad.errors().get(0).message());
        YearMonth now = settings.currentMonth();
        q = new int[] {now.getYear(), now.get(IsoFields.QUARTER_OF_YEAR)};
      }
      String code = q[0] + "-Q" + q[1];
      YearMonth first = YearMonth.of(q[0], (q[1] - 1) * 3 + 1);
      List<String> months =
          List.of(first.toString(), first.plusMonths(1).toString(), first.plusMonths(2).toString());
      boolean over = false;
      for (QuarterPay p : pay.quarter(township, q[0], q[1])) {
        over = p.quarterOver();
        List<String> perMonth = new ArrayList<>();
        for (String m : months) {
          perMonth.add(
              p.months().stream()
                  .filter(s -> s.month().toString().equals(m))
                  .findFirst()
                  .map(s -> Money.yuan(s.totalFen()))
                  .orElse("—"));
        }
        rows.add(
            new Row(
                p.username(),
                p.name(),
                p.gridCode(),
                p.entries(),
                p.countedEntries(),
                Money.yuan(p.baseFen()),
                Money.yuan(p.deductionFen()),
                Money.yuan(p.bonusFen()),
                Money.yuan(p.totalFen()),
                p.quarterOver() ? "确定" : "季度未结束",
                perMonth));
        sum += p.totalFen();
      }
      model.addAttribute("quarter", code);
      model.addAttribute("months", months);
      model.addAttribute("month", "");
      model.addAttribute("title", code + " 季度发放表（三个月报酬之和，未办结的事件不计件）" + (over ? "" : "：季度尚未结束"));
    } else {
      YearMonth shown = month(month, model);
      for (PayStatement s : pay.sheet(township, shown)) {
        rows.add(
            new Row(
                s.username(),
                s.name(),
                s.gridCode(),
                s.entries(),
                s.countedEntries(),
                Money.yuan(s.baseFen()),
                Money.yuan(s.deductionFen()),
                Money.yuan(s.bonusFen()),
                Money.yuan(s.totalFen()),
                s.provisional() ? "暂定" : "确定",
                List.of()));
        sum += s.totalFen();
      }
      model.addAttribute("quarter", "");
      model.addAttribute("months", List.of());
      model.addAttribute("month", shown.toString());
      model.addAttribute("title", shown + " 报酬表");
      model.addAttribute("settings", settingsLine(settings.inForce(township, shown)));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("sum", Money.yuan(sum));
    model.addAttribute("townships", townshipOptions(user.getName()));
    return "assessment/sheet";
  }

  @GetMapping("/assessment/rankings")
  String rankings(
      Principal user,
      @RequestParam(defaultValue = "") String townshipCode,
      @RequestParam(defaultValue = "") String period,
      @RequestParam(defaultValue = "GRID_WORKER") String scope,
      Model model) {
    String township = township(user.getName(), townshipCode, model);
    access.requireTownshipReader(user.getName(), township);
    Rankings.Period shown;
    try {
      shown = Rankings.period(period.isBlank() ? settings.currentMonth().toString() : period);
    } catch (InvalidRequest bad) {
      model.addAttribute("periodError", bad.errors().get(0).message());
      shown = Rankings.period(settings.currentMonth().toString());
    }
    RankingScope parsed = "GRID".equals(scope) ? RankingScope.GRID : RankingScope.GRID_WORKER;
    Ranking ranking = rankings.rank(township, shown, parsed);
    List<Place> places = new ArrayList<>();
    for (RankingItem i : ranking.items()) {
      places.add(
          new Place(
              i.rank() == null ? "不参与排名" : String.valueOf(i.rank()),
              i.code(),
              i.name(),
              i.username(),
              i.entries(),
              i.countedEntries(),
              CompetitionRanking.percent(i.onTimeRate())));
    }
    model.addAttribute("townshipCode", township);
    model.addAttribute(
        "townshipName", organisation.unit(township).map(Unit::name).orElse(township));
    model.addAttribute("townships", townshipOptions(user.getName()));
    model.addAttribute("period", ranking.period());
    model.addAttribute("scope", parsed.name());
    model.addAttribute("minEntries", ranking.minEntries());
    model.addAttribute("places", places);
    return "assessment/rankings";
  }

  @GetMapping("/assessment/pay-settings")
  String settingsPage(
      Principal user, @RequestParam(defaultValue = "") String townshipCode, Model model) {
    String township = township(user.getName(), townshipCode, model);
    access.requireTownshipReader(user.getName(), township);
    model.addAttribute("canEdit", access.changesSettings(user.getName(), township));
    YearMonth current = settings.currentMonth();
    PaySettings next = settings.inForce(township, current.plusMonths(1));
    model.addAttribute("townshipCode", township);
    model.addAttribute(
        "townshipName", organisation.unit(township).map(Unit::name).orElse(township));
    model.addAttribute("townships", townshipOptions(user.getName()));
    model.addAttribute("fields", FIELDS);
    model.addAttribute("currentMonth", current.toString());
    model.addAttribute("nextMonth", current.plusMonths(1).toString());
    model.addAttribute("current", settingsLine(settings.inForce(township, current)));
    model.addAttribute("nextLine", settingsLine(next));
    model.addAttribute(
        "history", settings.history(township).stream().map(this::historyLine).toList());
    if (!model.containsAttribute("form")) {
      model.addAttribute(
          "form",
          Map.of(
              "base", Money.yuan(next.baseFen()),
              "deductionRate", String.valueOf(next.deductionPercent()),
              "threshold", String.valueOf(next.threshold()),
              "maxDeduction", String.valueOf(next.maxDeductionPercent()),
              "bonusClosed", Money.yuan(next.bonusClosedFen()),
              "bonusEscalated", Money.yuan(next.bonusEscalatedFen()),
              "cap", Money.yuan(next.capFen()),
              "minRankedEntries", String.valueOf(next.minRankedEntries()),
              "effectiveFrom", current.plusMonths(1).toString(),
              "reason", ""));
    }
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "assessment/settings";
  }

  @PostMapping("/assessment/pay-settings")
  String changeSettings(
      Principal user,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    String township = form.getOrDefault("townshipCode", "");
    access.requireTownshipReader(user.getName(), township);
    access.requireSettingsChanger(user.getName(), township);
    Map<String, String> errors = new LinkedHashMap<>();
    YearMonth from = null;
    try {
      from = PayAccess.month("effectiveFrom", form.getOrDefault("effectiveFrom", ""));
    } catch (InvalidRequest bad) {
      errors.put("effectiveFrom", bad.errors().get(0).message());
    }
    TownshipPaySettings.Change change =
        new TownshipPaySettings.Change(
            decimal(form, "base", errors),
            integer(form, "deductionRate", errors),
            integer(form, "threshold", errors),
            integer(form, "maxDeduction", errors),
            decimal(form, "bonusClosed", errors),
            decimal(form, "bonusEscalated", errors),
            decimal(form, "cap", errors),
            integer(form, "minRankedEntries", errors),
            from,
            form.get("reason"));
    if (errors.isEmpty()) {
      try {
        settings.change(township, change, user.getName());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/assessment/pay-settings?townshipCode=" + township;
      } catch (DomainRuleViolation refused) {
        for (ApiError e : refused.errors()) {
          errors.putIfAbsent(e.field(), e.message());
        }
      }
    }
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return settingsPage(user, township, model);
  }

  private static BigDecimal decimal(
      Map<String, String> form, String field, Map<String, String> errors) {
    String v = form.getOrDefault(field, "").trim();
    if (v.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      errors.put(field, "请填写金额（元），例如 100 或 100.50");
      return BigDecimal.ZERO;
    }
  }

  private static Integer integer(
      Map<String, String> form, String field, Map<String, String> errors) {
    String v = form.getOrDefault(field, "").trim();
    if (v.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      errors.put(field, "请填写整数");
      return 0;
    }
  }

  static String settingsLine(PaySettings s) {
    return "基本报酬 "
        + Money.yuan(s.baseFen())
        + " 元，满 "
        + s.threshold()
        + " 件全额，每少 1 件扣 "
        + s.deductionPercent()
        + "%，最多扣 "
        + s.maxDeductionPercent()
        + "%；超出部分每件办结奖励 "
        + Money.yuan(s.bonusClosedFen())
        + " 元、上报奖励 "
        + Money.yuan(s.bonusEscalatedFen())
        + " 元，每月奖励最多 "
        + Money.yuan(s.capFen())
        + " 元（重大事件、进京非访信息不受此限）；排名最少 "
        + s.minRankedEntries()
        + " 件"
        + (s.effectiveFrom() == null ? "（默认设置）" : "（自 " + s.effectiveFrom() + " 起）");
  }

  private String historyLine(PaySettings s) {
    return s.changedAt().toLocalDateTime().toString().replace('T', ' ').substring(0, 16)
        + " "
        + accounts.nameOf(s.changedBy())
        + "（"
        + s.changedBy()
        + "）"
        + "："
        + settingsLine(s)
        + "。原因："
        + s.reason();
  }

  private String township(String caller, String requested, Model model) {
    if (!requested.isBlank()) {
      return requested;
    }
    List<String> mine = access.townshipsOf(caller);
    if (mine.isEmpty()) {
      throw new AccessDeniedException("您不在任何乡镇任职，无法查看报酬表");
    }
    return mine.get(0);
  }

  private List<Map<String, String>> townshipOptions(String caller) {
    List<Map<String, String>> options = new ArrayList<>();
    for (String code : access.townshipsOf(caller)) {
      options.add(
          Map.of("value", code, "label", organisation.unit(code).map(Unit::name).orElse(code)));
    }
    return options;
  }

  private YearMonth month(String month, Model model) {
    if (month.isBlank()) {
      return settings.currentMonth();
    }
    try {
      return PayAccess.month("month", month);
    } catch (InvalidRequest bad) {
      model.addAttribute("periodError", bad.errors().get(0).message());
      return settings.currentMonth();
    }
  }
}
