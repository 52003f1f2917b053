package cn.gridcase.notification.internal;

import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.WebPage;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 通知 ({@code /notifications}): the caller's inbox, newest first, unread ones marked, with 标为已读 per
 * notice and 全部标为已读 (Post/Redirect/Get). Another user's notice is a 404 page.
 */
@Controller
@WebPage
class NotificationPages {

  static final int LIMIT = 100;

  private final Notifications notifications;

  NotificationPages(Notifications notifications) {
    this.notifications = notifications;
  }

  /** One notice as the page shows it. */
  record NoticeLine(
      long id,
      String kind,
      String title,
      String body,
      String eventNumber,
      String at,
      boolean unread) {}

  @GetMapping("/notifications")
  String inbox(Principal user, Model model) {
    List<NoticeLine> lines =
        notifications.inbox(user.getName(), false, LIMIT).stream()
            .map(
                entry ->
                    new NoticeLine(
                        entry.id(),
                        kind(entry.kind()),
                        entry.title(),
                        entry.body(),
                        entry.eventNumber(),
                        GridCaseTime.minute(entry.createdAt()),
                        entry.readAt() == null))
            .toList();
    model.addAttribute("notices", lines);
    model.addAttribute("current", "notifications");
    model.addAttribute("unread", notifications.unreadCount(user.getName()));
    return "notification/inbox";
  }

  @PostMapping("/notifications/{id}/read")
  String markRead(Principal user, @PathVariable long id, RedirectAttributes redirect) {
    notifications.markRead(user.getName(), id);
    redirect.addFlashAttribute("notice", "已标为已读。");
    return "redirect:/notifications";
  }

  @PostMapping("/notifications/read-all")
  String markAllRead(Principal user, RedirectAttributes redirect) {
    int marked = notifications.markAllRead(user.getName());
    redirect.addFlashAttribute("notice", marked == 0 ? "没有未读通知。" : "已将 " + marked + " 条通知标为已读。");
    return "redirect:/notifications";
  }

  static String kind(NoticeKind kind) {
    if (kind == null) {
      return "";
    }
    return switch (kind.name()) {
      case "EVENT_RECEIVED" -> "新事件待受理";
      case "EVENT_ESCALATED" -> "上报抄送";
      case "EARLY_WARNING" -> "研判预警";
      case "DEADLINE_REMINDER" -> "临期提醒";
      case "OVERDUE" -> "超期";
      case "URGED" -> "催办";
      case "SUPERVISED" -> "督办";
      case "EVENT_RESOLVED" -> "办结待反馈";
      case "REFERRED_TO_COUNTY" -> "移交县级";
      case "PROPOSAL_RAISED" -> "责任追究建议";
      case "CASE_ASSIGNED" -> "责任追究立案";
      case "CASE_UPDATED" -> "责任追究进展";
      case "CASE_OVERDUE" -> "责任追究超期";
      case "MEETING_DUE" -> "例会待召开";
      case "MEETING_OVERDUE" -> "例会超期";
      case "ASSIGNMENT_RECEIVED" -> "交办任务";
      case "ASSIGNMENT_AWAITING_APPROVAL" -> "交办待审批";
      case "ASSIGNMENT_REJECTED" -> "交办被退回";
      case "ASSIGNMENT_OVERDUE" -> "交办超期";
      case "ASSESSMENT_DRAFT_PUBLISHED" -> "考核公示";
      case "ASSESSMENT_OBJECTION" -> "考核异议";
      case "ASSESSMENT_FINAL" -> "考核结果";
      default -> "通知";
    };
  }
}
