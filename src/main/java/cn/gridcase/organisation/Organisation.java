package cn.gridcase.organisation;

import cn.gridcase.organisation.internal.CamundaGroupSync;
import cn.gridcase.organisation.internal.Eligibility;
import cn.gridcase.organisation.internal.IdCardNumber;
import cn.gridcase.organisation.internal.IdCardProtector;
import cn.gridcase.organisation.internal.OrganisationRepository;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's public surface: units (rule G1), grids (G2), people and their appointments
 * (G3, G4) with the eligibility of grid workers (G5). Every change of appointments re-derives the
 * user's Camunda unit groups.
 */
@Service
public class Organisation {

  private final OrganisationRepository repository;
  private final CamundaGroupSync groupSync;
  private final IdCardProtector idCards;
  private final IdentityService identityService;
  private final Clock clock;

  Organisation(
      OrganisationRepository repository,
      CamundaGroupSync groupSync,
      IdCardProtector idCards,
      IdentityService identityService,
      Clock clock) {
    this.repository = repository;
    this.groupSync = groupSync;
    this.idCards = idCards;
    this.identityService = identityService;
    this.clock = clock;
  }

  // units (G1)

  public Optional<Unit> unit(String code) {
    return repository.findUnit(code);
  }

  public List<Unit> units(UnitKind kind) {
    return repository.units(kind);
  }

  /**
   * Creates a township, village or department (grids: {@link #createGrid}); every problem listed.
   */
  @Transactional
  public Unit createUnit(Unit unit) {
    List<ApiError> errors = new ArrayList<>(checkCode(unit.code(), "code"));
    if (unit.name() == null || unit.name().isBlank()) {
      errors.add(new ApiError("name", "G1.name", "a unit needs a name"));
    }
    if (unit.kind() == null || unit.kind() == UnitKind.GRID) {
      errors.add(
          new ApiError(
              "kind", "G1.kind", "TOWNSHIP, VILLAGE or DEPARTMENT (grids: POST /api/grids)"));
    } else if (unit.kind() == UnitKind.TOWNSHIP) {
      if (unit.parentCode() != null) {
        errors.add(
            new ApiError("parentCode", "G1.parent", "a township is the top level (no parent)"));
      }
    } else if (!isKind(unit.parentCode(), UnitKind.TOWNSHIP)) {
      errors.add(
          new ApiError(
              "parentCode",
              "G1.parent",
              "a village or department belongs to an existing township"));
    }
    throwIfAny("The unit cannot be created", errors);
    repository.insertUnit(unit, GridCaseTime.now(clock));
    return unit;
  }

  /** Creates the unit unless one with its code exists (demo data, imports). */
  @Transactional
  public Unit createUnitIfAbsent(Unit unit) {
    return repository.findUnit(unit.code()).orElseGet(() -> createUnit(unit));
  }

  // grids (G1, G2)

  public Optional<Grid> grid(String code) {
    return repository.findGrid(code);
  }

  public List<Grid> grids() {
    return repository.grids();
  }

  /**
   * Creates a grid in a village; a grid outside its size standard is created with warnings (G2).
   */
  @Transactional
  public Grid createGrid(Grid grid) {
    List<ApiError> errors = gridProblems(grid, List.of());
    throwIfAny("The grid cannot be created", errors);
    repository.insertGrid(grid, GridCaseTime.now(clock));
    return grid;
  }

  public List<ApiError> gridProblems(Grid grid, List<String> codesCreatedBefore) {
    List<ApiError> errors = new ArrayList<>(checkCode(grid.code(), "code"));
    if (grid.code() != null && codesCreatedBefore.contains(grid.code())) {
      errors.add(
          new ApiError("code", "G1.code", "the grid code " + grid.code() + " appears twice"));
    }
    if (grid.name() == null || grid.name().isBlank()) {
      errors.add(new ApiError("name", "G1.name", "a grid needs a name"));
    }
    if (!isKind(grid.villageCode(), UnitKind.VILLAGE)) {
      errors.add(
          new ApiError(
              "villageCode", "G1.parent", "a grid belongs to an existing village or community"));
    }
    if (grid.type() == null) {
      errors.add(new ApiError("type", "G2.type", "URBAN_COMMUNITY, RURAL or EXCLUSIVE"));
    }
    if (grid.households() != null && grid.households() < 0) {
      errors.add(new ApiError("households", "G2.households", "cannot be negative"));
    }
    if (grid.population() != null && grid.population() < 0) {
      errors.add(new ApiError("population", "G2.population", "cannot be negative"));
    }
    return errors;
  }

  /** Grids outside their size standard (G2), with the warnings. */
  public List<Grid> gridsWithWarnings() {
    return repository.grids().stream().filter(grid -> !grid.warnings().isEmpty()).toList();
  }

