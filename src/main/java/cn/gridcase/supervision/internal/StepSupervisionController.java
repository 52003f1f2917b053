package cn.gridcase.supervision.internal;

import static cn.gridcase.platform.TextRules.NOTE_MAX;

import cn.gridcase.event.EventView;
import cn.gridcase.platform.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Supervision", description = "open and overdue steps in the caller's scope (rule S1)")
class StepSupervisionController {

  private final StepSupervision supervision;

  StepSupervisionController(StepSupervision supervision) {
    this.supervision = supervision;
  }

  record SuperviseRequest(
      @Schema(
              description =
                  "the new limit in working days, 1 to 10 (rule T2: by the end of the N-th working"
                      + " day after today)",
              minimum = "1",
              maximum = "10",
              example = "3")
          Integer workingDays,
      @Schema(description = "督办意见, required", example = "请于期限内办结并报告结果")
          @Text(max = NOTE_MAX, multiLine = true)
          String message) {}

  @PostMapping("/events/{number}/supervise")
  @Operation(
      summary =
          "督办 (S1): a new limit in working days for the open step, watched like any deadline;"
              + " notifies the assignee (or the unit's queue) and the unit's head",
      description =
          "By a supervisor, section head, work-area leader, grid leader, grid instructor or"
              + " administrator who sees the event. The open acceptance or handling task's due date"
              + " becomes the deadline (acceptBy / handleBy of the answer); a step SUPERVISED is"
              + " recorded; the 督办 process (bpmn/event-supervision.bpmn) records"
              + " OVERDUE_SUPERVISION if the step is still open at the deadline. E4's statutory"
              + " deadlines are not moved: lateness against them is still recorded.",
      responses = {
        @ApiResponse(responseCode = "200", description = "the event view with the new deadline"),
        @ApiResponse(responseCode = "403", description = "the caller holds no supervising role"),
        @ApiResponse(responseCode = "404", description = "no such event in the caller's scope"),
        @ApiResponse(
            responseCode = "409",
            description = "the event has no open acceptance or handling step"),
        @ApiResponse(
            responseCode = "422",
            description =
                "every problem: S1.workingDays (missing or not 1..10),"
                    + " S1.message (blank or too long)")
      })
  EventView supervise(
      Principal user,
      @PathVariable String number,
      @RequestBody(required = false) SuperviseRequest request) {
    return supervision.supervise(
        number,
        user.getName(),
        request == null ? null : request.workingDays(),
        request == null ? null : request.message());
  }
}
