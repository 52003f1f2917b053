package cn.gridcase.assignment.internal;

import static cn.gridcase.platform.TextRules.LONG_MAX;

import cn.gridcase.assignment.AssignmentStatus;
import cn.gridcase.assignment.AssignmentView;
import cn.gridcase.assignment.Assignments;
import cn.gridcase.assignment.NewAssignment;
import cn.gridcase.platform.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/assignments")
@Tag(name = "Assignments", description = "tasks given to grid workers (交办, rule S4)")
class AssignmentController {

  private final Assignments assignments;

  AssignmentController(Assignments assignments) {
    this.assignments = assignments;
  }

  @PostMapping
  @Operation(
      summary =
          "S4: a township center or department gives a task to the grid workers of grids (a listed"
              + " matter at once; not listed: after a supervisor's approval; prohibited: refused)")
  ResponseEntity<AssignmentView> assign(Principal user, @RequestBody NewAssignment request) {
    AssignmentView created = assignments.assign(user.getName(), request);
    return ResponseEntity.created(URI.create("/api/assignments/" + created.id())).body(created);
  }

  @GetMapping
  @Operation(summary = "S4: the assignments the caller may see, newest first")
  List<AssignmentView> list(
      Principal user,
      @RequestParam(required = false) AssignmentStatus status,
      @RequestParam(required = false) String gridCode) {
    return assignments.list(user.getName(), status, gridCode);
  }

  @GetMapping("/{id}")
  @Operation(summary = "S4: one assignment with each grid's task")
  AssignmentView get(Principal user, @PathVariable long id) {
    return assignments.get(id, user.getName());
  }

  record ReasonRequest(@Text(max = LONG_MAX, multiLine = true) String reason) {}

  @PostMapping("/{id}/approve")
  @Operation(summary = "S4: a supervisor approves an assignment of a matter not on the list")
  AssignmentView approve(
      Principal user, @PathVariable long id, @RequestBody(required = false) ReasonRequest request) {
    return assignments.approve(id, user.getName(), request == null ? null : request.reason());
  }

  @PostMapping("/{id}/reject")
  @Operation(summary = "S4: a supervisor rejects it with a reason, sent back to the assigner")
  AssignmentView reject(
      Principal user, @PathVariable long id, @RequestBody(required = false) ReasonRequest request) {
    return assignments.reject(id, user.getName(), request == null ? null : request.reason());
  }

  record DoneRequest(
      @Text(max = LONG_MAX, multiLine = true) String note, @Text(max = 64) String gridCode) {}

  @PostMapping("/{id}/done")
  @Operation(summary = "S4: the grid worker completes their grid's task with a note")
  AssignmentView done(
      Principal user, @PathVariable long id, @RequestBody(required = false) DoneRequest request) {
    return assignments.done(
        id,
        user.getName(),
        request == null ? null : request.gridCode(),
        request == null ? null : request.note());
  }
}
