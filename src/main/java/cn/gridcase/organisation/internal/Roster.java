package cn.gridcase.organisation.internal;

import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRequest;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.CurrentPost;
import cn.gridcase.organisation.Education;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Person;
import cn.gridcase.organisation.SpecialGroup;
import cn.gridcase.organisation.SpecialPerson;
import cn.gridcase.organisation.SpecialPersonRequest;
import cn.gridcase.organisation.SpecialPersons;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.TextRules;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The township's roster (网格花名册): grids, people and their appointments, one appointment per row. An
 * import checks every row first and imports nothing when any row fails, reporting each problem with
 * its row and column; the export writes the same format.
 */
@Service
public class Roster {

  /** The sheet of the appointments in an XLSX roster. */
  static final String SHEET = "网格花名册";

  /** The sheet of the special-group register in an XLSX roster. */
  static final String PERSONS_SHEET = "特殊人群";

  /** A problem of a row: {@code sheet} names the register's sheet (null: the appointments). */
  record RowError(int row, String column, String code, String message, String sheet) {
    RowError(int row, String column, String code, String message) {
      this(row, column, code, message, null);
    }
  }

  record ImportResult(
      int rows,
      int gridsCreated,
      int appointments,
      int specialPersons,
      int specialPersonsLeft,
      List<RowError> errors) {
    ImportResult(int rows, int gridsCreated, int appointments, List<RowError> errors) {
      this(rows, gridsCreated, appointments, 0, 0, errors);
    }

    boolean ok() {
      return errors.isEmpty();
    }
  }

  private final Organisation organisation;
  private final SpecialPersons specialPersons;
  private final TransactionTemplate transaction;

  Roster(
      Organisation organisation, SpecialPersons specialPersons, TransactionTemplate transaction) {
    this.organisation = organisation;
    this.specialPersons = specialPersons;
    this.transaction = transaction;
  }

