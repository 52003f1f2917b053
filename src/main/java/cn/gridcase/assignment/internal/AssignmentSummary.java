package cn.gridcase.assignment.internal;

import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.security.UserAccounts;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The task description in Tasklist (the 描述 tab, one element per line): what the assignment is, who
 * gave it, for which grids and by when ({@code ${assignmentSummary.of(…)}}). Long instructions are
 * shortened there; the assignment keeps them whole.
 */
@Component("assignmentSummary")
public class AssignmentSummary {

  /** The engine's description column holds 4,000 characters. */
  static final int INSTRUCTIONS_SHOWN = 2000;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final AssignmentSteps steps;
  private final AssignmentRepository assignments;
  private final Organisation organisation;
  private final UserAccounts accounts;

  AssignmentSummary(
      AssignmentSteps steps,
      AssignmentRepository assignments,
      Organisation organisation,
      UserAccounts accounts) {
    this.steps = steps;
    this.assignments = assignments;
    this.organisation = organisation;
    this.accounts = accounts;
  }

  public String of(String businessKey) {
    AssignmentRecord a = steps.assignment(businessKey);
    String instructions =
        a.instructions().length() > INSTRUCTIONS_SHOWN
            ? a.instructions().substring(0, INSTRUCTIONS_SHOWN) + "…（全文见交办任务页面）"
            : a.instructions();
    String grids =
        assignments.grids(a.id()).stream()
            .map(g -> organisation.grid(g.gridCode()).map(x -> x.name()).orElse(g.gridCode()))
            .collect(Collectors.joining("、"));
    return "交办编号："
        + a.id()
        + "\n标题："
        + a.title()
        + "\n事项："
        + (a.matterCode() == null
            ? "不在事项清单内（须政法委审批）"
            : a.matterName() + "（" + a.matterCode() + (a.matterListed() ? "，清单内" : "，已退出清单") + "）")
        + "\n交办单位："
        + organisation.unit(a.assignerUnit()).map(Unit::name).orElse(a.assignerUnit())
        + "\n交办人："
        + accounts.nameOf(a.assignedBy())
        + "\n网格："
        + grids
        + "\n办理时限："
        + a.workingDays()
        + " 个工作日"
        + (a.dueBy() == null ? "（自下达网格员起算）" : "，至 " + a.dueBy().format(DAY))
        + "\n工作要求："
        + instructions;
  }
}
