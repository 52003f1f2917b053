package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.AssignmentStatus;
import cn.gridcase.assignment.GridTask;
import cn.gridcase.calendar.Deadline;
import cn.gridcase.platform.GridCaseTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The assignment tables: assignments and their grids (kept for ever). */
@Repository
public class AssignmentRepository {

  private static final String COLUMNS =
      "id, township_code, assigner_unit, assigned_by, matter_code, matter_name, matter_listed,"
          + " title, instructions, working_days, status, created_at, approval_days, approval_due,"
          + " approval_provisional, approval_overdue, approval_task_id, decided_by, decided_at,"
          + " approval_late, decision_reason, assigned_at, due_by, due_provisional, done_at";

  private final JdbcTemplate jdbc;

  AssignmentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One grid of a new assignment. */
  public record NewGrid(String gridCode, String villageCode) {}

  /**
   * A new assignment with its grids; {@code approval} is its approval's deadline when the matter is
   * not on the list (null when it goes to the grid workers at once).
   */
  public long insert(
      String township,
      String assignerUnit,
      String assignedBy,
      String matterCode,
      String matterName,
      boolean matterListed,
      String title,
      String instructions,
      int workingDays,
      OffsetDateTime createdAt,
      Deadline approval,
      List<NewGrid> grids) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into assignment (township_code, assigner_unit, assigned_by, matter_code,"
                      + " matter_name, matter_listed, title, instructions, working_days, status,"
                      + " created_at, approval_days, approval_due, approval_provisional,"
                      + " approval_overdue, approval_late, due_provisional)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, false, false)",
                  new String[] {"id"});
          int i = 0;
          insert.setString(++i, township);
          insert.setString(++i, assignerUnit);
          insert.setString(++i, assignedBy);
          insert.setString(++i, matterCode);
          insert.setString(++i, matterName);
          insert.setBoolean(++i, matterListed);
          insert.setString(++i, title);
          insert.setString(++i, instructions);
          insert.setInt(++i, workingDays);
          insert.setString(
              ++i,
              (approval == null ? AssignmentStatus.ASSIGNED : AssignmentStatus.AWAITING_APPROVAL)
                  .name());
          insert.setTimestamp(++i, Timestamp.from(createdAt.toInstant()));
          insert.setObject(++i, approval == null ? null : approval.workingDays());
          insert.setTimestamp(
              ++i, approval == null ? null : Timestamp.from(approval.deadline().toInstant()));
          insert.setBoolean(++i, approval != null && approval.provisional());
          return insert;
        },
        keys);
    long id = keys.getKey().longValue();
    List<Object[]> rows = new ArrayList<>();
    for (NewGrid grid : grids) {
      rows.add(new Object[] {id, grid.gridCode(), grid.villageCode()});
    }
    jdbc.batchUpdate(
        "insert into assignment_grid (assignment_id, grid_code, village_code, overdue, late)"
            + " values (?, ?, ?, false, false)",
        rows);
    return id;
  }

  public Optional<AssignmentRecord> find(long id) {
    return jdbc
        .query("select " + COLUMNS + " from assignment where id = ?", AssignmentRepository::row, id)
        .stream()
        .findFirst();
  }

  /** The assignment read under a row lock: one step at a time changes it. */
  public Optional<AssignmentRecord> lock(long id) {
    return jdbc
        .query(
            "select " + COLUMNS + " from assignment where id = ? for update",
            AssignmentRepository::row,
            id)
        .stream()
        .findFirst();
  }

  /**
   * The assignments any of the conditions selects, newest first: of these townships (all of them),
   * given by these units, or (once they reached the grid workers) for these grids; null lists
   * select everything (administrators).
   */
  public List<AssignmentRecord> visible(
      Collection<String> townships,
      Collection<String> assignerUnits,
      Collection<String> grids,
      AssignmentStatus status,
      String gridCode,
      int limit) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (townships != null) {
      List<String> any = new ArrayList<>();
      if (!townships.isEmpty()) {
        any.add("a.township_code in (" + marks(townships, args) + ")");
      }
      if (!assignerUnits.isEmpty()) {
        any.add("a.assigner_unit in (" + marks(assignerUnits, args) + ")");
      }
      if (!grids.isEmpty()) {
        any.add(
            "(a.assigned_at is not null and exists (select 1 from assignment_grid g where"
                + " g.assignment_id = a.id and g.grid_code in ("
                + marks(grids, args)
                + ")))");
      }
      if (any.isEmpty()) {
        return List.of();
      }
      where.append(" and (").append(String.join(" or ", any)).append(')');
    }
    if (status != null) {
      where.append(" and a.status = ?");
      args.add(status.name());
    }
    if (gridCode != null) {
      where.append(
          " and exists (select 1 from assignment_grid g2 where g2.assignment_id = a.id and"
              + " g2.grid_code = ?)");
      args.add(gridCode);
    }
    args.add(limit);
    return jdbc.query(
        "select "
            + Arrays.stream(COLUMNS.split(", "))
                .map(c -> "a." + c)
                .collect(Collectors.joining(", "))
            + " from assignment a"
            + where
            + " order by a.id desc limit ?",
        AssignmentRepository::row,
        args.toArray());
  }

  /** The grids of these assignments, by assignment, in the order they were named. */
  public Map<Long, List<GridRow>> grids(Collection<Long> ids) {
    Map<Long, List<GridRow>> grids = new HashMap<>();
    if (ids.isEmpty()) {
      return grids;
    }
    List<Object> args = new ArrayList<>();
    jdbc.query(
        "select assignment_id, grid_code, village_code, grid_worker, task_id, overdue, done_at,"
            + " done_by, note, late from assignment_grid where assignment_id in ("
            + marks(ids, args)
            + ") order by assignment_id, grid_code",
        rs -> {
          grids
              .computeIfAbsent(rs.getLong("assignment_id"), k -> new ArrayList<>())
              .add(gridRow(rs));
        },
        args.toArray());
    return grids;
  }

  public List<GridRow> grids(long id) {
    return grids(List.of(id)).getOrDefault(id, List.of());
  }

  /** A grid of an assignment as kept; {@link #task} adds the deadline it runs under. */
  public record GridRow(
      long assignmentId,
      String gridCode,
      String villageCode,
      String gridWorker,
      String taskId,
      boolean overdue,
      OffsetDateTime doneAt,
      String doneBy,
      String note,
      boolean late) {

    public GridTask task(OffsetDateTime due) {
      return new GridTask(
          gridCode,
          villageCode,
          gridWorker,
          doneAt == null ? taskId : null,
          due,
          overdue,
          doneAt,
          doneBy,
          note,
          late);
    }
  }

  /** The grid whose open task this is. */
  public Optional<GridRow> gridOfTask(String taskId) {
    return jdbc
        .query(
            "select assignment_id, grid_code, village_code, grid_worker, task_id, overdue,"
                + " done_at, done_by, note, late from assignment_grid where task_id = ?",
            (rs, i) -> gridRow(rs),
            taskId)
        .stream()
        .findFirst();
  }

  public void setApprovalTask(long id, String taskId) {
    jdbc.update("update assignment set approval_task_id = ? where id = ?", taskId, id);
  }

  public void setGridTask(long id, String gridCode, String taskId) {
    jdbc.update(
        "update assignment_grid set task_id = ? where assignment_id = ? and grid_code = ?",
        taskId,
        id,
        gridCode);
  }

  public void approvalOverdue(long id) {
    jdbc.update("update assignment set approval_overdue = true where id = ?", id);
  }

  public void decided(
      long id,
      AssignmentStatus status,
      String decidedBy,
      OffsetDateTime at,
      boolean late,
      String reason) {
    jdbc.update(
        "update assignment set status = ?, decided_by = ?, decided_at = ?, approval_late = ?,"
            + " decision_reason = ? where id = ?",
        status.name(),
        decidedBy,
        Timestamp.from(at.toInstant()),
        late,
        reason,
        id);
  }

  /** The assignment reached the grid workers: its deadline and each grid's worker then. */
  public void dispatched(long id, Deadline due, Map<String, String> workers) {
    jdbc.update(
        "update assignment set status = 'ASSIGNED', assigned_at = ?, due_by = ?, due_provisional"
            + " = ? where id = ?",
        Timestamp.from(due.from().toInstant()),
        Timestamp.from(due.deadline().toInstant()),
        due.provisional(),
        id);
    List<Object[]> rows = new ArrayList<>();
    workers.forEach((grid, worker) -> rows.add(new Object[] {worker, id, grid}));
    jdbc.batchUpdate(
        "update assignment_grid set grid_worker = ? where assignment_id = ? and grid_code = ?",
        rows);
  }

  public void gridOverdue(long id, String gridCode) {
    jdbc.update(
        "update assignment_grid set overdue = true where assignment_id = ? and grid_code = ? and"
            + " done_at is null",
        id,
        gridCode);
  }

  public void gridDone(
      long id, String gridCode, String doneBy, OffsetDateTime at, String note, boolean late) {
    jdbc.update(
        "update assignment_grid set done_at = ?, done_by = ?, note = ?, late = ? where"
            + " assignment_id = ? and grid_code = ?",
        Timestamp.from(at.toInstant()),
        doneBy,
        note,
        late,
        id,
        gridCode);
  }

  public void done(long id, OffsetDateTime at) {
    jdbc.update(
        "update assignment set status = 'DONE', done_at = ? where id = ?",
        Timestamp.from(at.toInstant()),
        id);
  }

  /** An overdue open step of an assignment, for the supervisors' list (S1). */
  public record OverdueRow(
      long id,
      String townshipCode,
      String assignerUnit,
      String title,
      String gridCode,
      String villageCode,
      String gridWorker,
      String taskId,
      OffsetDateTime due) {

    /** The approval (no grid) rather than a grid's task. */
    public boolean approval() {
      return gridCode == null;
    }
  }

  /**
   * Open grid tasks and approvals past their deadline (the timer's flag, or the deadline already
   * passed while its job has not run), in these townships (null: all), oldest deadline first.
   */
  public List<OverdueRow> overdue(Collection<String> townships, OffsetDateTime now) {
    List<Object> args = new ArrayList<>();
    String inTownships = "";
    if (townships != null) {
      if (townships.isEmpty()) {
        return List.of();
      }
      inTownships = " and a.township_code in (" + marks(townships, args) + ")";
    }
    Timestamp at = Timestamp.from(now.toInstant());
    List<Object> all = new ArrayList<>(args);
    all.add(at);
    all.addAll(args);
    all.add(at);
    return jdbc.query(
        "select a.id, a.township_code, a.assigner_unit, a.title, g.grid_code, g.village_code,"
            + " g.grid_worker, g.task_id, a.due_by as due from assignment a join assignment_grid g"
            + " on g.assignment_id = a.id where a.status = 'ASSIGNED' and g.done_at is null"
            + inTownships
            + " and (g.overdue or a.due_by < ?)"
            + " union all select a.id, a.township_code, a.assigner_unit, a.title, null, null,"
            + " null, a.approval_task_id, a.approval_due as due from assignment a where a.status ="
            + " 'AWAITING_APPROVAL'"
            + inTownships
            + " and (a.approval_overdue or a.approval_due < ?) order by due",
        (rs, i) ->
            new OverdueRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                GridCaseTime.at(rs.getTimestamp(9))),
        all.toArray());
  }

  /** The deadlines kept under these ids still pending: the approval's or the grid workers'. */
  public Map<Long, Long> pendingApprovalDeadlines(Collection<Long> ids) {
    return pending("approval_due", "AWAITING_APPROVAL", ids);
  }

  public Map<Long, Long> pendingDueDeadlines(Collection<Long> ids) {
    return pending("due_by", "ASSIGNED", ids);
  }

  private Map<Long, Long> pending(String column, String status, Collection<Long> ids) {
    Map<Long, Long> pending = new HashMap<>();
    if (ids.isEmpty()) {
      return pending;
    }
    List<Object> args = new ArrayList<>();
    args.add(status);
    String in = marks(ids, args);
    jdbc.query(
        "select id, " + column + " from assignment where status = ? and id in (" + in + ")",
        rs -> {
          pending.put(rs.getLong(1), rs.getTimestamp(2).getTime());
        },
        args.toArray());
    return pending;
  }

  /** Keeps recomputed deadlines (T3) under their ids. */
  public void moveApprovalDeadlines(Map<Long, Deadline> moved) {
    move("approval_due", "approval_provisional", moved);
  }

  public void moveDueDeadlines(Map<Long, Deadline> moved) {
    move("due_by", "due_provisional", moved);
  }

  private void move(String column, String flag, Map<Long, Deadline> moved) {
    List<Object[]> rows = new ArrayList<>();
    moved.forEach(
        (id, deadline) ->
            rows.add(
                new Object[] {
                  Timestamp.from(deadline.deadline().toInstant()), deadline.provisional(), id
                }));
    jdbc.batchUpdate(
        "update assignment set " + column + " = ?, " + flag + " = ? where id = ?", rows);
  }

  private static String marks(Collection<?> values, List<Object> args) {
    args.addAll(values);
    return String.join(", ", Collections.nCopies(values.size(), "?"));
  }

  private static GridRow gridRow(ResultSet rs) throws SQLException {
    return new GridRow(
        rs.getLong("assignment_id"),
        rs.getString("grid_code"),
        rs.getString("village_code"),
        rs.getString("grid_worker"),
        rs.getString("task_id"),
        rs.getBoolean("overdue"),
        GridCaseTime.at(rs.getTimestamp("done_at")),
        rs.getString("done_by"),
        rs.getString("note"),
        rs.getBoolean("late"));
  }

  private static AssignmentRecord row(ResultSet rs, int i) throws SQLException {
    return new AssignmentRecord(
        rs.getLong("id"),
        rs.getString("township_code"),
        rs.getString("assigner_unit"),
        rs.getString("assigned_by"),
        rs.getString("matter_code"),
        rs.getString("matter_name"),
        rs.getBoolean("matter_listed"),
        rs.getString("title"),
        rs.getString("instructions"),
        rs.getInt("working_days"),
        AssignmentStatus.valueOf(rs.getString("status")),
        GridCaseTime.at(rs.getTimestamp("created_at")),
        (Integer) rs.getObject("approval_days", Integer.class),
        GridCaseTime.at(rs.getTimestamp("approval_due")),
        rs.getBoolean("approval_provisional"),
        rs.getBoolean("approval_overdue"),
        rs.getString("approval_task_id"),
        rs.getString("decided_by"),
        GridCaseTime.at(rs.getTimestamp("decided_at")),
        rs.getBoolean("approval_late"),
        rs.getString("decision_reason"),
        GridCaseTime.at(rs.getTimestamp("assigned_at")),
        GridCaseTime.at(rs.getTimestamp("due_by")),
        rs.getBoolean("due_provisional"),
        GridCaseTime.at(rs.getTimestamp("done_at")));
  }
}
