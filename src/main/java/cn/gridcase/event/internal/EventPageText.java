package cn.gridcase.event.internal;

import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.event.AgreementForm;
import cn.gridcase.event.EventStatus;
import cn.gridcase.event.Satisfaction;
import cn.gridcase.platform.GridCaseTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How the event pages say things in Chinese: statuses, step actions, times, deadlines in working
 * days.
 */
public final class EventPageText {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private EventPageText() {}

  static String status(EventStatus status) {
    if (status == null) {
      return "";
    }
    return switch (status) {
      case AWAITING_ACCEPTANCE -> "待受理";
      case IN_HANDLING -> "办理中";
      case RESOLVED -> "已办结，待反馈";
      case CLOSED -> "已结案";
      case REFERRED_TO_COUNTY -> "已移交县级";
    };
  }

  /** A step's action (E10) in Chinese; an action this page does not know yet is shown as it is. */
  static String action(String action) {
    if (action == null) {
      return "";
    }
    return switch (action) {
      case "REPORTED" -> "上报事件";
      case "ACCEPTED" -> "受理";
      case "RESOLVED" -> "办结";
      case "ESCALATED" -> "上报上一级";
      case "DISPATCHED" -> "派单";
      case "REFERRED_TO_COUNTY" -> "移交县级";
      case "URGED" -> "催办";
      case "SUPERVISED" -> "督办";
      case "REASSIGNED" -> "改派";
      case "EARLY_WARNING" -> "研判预警（重大突发，直报镇中心）";
      case "FEEDBACK" -> "回访反馈";
      case "OVERDUE_ACCEPTANCE" -> "超期受理";
      case "OVERDUE_HANDLING" -> "超期办结";
      case "OVERDUE_SUPERVISION" -> "督办超期";
      default -> action;
    };
  }

  static String satisfaction(Satisfaction satisfaction) {
    if (satisfaction == null) {
      return "";
    }
    return switch (satisfaction) {
      case SATISFIED -> "满意";
      case BASICALLY_SATISFIED -> "基本满意";
      case DISSATISFIED -> "不满意";
    };
  }

  static String agreementForm(AgreementForm form) {
    if (form == null) {
      return "";
    }
    return form == AgreementForm.WRITTEN ? "书面" : "口头";
  }

  static String minute(OffsetDateTime moment) {
    return GridCaseTime.minute(moment);
  }

  static String day(OffsetDateTime moment) {
    return moment == null ? "" : moment.atZoneSameInstant(GridCaseTime.ZONE).format(DAY);
  }

  /**
   * A deadline as the pages show it: its day (a deadline is the end of its day, T2), and how it
   * stands now in working days (T1): left, due today, or overdue by so many working days.
   */
  public record Due(String day, String text, boolean late) {

    public static Due of(OffsetDateTime deadline, OffsetDateTime now, WorkingDays workingDays) {
      if (deadline == null) {
        return null;
      }
      LocalDate deadlineDay = deadline.atZoneSameInstant(GridCaseTime.ZONE).toLocalDate();
      LocalDate today = now.atZoneSameInstant(GridCaseTime.ZONE).toLocalDate();
      if (now.isAfter(deadline)) {
        int gone = workingDays.workingDaysAfter(deadlineDay, today);
        return new Due(
            deadlineDay.format(DAY), gone > 0 ? "已超期 " + gone + " 个工作日" : "已超期（不足 1 个工作日）", true);
      }
      if (deadlineDay.equals(today)) {
        return new Due(deadlineDay.format(DAY), "今日到期", false);
      }
      return new Due(
          deadlineDay.format(DAY),
          "还剩 " + workingDays.workingDaysAfter(today, deadlineDay) + " 个工作日",
          false);
    }
  }
}
