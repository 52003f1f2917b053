package cn.gridcase.organisation.internal;

import static cn.gridcase.platform.TextRules.NOTE_MAX;

import cn.gridcase.organisation.SpecialGroup;
import cn.gridcase.organisation.SpecialPerson;
import cn.gridcase.organisation.SpecialPersonRequest;
import cn.gridcase.organisation.SpecialPersons;
import cn.gridcase.platform.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A grid's register of special-group persons (A4 item 5), part of the roster. */
@RestController
@RequestMapping("/api/grids/{code}/special-persons")
@Tag(name = "Grids", description = "Grids of the township (rules G1, G2)")
class SpecialPersonController {

  private final SpecialPersons persons;

  SpecialPersonController(SpecialPersons persons) {
    this.persons = persons;
  }

  record SpecialPersonView(
      long id,
      String gridCode,
      String name,
      SpecialGroup group,
      String groupLabel,
      String household,
      LocalDate registeredOn,
      String registeredBy,
      LocalDate leftOn,
      String leftReason,
      String leftBy) {

    static SpecialPersonView of(SpecialPerson p) {
      return new SpecialPersonView(
          p.id(),
          p.gridCode(),
          p.name(),
          p.group(),
          p.group().label(),
          p.household(),
          p.registeredOn(),
          p.registeredBy(),
          p.leftOn(),
          p.leftReason(),
          p.leftBy());
    }
  }

  record SpecialPersonList(List<SpecialPersonView> items, int total) {}

  record LeaveRequest(LocalDate leftOn, @Text(max = NOTE_MAX, multiLine = true) String reason) {}

  @GetMapping
  @Operation(
      summary =
          "The grid's register of special-group persons (those who left only with"
              + " includeLeft=true)")
  SpecialPersonList list(
      @PathVariable String code,
      @RequestParam(defaultValue = "false") boolean includeLeft,
      Principal user) {
    List<SpecialPersonView> items =
        persons.list(code, user.getName(), includeLeft).stream()
            .map(SpecialPersonView::of)
            .toList();
    return new SpecialPersonList(items, items.size());
  }

  @GetMapping("/{id}")
  @Operation(summary = "One person of the grid's register")
  SpecialPersonView get(@PathVariable String code, @PathVariable long id, Principal user) {
    return SpecialPersonView.of(persons.get(code, id, user.getName()));
  }

  @PostMapping
  @Operation(summary = "Register a special-group person in the grid (422 naming every problem)")
  ResponseEntity<SpecialPersonView> register(
      @PathVariable String code, @RequestBody SpecialPersonRequest request, Principal user) {
    SpecialPerson person = persons.register(code, request, user.getName());
    return ResponseEntity.created(
            URI.create("/api/grids/" + code + "/special-persons/" + person.id()))
        .body(SpecialPersonView.of(person));
  }

  @PostMapping("/{id}/leave")
  @Operation(summary = "The person leaves the register on a day, with a reason (never deleted)")
  SpecialPersonView leave(
      @PathVariable String code,
      @PathVariable long id,
      @RequestBody LeaveRequest request,
      Principal user) {
    return SpecialPersonView.of(
        persons.leave(code, id, request.leftOn(), request.reason(), user.getName()));
  }
}
