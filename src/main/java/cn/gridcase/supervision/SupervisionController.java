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

  SupervisionController(Supervision supervision) {
    this.supervision = supervision;
  }

  @GetMapping("/overdue")
  @Operation(summary = "Open steps past their deadline, oldest deadline first")
  List<Supervision.OverdueStep> overdue(Principal user, @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String villageCode, @RequestParam(required = false) String departmentCode) {
    return supervision.overdue(user.getName(), townshipCode, villageCode, departmentCode);
  }

  @GetMapping("/board")
  @Operation(summary = "Counts of open, due-today and overdue steps by level and unit")
  Supervision.Board board(Principal user) {
    return supervision.board(user.getName());
  }
}
