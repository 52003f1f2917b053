package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.AccountabilityCases;
import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.accountability.CaseView;
import cn.gridcase.accountability.Measure;
import cn.gridcase.accountability.Proposal;
import cn.gridcase.accountability.Severity;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.TextRules;
import cn.gridcase.platform.WebPage;
import cn.gridcase.security.UserAccounts;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 问责建议 (rule C3), the supervisors' page: the proposals the system raised, with their evidence,
 * filtered by status; the township's supervisors accept one (采纳: it opens a case, see {@link
 * AccountabilityCases#acceptProposal}) or reject it with a reason (不采纳). The same services as
 * {@code /api/accountability/proposals}, so who may see and decide is exactly the API's.
 */
@Controller
@WebPage
public class ProposalPages {

  static final Map<String, String> STATUSES = statuses();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final AccountabilityCases cases;
  private final CasePeople people;
  private final Organisation organisation;
  private final UserAccounts accounts;

  ProposalPages(
      AccountabilityCases cases,
      CasePeople people,
      Organisation organisation,
      UserAccounts accounts) {
    this.cases = cases;
    this.people = people;
    this.organisation = organisation;
    this.accounts = accounts;
  }

  /** A proposal as the page shows it. */
  record Row(
      Proposal proposal,
      String triggerLabel,
      String detectedLabel,
      String subjectName,
      String roleLabel,
      String unitName,
      String stepLabel,
      String severityLabel,
      String suggested,
      String statusLabel,
      String decidedByName,
      boolean mayDecide) {}

  private static Map<String, String> statuses() {
    Map<String, String> statuses = new LinkedHashMap<>();
    statuses.put("OPEN", "待处理");
    statuses.put("ACCEPTED", "已采纳");
    statuses.put("REJECTED", "未采纳");
    statuses.put("ALL", "全部");
    return statuses;
  }

  @GetMapping("/accountability/proposals")
  String list(Principal user, @RequestParam(defaultValue = "OPEN") String status, Model model) {
    return page(user.getName(), status, model, null, null, null);
  }

  @PostMapping("/accountability/proposals/{id}/accept")
  String accept(
      Principal user,
      @PathVariable long id,
      @RequestParam(defaultValue = "OPEN") String status,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    CaseView opened;
    try {
      opened = cases.acceptProposal(id, user.getName(), null);
    } catch (StateConflict | DomainRuleViolation refused) {
      response.setStatus(refused instanceof StateConflict ? 409 : 422);
      model.addAttribute(
          "error",
          refused instanceof DomainRuleViolation v
              ? "无法立案："
                  + String.join(
                      "；",
                      v.errors().stream().map(ProposalPages::openingProblem).distinct().toList())
              : "该建议已处理，不能再采纳。");
      return page(user.getName(), status, model, null, null, null);
    }
    redirect.addFlashAttribute(
        "flash",
        "已采纳问责建议 "
            + id
            + "，已立案：案件 "
            + opened.id()
            + "，调查人员 "
            + String.join("、", opened.investigators().stream().map(this::name).toList())
            + "，调查期限 "
            + opened.investigateBy().format(DAY)
            + "。");
    redirect.addAttribute("status", STATUSES.containsKey(status) ? status : "OPEN");
    return "redirect:/accountability/proposals";
  }