  /**
   * Imports a roster: the appointments (the first sheet of an XLSX file, or a CSV file) and the
   * special-group register (the XLSX sheet {@value #PERSONS_SHEET}, or a CSV file of its own, known
   * by its header), every row of both checked first, nothing imported when any fails.
   */
  ImportResult importFile(InputStream in, boolean xlsx, String importedBy) throws IOException {
    List<List<String>> rows = null;
    RosterFiles.SheetRows register = null;
    for (RosterFiles.SheetRows sheet : RosterFiles.readAll(in, xlsx)) {
      boolean isRegister =
          !sheet.rows().isEmpty() && SpecialPersonColumn.isRegister(sheet.rows().get(0));
      if (isRegister && register == null) {
        register = sheet;
      } else if (!isRegister && rows == null) {
        rows = sheet.rows();
      }
    }
    if (rows == null || rows.isEmpty() && register != null) {
      rows = register == null ? List.of() : List.of(Roster.header());
    }
    List<RowError> errors = new ArrayList<>();
    if (rows.isEmpty()) {
      errors.add(new RowError(1, null, "roster.empty", "the file has no header row"));
      return new ImportResult(0, 0, 0, errors);
    }
    Map<RosterColumn, Integer> columns = new EnumMap<>(RosterColumn.class);
    List<String> header = rows.get(0);
    for (int c = 0; c < header.size(); c++) {
      RosterColumn column = RosterColumn.of(header.get(c));
      if (column == null && !header.get(c).isBlank()) {
        errors.add(
            new RowError(
                1, header.get(c), "roster.column", "unknown column '" + header.get(c) + "'"));
      } else if (column != null) {
        columns.put(column, c);
      }
    }
    for (RosterColumn required :
        List.of(
            RosterColumn.UNIT_CODE,
            RosterColumn.REAL_NAME,
            RosterColumn.ID_CARD_NUMBER,
            RosterColumn.ROLE)) {
      if (!columns.containsKey(required)) {
        errors.add(
            new RowError(
                1,
                required.key,
                "roster.column",
                "the column " + required.key + " (" + required.label + ") is missing"));
      }
    }
    if (!errors.isEmpty()) {
      return new ImportResult(rows.size() - 1, 0, 0, errors);
    }

    Set<String> gridsPlanned = new HashSet<>();
    Set<String> workersPlanned = new HashSet<>();
    List<Grid> newGrids = new ArrayList<>();
    List<Organisation.Planned> plans = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      int rowNumber = r + 1;
      Cells cells = new Cells(row, columns, rowNumber, errors);
      String unitCode = cells.text(RosterColumn.UNIT_CODE);
      if (unitCode != null
          && organisation.unit(unitCode).isEmpty()
          && !gridsPlanned.contains(unitCode)) {
        Grid grid =
            new Grid(
                unitCode,
                cells.text(RosterColumn.GRID_NAME),
                cells.text(RosterColumn.VILLAGE_CODE),
                cells.enumValue(RosterColumn.GRID_TYPE, GridType.class),
                cells.number(RosterColumn.HOUSEHOLDS),
                cells.number(RosterColumn.POPULATION));
        for (ApiError problem : organisation.gridProblems(grid, List.of())) {
          cells.error(
              columnOfGridField(problem.field()),
              problem.code(),
              "new grid " + unitCode + ": " + problem.message());
        }
        gridsPlanned.add(unitCode);
        newGrids.add(grid);
      }
      AppointmentRole role = cells.enumValue(RosterColumn.ROLE, AppointmentRole.class);
      AppointmentRequest request =
          new AppointmentRequest(
              new AppointmentRequest.PersonDetails(
                  cells.text(RosterColumn.REAL_NAME),
                  cells.text(RosterColumn.ID_CARD_NUMBER),
                  cells.text(RosterColumn.PHONE),
                  cells.enumValue(RosterColumn.EDUCATION, Education.class),
                  cells.enumValue(RosterColumn.CURRENT_POST, CurrentPost.class),
                  cells.exclusions(),
                  cells.text(RosterColumn.USERNAME)),
              unitCode,
              role,
              cells.date(RosterColumn.STARTS_ON));
      if (role == null && cells.text(RosterColumn.ROLE) == null) {
        cells.error(RosterColumn.ROLE, "G4.role", "the role is required");
      }
      Organisation.Planned planned = organisation.plan(request, gridsPlanned, workersPlanned);
      for (ApiError problem : planned.errors()) {
        // a missing or unreadable role is reported once, above
        if (!problem.code().equals("G4.role")) {
          cells.error(columnOfAppointmentField(problem.field()), problem.code(), problem.message());
        }
      }
      if (role == AppointmentRole.GRID_WORKER && unitCode != null) {
        workersPlanned.add(unitCode);
      }
      plans.add(planned);
    }
    List<RegisterChange> changes =
        register == null ? List.of() : planRegister(register, gridsPlanned, errors, importedBy);
    if (!errors.isEmpty()) {
      return new ImportResult(plans.size(), 0, 0, errors);
    }
    transaction.executeWithoutResult(
        status -> {
          newGrids.forEach(organisation::insertGrid);
          Map<String, Long> peopleOfThisFile = new HashMap<>();
          for (Organisation.Planned planned : plans) {
            Appointment appointment =
                organisation.carryOut(planned, peopleOfThisFile.get(planned.idCardNumber()));
            peopleOfThisFile.putIfAbsent(planned.idCardNumber(), appointment.personId());
          }
          for (RegisterChange change : changes) {
            if (change.leaving() == null) {
              specialPersons.insert(change.gridCode(), change.request(), importedBy);
            } else {
              specialPersons.recordLeave(
                  change.leaving(), change.leftOn(), change.reason(), importedBy);
            }
          }
        });
    int registered = (int) changes.stream().filter(c -> c.leaving() == null).count();
    return new ImportResult(
        plans.size(),
        newGrids.size(),
        plans.size(),
        registered,
        changes.size() - registered,
        List.of());
  }

  /** A registration ({@code leaving} null) or a person's leaving, checked, to carry out. */
  private record RegisterChange(
      String gridCode,
      SpecialPersonRequest request,
      SpecialPerson leaving,
      LocalDate leftOn,
      String reason) {}

  /**
   * Checks the register's rows: a row without an id registers a person as the API does (A4.*), a
   * row with one is a person on a register, whose leaving date records that they left; the name,
   * group and grid of a registered person are never changed by an import.
   */
  private List<RegisterChange> planRegister(
      RosterFiles.SheetRows sheet,
      Set<String> gridsPlanned,
      List<RowError> errors,
      String importedBy) {
    String name = sheet.name() == null ? PERSONS_SHEET : sheet.name();
    Map<SpecialPersonColumn, Integer> columns = new EnumMap<>(SpecialPersonColumn.class);
    List<String> header = sheet.rows().get(0);
    for (int c = 0; c < header.size(); c++) {
      SpecialPersonColumn column = SpecialPersonColumn.of(header.get(c));
      if (column == null && !header.get(c).isBlank()) {
        errors.add(
            new RowError(
                1, header.get(c), "roster.column", "unknown column '" + header.get(c) + "'", name));
      } else if (column != null) {
        columns.put(column, c);
      }
    }
    for (SpecialPersonColumn required :
        List.of(
            SpecialPersonColumn.GRID_CODE, SpecialPersonColumn.NAME, SpecialPersonColumn.GROUP)) {
      if (!columns.containsKey(required)) {
        errors.add(
            new RowError(
                1,
                required.key,
                "roster.column",
                "the column " + required.key + " (" + required.label + ") is missing",
                name));
      }
    }
    List<RegisterChange> changes = new ArrayList<>();
    if (!errors.isEmpty()) {
      return changes;
    }
    Map<String, List<SpecialPerson>> registers = new HashMap<>();
    Map<String, Integer> rowOfNew = new HashMap<>();
    for (int r = 1; r < sheet.rows().size(); r++) {
      List<String> row = sheet.rows().get(r);
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      RegisterCells cells = new RegisterCells(row, columns, r + 1, errors, name);
      Long id = cells.number(SpecialPersonColumn.ID);
      String grid = cells.text(SpecialPersonColumn.GRID_CODE);
      String personName = cells.text(SpecialPersonColumn.NAME);
      String group = cells.text(SpecialPersonColumn.GROUP);
      String household = cells.text(SpecialPersonColumn.HOUSEHOLD);
      LocalDate registeredOn = cells.date(SpecialPersonColumn.REGISTERED_ON);
      LocalDate leftOn = cells.date(SpecialPersonColumn.LEFT_ON);
      String reason = cells.text(SpecialPersonColumn.LEFT_REASON);
      boolean gridKnown =
          grid != null && (organisation.grid(grid).isPresent() || gridsPlanned.contains(grid));
      if (!gridKnown) {
        cells.error(SpecialPersonColumn.GRID_CODE, "G1.unit", "没有网格 " + grid);
        continue;
      }
      if (id == null) {
        SpecialPersonRequest request =
            new SpecialPersonRequest(personName, group, household, registeredOn);
        List<SpecialPerson> onFile =
            registers.computeIfAbsent(grid, g -> specialPersons.register(g));
        for (ApiError problem : specialPersons.problems(grid, request, onFile)) {
          cells.error(registerColumn(problem.field()), problem.code(), problem.message());
        }
        String key = grid + "|" + personName + "|" + group + "|" + household;
        Integer earlier = rowOfNew.putIfAbsent(key, r + 1);
        if (earlier != null) {
          cells.error(SpecialPersonColumn.NAME, "A4.duplicate", "与第 " + earlier + " 行重复");
        }
        if (leftOn != null) {
          cells.error(SpecialPersonColumn.LEFT_ON, "roster.value", "新登记的人员不填离开日期");
        }
        changes.add(new RegisterChange(grid, request, null, null, null));
        continue;
      }
      SpecialPerson person =
          specialPersons.find(id).filter(p -> p.gridCode().equals(grid)).orElse(null);
      if (person == null) {
        cells.error(
            SpecialPersonColumn.ID, "roster.value", "网格 " + grid + " 没有编号为 " + id + " 的登记人员");
        continue;
      }
      boolean sameGroup = SpecialGroup.of(group).map(g -> g == person.group()).orElse(false);
      if (!person.name().equals(personName) || !sameGroup) {
        cells.error(
            SpecialPersonColumn.NAME,
            "roster.value",
            "编号 "
                + id
                + " 登记为 "
                + person.name()
                + "（"
                + person.group().label()
                + "），与表中不符：导入不修改已登记的人员");
      }
      if (leftOn == null) {
        continue;
      }
      if (person.leftOn() == null) {
        for (ApiError problem : specialPersons.leaveProblems(person, leftOn, reason)) {
          cells.error(
              "reason".equals(problem.field())
                  ? SpecialPersonColumn.LEFT_REASON
                  : SpecialPersonColumn.LEFT_ON,
              problem.code(),
              problem.message());
        }
        changes.add(new RegisterChange(grid, null, person, leftOn, reason));
      } else if (!person.leftOn().equals(leftOn)) {
        cells.error(
            SpecialPersonColumn.LEFT_ON,
            "roster.value",
            person.name() + " 已于 " + person.leftOn() + " 离开登记");
      }
    }
    return changes;
  }

  private static SpecialPersonColumn registerColumn(String field) {
    return switch (field == null ? "" : field) {
      case "group" -> SpecialPersonColumn.GROUP;
      case "household" -> SpecialPersonColumn.HOUSEHOLD;
      case "registeredOn" -> SpecialPersonColumn.REGISTERED_ON;
      default -> SpecialPersonColumn.NAME;
    };
  }

  /** The register as the roster exports it: everyone on a register today. */
  List<List<String>> exportRegister() {
    List<List<String>> rows = new ArrayList<>();
    for (SpecialPerson p : specialPersons.current()) {
      String[] row = new String[SpecialPersonColumn.values().length];
      row[SpecialPersonColumn.ID.ordinal()] = Long.toString(p.id());
      row[SpecialPersonColumn.GRID_CODE.ordinal()] = p.gridCode();
      row[SpecialPersonColumn.NAME.ordinal()] = p.name();
      row[SpecialPersonColumn.GROUP.ordinal()] = p.group().name();
      row[SpecialPersonColumn.HOUSEHOLD.ordinal()] = p.household();
      row[SpecialPersonColumn.REGISTERED_ON.ordinal()] = p.registeredOn().toString();
      List<String> cells = new ArrayList<>();
      for (String cell : row) {
        cells.add(cell == null ? "" : cell);
      }
      rows.add(cells);
    }
    return rows;
  }

  static List<String> registerHeader() {
    List<String> header = new ArrayList<>();
    for (SpecialPersonColumn column : SpecialPersonColumn.values()) {
      header.add(column.label);
    }
    return header;
  }

  /** The cells of one row of the register, reporting unreadable values with row and column. */
  private static final class RegisterCells {
    private final List<String> row;
    private final Map<SpecialPersonColumn, Integer> columns;
    private final int rowNumber;
    private final List<RowError> errors;
    private final String sheet;

    RegisterCells(
        List<String> row,
        Map<SpecialPersonColumn, Integer> columns,
        int rowNumber,
        List<RowError> errors,
        String sheet) {
      this.row = row;
      this.columns = columns;
      this.rowNumber = rowNumber;
      this.errors = errors;
      this.sheet = sheet;
    }

    String text(SpecialPersonColumn column) {
      Integer index = columns.get(column);
      if (index == null || index >= row.size()) {
        return null;
      }
      String value = row.get(index).trim();
      TextRules.check(column.key, value, TextRules.DEFAULT_MAX, false)
          .ifPresent(problem -> error(column, problem.code(), problem.message()));
      return value.isEmpty() ? null : value;
    }

    Long number(SpecialPersonColumn column) {
      String value = text(column);
      if (value == null) {
        return null;
      }
      try {
        return Long.valueOf(value);
      } catch (NumberFormatException e) {
        error(column, "roster.value", "'" + value + "' is not a whole number");
        return null;
      }
    }

    LocalDate date(SpecialPersonColumn column) {
      String value = text(column);
      if (value == null) {
        return null;
      }
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        error(column, "roster.value", "'" + value + "' is not a date (YYYY-MM-DD)");
        return null;
      }
    }

    void error(SpecialPersonColumn column, String code, String message) {
      errors.add(new RowError(rowNumber, column.key, code, message, sheet));
    }
  }

  /** The current appointments in the roster format. */
  List<List<String>> export() {
    LocalDate today = organisation.today();
    List<List<String>> rows = new ArrayList<>();
    Map<Long, String> numbers = new HashMap<>();
    for (Appointment appointment : organisation.allAppointments()) {
      if (!appointment.isCurrentOn(today) || appointment.personId() == null) {
        continue;
      }
      Person person = organisation.person(appointment.personId()).orElseThrow();
      Grid grid = organisation.grid(appointment.unitCode()).orElse(null);
      String[] row = new String[RosterColumn.values().length];
      row[RosterColumn.UNIT_CODE.ordinal()] = appointment.unitCode();
      if (grid != null) {
        row[RosterColumn.GRID_NAME.ordinal()] = grid.name();
        row[RosterColumn.VILLAGE_CODE.ordinal()] = grid.villageCode();
        row[RosterColumn.GRID_TYPE.ordinal()] = grid.type() == null ? "" : grid.type().name();
        row[RosterColumn.HOUSEHOLDS.ordinal()] =
            grid.households() == null ? "" : grid.households().toString();
        row[RosterColumn.POPULATION.ordinal()] =
            grid.population() == null ? "" : grid.population().toString();
      }
      row[RosterColumn.REAL_NAME.ordinal()] = person.realName();
      row[RosterColumn.ID_CARD_NUMBER.ordinal()] =
          numbers.computeIfAbsent(person.id(), organisation::idCardNumberOf);
      row[RosterColumn.PHONE.ordinal()] = person.phone();
      row[RosterColumn.EDUCATION.ordinal()] =
          person.education() == null ? "" : person.education().name();
      row[RosterColumn.CURRENT_POST.ordinal()] = person.currentPost().name();
      row[RosterColumn.EXCLUSIONS.ordinal()] = Cells.exclusionsText(person.exclusions());
      row[RosterColumn.ROLE.ordinal()] = appointment.role().name();
      row[RosterColumn.STARTS_ON.ordinal()] = appointment.startsOn().toString();
      row[RosterColumn.USERNAME.ordinal()] = appointment.username();
      List<String> cells = new ArrayList<>();
      for (String cell : row) {
        cells.add(cell == null ? "" : cell);
      }
      rows.add(cells);
    }
    return rows;
  }

  public static List<String> header() {
    List<String> header = new ArrayList<>();
    for (RosterColumn column : RosterColumn.values()) {
      header.add(column.label);
    }
    return header;
  }

  private static RosterColumn columnOfGridField(String field) {
    return switch (field == null ? "" : field) {
      case "name" -> RosterColumn.GRID_NAME;
      case "villageCode" -> RosterColumn.VILLAGE_CODE;
      case "type" -> RosterColumn.GRID_TYPE;
      case "households" -> RosterColumn.HOUSEHOLDS;
      case "population" -> RosterColumn.POPULATION;
      default -> RosterColumn.UNIT_CODE;
    };
  }

  private static RosterColumn columnOfAppointmentField(String field) {
    return switch (field == null ? "" : field) {
      case "role" -> RosterColumn.ROLE;
      case "person.realName" -> RosterColumn.REAL_NAME;
      case "person.idCardNumber" -> RosterColumn.ID_CARD_NUMBER;
      case "person.education" -> RosterColumn.EDUCATION;
      case "person.currentPost" -> RosterColumn.CURRENT_POST;
      case "person.username" -> RosterColumn.USERNAME;
      case "person.criminalRecord",
          "person.underInvestigation",
          "person.detained",
          "person.dismissedFromOffice",
          "person.dishonestPerson" ->
          RosterColumn.EXCLUSIONS;
      default -> RosterColumn.UNIT_CODE;
    };
  }

  /** The cells of one row, reporting unreadable values with row and column. */
  static final class Cells {
    private final List<String> row;
    private final Map<RosterColumn, Integer> columns;
    private final int rowNumber;
    private final List<RowError> errors;

    private final Set<RosterColumn> checked = EnumSet.noneOf(RosterColumn.class);

    Cells(
        List<String> row,
        Map<RosterColumn, Integer> columns,
        int rowNumber,
        List<RowError> errors) {
      this.row = row;
      this.columns = columns;
      this.rowNumber = rowNumber;
      this.errors = errors;
    }

    String text(RosterColumn column) {
      Integer index = columns.get(column);
      if (index == null || index >= row.size()) {
        return null;
      }
      String value = row.get(index).trim();
      // the same plausibility as every /api text: one line, no control characters, within 200
      if (checked.add(column)) {
        TextRules.check(column.key, value, TextRules.DEFAULT_MAX, false)
            .ifPresent(problem -> error(column, problem.code(), problem.message()));
      }
      return value.isEmpty() ? null : value;
    }

    <E extends Enum<E>> E enumValue(RosterColumn column, Class<E> type) {
      String value = text(column);
      if (value == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, value.toUpperCase());
      } catch (IllegalArgumentException e) {
        error(
            column,
            "roster.value",
            "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        return null;
      }
    }

    Integer number(RosterColumn column) {
      String value = text(column);
      if (value == null) {
        return null;
      }
      try {
        return Integer.valueOf(value.replace(",", ""));
      } catch (NumberFormatException e) {
        error(column, "roster.value", "'" + value + "' is not a whole number");
        return null;
      }
    }

    LocalDate date(RosterColumn column) {
      String value = text(column);
      if (value == null) {
        return null;
      }
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        error(column, "roster.value", "'" + value + "' is not a date (YYYY-MM-DD)");
        return null;
      }
    }

    Person.Exclusions exclusions() {
      String value = text(RosterColumn.EXCLUSIONS);
      if (value == null) {
        // a blank cell declares nothing: a new person has none, a person on file keeps theirs (G5)
        return null;
      }
      Set<String> items = new HashSet<>();
      for (String item : value.toUpperCase().split("[;,；，\\s]+")) {
        if (!item.isBlank()) {
          items.add(item);
        }
      }
      Set<String> known =
          Set.of("CRIMINAL_RECORD", "UNDER_INVESTIGATION", "DETAINED", "DISMISSED", "DISHONEST");
      for (String item : items) {
        if (!known.contains(item)) {
          error(RosterColumn.EXCLUSIONS, "roster.value", "'" + item + "' is not one of " + known);
        }
      }
      return new Person.Exclusions(
          items.contains("CRIMINAL_RECORD"),
          items.contains("UNDER_INVESTIGATION"),
          items.contains("DETAINED"),
          items.contains("DISMISSED"),
          items.contains("DISHONEST"));
    }

    static String exclusionsText(Person.Exclusions x) {
      List<String> items = new ArrayList<>();
      if (x.criminalRecord()) {
        items.add("CRIMINAL_RECORD");
      }
      if (x.underInvestigation()) {
        items.add("UNDER_INVESTIGATION");
      }
      if (x.detained()) {
        items.add("DETAINED");
      }
      if (x.dismissedFromOffice()) {
        items.add("DISMISSED");
      }
      if (x.dishonestPerson()) {
        items.add("DISHONEST");
      }
      return String.join(";", items);
    }

    void error(RosterColumn column, String code, String message) {
      errors.add(new RowError(rowNumber, column.key, code, message));
    }
  }
}
