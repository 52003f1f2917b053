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

  record RowError(int row, String column, String code, String message) {}

  record ImportResult(int rows, int gridsCreated, int appointments, List<RowError> errors) {
    boolean ok() {
      return errors.isEmpty();
    }
  }

  private final Organisation organisation;
  private final TransactionTemplate transaction;

  Roster(Organisation organisation, TransactionTemplate transaction) {
    this.organisation = organisation;
    this.transaction = transaction;
  }

  ImportResult importFile(InputStream in, boolean xlsx) throws IOException {
    List<List<String>> rows = RosterFiles.read(in, xlsx);
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
        });
    return new ImportResult(plans.size(), newGrids.size(), plans.size(), List.of());
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
