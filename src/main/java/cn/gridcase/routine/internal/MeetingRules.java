package cn.gridcase.routine.internal;

import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.TextRules;
import cn.gridcase.routine.MeetingAttendee;
import cn.gridcase.routine.MeetingCommand;
import cn.gridcase.routine.MeetingKind;
import cn.gridcase.routine.internal.MeetingRepository.Obligation;
import cn.gridcase.routine.internal.MeetingRepository.Place;
import cn.gridcase.security.UserAccounts;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The rules a meeting record meets (S3: minutes and attendance; S1 五(四): the written reports), the
 * same for every door ({@code /api}, the pages, Tasklist). Every problem is named, each with the
 * field it concerns.
 *
 * <ul>
 *   <li>{@code S3.unit}: the unit is unknown, or not a township, village or grid;
 *   <li>{@code S3.kind}: no kind, or one the unit cannot hold (a grid holds the grid's weekly
 *       meeting, a village the monthly one, a township the quarterly and the grid-worker meetings;
 *       each may hold a training);
 *   <li>{@code S3.heldAt}: no time, a time in the future, or before the obligation's period;
 *   <li>{@code S3.minutes}: no minutes;
 *   <li>{@code S3.attendance}: an entry without a login or a status; {@code S3.attendee.unknown},
 *       {@code S3.attendee.unexpected}, {@code S3.attendee.duplicate}, {@code S3.attendee.missing}:
 *       a login that is nobody's, someone not expected at this unit's meetings, someone listed
 *       twice, an expected attendee left out;
 *   <li>{@code S3.reportsMissing}: reports of a meeting that asks for none, or of someone who is
 *       not one of the grid workers expected;
 *   <li>{@code S3.obligation}: the obligation named is of another unit or kind.
 * </ul>
 */
@Component
public class MeetingRules {

  private final UserAccounts accounts;

  MeetingRules(UserAccounts accounts) {
    this.accounts = accounts;
  }

  /**
   * The problems of {@code command} for a unit at {@code place} (empty: unknown unit), fulfilling
   * {@code obligation} (null: none), with the people {@code expected} and {@code gridWorkers} among
   * them, as of {@code now}.
   */
  public List<ApiError> check(
      MeetingCommand command,
      Optional<Place> place,
      Obligation obligation,
      List<String> expected,
      List<String> gridWorkers,
      OffsetDateTime now) {
    List<ApiError> errors = new ArrayList<>();
    if (command.unitCode() == null || command.unitCode().isBlank()) {
      errors.add(new ApiError("unitCode", "S3.unit", "请填写召开例会的单位（乡镇、村（社区）或网格的代码）"));
    } else if (place.isEmpty()) {
      errors.add(
          new ApiError("unitCode", "S3.unit", "没有单位 " + command.unitCode() + "：例会由乡镇、村（社区）或网格召开"));
    }
    MeetingKind kind = command.kind();
    if (kind == null) {
      errors.add(new ApiError("kind", "S3.kind", "请选择会议类型"));
    } else if (place.isPresent() && !kind.heldBy().contains(MeetingPeople.levelOf(place.get()))) {
      errors.add(
          new ApiError(
              "kind",
              "S3.kind",
              kind.label()
                  + "由"
                  + String.join("、", kind.heldBy().stream().map(MeetingRules::levelName).toList())
                  + "召开，"
                  + command.unitCode()
                  + " 是"
                  + levelName(MeetingPeople.levelOf(place.get()))));
    }
    if (obligation != null && command.kind() != null && obligation.kind() != command.kind()) {
      errors.add(
          new ApiError(
              "obligationId",
              "S3.obligation",
              "例会义务 " + obligation.id() + " 是" + obligation.kind().label() + "，不是" + kind.label()));
    }
    if (obligation != null
        && command.unitCode() != null
        && !obligation.place().unitCode().equals(command.unitCode())) {
      errors.add(
          new ApiError(
              "obligationId",
              "S3.obligation",
              "例会义务 " + obligation.id() + " 属于单位 " + obligation.place().unitCode()));
    }
    OffsetDateTime heldAt = command.heldAt();
    if (heldAt == null) {
      errors.add(new ApiError("heldAt", "S3.heldAt", "请填写召开时间"));
    } else if (heldAt.isAfter(now)) {
      errors.add(
          new ApiError(
              "heldAt", "S3.heldAt", "召开时间 " + GridCaseTime.minute(heldAt) + " 晚于现在：只能记录已经召开的会议"));
    } else if (obligation != null
        && heldAt
            .atZoneSameInstant(GridCaseTime.ZONE)
            .toLocalDate()
            .isBefore(obligation.period().start())) {
      errors.add(
          new ApiError(
              "heldAt",
              "S3.heldAt",
              "召开时间早于"
                  + obligation.period().label()
                  + "：本期例会不能在 "
                  + obligation.period().start()
                  + " 之前召开"));
    }
    if (command.minutes() == null || command.minutes().isBlank()) {
      errors.add(new ApiError("minutes", "S3.minutes", "请填写会议记录（议题、情况、部署）"));
    } else {
      // the same plausibility every door meets (Tasklist's form is no /api request body)
      TextRules.check("minutes", command.minutes(), TextRules.LONG_MAX, true)
          .ifPresent(errors::add);
    }
    checkAttendance(command, place.isPresent(), expected, errors);
    checkReports(command, kind, place.isPresent(), gridWorkers, errors);
    return errors;
  }

