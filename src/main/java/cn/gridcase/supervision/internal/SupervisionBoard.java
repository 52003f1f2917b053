package cn.gridcase.supervision.internal;

import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventTasks;
import cn.gridcase.event.StepDeadlineSql;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.EngineTables;
import cn.gridcase.platform.GridCaseTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision board (督办看板, rule S1): the open steps of the events in the caller's scope counted
 * by township, village, grid and department — open, due today, due on the next working day, overdue
 * — by one aggregate query (GROUP BY over the engine's open tasks joined to the event table), never
 * a loop over events; and the steps behind one count (drill-down). Deadlines and overdue are the
 * event step's stored ones ({@link StepDeadlineSql}), not the tasks' due dates.
 *
 * <p>Townships, villages and grids count the open steps of the events that happened there, wherever
 * the event is now handled; a department counts the steps it has now (level DEPARTMENT). The {@code
 * rows} count by the level and unit where each step is open, as before.
 */
@Service
public class SupervisionBoard {

  /**
   * Which of a unit's open steps: all, due today, due on the next working day, past their deadline.
   */
  public enum Due {
    OPEN,
    TODAY,
    NEXT_WORKING_DAY,
    OVERDUE
  }

  /**
   * green: nothing due soon; yellow: due today or on the next working day; red: something is
   * overdue.
   */
  public enum State {
    GREEN,
    YELLOW,
    RED
  }

  /** The counts of one unit. */
  public record UnitCounts(
      String code,
      String name,
      String parentCode,
      int open,
      int dueToday,
      int dueNextWorkingDay,
      int overdue,
      State state) {}

  /** Counts of one level and unit where the steps are open. */
  public record BoardRow(
      EventLevel level,
      String unitCode,
      int open,
      int dueToday,
      int dueNextWorkingDay,
      int overdue) {}

  public record Board(
      OffsetDateTime at,
      LocalDate nextWorkingDay,
      int open,
      int dueToday,
      int dueNextWorkingDay,
      int overdue,
      State state,
      List<BoardRow> rows,
      List<UnitCounts> townships,
      List<UnitCounts> villages,
      List<UnitCounts> grids,
      List<UnitCounts> departments) {}

  /** What narrows the board or a drill-down list; null members do not narrow. */
  public record Filter(
      String townshipCode, String villageCode, String gridCode, String departmentCode) {
    /** Blank members are no filter (`?townshipCode=` as a form sends it). */
    public Filter {
      townshipCode = townshipCode == null || townshipCode.isBlank() ? null : townshipCode.trim();
      villageCode = villageCode == null || villageCode.isBlank() ? null : villageCode.trim();
      gridCode = gridCode == null || gridCode.isBlank() ? null : gridCode.trim();
      departmentCode =
          departmentCode == null || departmentCode.isBlank() ? null : departmentCode.trim();
    }

    public static Filter none() {
      return new Filter(null, null, null, null);
    }
  }

  /** One open step of a drill-down list. */
  public record BoardStep(
      String eventNumber,
      String title,
      EventLevel level,
      String unitCode,
      String gridCode,
      String villageCode,
      String townshipCode,
      String taskName,
      String stage,
      String assignee,
      OffsetDateTime due,
      int workingDaysOverdue) {}

  static final int STEP_LIST_MAX = 500;

  private final JdbcTemplate jdbc;
  private final AccessScopes accessScopes;
  private final Organisation organisation;
  private final WorkingDays workingDays;
  private final Clock clock;

  SupervisionBoard(
      JdbcTemplate jdbc,
      AccessScopes accessScopes,
      Organisation organisation,
      WorkingDays workingDays,
      Clock clock) {
    this.jdbc = jdbc;
    this.accessScopes = accessScopes;
    this.organisation = organisation;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /** The moments the counts compare deadlines with. */
  private record Moments(
      OffsetDateTime now,
      OffsetDateTime endOfToday,
      LocalDate nextWorkingDay,
      OffsetDateTime endOfNextWorkingDay) {}

  private Moments moments() {
    OffsetDateTime now = GridCaseTime.now(clock);
    LocalDate today = now.atZoneSameInstant(GridCaseTime.ZONE).toLocalDate();
    LocalDate next = today.plusDays(1);
    while (!workingDays.isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return new Moments(now, endOf(today), next, endOf(next));
  }

  private static OffsetDateTime endOf(LocalDate day) {
    return day.atTime(23, 59, 59).atZone(GridCaseTime.ZONE).toOffsetDateTime();
  }

  /** The board of the caller's scope, narrowed by the filter. */
  @Transactional(readOnly = true)
  public Board board(String user, Filter filter) {
    AccessScope scope = supervisingScope(user);
    Moments m = moments();
    List<Object> args =
        new ArrayList<>(
            List.of(
                ts(m.now()),
                ts(m.now()),
                ts(m.endOfToday()),
                ts(m.endOfToday()),
                ts(m.endOfNextWorkingDay())));
    String where = where(scope, filter, args);
    List<Group> groups =
        jdbc.query(
            "select e.township_code, e.village_code, e.grid_code, e.level, e.unit_code,"
                + " count(*) as open_steps,"
                + " sum(case when "
                + StepDeadlineSql.OVERDUE
                + " then 1 else 0 end) as overdue,"
                + " sum(case when "
                + DUE
                + " >= ? and "
                + DUE
                + " <= ? then 1 else 0 end) as due_today,"
                + " sum(case when "
                + DUE
                + " > ? and "
                + DUE
                + " <= ? then 1 else 0 end) as due_next"
                + FROM
                + where
                + " group by e.township_code, e.village_code, e.grid_code, e.level, e.unit_code",
            (rs, i) ->
                new Group(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    EventLevel.valueOf(rs.getString(4)),
                    rs.getString(5),
                    rs.getInt(6),
                    rs.getInt(8),
                    rs.getInt(9),
                    rs.getInt(7)),
            args.toArray());

    int[] total = new int[4];
    Map<String, int[]> byTownship = new TreeMap<>();
    Map<String, int[]> byVillage = new TreeMap<>();
    Map<String, int[]> byGrid = new TreeMap<>();
    Map<String, int[]> byDepartment = new TreeMap<>();
    Map<String, int[]> byRow = new TreeMap<>();
    Map<String, BoardRowKey> rowKeys = new LinkedHashMap<>();
    for (Group g : groups) {
      add(total, g);
      add(byTownship.computeIfAbsent(g.township(), k -> new int[4]), g);
      add(byVillage.computeIfAbsent(g.village(), k -> new int[4]), g);
      add(byGrid.computeIfAbsent(g.grid(), k -> new int[4]), g);
      if (g.level() == EventLevel.DEPARTMENT) {
        add(byDepartment.computeIfAbsent(g.unit(), k -> new int[4]), g);
      }
      String key = g.level().ordinal() + "|" + g.unit();
      rowKeys.putIfAbsent(key, new BoardRowKey(g.level(), g.unit()));
      add(byRow.computeIfAbsent(key, k -> new int[4]), g);
    }
    List<BoardRow> rows = new ArrayList<>();
    byRow.forEach(
        (key, c) ->
            rows.add(
                new BoardRow(
                    rowKeys.get(key).level(), rowKeys.get(key).unit(), c[0], c[1], c[2], c[3])));
    rows.sort(Comparator.comparing(BoardRow::level).thenComparing(BoardRow::unitCode));

    List<Unit> townships =
        units(
            UnitKind.TOWNSHIP,
            scope.admin() ? null : scope.townships(),
            u -> filter.townshipCode() == null || filter.townshipCode().equals(u.code()));
    Set<String> townshipCodes = codes(townships);
    // villages of the townships shown (a village scope without its township: the villages
    // themselves)
    List<Unit> villages =
        units(
            UnitKind.VILLAGE,
            scope.admin() ? null : scope.villages(),
            u ->
                (filter.townshipCode() == null || filter.townshipCode().equals(u.parentCode()))
                    && (filter.villageCode() == null || filter.villageCode().equals(u.code())));
    Set<String> villageCodes = codes(villages);
    List<Unit> grids =
        units(
            UnitKind.GRID,
            scope.admin() ? null : scope.grids(),
            u ->
                villageCodes.contains(u.parentCode())
                    && (filter.gridCode() == null || filter.gridCode().equals(u.code())));
    List<Unit> departments =
        units(
            UnitKind.DEPARTMENT,
            scope.admin() ? null : scope.departments(),
            u ->
                (townshipCodes.isEmpty() || townshipCodes.contains(u.parentCode()))
                    && (filter.departmentCode() == null
                        || filter.departmentCode().equals(u.code())));
    return new Board(
        m.now(),
        m.nextWorkingDay(),
        total[0],
        total[1],
        total[2],
        total[3],
        state(total),
        rows,
        counts(townships, byTownship),
        counts(villages, byVillage),
        counts(grids, byGrid),
        counts(departments, byDepartment));
  }

  /**
   * The open steps behind one count of the board, soonest deadline first (at most {@value
   * #STEP_LIST_MAX}).
   */
  @Transactional(readOnly = true)
  public List<BoardStep> steps(String user, Filter filter, Due due) {
    AccessScope scope = supervisingScope(user);
    Moments m = moments();
    List<Object> args = new ArrayList<>();
    String where = where(scope, filter, args);
    switch (due) {
      case OPEN -> {}
      case OVERDUE -> {
        where += " and " + StepDeadlineSql.OVERDUE;
        args.add(ts(m.now()));
      }
      case TODAY -> {
        where += " and " + DUE + " >= ? and " + DUE + " <= ?";
        args.add(ts(m.now()));
        args.add(ts(m.endOfToday()));
      }
      case NEXT_WORKING_DAY -> {
        where += " and " + DUE + " > ? and " + DUE + " <= ?";
        args.add(ts(m.endOfToday()));
        args.add(ts(m.endOfNextWorkingDay()));
      }
    }
    LocalDate today = m.now().atZoneSameInstant(GridCaseTime.ZONE).toLocalDate();
    return jdbc.query(
        "select e.number, e.title, e.level, e.unit_code, e.grid_code, e.village_code,"
            + " e.township_code, t.name_ as task_name, t.task_def_key_ as task_key, t.assignee_ as"
            + " assignee, "
            + DUE
            + " as due"
            + FROM
            + where
            + " order by case when "
            + DUE
            + " is null then 1 else 0 end, "
            + DUE
            + ", e.number"
            + " fetch first "
            + STEP_LIST_MAX
            + " rows only",
        (rs, i) -> {
          OffsetDateTime stepDue = GridCaseTime.at(rs.getTimestamp("due"));
          return new BoardStep(
              rs.getString("number"),
              rs.getString("title"),
              EventLevel.valueOf(rs.getString("level")),
              rs.getString("unit_code"),
              rs.getString("grid_code"),
              rs.getString("village_code"),
              rs.getString("township_code"),
              rs.getString("task_name"),
              stage(rs.getString("task_key")),
              rs.getString("assignee"),
              stepDue,
              stepDue != null && m.now().isAfter(stepDue)
                  ? workingDays.workingDaysAfter(
                      stepDue.atZoneSameInstant(GridCaseTime.ZONE).toLocalDate(), today)
                  : 0);
        },
        args.toArray());
  }

  /**
   * From the open tasks to their process instance (by its primary key) to the event (by number):
   * PostgreSQL hash-joins the three (docs/benchmarks.md). Starting from the event and asking for
   * executions with {@code id_ = proc_inst_id_} made it misjudge that filter by two orders of
   * magnitude and loop over every execution instead.
   */
  private static final String FROM =
      " from "
          + EngineTables.TASK
          + " t"
          + " join "
          + EngineTables.EXECUTION
          + " p on p.id_ = t.proc_inst_id_"
          + " join event e on e.number = p.business_key_";

  /** The deadline in force, as stored on the event's open step (issue 12 A4). */
  private static final String DUE = StepDeadlineSql.DUE;

  /** Open events in the caller's scope (as {@code Events} scopes them), narrowed by the filter. */
  private static String where(AccessScope scope, Filter filter, List<Object> args) {
    StringBuilder sql =
        new StringBuilder(" where e.status in ('AWAITING_ACCEPTANCE', 'IN_HANDLING', 'RESOLVED')");
    if (!scope.admin()) {
      sql.append(" and (")
          .append(in("e.grid_code", scope.grids(), args))
          .append(" or ")
          .append(in("e.department_code", scope.departments(), args))
          .append(" or ")
          .append(in("e.township_code", scope.townships(), args))
          .append(")");
    }
    if (filter.townshipCode() != null) {
      sql.append(" and e.township_code = ?");
      args.add(filter.townshipCode());
    }
    if (filter.villageCode() != null) {
      sql.append(" and e.village_code = ?");
      args.add(filter.villageCode());
    }
    if (filter.gridCode() != null) {
      sql.append(" and e.grid_code = ?");
      args.add(filter.gridCode());
    }
    if (filter.departmentCode() != null) {
      sql.append(" and e.level = 'DEPARTMENT' and e.unit_code = ?");
      args.add(filter.departmentCode());
    }
    return sql.toString();
  }

  private static String in(String column, Collection<String> values, List<Object> args) {
    if (values.isEmpty()) {
      return "1 = 0";
    }
    args.addAll(values);
    return column + " in (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
  }

  private AccessScope supervisingScope(String user) {
    AccessScope scope = accessScopes.of(user);
    if (!scope.admin()
        && organisation.currentAppointments(user).stream()
            .noneMatch(a -> Supervision.SUPERVISING.contains(a.role()))) {
      throw new AccessDeniedException(
          "Supervision is for supervisors, section heads, area leaders, grid leaders and"
              + " instructors; your open tasks are at /api/tasks");
    }
    return scope;
  }

  private record Group(
      String township,
      String village,
      String grid,
      EventLevel level,
      String unit,
      int open,
      int dueToday,
      int dueNext,
      int overdue) {}

  private record BoardRowKey(EventLevel level, String unit) {}

  private static void add(int[] counts, Group g) {
    counts[0] += g.open();
    counts[1] += g.dueToday();
    counts[2] += g.dueNext();
    counts[3] += g.overdue();
  }

  static State state(int[] c) {
    return c[3] > 0 ? State.RED : c[1] + c[2] > 0 ? State.YELLOW : State.GREEN;
  }

  private List<Unit> units(UnitKind kind, Set<String> inScope, Predicate<Unit> shown) {
    return organisation.units(kind).stream()
        .filter(u -> inScope == null || inScope.contains(u.code()))
        .filter(shown)
        .sorted(Comparator.comparing(Unit::code))
        .toList();
  }

  private static Set<String> codes(List<Unit> units) {
    return Set.copyOf(units.stream().map(Unit::code).toList());
  }

  private static List<UnitCounts> counts(List<Unit> units, Map<String, int[]> counted) {
    Function<Unit, UnitCounts> of =
        u -> {
          int[] c = counted.getOrDefault(u.code(), new int[4]);
          return new UnitCounts(
              u.code(), u.name(), u.parentCode(), c[0], c[1], c[2], c[3], state(c));
        };
    return units.stream().map(of).toList();
  }

  /** The stage of an event's open step by its task (ACCEPT, HANDLE, FEEDBACK). */
  static String stage(String taskKey) {
    return switch (taskKey) {
      case EventTasks.ACCEPT -> "ACCEPT";
      case EventTasks.HANDLE -> "HANDLE";
      case EventTasks.FEEDBACK -> "FEEDBACK";
      default -> taskKey;
    };
  }

  private static Timestamp ts(OffsetDateTime moment) {
    return Timestamp.from(moment.toInstant());
  }
}
