package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.Approval;
import cn.gridcase.assignment.Matter;
import cn.gridcase.assignment.MatterRequest;
import cn.gridcase.assignment.Matters;
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
@RequestMapping("/api/matters")
@Tag(name = "Matter list", description = "the townships' matter lists (事项清单, rule S4)")
class MatterController {

  private final Matters matters;

  MatterController(Matters matters) {
    this.matters = matters;
  }

  @GetMapping
  @Operation(summary = "S4: a township's matter list, each matter with its history of approvals")
  List<Matter> list(Principal user, @RequestParam(required = false) String townshipCode) {
    return matters.list(user.getName(), townshipCode);
  }

  @PostMapping
  @Operation(
      summary =
          "S4: admits a matter to the list (LISTED) or records it as prohibited (PROHIBITED), with"
              + " its approval (supervisors of the township, administrators)")
  ResponseEntity<Matter> record(Principal user, @RequestBody MatterRequest request) {
    boolean created = matters.record(user.getName(), request);
    Matter matter = matters.matter(request.townshipCode().trim(), request.code().trim());
    return created
        ? ResponseEntity.created(URI.create("/api/matters?townshipCode=" + matter.townshipCode()))
            .body(matter)
        : ResponseEntity.ok(matter);
  }

  record WithdrawRequest(@Text(max = 64) String townshipCode, Approval approval) {}

  @PostMapping("/{code}/withdraw")
  @Operation(summary = "S4: withdraws a matter from the list, with its approval")
  Matter withdraw(Principal user, @PathVariable String code, @RequestBody WithdrawRequest request) {
    return matters.withdraw(user.getName(), request.townshipCode(), code, request.approval());
  }
}