  static String levelName(UnitKind level) {
    return switch (level) {
      case TOWNSHIP -> "乡镇";
      case VILLAGE -> "村（社区）";
      case GRID -> "网格";
      case DEPARTMENT -> "部门";
    };
  }

  private void checkAttendance(
      MeetingCommand command, boolean knownUnit, List<String> expected, List<ApiError> errors) {
    Set<String> listed = new HashSet<>();
    List<MeetingAttendee> attendance = command.attendance();
    for (int i = 0; i < attendance.size(); i++) {
      MeetingAttendee a = attendance.get(i);
      String field = "attendance[" + i + "]";
      if (a == null || a.username() == null || a.username().isBlank()) {
        errors.add(
            new ApiError(field + ".username", "S3.attendance", "第 " + (i + 1) + " 条出勤记录没有人员"));
        continue;
      }
      String who = a.username().trim();
      Optional<ApiError> text = TextRules.check(field + ".username", who, 64, false);
      if (text.isPresent()) {
        errors.add(text.get());
        continue;
      }
      if (a.status() == null) {
        errors.add(
            new ApiError(field + ".status", "S3.attendance", who + " 的出勤情况未填写（出席、迟到、早退、请假或缺席）"));
      }
      if (!listed.add(who)) {
        errors.add(new ApiError(field + ".username", "S3.attendee.duplicate", who + " 重复登记"));
      } else if (accounts.find(who).isEmpty()) {
        errors.add(new ApiError(field + ".username", "S3.attendee.unknown", "没有用户 " + who));
      } else if (knownUnit && !expected.contains(who)) {
        errors.add(
            new ApiError(
                field + ".username",
                "S3.attendee.unexpected",
                accounts.nameOf(who) + "（" + who + "）不是本单位例会的应到人员"));
      }
    }
    if (knownUnit) {
      for (String person : expected) {
        if (!listed.contains(person)) {
          errors.add(
              new ApiError(
                  "attendance",
                  "S3.attendee.missing",
                  "缺少 " + accounts.nameOf(person) + "（" + person + "）的出勤记录：每位应到人员都要登记"));
        }
      }
    }
  }

  private void checkReports(
      MeetingCommand command,
      MeetingKind kind,
      boolean knownUnit,
      List<String> gridWorkers,
      List<ApiError> errors) {
    List<String> reports = command.reportsMissing();
    if (reports.isEmpty() || kind == null) {
      return;
    }
    if (!kind.needsWrittenReports()) {
      errors.add(
          new ApiError(
              "reportsMissing",
              "S3.reportsMissing",
              kind.label() + "不收书面汇报：只有网格员月度例会前须书面汇报（S1 五（四））"));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < reports.size(); i++) {
      String who = reports.get(i) == null ? "" : reports.get(i).trim();
      if (who.isEmpty() || !seen.add(who)) {
        errors.add(
            new ApiError(
                "reportsMissing[" + i + "]",
                "S3.reportsMissing",
                who.isEmpty() ? "未交书面汇报的人员为空" : who + " 重复登记"));
      } else if (knownUnit && !gridWorkers.contains(who)) {
        errors.add(
            new ApiError("reportsMissing[" + i + "]", "S3.reportsMissing", who + " 不是应交书面汇报的网格员"));
      }
    }
  }
}
