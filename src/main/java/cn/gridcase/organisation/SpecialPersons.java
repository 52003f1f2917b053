package cn.gridcase.organisation;

import cn.gridcase.organisation.internal.SpecialPersonRepository;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of special-group persons of each grid (特殊人群登记), whose weekly visit A4 item 5 checks;
 * part of the roster. Everyone who sees a grid reads its register (404 otherwise); the grid's
 * worker, the village's grid leader, instructor and station staff, the township center's staff and
 * administrators register persons and record that one left (403 for the others). A person is never
 * deleted: they leave the register on a day, with a reason.
 */
@Service
public class SpecialPersons {

  /** Roles that keep a village's registers (its grids'). */
  private static final Set<AppointmentRole> VILLAGE_KEEPERS =
      EnumSet.of(
          AppointmentRole.GRID_LEADER,
          AppointmentRole.GRID_INSTRUCTOR,
          AppointmentRole.EVENT_HANDLER,
          AppointmentRole.SECTION_HEAD);

  /** Roles that keep every register of the township. */
  private static final Set<AppointmentRole> TOWNSHIP_KEEPERS =
      EnumSet.of(AppointmentRole.EVENT_HANDLER, AppointmentRole.SECTION_HEAD);

  static final int NAME_MAX = 50;
  static final int HOUSEHOLD_MAX = 200;

  private final SpecialPersonRepository repository;
  private final Organisation organisation;
  private final AccessScopes scopes;
  private final Clock clock;

  SpecialPersons(
      SpecialPersonRepository repository,
      Organisation organisation,
      AccessScopes scopes,
      Clock clock) {
    this.repository = repository;
    this.organisation = organisation;
    this.scopes = scopes;
    this.clock = clock;
  }

  /** A grid's register, oldest first; those who left only with {@code includeLeft}. */
  public List<SpecialPerson> list(String gridCode, String caller, boolean includeLeft) {
    visibleGrid(gridCode, caller);
    LocalDate today = organisation.today();
    return repository.inGrid(gridCode).stream()
        .filter(p -> includeLeft || p.leftOn() == null || !p.leftOn().isBefore(today))
        .toList();
  }

  /** One person of a grid's register (404 when not of that grid or out of scope). */
  public SpecialPerson get(String gridCode, long id, String caller) {
    visibleGrid(gridCode, caller);
    return repository
        .find(id)
        .filter(p -> p.gridCode().equals(gridCode))
        .orElseThrow(() -> new NotFound("网格 " + gridCode + " 没有编号为 " + id + " 的登记人员"));
  }

  /** Registers a person (422 naming every problem). */
  @Transactional
  public SpecialPerson register(String gridCode, SpecialPersonRequest request, String caller) {
    Grid grid = visibleGrid(gridCode, caller);
    if (!mayKeep(caller, grid)) {
      throw new AccessDeniedException("只有本网格的网格员、村（社区）网格长、指导员、综治站和镇综治中心人员可以登记特殊人群");
    }
    List<ApiError> problems = problems(gridCode, request, repository.inGrid(gridCode));
    if (!problems.isEmpty()) {
      throw new DomainRuleViolation("特殊人群未登记：请更正所列各项", problems);
    }
    return insert(gridCode, request, caller);
  }

  /**
   * The problems of a registration against the grid's register as it stands ({@code register}): for
   * the API and the roster import alike.
   */
  public List<ApiError> problems(
      String gridCode, SpecialPersonRequest request, List<SpecialPerson> register) {
    List<ApiError> problems = new ArrayList<>();
    String name = trimmed(request.name());
    if (name == null) {
      problems.add(new ApiError("name", "A4.name", "请填写姓名"));
    } else if (name.codePointCount(0, name.length()) > NAME_MAX) {
      problems.add(new ApiError("name", "A4.name", "姓名最多 " + NAME_MAX + " 个字"));
    }
    Optional<SpecialGroup> group = SpecialGroup.of(request.group());
    if (group.isEmpty()) {
      problems.add(
          new ApiError(
              "group",
              "A4.group",
              (trimmed(request.group()) == null ? "请选择人群类别" : "没有人群类别“" + request.group() + "”")
                  + "：可选 "
                  + SpecialGroup.allowed()));
    }
    String household = trimmed(request.household());
    if (household != null && household.codePointCount(0, household.length()) > HOUSEHOLD_MAX) {
      problems.add(new ApiError("household", "A4.household", "住户最多 " + HOUSEHOLD_MAX + " 个字"));
    }
    LocalDate today = organisation.today();
    LocalDate on = request.registeredOn() == null ? today : request.registeredOn();
    if (on.isAfter(today)) {
      problems.add(new ApiError("registeredOn", "A4.registeredOn", "登记日期不能晚于今天（" + today + "）"));
    }
    if (name != null && group.isPresent()) {
      for (SpecialPerson p : register) {
        if (p.gridCode().equals(gridCode)
            && p.name().equals(name)
            && p.group() == group.get()
            && Objects.equals(p.household(), household)
            && (p.leftOn() == null || !p.leftOn().isBefore(on))) {
          problems.add(
              new ApiError(
                  "name",
                  "A4.duplicate",
                  name + "（" + group.get().label() + "）已在本网格登记（编号 " + p.id() + "）"));
          break;
        }
      }
    }
    return problems;
  }

