package cn.gridcase.worklist.internal;

import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.notification.Notifications;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.WebPage;
import cn.gridcase.worklist.WorkItem;
import cn.gridcase.worklist.Worklist;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 我的任务 ({@code /tasks}): the caller's open tasks, the same list as {@code GET /api/tasks}, each
 * linking to its event's page, a meeting obligation's page (例会), an assignment's (交办) page, or
 * Tasklist for a task without a page of its own (an accountability case), with its due day and,
 * when late, how many working days it is overdue.
 */
@Controller
@WebPage
class TaskPages {

  static final int LIMIT = 200;
  static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

  /** A meeting obligation's page (routine's 例会 pages), by the obligation's id. */
  static final String MEETING_PAGE = "/meetings/obligations/";

  /** An assignment's task (交办) is done on the assignment's page. */
  static final String ASSIGNMENT_PAGE = "/assignments/";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final Worklist worklist;
  private final Notifications notifications;
  private final WorkingDays workingDays;
  private final Clock clock;

  TaskPages(Worklist worklist, Notifications notifications, WorkingDays workingDays, Clock clock) {
    this.worklist = worklist;
    this.notifications = notifications;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /** One line of the page. */
  record TaskLine(
      String name,
      String subject,
      String href,
      boolean hasPage,
      String due,
      String state,
      boolean overdue,
      boolean claimable,
      String created) {}

  @GetMapping("/tasks")
  String tasks(Principal user, Model model) {
    OffsetDateTime now = GridCaseTime.now(clock);
    List<TaskLine> lines =
        worklist.of(user.getName(), LIMIT).stream().map(item -> line(item, now)).toList();
    model.addAttribute("tasks", lines);
    // the whole list's length: a handler with thousands of open tasks sees the first LIMIT
    model.addAttribute("total", Math.max(lines.size(), worklist.count(user.getName())));
    model.addAttribute("overdue", lines.stream().filter(TaskLine::overdue).count());
    model.addAttribute("current", "tasks");
    model.addAttribute("unread", notifications.unreadCount(user.getName()));
    return "worklist/tasks";
  }

  private TaskLine line(WorkItem item, OffsetDateTime now) {
    boolean event = item.eventNumber() != null;
    String subject =
        event
            ? "事件 " + item.eventNumber()
            : item.caseId() != null
                ? "责任追究案件 " + item.caseId()
                : item.assignmentId() != null
                    ? "交办任务 " + item.assignmentId()
                    : item.meetingId() != null ? "例会 " + item.meetingId() : "";
    boolean meeting = item.meetingId() != null;
    boolean assignment = item.assignmentId() != null;
    String href =
        event
            ? "/events/" + item.eventNumber()
            : meeting
                ? MEETING_PAGE + item.meetingId()
                : assignment
                    ? ASSIGNMENT_PAGE + item.assignmentId()
                    : TASKLIST_TASK + item.taskId();
    String due = "";
    String state = "无期限";
    if (item.due() != null) {
      LocalDate dueDay = item.due().atZoneSameInstant(GridCaseTime.ZONE).toLocalDate();
      LocalDate today = now.atZoneSameInstant(GridCaseTime.ZONE).toLocalDate();
      due = dueDay.format(DAY);
      if (item.overdue()) {
        int gone = workingDays.workingDaysAfter(dueDay, today);
        state = gone > 0 ? "已超期 " + gone + " 个工作日" : "已超期（不足 1 个工作日）";
      } else if (dueDay.equals(today)) {
        state = "今日到期";
      } else {
        state = "还剩 " + workingDays.workingDaysAfter(today, dueDay) + " 个工作日";
      }
      if (item.provisional()) {
        state += "（暂按周一至周五计算）";
      }
    }
    String created = GridCaseTime.minute(item.created());
    return new TaskLine(
        item.name(),
        subject,
        href,
        event || meeting || assignment,
        due,
        state,
        item.overdue(),
        item.claimable(),
        created);
  }
}
