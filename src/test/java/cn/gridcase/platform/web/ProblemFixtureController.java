package cn.gridcase.platform.web;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints that fail in each way the platform's error handling knows. */
@RestController
@RequestMapping("/api/test/problems")
class ProblemFixtureController {

  record Body(
      @NotBlank @cn.gridcase.platform.Text(max = 100) String name,
      @NotNull @Min(1) Integer workingDays,
      LocalDate day) {}

  @PostMapping("/validated")
  Body validated(@Valid @RequestBody Body body) {
    return body;
  }

  @GetMapping("/typed")
  int typed(@RequestParam int workingDays) {
    return workingDays;
  }

  @GetMapping("/rule")
  void rule() {
    throw new DomainRuleViolation(
        "The entry is incomplete",
        List.of(
            new ApiError("parties", "FIXTURE.parties", "a dispute needs both parties"),
            new ApiError("phone", "FIXTURE.phone", "a dispute needs a contact phone")));
  }

  @GetMapping("/conflict")
  void conflict() {
    throw new StateConflict("The event is already accepted");
  }

  @GetMapping("/missing")
  void missing() {
    throw new NotFound("No event SJ-20260930-0001");
  }

  @GetMapping("/bug")
  void bug() {
    throw new IllegalStateException("secret internal detail");
  }
}
