package cn.gridcase.event.internal;

import static cn.gridcase.platform.TextRules.LONG_MAX;
import static cn.gridcase.platform.TextRules.NOTE_MAX;

import cn.gridcase.event.AgreementForm;
import cn.gridcase.event.EventFilter;
import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventPage;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.EventStatus;
import cn.gridcase.event.EventView;
import cn.gridcase.event.Events;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.InvalidRequest;
import cn.gridcase.platform.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
@Tag(name = "Events", description = "report events and handle them level by level (rules E1-E10)")
class EventController {

  private final Events events;
  private final EventTimeLimits timeLimits;

  EventController(Events events, EventTimeLimits timeLimits) {
    this.events = events;
    this.timeLimits = timeLimits;
  }

  @PostMapping("/events")
  @Operation(summary = "Report an event (事件上报); 422 names every missing element (E2)")
  ResponseEntity<EventView> report(Principal user, @RequestBody EventReport report) {
    EventView event = events.report(report, user.getName());
    return ResponseEntity.created(URI.create("/api/events/" + event.number())).body(event);
  }

  @GetMapping("/events/{number}")
  @Operation(summary = "One event with its steps (E10)")
  EventView get(Principal user, @PathVariable String number) {
    return events.get(number, user.getName());
  }

  @GetMapping("/events")
  @Operation(summary = "The events the caller may see, newest first")
  EventPage list(
      Principal user,
      @RequestParam(required = false) EventStatus status,
      @RequestParam(required = false) EventLevel level,
      @RequestParam(required = false) String gridCode,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || size < 1 || size > 100) {
      throw new InvalidRequest(
          "Invalid paging",
          List.of(
              new ApiError(
                  page < 0 ? "page" : "size", "paging", "page is 0 or more; size is 1 to 100")));
    }
    return events.list(
        new EventFilter(status, level, gridCode, overdue), user.getName(), page, size);
  }

  @PostMapping("/events/{number}/accept")
  @Operation(summary = "受理 at the current level (for a department: 报到承接)")
  EventView accept(Principal user, @PathVariable String number) {
    return events.accept(number, user.getName());
  }

  record ResolveRequest(
      @Text(max = LONG_MAX, multiLine = true) String result,
      @Text(max = 100) String mediator,
      @Text(max = LONG_MAX, multiLine = true) String mediationResult,
      AgreementForm agreementForm,
      @Text(max = LONG_MAX, multiLine = true) String agreementTerms,
      @Text(max = LONG_MAX, multiLine = true) String delayReason) {}

  @PostMapping("/events/{number}/resolve")
  @Operation(summary = "办结 (E3; delayReason when late, E6)")
  EventView resolve(
      Principal user, @PathVariable String number, @RequestBody ResolveRequest request) {
    Map<String, Object> values = new HashMap<>();
    values.put("result", request.result());
    values.put("mediator", request.mediator());
    values.put("mediationResult", request.mediationResult());
    values.put(
        "agreementForm", request.agreementForm() == null ? null : request.agreementForm().name());
    values.put("agreementTerms", request.agreementTerms());
    values.put("delayReason", request.delayReason());
    return events.resolve(number, user.getName(), values);
  }

  record EscalateRequest(
      @Text(max = LONG_MAX, multiLine = true) String reason,
      @Text(max = LONG_MAX, multiLine = true) String delayReason) {}

  @PostMapping("/events/{number}/escalate")
  @Operation(summary = "上报 to the next level with a reason (E5, E7)")
  EventView escalate(
      Principal user, @PathVariable String number, @RequestBody EscalateRequest request) {
    return events.escalate(number, user.getName(), request.reason(), request.delayReason());
  }

  record DispatchRequest(
      @Text(max = 64) String departmentCode,
      @Text(max = LONG_MAX, multiLine = true) String instructions,
      @Text(max = LONG_MAX, multiLine = true) String delayReason) {}

  @PostMapping("/events/{number}/dispatch")
  @Operation(summary = "吹哨派单: the township center dispatches to a department")
  EventView dispatch(
      Principal user, @PathVariable String number, @RequestBody DispatchRequest request) {
    return events.dispatch(
        number,
        user.getName(),
        request.departmentCode(),
        request.instructions(),
        request.delayReason());
  }

  record ReferRequest(
      @Text(max = 200) String countyDepartment,
      @Text(max = LONG_MAX, multiLine = true) String reason,
      @Text(max = LONG_MAX, multiLine = true) String delayReason) {}

  @PostMapping("/events/{number}/refer-county")
  @Operation(summary = "移交县级部门 (E5)")
  EventView referToCounty(
      Principal user, @PathVariable String number, @RequestBody ReferRequest request) {
    return events.referToCounty(
        number,
        user.getName(),
        request.countyDepartment(),
        request.reason(),
        request.delayReason());
  }

  record FeedbackRequest(
      @Text(max = 32) String satisfaction,
      @Text(max = LONG_MAX, multiLine = true) String comment) {}

  @PostMapping("/events/{number}/feedback")
  @Operation(summary = "回访反馈 with satisfaction; closes a resolved event (E9)")
  EventView feedback(
      Principal user, @PathVariable String number, @RequestBody FeedbackRequest request) {
    return events.feedback(number, user.getName(), request.satisfaction(), request.comment());
  }

  record UrgeRequest(@Text(max = NOTE_MAX, multiLine = true) String message) {}

  @PostMapping("/events/{number}/urge")
  @Operation(summary = "催办: a supervisor urges the open step (S1)")
  EventView urge(
      Principal user,
      @PathVariable String number,
      @RequestBody(required = false) UrgeRequest request) {
    return events.urge(number, user.getName(), request == null ? null : request.message());
  }

  record ReassignRequest(
      @Text(max = 64) String assignee, @Text(max = 1000, multiLine = true) String reason) {}

  @PostMapping("/events/{number}/reassign")
  @Operation(
      summary =
          "改派: a section head of the unit gives the open step to another of the unit's handlers"
              + " (recorded as a step; only the assignee acts on a held step)")
  EventView reassign(
      Principal user, @PathVariable String number, @RequestBody ReassignRequest request) {
    return events.reassign(number, user.getName(), request.assignee(), request.reason());
  }

  record TimeLimitsRequest(
      Integer acceptance, Integer grid, Integer village, Integer township, Integer department) {}

  @GetMapping("/admin/townships/{code}/event-limits")
  @Operation(summary = "A township's event time limits in working days (administrators)")
  TimeLimits limits(@PathVariable String code) {
    return timeLimits.ofTownship(code);
  }

  @PutMapping("/admin/townships/{code}/event-limits")
  @Operation(
      summary =
          "Sets a township's event time limits; omitted stages keep their value (administrators)")
  TimeLimits setLimits(@PathVariable String code, @RequestBody TimeLimitsRequest request) {
    TimeLimits now = timeLimits.ofTownship(code);
    return timeLimits.set(
        code,
        new TimeLimits(
            or(request.acceptance(), now.acceptance()),
            or(request.grid(), now.grid()),
            or(request.village(), now.village()),
            or(request.township(), now.township()),
            or(request.department(), now.department())));
  }

  private static int or(Integer value, int current) {
    return value == null ? current : value;
  }
}
