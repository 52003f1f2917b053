package cn.gridcase.worklist.internal;

import cn.gridcase.worklist.WorkItem;
import cn.gridcase.worklist.Worklist;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tasks", description = "the caller's open tasks")
class WorklistController {

  private final Worklist worklist;

  WorklistController(Worklist worklist) {
    this.worklist = worklist;
  }

  @GetMapping("/api/tasks")
  @Operation(summary = "The caller's open tasks (assigned or claimable), sorted by due date")
  List<WorkItem> tasks(Principal user, @RequestParam(defaultValue = "200") int limit) {
    return worklist.of(user.getName(), Math.max(1, Math.min(limit, 1000)));
  }

  /** How many open tasks the caller has. */
  record TaskCount(long count) {}

  @GetMapping("/api/tasks/count")
  @Operation(summary = "How many open tasks the caller has (assigned or claimable)")
  TaskCount count(Principal user) {
    return new TaskCount(worklist.count(user.getName()));
  }
}