  // people (G3)

  public Optional<Person> person(long id) {
    return repository.person(id);
  }

  public List<Person> peopleNamed(String namePart) {
    return repository.peopleNamed(namePart.trim(), 100);
  }

  /**
   * Corrects the G5 facts on a person's file (an administrator's act): each fact that changes is
   * recorded with who, when, old and new value and the reason; the next appointment is judged by
   * the corrected file. Refused (422) with every problem of the update.
   */
  @Transactional
  public Person updateFacts(long personId, FactsUpdate update, String changedBy) {
    List<ApiError> problems = update.problems();
    throwIfAny("人员情况未更正", problems);
    Person before =
        repository
            .personForUpdate(personId)
            .orElseThrow(() -> new NotFound("没有编号为 " + personId + " 的人员"));
    Person after = update.applyTo(before);
    boolean changed = false;
    for (PersonFact fact : PersonFact.values()) {
      String old = fact.valueOn(before);
      String now = fact.valueOn(after);
      if (!Objects.equals(old, now)) {
        repository.insertFactChange(
            personId, fact, old, now, update.reason().trim(), changedBy, GridCaseTime.now(clock));
        changed = true;
      }
    }
    if (changed) {
      repository.updateFacts(after);
    }
    return after;
  }

  /** Every change of a person's G5 facts, oldest first (kept for ever). */
  public List<FactChange> factChanges(long personId) {
    return repository.factChanges(personId);
  }

  // appointments (G3, G4, G5)

  public Optional<Appointment> appointment(long id) {
    return repository.appointment(id);
  }

  /**
   * Appoints a person to a unit in a role. Refused (422) with every reason: unknown unit, a role
   * that does not fit the unit, an invalid id-card number, and for a grid worker every G5 exclusion
   * and a grid that already has its one full-time worker (G3).
   */
  @Transactional
  public Appointment appoint(AppointmentRequest request) {
    Planned planned = plan(request, Set.of(), Set.of());
    throwIfAny("The appointment is refused", planned.errors());
    return carryOut(planned);
  }

  /** A checked appointment, ready to be carried out (or the reasons against it). */
  public record Planned(
      AppointmentRequest request,
      String idCardNumber,
      Person existing,
      LocalDate startsOn,
      List<ApiError> errors) {}

  /**
   * Checks an appointment without changing anything. For an import: {@code gridsPlanned} are grids
   * that earlier rows create, {@code workersPlanned} the grids that earlier rows give a grid
   * worker.
   */
  public Planned plan(
      AppointmentRequest request, Set<String> gridsPlanned, Set<String> workersPlanned) {
    List<ApiError> errors = new ArrayList<>();
    LocalDate startsOn = request.startsOn() != null ? request.startsOn() : today();
    Optional<Unit> unit =
        request.unitCode() == null ? Optional.empty() : repository.findUnit(request.unitCode());
    boolean planned = request.unitCode() != null && gridsPlanned.contains(request.unitCode());
    if (unit.isEmpty() && !planned) {
      errors.add(new ApiError("unitCode", "G1.unit", "no unit " + request.unitCode()));
    }
    UnitKind kind = unit.map(Unit::kind).orElse(planned ? UnitKind.GRID : null);
    if (request.role() == null) {
      errors.add(new ApiError("role", "G4.role", "the role is required"));
    } else if (kind != null && !request.role().unitKinds().contains(kind)) {
      errors.add(
          new ApiError(
              "role",
              "G4.roleUnit",
              request.role()
                  + " is held in a "
                  + request.role().unitKinds()
                  + ", not in a "
                  + kind));
    }
    AppointmentRequest.PersonDetails details = request.person();
    String number = null;
    Person existing = null;
    if (details == null) {
      errors.add(new ApiError("person", "G3.person", "the person is required"));
    } else {
      if (details.realName() == null || details.realName().isBlank()) {
        errors.add(new ApiError("person.realName", "G3.realName", "a real name is required (实名)"));
      }
      number = IdCardNumber.normalise(details.idCardNumber());
      if (number == null) {
        errors.add(
            new ApiError(
                "person.idCardNumber", "G3.idCard", "not a valid resident id-card number"));
      } else {
        existing = repository.personByIdCardHash(idCards.hash(number)).orElse(null);
        if (existing != null
            && details.realName() != null
            && !existing.realName().equals(details.realName().trim())) {
          errors.add(
              new ApiError(
                  "person.realName", "G3.realName", "the id-card number belongs to another name"));
        }
        if (existing != null) {
          errors.addAll(differencesFromFile(existing, details));
        }
      }
      if (details.username() != null
          && !details.username().isBlank()
          && identityService.createUserQuery().userId(details.username()).count() == 0) {
        errors.add(
            new ApiError(
                "person.username", "G4.username", "no login account " + details.username()));
      }
    }
    // every G5 reason is named even when the id-card number is invalid (then only the age, which
    // comes from the number, cannot be judged)
    if (request.role() == AppointmentRole.GRID_WORKER
        && details != null
        && request.unitCode() != null) {
      Person.Exclusions exclusions =
          existing != null
              ? existing.exclusions()
              : details.exclusions() == null ? Person.Exclusions.none() : details.exclusions();
      Education education = existing != null ? existing.education() : details.education();
      CurrentPost post =
          existing != null
              ? existing.currentPost()
              : details.currentPost() == null ? CurrentPost.NONE : details.currentPost();
      boolean s1 =
          repository
              .townshipOf(unit.map(Unit::code).orElse(request.unitCode()))
              .map(repository::s1ExtraConditions)
              .orElse(true);
      errors.addAll(
          Eligibility.reasonsAgainstGridWorker(
              exclusions,
              number == null ? null : IdCardNumber.birthDate(number),
              education,
              post,
              startsOn,
              s1));
      boolean taken =
          !repository
                  .appointmentsFrom(request.unitCode(), AppointmentRole.GRID_WORKER, startsOn)
                  .isEmpty()
              || workersPlanned.contains(request.unitCode());
      if (taken) {
        errors.add(
            new ApiError(
                "unitCode",
                "G3.oneWorkerPerGrid",
                request.unitCode()
                    + " already has its full-time grid worker: end that appointment first"));
      }
    }
    return new Planned(request, number, existing, startsOn, errors);
  }