  @PostMapping("/accountability/proposals/{id}/reject")
  String reject(
      Principal user,
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      @RequestParam(defaultValue = "OPEN") String status,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      if (reason != null && reason.length() > TextRules.LONG_MAX) {
        throw new DomainRuleViolation(
            "reason too long",
            List.of(new ApiError("reason", "C3.reason", "理由最多 " + TextRules.LONG_MAX + " 字")));
      }
      cases.rejectProposal(id, user.getName(), reason);
    } catch (DomainRuleViolation refused) {
      String message =
          refused.errors().stream()
              .filter(e -> "reason".equals(e.field()))
              .map(ApiError::message)
              .findFirst()
              .orElse(refused.getMessage());
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(user.getName(), status, model, id, message, reason);
    } catch (StateConflict refused) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("error", "该建议已处理，不能再作不采纳决定。");
      return page(user.getName(), status, model, null, null, null);
    }
    redirect.addFlashAttribute("flash", "问责建议 " + id + " 已标记为不采纳，理由已记录。");
    redirect.addAttribute("status", STATUSES.containsKey(status) ? status : "OPEN");
    return "redirect:/accountability/proposals";
  }

  @ExceptionHandler(AccessDeniedException.class)
  ModelAndView forbidden() {
    return refused(HttpStatus.FORBIDDEN, "无权处理问责建议", "问责建议由本乡镇的督办人员（政法委）查看和处理；系统管理员可查看，但不能采纳或不采纳。");
  }

  @ExceptionHandler(NotFound.class)
  ModelAndView notFound() {
    return refused(HttpStatus.NOT_FOUND, "未找到该问责建议", "该问责建议不存在，或不属于您督办的乡镇。");
  }

  private static ModelAndView refused(HttpStatus status, String title, String message) {
    ModelAndView page = new ModelAndView("supervision/refused");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("title", title);
    page.addObject("message", message);
    return page;
  }

  private String page(
      String user, String status, Model model, Long errorId, String reasonError, String typed) {
    String chosen = STATUSES.containsKey(status) ? status : "OPEN";
    List<Proposal> proposals = cases.proposals(user, "ALL".equals(chosen) ? null : chosen);
    List<String> supervised = people.supervisedTownships(user);
    Map<String, String> units = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    List<Row> rows =
        proposals.stream()
            .map(p -> row(p, supervised.contains(p.townshipCode()), units, names))
            .toList();
    model.addAttribute("name", name(user));
    model.addAttribute("statuses", STATUSES);
    model.addAttribute("chosen", chosen);
    model.addAttribute("rows", rows);
    model.addAttribute("day", DAY);
    model.addAttribute("moment", MOMENT);
    model.addAttribute("errorId", errorId);
    model.addAttribute("reasonError", reasonError);
    model.addAttribute("typed", typed);
    return "accountability/proposals";
  }

  private Row row(
      Proposal p, boolean mayDecide, Map<String, String> units, Map<String, String> names) {
    String role = p.subjectRole() == null ? "" : roleLabel(p.subjectRole());
    String unit =
        p.unitCode() == null
            ? ""
            : units.computeIfAbsent(
                p.unitCode(), c -> organisation.unit(c).map(Unit::name).orElse(c));
    String step =
        p.stepAction() == null
            ? null
            : ("ACCEPT".equals(p.stepAction()) ? "受理" : "办理")
                + "（"
                + levelLabel(p.stepLevel())
                + "）";
    String suggested =
        String.join("、", p.suggestedMeasures().stream().map(Measure::label).toList());
    String statusLabel =
        switch (p.status()) {
          case "OPEN" -> "待处理";
          case "ACCEPTED" -> "已采纳";
          case "REJECTED" -> "未采纳";
          default -> p.status();
        };
    return new Row(
        p,
        triggerLabel(p.trigger()),
        detectedLabel(p.trigger()),
        p.subject() == null ? "（岗位空缺）" : names.computeIfAbsent(p.subject(), this::name),
        role,
        unit,
        step,
        severityLabel(p.severity()),
        suggested,
        statusLabel,
        p.decidedBy() == null ? null : names.computeIfAbsent(p.decidedBy(), this::name),
        mayDecide && "OPEN".equals(p.status()));
  }

  private String name(String username) {
    return accounts.nameOf(username);
  }

  private static String roleLabel(String role) {
    try {
      return AppointmentRole.valueOf(role).label();
    } catch (IllegalArgumentException e) {
      return role;
    }
  }

  /**
   * Why a case cannot be opened from a proposal, in Chinese (the service's messages are the API's).
   */
  public static String openingProblem(ApiError error) {
    return switch (error.code()) {
      case "C1.subject" -> "被追究人现已不在该岗位，或不属于本乡镇，请改为手工立案";
      case "C1.subjectRole" -> "该岗位不在追究范围内（第二条）";
      case "C5.investigators" -> "本乡镇尚未任命调查人员";
      default -> error.message();
    };
  }

  public static String triggerLabel(String trigger) {
    return switch (trigger) {
      case AccountabilityProposals.LATE_ACCEPTANCE -> "超期受理";
      case AccountabilityProposals.LATE_HANDLING -> "超期办结";
      case AccountabilityProposals.LATE_SUPERVISION -> "督办超期";
      case AccountabilityProposals.GRID_WORKERS_HELD_ACCOUNTABLE -> "所在村网格员被追责三次以上";
      case AccountabilityProposals.GRID_LEADER_HELD_ACCOUNTABLE -> "所驻村网格长被追责二次及以上";
      case AccountabilityProposals.ASSESSMENT_FAILED_CRITICISM -> "季度考核不合格";
      case AccountabilityProposals.ASSESSMENT_FAILED_DISMISSAL -> "连续两个季度考核不合格";
      case AccountabilityProposals.ASSESSMENT_FAILED_S1_CRITICISM -> "连续两个季度考核不合格";
      case AccountabilityProposals.ASSESSMENT_FAILED_NOT_RENEWED -> "连续三个季度考核不合格";
      case AccountabilityProposals.LEADER_SURVEY_DISSATISFIED -> "网格长满意度测评不满意超过三分之一";
      default -> trigger;
    };
  }

  /**
   * What the proposal's moment ({@link Proposal#detectedAt}) is called on the page: 发现超期 for a late
   * step — the moment the step was found past its limit —, 提出时间 for the others, raised when the
   * fact behind them was recorded (a finalized quarter, a survey, a decided case).
   */
  public static String detectedLabel(String trigger) {
    return switch (trigger) {
      case AccountabilityProposals.LATE_ACCEPTANCE,
          AccountabilityProposals.LATE_HANDLING,
          AccountabilityProposals.LATE_SUPERVISION ->
          "发现超期";
      default -> "提出时间";
    };
  }

  public static String severityLabel(Severity severity) {
    if (severity == null) {
      return null;
    }
    return switch (severity) {
      case LIGHT -> "情节较轻";
      case SERIOUS -> "情节较重";
      case GRAVE -> "情节严重";
    };
  }

  /**
   * The event levels' names (the event feature's labels; accountability does not depend on events).
   */
  public static String levelLabel(String level) {
    return AccountabilityProposals.levelName(level);
  }
}
