package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.LeaderAssessments;
import cn.gridcase.assessment.LeaderAssessments.ReviewCommand;
import cn.gridcase.assessment.LeaderAssessments.SurveyCommand;
import cn.gridcase.assessment.ReviewResult;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for the township's staff (A7, A8, A9): {@code /assessment/leaders} 网格长考评 — the year's
 * satisfaction surveys and half-year reviews of the township's grid leaders, with forms to record
 * them (the same service as the API, so who may record is the API's); {@code
 * /assessment/leader-bonus} 年终奖励挂钩; {@code /assessment/years} 年度考评 with its Excel.
 */
@Controller
@WebPage
class LeaderPages {

  private final LeaderAssessments leaders;
  private final LeaderBonus bonus;
  private final YearEvaluations years;
  private final LeaderAccess access;
  private final UserAccounts accounts;
  private final Clock clock;

  LeaderPages(
      LeaderAssessments leaders,
      LeaderBonus bonus,
      YearEvaluations years,
      LeaderAccess access,
      UserAccounts accounts,
      Clock clock) {
    this.leaders = leaders;
    this.bonus = bonus;
    this.years = years;
    this.access = access;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** A choice of a select. */
  record Option(String value, String label) {}

  private String township(String townshipCode, String caller) {
    if (townshipCode != null && !townshipCode.isBlank()) {
      return access.township(townshipCode).code();
    }
    List<String> mine = access.staffTownships(caller);
    if (mine.isEmpty()) {
      throw new AccessDeniedException("只有乡镇综治中心的工作人员和督办人员使用本页");
    }
    return mine.get(0);
  }

  private int year(String year, int fallback) {
    return year == null || year.isBlank() ? fallback : LeaderAssessments.year(year);
  }

  private int thisYear() {
    return LocalDate.now(clock.withZone(GridCaseTime.ZONE)).getYear();
  }

  private void common(Model model, String township, int year, String caller) {
    access.requireTownshipStaff(caller, township);
    model.addAttribute("townshipCode", township);
    model.addAttribute("townshipName", access.unitName(township));
    model.addAttribute("year", year);
    List<Option> townships = new ArrayList<>();
    access.staffTownships(caller).forEach(t -> townships.add(new Option(t, access.unitName(t))));
    model.addAttribute("townships", townships);
  }

  @GetMapping("/assessment/leaders")
  String leadersPage(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String year,
      Model model) {
    String township = township(townshipCode, user.getName());
    int y = year(year, thisYear());
    return leadersView(model, township, y, user.getName(), List.of(), null, null);
  }

  private String leadersView(
      Model model,
      String township,
      int year,
      String caller,
      List<ApiError> errors,
      String form,
      Map<String, String> values) {
    common(model, township, year, caller);
    List<Option> leaderOptions = new ArrayList<>();
    access
        .leadersOf(township, year)
        .forEach(
            p ->
                leaderOptions.add(
                    new Option(
                        p.leader(),
                        accounts.nameOf(p.leader())
                            + "（"
                            + access.unitName(p.villageCode())
                            + "）")));
    model.addAttribute("leaderOptions", leaderOptions);
    model.addAttribute("results", List.of(ReviewResult.values()));
    model.addAttribute("surveys", leaders.surveys(township, year, caller));
    model.addAttribute("reviews", leaders.reviews(township, year, caller));
    model.addAttribute("errors", errors);
    model.addAttribute("form", form);
    model.addAttribute("values", values == null ? Map.of() : values);
    return "assessment/leaders";
  }

  @PostMapping("/assessment/leaders/surveys")
  String recordSurvey(
      Principal user,
      @RequestParam String townshipCode,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    String township = township(townshipCode, user.getName());
    List<ApiError> errors = new ArrayList<>();
    Integer y = number(form, "year", errors);
    SurveyCommand command =
        new SurveyCommand(
            form.get("leader"),
            y,
            number(form, "satisfied", errors),
            number(form, "basicallySatisfied", errors),
            number(form, "dissatisfied", errors),
            form.get("reason"));
    if (errors.isEmpty()) {
      try {
        var s = leaders.recordSurvey(command, user.getName());
        redirect.addFlashAttribute(
            "flash",
            "已录入 "
                + s.leaderName()
                + " "
                + s.year()
                + " 年度满意度测评（第 "
                + s.version()
                + " 版）"
                + (s.overOneThird() ? "：不满意超过三分之一，已提出撤换建议。" : "。"));
        return "redirect:/assessment/leaders?townshipCode=" + township + "&year=" + s.year();
      } catch (DomainRuleViolation refused) {
        errors.addAll(refused.errors());
      } catch (StateConflict conflict) {
        errors.add(new ApiError("reason", "A8.correction", conflict.getMessage()));
      }
    }
    response.setStatus(422);
    return leadersView(
        model, township, y == null ? thisYear() : y, user.getName(), errors, "survey", form);
  }

  @PostMapping("/assessment/leaders/reviews")
  String recordReview(
      Principal user,
      @RequestParam String townshipCode,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    String township = township(townshipCode, user.getName());
    List<ApiError> errors = new ArrayList<>();
    Integer y = number(form, "year", errors);
    ReviewResult result = null;
    String r = form.get("result");
    if (r != null && !r.isBlank()) {
      try {
        result = ReviewResult.valueOf(r);
      } catch (IllegalArgumentException e) {
        errors.add(new ApiError("result", "A8.review.result", "请选择考评结果"));
      }
    }
    ReviewCommand command =
        new ReviewCommand(
            form.get("leader"),
            y,
            number(form, "half", errors),
            result,
            form.get("reasoning"),
            form.get("reason"));
    if (errors.isEmpty()) {
      try {
        var v = leaders.recordReview(command, user.getName());
        redirect.addFlashAttribute(
            "flash",
            "已录入 "
                + v.leaderName()
                + " "
                + v.year()
                + " 年"
                + (v.half() == 1 ? "上" : "下")
                + "半年考评："
                + v.resultLabel()
                + "。");
        return "redirect:/assessment/leaders?townshipCode=" + township + "&year=" + v.year();
      } catch (DomainRuleViolation refused) {
        errors.addAll(refused.errors());
      } catch (StateConflict conflict) {
        errors.add(new ApiError("reason", "A8.correction", conflict.getMessage()));
      }
    }
    response.setStatus(422);
    return leadersView(
        model, township, y == null ? thisYear() : y, user.getName(), errors, "review", form);
  }

  private static Integer number(Map<String, String> form, String field, List<ApiError> errors) {
    String v = form.get(field);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(v.trim());
    } catch (NumberFormatException e) {
      errors.add(new ApiError(field, "format", "“" + v + "”不是整数"));
      return null;
    }
  }

  @GetMapping("/assessment/leader-bonus")
  String bonusPage(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String year,
      Model model) {
    String township = township(townshipCode, user.getName());
    int y = year(year, thisYear());
    common(model, township, y, user.getName());
    model.addAttribute("link", bonus.of(township, y, user.getName()));
    return "assessment/leader-bonus";
  }

  @GetMapping("/assessment/years")
  String yearPage(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String year,
      Model model) {
    String township = township(townshipCode, user.getName());
    int y = year(year, thisYear());
    common(model, township, y, user.getName());
    model.addAttribute("evaluation", years.of(township, y, user.getName()));
    return "assessment/year";
  }
}
