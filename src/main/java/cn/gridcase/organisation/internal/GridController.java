package cn.gridcase.organisation.internal;

import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Person;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.InvalidRequest;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Grids (rules G1, G2), each user seeing those of their scope; out of scope is 404. */
@RestController
@RequestMapping("/api/grids")
@Tag(name = "Grids", description = "Grids of the township (rules G1, G2)")
class GridController {

  private final Organisation organisation;
  private final AccessScopes scopes;

  GridController(Organisation organisation, AccessScopes scopes) {
    this.organisation = organisation;
    this.scopes = scopes;
  }

  record GridBody(
      @Text(max = 64) String code,
      @Text(max = 100) String name,
      @Text(max = 64) String villageCode,
      GridType type,
      Integer households,
      Integer population) {}

  record WorkerView(String name, String username, LocalDate since) {}

  record GridView(
      String code,
      String name,
      String villageCode,
      GridType type,
      String typeLabel,
      Integer households,
      Integer population,
      List<String> warnings,
      WorkerView gridWorker) {}

  record GridList(List<GridView> items, int total) {}

  record ResponsibleView(
      String unitCode, AppointmentRole role, LocalDate on, List<WorkerView> people) {}

  @GetMapping
  @Operation(summary = "The grids the caller may see, optionally of one village")
  GridList list(@RequestParam(required = false) String villageCode, Authentication user) {
    AccessScope scope = scopes.of(user.getName());
    List<GridView> items =
        organisation.grids().stream()
            .filter(grid -> scope.seesGrid(grid.code()))
            .filter(grid -> villageCode == null || villageCode.equals(grid.villageCode()))
            .map(this::view)
            .toList();
    return new GridList(items, items.size());
  }

  @GetMapping("/warnings")
  @Operation(summary = "Grids outside their size standard (G2), of the caller's scope")
  GridList warnings(Authentication user) {
    AccessScope scope = scopes.of(user.getName());
    List<GridView> items =
        organisation.gridsWithWarnings().stream()
            .filter(grid -> scope.seesGrid(grid.code()))
            .map(this::view)
            .toList();
    return new GridList(items, items.size());
  }

  @GetMapping("/{code}")
  @Operation(summary = "One grid")
  GridView get(@PathVariable String code, Authentication user) {
    return view(visibleGrid(code, user));
  }

  @GetMapping("/{code}/responsible")
  @Operation(summary = "Who held a role in the grid on a day (default: the grid worker, today)")
  ResponsibleView responsible(
      @PathVariable String code,
      @RequestParam(required = false) String on,
      @RequestParam(defaultValue = "GRID_WORKER") AppointmentRole role,
      Authentication user) {
    visibleGrid(code, user);
    LocalDate day;
    try {
      day = on == null ? organisation.today() : LocalDate.parse(on);
    } catch (DateTimeParseException e) {
      throw new InvalidRequest(
          "Unreadable parameter",
          List.of(new ApiError("on", "type", "'" + on + "' is not a date (YYYY-MM-DD)")));
    }
    List<WorkerView> people =
        organisation.responsibleOn(code, role, day).stream().map(this::worker).toList();
    return new ResponsibleView(code, role, day, people);
  }

  @PostMapping
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      summary =
          "Create a grid (administrators); a grid outside its size standard is created with"
              + " warnings")
  ResponseEntity<GridView> create(@RequestBody GridBody body) {
    Grid grid =
        organisation.createGrid(
            new Grid(
                body.code(),
                body.name(),
                body.villageCode(),
                body.type(),
                body.households(),
                body.population()));
    return ResponseEntity.created(URI.create("/api/grids/" + grid.code())).body(view(grid));
  }

  private Grid visibleGrid(String code, Authentication user) {
    Grid grid = organisation.grid(code).orElse(null);
    if (grid == null || !scopes.of(user.getName()).seesGrid(code)) {
      throw new NotFound("No grid " + code);
    }
    return grid;
  }

  private GridView view(Grid grid) {
    WorkerView worker =
        organisation
            .responsibleOn(grid.code(), AppointmentRole.GRID_WORKER, organisation.today())
            .stream()
            .findFirst()
            .map(this::worker)
            .orElse(null);
    return new GridView(
        grid.code(),
        grid.name(),
        grid.villageCode(),
        grid.type(),
        grid.type() == null ? null : grid.type().label(),
        grid.households(),
        grid.population(),
        grid.warnings(),
        worker);
  }

  private WorkerView worker(Appointment appointment) {
    String name =
        appointment.personId() == null
            ? null
            : organisation.person(appointment.personId()).map(Person::realName).orElse(null);
    return new WorkerView(name, appointment.username(), appointment.startsOn());
  }
}