  /**
   * G5: the facts a request declares for a person already on file must agree with the file. The
   * file is what the check judges and only an administrator's audited update changes it, so a
   * differing declaration is named rather than silently ignored (or silently taken over).
   */
  private static List<ApiError> differencesFromFile(
      Person onFile, AppointmentRequest.PersonDetails details) {
    List<ApiError> differences = new ArrayList<>();
    for (PersonFact fact : PersonFact.values()) {
      String declared = fact.declaredIn(details);
      String filed = fact.valueOn(onFile);
      if (declared != null && !declared.equals(filed)) {
        differences.add(
            new ApiError(
                "person." + fact.field(),
                "G5.factsOnFile",
                "申报与档案不一致："
                    + fact.label()
                    + "，档案为“"
                    + fact.shown(filed)
                    + "”，申报为“"
                    + fact.shown(declared)
                    + "”。请按档案申报，"
                    + "或先由管理员更正档案（PATCH /api/people/"
                    + onFile.id()
                    + "，写明理由）"));
      }
    }
    return differences;
  }

  public Appointment carryOut(Planned planned) {
    return carryOut(planned, null);
  }

  /**
   * Carries out a planned appointment; {@code knownPersonId}: the person an earlier import row
   * created.
   */
  public Appointment carryOut(Planned planned, Long knownPersonId) {
    AppointmentRequest request = planned.request();
    AppointmentRequest.PersonDetails details = request.person();
    long personId;
    String username = blankToNull(details.username());
    if (knownPersonId != null) {
      personId = knownPersonId;
    } else if (planned.existing() != null) {
      personId = planned.existing().id();
      username = username != null ? username : planned.existing().username();
    } else {
      String number = planned.idCardNumber();
      personId =
          repository.insertPerson(
              new OrganisationRepository.NewPerson(
                  details.realName().trim(),
                  idCards.hash(number),
                  idCards.encrypt(number),
                  IdCardNumber.mask(number),
                  IdCardNumber.birthDate(number),
                  blankToNull(details.phone()),
                  details.education(),
                  details.currentPost() == null ? CurrentPost.NONE : details.currentPost(),
                  details.exclusions() == null ? Person.Exclusions.none() : details.exclusions(),
                  username),
              GridCaseTime.now(clock));
    }
    long id =
        repository.insertAppointment(
            username,
            personId,
            request.unitCode(),
            request.role(),
            planned.startsOn(),
            GridCaseTime.now(clock));
    if (username != null) {
      groupSync.syncUser(username, today());
    }
    return new Appointment(
        id, username, personId, request.unitCode(), request.role(), planned.startsOn(), null);
  }

  /** Inserts a grid checked before (imports). */
  public void insertGrid(Grid grid) {
    repository.insertGrid(grid, GridCaseTime.now(clock));
  }

  public List<Appointment> allAppointments() {
    return repository.allAppointments();
  }

