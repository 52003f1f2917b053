package cn.gridcase.supervision.internal;

import cn.gridcase.event.OverdueStepFilter;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.security.UserAccounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The overdue list as people read it (the 超期事项 page and its Excel file): units by name, people by
 * name family name first, steps and levels in Chinese, each row's link.
 */
@Component
class OverdueRows {

  static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

  private final Organisation organisation;
  private final UserAccounts accounts;

  OverdueRows(Organisation organisation, UserAccounts accounts) {
    this.organisation = organisation;
    this.accounts = accounts;
  }

  /**
   * One row of the list.
   *
   * @param reference the event number, or 案件 and the case's number, or another feature's own
   * @param href the event's page, or the case step in Tasklist, or another feature's page
   * @param responsible who holds the step (names), or who may take it, or 未签收
   */
  record Row(
      Supervision.OverdueStep step,
      String reference,
      String href,
      String title,
      String stepLabel,
      String levelLabel,
      String unitName,
      String responsible) {}

  /**
   * The rows as {@code viewer} reads them: a case step links to Tasklist for its investigators
   * only.
   */
  List<Row> rows(List<Supervision.OverdueStep> steps, String viewer) {
    Names names = new Names();
    List<Row> rows = new ArrayList<>(steps.size());
    for (Supervision.OverdueStep s : steps) {
      boolean isCase = "CASE".equals(s.kind());
      String href =
          isCase ? s.candidates().contains(viewer) ? TASKLIST_TASK + s.taskId() : null : s.href();
      String responsible;
      if (s.assignee() != null) {
        responsible = names.person(s.assignee());
      } else if (!"EVENT".equals(s.kind()) && !s.candidates().isEmpty()) {
        responsible =
            "待认领：" + String.join("、", s.candidates().stream().map(names::person).toList());
      } else {
        responsible = "未签收（" + names.unit(s.unitCode()) + "待认领）";
      }
      rows.add(
          new Row(
              s,
              s.reference(),
              href,
              s.title(),
              s.stepLabel() != null ? s.stepLabel() : stepLabel(s.step()),
              s.levelLabel(),
              names.unit(s.unitCode()),
              responsible));
    }
    return rows;
  }

  /** The filters in words, for the title of the page's export: 乡镇：古山镇；网格：全部 … */
  String describe(OverdueStepFilter filter) {
    Names names = new Names();
    List<String> parts = new ArrayList<>();
    parts.add("乡镇：" + (filter.townshipCode() == null ? "全部" : names.unit(filter.townshipCode())));
    parts.add("村（社区）：" + (filter.villageCode() == null ? "全部" : names.unit(filter.villageCode())));
    parts.add("网格：" + (filter.gridCode() == null ? "全部" : names.unit(filter.gridCode())));
    parts.add(
        "部门：" + (filter.departmentCode() == null ? "全部" : names.unit(filter.departmentCode())));
    parts.add("责任人：" + (filter.assignee() == null ? "全部" : names.person(filter.assignee())));
    return String.join("；", parts);
  }

  String unitName(String code) {
    return new Names().unit(code);
  }

  String personName(String username) {
    return new Names().person(username);
  }

  static String stepLabel(String step) {
    return switch (step) {
      case "ACCEPT" -> "受理";
      case "HANDLE" -> "办理";
      case "FEEDBACK" -> "回访反馈";
      case "INVESTIGATE" -> "调查处理";
      case "NOTIFY" -> "告知被追究人";
      default -> step;
    };
  }

  /** Names looked up once per list. */
  private final class Names {
    private final Map<String, String> units = new HashMap<>();
    private final Map<String, String> people = new HashMap<>();

    String unit(String code) {
      return code == null
          ? ""
          : units.computeIfAbsent(code, c -> organisation.unit(c).map(Unit::name).orElse(c));
    }

    String person(String username) {
      return people.computeIfAbsent(username, accounts::nameOf);
    }
  }
}
