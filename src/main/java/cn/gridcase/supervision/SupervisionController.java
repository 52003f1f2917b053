package cn.gridcase.supervision;

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
class SupervisionController {

  private final Supervision supervision;
  private final SupervisionBoard board;

  SupervisionController(Supervision supervision, SupervisionBoard board) {
    this.supervision = supervision;
    this.board = board;
  }

  @GetMapping("/overdue")
  @Operation(summary = "Open steps past their deadline, oldest deadline first")
  List<Supervision.OverdueStep> overdue(Principal user, @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String villageCode, @RequestParam(required = false) String departmentCode) {
    return supervision.overdue(user.getName(), townshipCode, villageCode, departmentCode);
  }

  @GetMapping("/board")
  @Operation(summary = "Counts of open, due-today, due-next-working-day and overdue steps: by level and unit where"
      + " the steps are open (rows), and by township, village, grid and department with a green/yellow/red state",
      description = "One aggregate query over the open tasks of the open events in the caller's scope. Townships,"
          + " villages and grids count the steps of the events that happened there; departments the steps they"
          + " have now. dueNextWorkingDay: due after today and by the end of the next working day.")
  SupervisionBoard.Board board(Principal user, @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String villageCode, @RequestParam(required = false) String gridCode,
      @RequestParam(required = false) String departmentCode) {
    return board.board(user.getName(), new SupervisionBoard.Filter(townshipCode, villageCode, gridCode, departmentCode));
  }
}