  /** The id-card number of a person in clear (administrators' export only). */
  public String idCardNumberOf(long personId) {
    return repository.idCardCipher(personId).map(idCards::decrypt).orElse(null);
  }

  /**
   * Ends an appointment (never deleted): from the day after {@code endsOn} the person no longer
   * holds it.
   */
  @Transactional
  public Appointment endAppointment(long id, LocalDate endsOn, String reason) {
    Appointment appointment =
        repository.appointment(id).orElseThrow(() -> new NotFound("No appointment " + id));
    if (appointment.endsOn() != null) {
      throw new StateConflict("Appointment " + id + " already ended on " + appointment.endsOn());
    }
    LocalDate end = endsOn != null ? endsOn : today();
    if (end.isBefore(appointment.startsOn())) {
      throw new DomainRuleViolation(
          "The appointment cannot end before it started",
          List.of(
              new ApiError(
                  "endsOn", "G4.endsOn", "the appointment started on " + appointment.startsOn())));
    }
    repository.endAppointment(id, end, reason);
    if (appointment.username() != null) {
      groupSync.syncUser(appointment.username(), today());
    }
    return new Appointment(
        id,
        appointment.username(),
        appointment.personId(),
        appointment.unitCode(),
        appointment.role(),
        appointment.startsOn(),
        end);
  }

  /** Who held a role in a unit on a day: "who was the grid worker of GS-V01-G02 on 2026-03-01?" */
  public List<Appointment> responsibleOn(String unitCode, AppointmentRole role, LocalDate day) {
    if (repository.findUnit(unitCode).isEmpty()) {
      throw new NotFound("No unit " + unitCode);
    }
    return inForce(unitCode, day, r -> r == role);
  }

  /**
   * Who holds one of the roles in a unit today (G4), by login: the one answer to "who holds role R
   * in unit U today" for every feature (the events' queues, supervisors and heads, accountability's
   * supervisors and investigators). Each user once, sorted; appointments without a login are left
   * out.
   */
  public List<String> holdersToday(String unitCode, Predicate<AppointmentRole> roles) {
    return appointmentsToday(unitCode, roles).stream()
        .map(Appointment::username)
        .distinct()
        .sorted()
        .toList();
  }

  /** The appointments with a login behind {@link #holdersToday}, in the order they began. */
  public List<Appointment> appointmentsToday(String unitCode, Predicate<AppointmentRole> roles) {
    return inForce(unitCode, today(), roles).stream().filter(a -> a.username() != null).toList();
  }

  /** The appointments of the roles in force in a unit on a day, in the order they began. */
  private List<Appointment> inForce(
      String unitCode, LocalDate day, Predicate<AppointmentRole> roles) {
    return repository.appointmentsIn(unitCode).stream()
        .filter(a -> a.isCurrentOn(day) && roles.test(a.role()))
        .toList();
  }

  public List<Appointment> appointmentsIn(String unitCode) {
    return repository.appointmentsIn(unitCode);
  }

  /**
   * All of the user's appointments, past, present and future, in the order they began (G4: who held
   * which role on which day).
   */
  public List<Appointment> appointmentsOf(String username) {
    return repository.appointmentsOf(username);
  }

  /** The user's appointments that are in force today (Asia/Shanghai). */
  public List<Appointment> currentAppointments(String username) {
    LocalDate today = today();
    return repository.appointmentsOf(username).stream().filter(a -> a.isCurrentOn(today)).toList();
  }

  /** Whether a township applies S1's extra conditions to grid workers (default on). */
  public boolean s1ExtraConditions(String townshipCode) {
    return repository.s1ExtraConditions(townshipCode);
  }

  @Transactional
  public void setS1ExtraConditions(String townshipCode, boolean on) {
    if (!isKind(townshipCode, UnitKind.TOWNSHIP)) {
      throw new NotFound("No township " + townshipCode);
    }
    repository.setS1ExtraConditions(townshipCode, on);
  }

  private boolean isKind(String code, UnitKind kind) {
    return code != null && repository.findUnit(code).map(u -> u.kind() == kind).orElse(false);
  }

  private List<ApiError> checkCode(String code, String field) {
    List<ApiError> errors = new ArrayList<>();
    if (code == null || !code.matches("[A-Z0-9][A-Z0-9-]{0,62}")) {
      errors.add(
          new ApiError(
              field, "G1.code", "a code of capital letters, digits and dashes, e.g. GS-V01-G03"));
    } else if (repository.findUnit(code).isPresent()) {
      errors.add(new ApiError(field, "G1.code", code + " exists already: codes are unique"));
    }
    return errors;
  }

  private static void throwIfAny(String detail, List<ApiError> errors) {
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation(detail, errors);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(GridCaseTime.ZONE));
  }
}
