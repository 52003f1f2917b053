package cn.gridcase.supervision.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/supervision")
@Tag(name = "Supervision", description = "open and overdue steps in the caller's scope (rule S1)")
class SupervisionBoardController {

  private final SupervisionBoard board;

  SupervisionBoardController(SupervisionBoard board) {
    this.board = board;
  }

  @GetMapping("/board/steps")
  @Operation(
      summary =
          "The open steps behind one count of the board (drill-down), soonest deadline first, at"
              + " most 500",
      description =
          "due: OPEN (all), TODAY, NEXT_WORKING_DAY or OVERDUE; the same filters as the board."
              + " workingDaysOverdue counts working days after the deadline's day up to today"
              + " (T1).")
  List<SupervisionBoard.BoardStep> steps(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String villageCode,
      @RequestParam(required = false) String gridCode,
      @RequestParam(required = false) String departmentCode,
      @RequestParam(defaultValue = "OPEN") SupervisionBoard.Due due) {
    return board.steps(
        user.getName(),
        new SupervisionBoard.Filter(townshipCode, villageCode, gridCode, departmentCode),
        due);
  }
}
