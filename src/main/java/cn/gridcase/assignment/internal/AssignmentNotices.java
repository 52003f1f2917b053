package cn.gridcase.assignment.internal;

import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** The notices of the assignment process (S4), in Chinese, to whom each goes. */
@Component
public class AssignmentNotices {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final Notifications notifications;
  private final Organisation organisation;
  private final AssignmentPeople people;

  AssignmentNotices(
      Notifications notifications, Organisation organisation, AssignmentPeople people) {
    this.notifications = notifications;
    this.organisation = organisation;
    this.people = people;
  }

  /** 交办任务: the grid's task reached its grid worker. */
  public void received(AssignmentRecord a, String gridCode) {
    send(
        NoticeKind.ASSIGNMENT_RECEIVED,
        "交办任务 " + a.id() + "：" + a.title(),
        "网格 "
            + gridName(gridCode)
            + " 收到交办任务，请在 "
            + a.dueBy().format(DAY)
            + " 前完成（"
            + a.workingDays()
            + " 个工作日）并填写办理情况。",
        gridWorkers(gridCode));
  }

  /** 交办待审批: the supervisors decide on a matter not on the list. */
  public void awaitingApproval(AssignmentRecord a) {
    send(
        NoticeKind.ASSIGNMENT_AWAITING_APPROVAL,
        "交办待审批 " + a.id() + "：" + a.title(),
        (a.matterCode() == null ? "未选择清单内事项" : "事项 " + a.matterName() + " 已退出清单")
            + "，交办网格员前须经政法委审批。请在 "
            + a.approvalDue().format(DAY)
            + " 前审批（同意或退回）。",
        people.supervisorsOf(a.townshipCode()));
  }

  /** 交办被退回: the reason goes back to the assigner. */
  public void rejected(AssignmentRecord a, String reason) {
    send(
        NoticeKind.ASSIGNMENT_REJECTED,
        "交办被退回 " + a.id() + "：" + a.title(),
        "政法委未同意将此任务交办网格员。理由：" + reason,
        List.of(a.assignedBy()));
  }

  /** 交办任务超期: the approval ran past its deadline. */
  public void approvalOverdue(AssignmentRecord a) {
    List<String> to = new ArrayList<>(people.supervisorsOf(a.townshipCode()));
    to.add(a.assignedBy());
    send(
        NoticeKind.ASSIGNMENT_OVERDUE,
        "交办审批超期 " + a.id() + "：" + a.title(),
        "审批期限 " + a.approvalDue().format(DAY) + " 已过，尚未审批。",
        to);
  }

  /** 交办任务超期: a grid's task ran past its deadline. */
  public void gridOverdue(AssignmentRecord a, String gridCode) {
    List<String> to = new ArrayList<>(gridWorkers(gridCode));
    to.add(a.assignedBy());
    to.addAll(people.supervisorsOf(a.townshipCode()));
    send(
        NoticeKind.ASSIGNMENT_OVERDUE,
        "交办任务超期 " + a.id() + "：" + a.title(),
        "网格 " + gridName(gridCode) + " 的交办任务已过期限 " + a.dueBy().format(DAY) + "，尚未完成。",
        to);
  }

  private List<String> gridWorkers(String gridCode) {
    return organisation.holdersToday(gridCode, r -> r == AppointmentRole.GRID_WORKER);
  }

  private String gridName(String gridCode) {
    return organisation.grid(gridCode).map(g -> g.name() + "（" + g.code() + "）").orElse(gridCode);
  }

  private void send(NoticeKind kind, String title, String body, Collection<String> to) {
    notifications.send(new Notice(kind, title, body, null), to);
  }
}
