package cn.gridcase.routine.internal;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.InvalidRequest;
import cn.gridcase.routine.MeetingCommand;
import cn.gridcase.routine.MeetingKind;
import cn.gridcase.routine.MeetingObligationView;
import cn.gridcase.routine.MeetingSettings;
import cn.gridcase.routine.MeetingView;
import cn.gridcase.routine.Meetings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(
    name = "Meetings",
    description = "meetings per level and the grid workers' meetings, their obligations (S2, S3)")
class MeetingController {

  private final Meetings meetings;
  private final MeetingSettings settings;

  MeetingController(Meetings meetings, MeetingSettings settings) {
    this.meetings = meetings;
    this.settings = settings;
  }

  @PostMapping("/meetings")
  @Operation(
      summary =
          "Record a meeting held (minutes, attendance, missing written reports); fulfils the"
              + " unit's open obligation of the period, if any (S2, S3)")
  ResponseEntity<MeetingView> record(Principal user, @RequestBody MeetingCommand command) {
    MeetingView meeting = meetings.record(command, user.getName());
    return ResponseEntity.created(URI.create("/api/meetings/" + meeting.id())).body(meeting);
  }

  @GetMapping("/meetings")
  @Operation(summary = "Meetings held in the caller's scope (and those they were expected at)")
  List<MeetingView> list(
      Principal user,
      @RequestParam(required = false) String unitCode,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidRequest(
          "日期范围无效", List.of(new ApiError("to", "range", "结束日期 " + to + " 早于开始日期 " + from)));
    }
    return meetings.list(user.getName(), unitCode, from, to);
  }

  @GetMapping("/meetings/{id}")
  @Operation(summary = "One meeting with its attendance")
  MeetingView get(Principal user, @PathVariable long id) {
    return meetings.get(id, user.getName());
  }

  @GetMapping("/meetings/obligations")
  @Operation(
      summary =
          "Meeting obligations (meetings to hold per period) in the caller's scope, due at the"
              + " end of the period's last working day")
  List<MeetingObligationView> obligations(
      Principal user,
      @RequestParam(required = false) String unitCode,
      @RequestParam(required = false) String status) {
    if (status != null && !status.isBlank() && !List.of("OPEN", "HELD").contains(status)) {
      throw new InvalidRequest(
          "状态无效", List.of(new ApiError("status", "type", "状态为 OPEN（待召开）或 HELD（已召开）")));
    }
    return meetings.obligations(
        user.getName(), unitCode, status == null || status.isBlank() ? null : status);
  }

  @GetMapping("/meetings/obligations/{id}")
  @Operation(summary = "One meeting obligation")
  MeetingObligationView obligation(Principal user, @PathVariable long id) {
    return meetings.obligation(id, user.getName());
  }

  /** The kinds a township holds: all others are off. */
  record MeetingSettingsRequest(List<MeetingKind> kinds) {}

  @GetMapping("/admin/townships/{code}/meetings")
  @Operation(summary = "Which meeting obligations a township holds (administrators)")
  MeetingSettings.View setting(@PathVariable String code) {
    return settings.of(code);
  }

  @PutMapping("/admin/townships/{code}/meetings")
  @Operation(
      summary =
          "Sets which meeting obligations a township holds; periods that open afterwards follow it"
              + " (administrators)")
  MeetingSettings.View setSetting(
      Principal user, @PathVariable String code, @RequestBody MeetingSettingsRequest request) {
    return settings.set(code, request.kinds(), user.getName());
  }
}
