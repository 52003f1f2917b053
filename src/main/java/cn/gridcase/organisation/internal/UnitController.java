package cn.gridcase.organisation.internal;

import cn.gridcase.organisation.CurrentPost;
import cn.gridcase.organisation.Education;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Townships, villages and departments; people; per-township settings (administrators). */
@RestController
@RequestMapping("/api")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Organisation", description = "Units, people and settings (administrators)")
class UnitController {

  private final Organisation organisation;

  UnitController(Organisation organisation) {
    this.organisation = organisation;
  }

  record UnitBody(
      @Text(max = 64) String code,
      @Text(max = 100) String name,
      UnitKind kind,
      @Text(max = 64) String parentCode) {}

  record SettingsBody(Boolean s1ExtraConditions) {}

  record SettingsView(String townshipCode, boolean s1ExtraConditions) {}

  record PersonView(
      long id,
      String realName,
      String idCardMasked,
      LocalDate birthDate,
      String phone,
      Education education,
      CurrentPost currentPost,
      String username) {}

  @GetMapping("/units")
  List<Unit> units(@RequestParam(required = false) UnitKind kind) {
    return organisation.units(kind);
  }

  @PostMapping("/units")
  @Operation(summary = "Create a township, village or department")
  ResponseEntity<Unit> create(@RequestBody UnitBody body) {
    Unit unit =
        organisation.createUnit(new Unit(body.code(), body.name(), body.kind(), body.parentCode()));
    return ResponseEntity.created(URI.create("/api/units/" + unit.code())).body(unit);
  }

  @PutMapping("/units/{code}/settings")
  @Operation(summary = "Per-township settings: S1's extra conditions for grid workers (default on)")
  SettingsView settings(@PathVariable String code, @RequestBody SettingsBody body) {
    if (organisation.unit(code).filter(unit -> unit.kind() == UnitKind.TOWNSHIP).isEmpty()) {
      throw new NotFound("No township " + code);
    }
    if (body.s1ExtraConditions() != null) {
      organisation.setS1ExtraConditions(code, body.s1ExtraConditions());
    }
    return new SettingsView(code, organisation.s1ExtraConditions(code));
  }

  @GetMapping("/people")
  @Operation(summary = "Search people by (part of) their name; id-card numbers are masked")
  List<PersonView> people(@RequestParam String name) {
    return organisation.peopleNamed(name).stream()
        .map(
            p ->
                new PersonView(
                    p.id(),
                    p.realName(),
                    p.idCardMasked(),
                    p.birthDate(),
                    p.phone(),
                    p.education(),
                    p.currentPost(),
                    p.username()))
        .toList();
  }
}
