package cn.gridcase.calendar.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.HolidaySchedule;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.InvalidRequest;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.Text;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar API (docs/api.md, Working-day calendar) (rules T1–T3). */
@RestController
@RequestMapping("/api/calendar")
@Tag(
    name = "Calendar",
    description = "Working days of the Chinese statutory calendar (rules T1–T3)")
class CalendarController {

  private final WorkingDays workingDays;
  private final HolidayScheduleLoading loading;

  CalendarController(WorkingDays workingDays, HolidayScheduleLoading loading) {
    this.workingDays = workingDays;
    this.loading = loading;
  }

  record DeadlineView(
      OffsetDateTime from, int workingDays, OffsetDateTime deadline, boolean provisional) {}

  record DayView(LocalDate date, String name, @JsonProperty("isOffDay") boolean isOffDay) {}

  record DayBody(
      @Text(max = 10) String date,
      @Text(max = 50) String name,
      @JsonProperty("isOffDay") Boolean isOffDay) {}

  record YearBody(Integer year, List<DayBody> days) {}

  record RecomputeView(long auditId, int deadlinesChecked, int deadlinesMoved, int batches) {}

  record YearView(int year, List<DayView> days, RecomputeView recomputed) {}

  @GetMapping("/deadline")
  @Operation(
      summary =
          "The deadline N working days after a moment (T2); provisional in a year with no schedule"
              + " (T3)")
  DeadlineView deadline(
      @Parameter(description = "ISO-8601 date-time with offset, e.g. 2026-09-30T10:00:00+08:00")
          @RequestParam
          String from,
      @RequestParam int workingDays) {
    OffsetDateTime moment;
    try {
      // a '+' in an unencoded query string arrives as a space
      moment = OffsetDateTime.parse(from.trim().replace(' ', '+'));
    } catch (DateTimeParseException e) {
      throw new InvalidRequest(
          "Unreadable parameter",
          List.of(
              new ApiError(
                  "from",
                  "type",
                  "'"
                      + from
                      + "' is not an ISO-8601 date-time with offset, e.g."
                      + " 2026-09-30T10:00:00+08:00")));
    }
    Deadline deadline = this.workingDays.deadline(moment, workingDays);
    return new DeadlineView(moment, workingDays, deadline.deadline(), deadline.provisional());
  }

  @GetMapping("/years/{year}")
  @Operation(summary = "The holiday schedule of a year: holidays and make-up working days")
  YearView year(@PathVariable int year) {
    HolidaySchedule schedule =
        workingDays
            .schedule(year)
            .orElseThrow(
                () ->
                    new NotFound(
                        "No holiday schedule is loaded for "
                            + year
                            + "; deadlines in that year are provisional (Mon–Fri)"));
    return view(schedule, null);
  }

  @PutMapping("/years/{year}")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      summary =
          "Load a year's schedule (administrators); pending deadlines it affects are recomputed")
  YearView load(@PathVariable int year, @RequestBody YearBody body, Authentication user) {
    List<HolidayScheduleLoading.DayInput> days =
        body.days() == null
            ? null
            : body.days().stream()
                .map(
                    day ->
                        day == null
                            ? null
                            : new HolidayScheduleLoading.DayInput(
                                day.date(), day.name(), day.isOffDay()))
                .toList();
    HolidayScheduleLoading.Result result = loading.load(year, body.year(), days, user.getName());
    DeadlineRecompute.Outcome outcome = result.recompute();
    return view(
        result.schedule(),
        new RecomputeView(
            outcome.auditId(), outcome.checked(), outcome.moved(), outcome.batches()));
  }

  private static YearView view(HolidaySchedule schedule, RecomputeView recomputed) {
    return new YearView(
        schedule.year(),
        schedule.days().stream()
            .map(day -> new DayView(day.date(), day.name(), day.offDay()))
            .toList(),
        recomputed);
  }
}
