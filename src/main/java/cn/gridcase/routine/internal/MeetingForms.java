package cn.gridcase.routine.internal;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.MeetingAttendanceStatus;
import cn.gridcase.routine.MeetingAttendee;
import cn.gridcase.routine.MeetingCommand;
import cn.gridcase.routine.internal.MeetingRepository.Obligation;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The one mapping from the Tasklist form {@code meeting-record} (and {@code /engine-rest}'s form
 * variables) to the meeting to record: {@code heldAt} an ISO time ({@code 2026-10-09T15:00},
 * Beijing time unless an offset is given) or a date picker's date, {@code minutes}, {@code
 * attendance} one line per person ({@code worker1 张伟 迟到}: the login first, the status last — 出席,
 * 迟到, 早退, 请假, 缺席 or its code), {@code reportsMissing} logins separated by commas or spaces.
 */
@Component
public class MeetingForms {

  /** The command the form describes for the obligation, and what could not be read. */
  public record Read(MeetingCommand command, List<ApiError> errors) {}

  public Read read(VariableScope form, Obligation obligation) {
    List<ApiError> errors = new ArrayList<>();
    OffsetDateTime heldAt = heldAt(form.getVariable(MeetingVariables.HELD_AT), errors);
    Object minutes = form.getVariable(MeetingVariables.MINUTES);
    List<MeetingAttendee> attendance =
        attendance(form.getVariable(MeetingVariables.ATTENDANCE), errors);
    Object reports = form.getVariable(MeetingVariables.REPORTS_MISSING);
    List<String> missing =
        reports == null || reports.toString().isBlank()
            ? List.of()
            : Arrays.stream(reports.toString().trim().split("[,，、;；\\s]+")).toList();
    return new Read(
        new MeetingCommand(
            obligation.place().unitCode(),
            obligation.kind(),
            heldAt,
            minutes == null ? null : minutes.toString(),
            attendance,
            missing,
            obligation.id()),
        errors);
  }

  private static OffsetDateTime heldAt(Object value, List<ApiError> errors) {
    if (value instanceof Date date) {
      return GridCaseTime.at(date);
    }
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().trim();
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException notWithOffset) {
      try {
        return LocalDateTime.parse(text).atZone(GridCaseTime.ZONE).toOffsetDateTime();
      } catch (DateTimeParseException e) {
        errors.add(
            new ApiError(
                MeetingVariables.HELD_AT,
                "S3.heldAt",
                "召开时间“" + text + "”无法识别，应写作 2026-10-09T15:00"));
        return null;
      }
    }
  }

  private static List<MeetingAttendee> attendance(Object value, List<ApiError> errors) {
    List<MeetingAttendee> attendance = new ArrayList<>();
    if (value == null) {
      return attendance;
    }
    String[] lines = value.toString().split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] words = line.split("\\s+");
      Optional<MeetingAttendanceStatus> status =
          words.length < 2
              ? Optional.empty()
              : MeetingAttendanceStatus.parse(words[words.length - 1]);
      if (status.isEmpty()) {
        errors.add(
            new ApiError(
                MeetingVariables.ATTENDANCE,
                "S3.attendance",
                "出勤第 " + (i + 1) + " 行“" + line + "”：行末应写出席、迟到、早退、请假或缺席"));
        continue;
      }
      attendance.add(new MeetingAttendee(words[0], status.get()));
    }
    return attendance;
  }
}