  /** Inserts a registration checked before (the API, imports). */
  public SpecialPerson insert(String gridCode, SpecialPersonRequest request, String by) {
    String name = trimmed(request.name());
    SpecialGroup group = SpecialGroup.of(request.group()).orElseThrow();
    String household = trimmed(request.household());
    LocalDate on = request.registeredOn() == null ? organisation.today() : request.registeredOn();
    long id = repository.insert(gridCode, name, group, household, on, by, GridCaseTime.now(clock));
    return new SpecialPerson(id, gridCode, name, group, household, on, by, null, null, null);
  }

  /**
   * Records that a person left the register on {@code leftOn} (default today; they are on it up to
   * and including that day) for a reason: 409 when they had left already, 422 naming every problem.
   */
  @Transactional
  public SpecialPerson leave(
      String gridCode, long id, LocalDate leftOn, String reason, String caller) {
    SpecialPerson person = get(gridCode, id, caller);
    if (!mayKeep(caller, organisation.grid(gridCode).orElseThrow())) {
      throw new AccessDeniedException("只有本网格的网格员、村（社区）网格长、指导员、综治站和镇综治中心人员可以办理特殊人群离开登记");
    }
    if (person.leftOn() != null) {
      throw new StateConflict(person.name() + " 已于 " + person.leftOn() + " 离开登记");
    }
    List<ApiError> problems = leaveProblems(person, leftOn, reason);
    if (!problems.isEmpty()) {
      throw new DomainRuleViolation("离开登记未办理：请更正所列各项", problems);
    }
    return recordLeave(person, leftOn, reason, caller);
  }

  /** The problems of a person's leaving (for the API and the roster import alike). */
  public List<ApiError> leaveProblems(SpecialPerson person, LocalDate leftOn, String reason) {
    List<ApiError> problems = new ArrayList<>();
    LocalDate today = organisation.today();
    LocalDate on = leftOn == null ? today : leftOn;
    if (on.isBefore(person.registeredOn())) {
      problems.add(
          new ApiError("leftOn", "A4.leftOn", "离开日期不能早于登记日期（" + person.registeredOn() + "）"));
    }
    if (on.isAfter(today)) {
      problems.add(new ApiError("leftOn", "A4.leftOn", "离开日期不能晚于今天（" + today + "）"));
    }
    if (trimmed(reason) == null) {
      problems.add(new ApiError("reason", "A4.leftReason", "请填写离开原因（如迁出、解除矫正、去世）"));
    }
    return problems;
  }

  /** Records a leave checked before (the API, imports). */
  public SpecialPerson recordLeave(
      SpecialPerson person, LocalDate leftOn, String reason, String by) {
    LocalDate on = leftOn == null ? organisation.today() : leftOn;
    if (!repository.leave(person.id(), on, trimmed(reason), by)) {
      throw new StateConflict(person.name() + " 已离开登记（刚被他人办理）");
    }
    return new SpecialPerson(
        person.id(),
        person.gridCode(),
        person.name(),
        person.group(),
        person.household(),
        person.registeredOn(),
        person.registeredBy(),
        on,
        trimmed(reason),
        by);
  }

  /** A person of any register, without a scope check (for the features that count visits). */
  public Optional<SpecialPerson> find(long id) {
    return repository.find(id);
  }

  /** A grid's whole register (those who left included), without a scope check. */
  public List<SpecialPerson> register(String gridCode) {
    return repository.inGrid(gridCode);
  }

  /**
   * The persons of the grids who were on the register on some day from {@code from} to {@code to},
   * without a scope check (one query: the shortfalls of a person's period).
   */
  public List<SpecialPerson> registeredIn(
      Collection<String> gridCodes, LocalDate from, LocalDate to) {
    return repository.registeredIn(gridCodes, from, to);
  }

  /** Everyone on a register today (the roster's export). */
  public List<SpecialPerson> current() {
    return repository.current(organisation.today());
  }

  /**
   * Whether the user keeps the grid's register: its grid worker, the village's grid leader,
   * instructor and station staff, the township center's staff, administrators.
   */
  public boolean mayKeep(String username, Grid grid) {
    if (scopes.of(username).admin()) {
      return true;
    }
    String township = organisation.unit(grid.villageCode()).map(Unit::parentCode).orElse(null);
    for (Appointment a : organisation.currentAppointments(username)) {
      if (a.role() == AppointmentRole.GRID_WORKER && a.unitCode().equals(grid.code())) {
        return true;
      }
      if (VILLAGE_KEEPERS.contains(a.role()) && a.unitCode().equals(grid.villageCode())) {
        return true;
      }
      if (TOWNSHIP_KEEPERS.contains(a.role()) && a.unitCode().equals(township)) {
        return true;
      }
    }
    return false;
  }

  private Grid visibleGrid(String gridCode, String caller) {
    Grid grid = organisation.grid(gridCode).orElse(null);
    if (grid == null || !scopes.of(caller).seesGrid(gridCode)) {
      throw new NotFound("没有网格 " + gridCode);
    }
    return grid;
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
