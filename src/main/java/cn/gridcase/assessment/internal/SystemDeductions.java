package cn.gridcase.assessment.internal;

import cn.gridcase.routine.MeetingAttendance;
import cn.gridcase.routine.Requirement;
import cn.gridcase.routine.ShortfallItem;
import cn.gridcase.routine.ShortfallReport;
import cn.gridcase.routine.ShortfallUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The deductions the system counts by itself (A4: "counts the system records produce their
 * deductions by themselves") from the routine's shortfalls of the quarter and the meeting
 * attendance: item 1 −1 per ISO week short of information entries; item 3 −0.5 per week without a
 * screening; item 5 −1 per special-group person not visited in a week, −0.1 per family visit short
 * of 2 a week, −0.1 per household short of 20 in a month; item 6 −1 per diary short of 2 a week;
 * item 7 −0.5 per late arrival or early leave, −1 per absence without leave, −0.5 per written
 * report missing. Each deduction names its week, month or meeting and the records that did count.
 */
final class SystemDeductions {

  private SystemDeductions() {}

  static List<Deduction> of(ShortfallReport shortfalls, MeetingAttendance.Quarter attendance) {
    List<Deduction> out = new ArrayList<>();
    if (shortfalls != null) {
      weekly(out, shortfalls, Requirement.INFO_ENTRY, 1, u -> 10, "信息采集不足");
      weekly(out, shortfalls, Requirement.SCREENING, 3, u -> 5, "未开展隐患排查");
      weekly(
          out, shortfalls, Requirement.SPECIAL_PERSON_VISIT, 5, u -> 10 * u.shortBy(), "特殊人群未走访");
      weekly(out, shortfalls, Requirement.FAMILY_VISIT, 5, u -> u.shortBy(), "走访家庭不足");
      weekly(out, shortfalls, Requirement.HOUSEHOLDS, 5, u -> u.shortBy(), "走访住户不足");
      weekly(out, shortfalls, Requirement.DIARY, 6, u -> 10 * u.shortBy(), "民情日志不足");
    }
    if (attendance != null) {
      for (MeetingAttendance.Mark m : attendance.lateOrLeftEarly()) {
        out.add(Deduction.system(7, 5, "例会迟到或早退", meeting(m)));
      }
      for (MeetingAttendance.Mark m : attendance.absentWithoutLeave()) {
        out.add(Deduction.system(7, 10, "无故缺席例会或培训", meeting(m)));
      }
      for (MeetingAttendance.Mark m : attendance.reportsMissing()) {
        out.add(Deduction.system(7, 5, "未按时交书面汇报", meeting(m)));
      }
    }
    return out;
  }

  private interface PerUnit {
    int of(ShortfallUnit unit);
  }

  private static void weekly(
      List<Deduction> out,
      ShortfallReport report,
      Requirement requirement,
      int item,
      PerUnit tenths,
      String reason) {
    ShortfallItem found = report.item(requirement).orElse(null);
    if (found == null) {
      return;
    }
    for (ShortfallUnit unit : found.units()) {
      if (unit.open() || unit.shortBy() <= 0) {
        continue;
      }
      out.add(Deduction.system(item, tenths.of(unit), reason, evidence(found, unit)));
    }
  }

  /** 2026-W41（10-05至10-11）：要求 2，完成 1，差 1；记录 12、15；事件 SJ-…. */
  static String evidence(ShortfallItem item, ShortfallUnit unit) {
    StringBuilder text = new StringBuilder(unit.key());
    if (unit.from() != null && unit.to() != null && !unit.from().equals(unit.to())) {
      text.append("（").append(unit.from()).append("至").append(unit.to()).append("）");
    }
    text.append("：").append(item.label());
    if (unit.personName() != null) {
      text.append("，").append(unit.personName());
      if (unit.personId() != null) {
        text.append("（登记 ").append(unit.personId()).append("）");
      }
    }
    text.append("，要求 ")
        .append(unit.required())
        .append("，完成 ")
        .append(unit.done())
        .append("，差 ")
        .append(unit.shortBy());
    if (unit.recordIds() != null && !unit.recordIds().isEmpty()) {
      text.append("；记录 ")
          .append(unit.recordIds().stream().map(String::valueOf).collect(Collectors.joining("、")));
    }
    if (unit.eventNumbers() != null && !unit.eventNumbers().isEmpty()) {
      text.append("；事件 ").append(String.join("、", unit.eventNumbers()));
    }
    return text.toString();
  }

  private static String meeting(MeetingAttendance.Mark m) {
    return m.kind().label() + "（例会 " + m.meetingId() + "，" + m.unitCode() + "，" + m.heldOn() + "）";
  }
}
