package cn.gridcase.supervision.internal;

import cn.gridcase.event.OverdueStepFilter;
import cn.gridcase.platform.GridCaseTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/supervision")
@Tag(name = "Supervision", description = "open and overdue steps in the caller's scope (rule S1)")
class SupervisionController {

  private final Supervision supervision;
  private final SupervisionBoard board;
  private final OverdueRows rows;
  private final Clock clock;

  SupervisionController(
      Supervision supervision, SupervisionBoard board, OverdueRows rows, Clock clock) {
    this.supervision = supervision;
    this.board = board;
    this.rows = rows;
    this.clock = clock;
  }

  @GetMapping("/overdue")
  @Operation(
      summary =
          "Open steps past their deadline (events and accountability cases), oldest deadline first",
      description =
          "Filters combine; a case's step is the township's, so a village, grid or department"
              + " filter lists events only. assignee: the steps that user holds (and, for cases,"
              + " the unclaimed steps they may take as investigator). workingDaysOverdue: working"
              + " days after the deadline's day up to today; daysOverdue: calendar days."
              + " Investigators see their own cases' steps only.")
  List<Supervision.OverdueStep> overdue(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String villageCode,
      @RequestParam(required = false) String gridCode,
      @RequestParam(required = false) String departmentCode,
      @Parameter(description = "user name") @RequestParam(required = false) String assignee) {
    return supervision.overdue(
        user.getName(),
        new OverdueStepFilter(townshipCode, villageCode, gridCode, departmentCode, assignee));
  }

  @GetMapping(value = "/overdue.xlsx")
  @Operation(
      summary = "The same overdue list as an Excel file (超期事项-yyyy-MM-dd.xlsx)",
      description =
          "Same filters as /overdue. A title row names the filters and the moment; Chinese headers;"
              + " deadlines as Excel dates in Beijing time.",
      responses =
          @ApiResponse(
              responseCode = "200",
              content =
                  @Content(
                      mediaType =
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
  ResponseEntity<byte[]> overdueXlsx(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String villageCode,
      @RequestParam(required = false) String gridCode,
      @RequestParam(required = false) String departmentCode,
      @RequestParam(required = false) String assignee) {
    OverdueStepFilter filter =
        new OverdueStepFilter(townshipCode, villageCode, gridCode, departmentCode, assignee);
    OffsetDateTime now = GridCaseTime.now(clock);
    return OverdueExport.download(
        rows.rows(supervision.overdue(user.getName(), filter), user.getName()),
        rows.describe(filter),
        now);
  }

  @GetMapping("/board")
  @Operation(
      summary =
          "Counts of open, due-today, due-next-working-day and overdue steps: by level and unit"
              + " where the steps are open (rows), and by township, village, grid and department"
              + " with a green/yellow/red state",
      description =
          "One aggregate query over the open tasks of the open events in the caller's scope."
              + " Townships, villages and grids count the steps of the events that happened there;"
              + " departments the steps they have now. dueNextWorkingDay: due after today and by"
              + " the end of the next working day.")
  SupervisionBoard.Board board(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String villageCode,
      @RequestParam(required = false) String gridCode,
      @RequestParam(required = false) String departmentCode) {
    return board.board(
        user.getName(),
        new SupervisionBoard.Filter(townshipCode, villageCode, gridCode, departmentCode));
  }
}
