package cn.gridcase.event.internal;

import cn.gridcase.event.EventCategory;
import cn.gridcase.event.GridEntry;
import cn.gridcase.platform.GridCaseTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads {@link GridEntry} facts: the events of a window left-joined with their grid-level steps
 * (event_step.level = 'GRID'), one row per step, folded in report order.
 */
@Repository
public class GridEntryRows {

  private static final String SELECT =
      "select e.number, e.category, e.major, e.beijing_petition, e.grid_code, e.township_code,"
          + " e.reported_by, e.reported_at, e.level, e.status, e.step_accepted_at,"
          + " e.step_accept_by, e.step_handle_by, s.action, s.at, s.late"
          + " from event e left join event_step s on s.event_id = e.id and s.level = 'GRID'"
          + " and (s.late = true or s.action in ('RESOLVED', 'ESCALATED'))";

  private static final String ORDER = " order by e.reported_at, e.number, s.id";

  private final JdbcTemplate jdbc;

  GridEntryRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<GridEntry> reportedBy(String username, OffsetDateTime from, OffsetDateTime to) {
    return fold(
        SELECT + " where e.reported_by = ? and e.reported_at >= ? and e.reported_at < ?" + ORDER,
        username,
        Timestamp.from(from.toInstant()),
        Timestamp.from(to.toInstant()));
  }

  public List<GridEntry> reportedIn(String townshipCode, OffsetDateTime from, OffsetDateTime to) {
    return fold(
        SELECT + " where e.township_code = ? and e.reported_at >= ? and e.reported_at < ?" + ORDER,
        townshipCode,
        Timestamp.from(from.toInstant()),
        Timestamp.from(to.toInstant()));
  }

  private List<GridEntry> fold(String sql, Object... args) {
    List<GridEntry> entries = new ArrayList<>();
    jdbc.query(
        sql,
        (ResultSet rs) -> {
          String number = rs.getString("number");
          GridEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
          if (last == null || !last.number().equals(number)) {
            last = first(rs);
            entries.add(last);
          }
          String action = rs.getString("action");
          if (action != null) {
            boolean late = last.gridLate() || rs.getBoolean("late");
            boolean ends = "RESOLVED".equals(action) || "ESCALATED".equals(action);
            entries.set(
                entries.size() - 1,
                new GridEntry(
                    last.number(),
                    last.category(),
                    last.major(),
                    last.beijingPetition(),
                    last.gridCode(),
                    last.townshipCode(),
                    last.reportedBy(),
                    last.reportedAt(),
                    ends && last.gridEnd() == null ? action : last.gridEnd(),
                    ends && last.gridEnd() == null ? at(rs, "at") : last.gridEndedAt(),
                    late,
                    ends ? null : last.openDeadline()));
          }
        },
        args);
    return entries;
  }

  /** The event's row, before its steps: open at the grid while it is there and not yet ended. */
  private static GridEntry first(ResultSet rs) throws SQLException {
    boolean atGrid = "GRID".equals(rs.getString("level"));
    String status = rs.getString("status");
    boolean open = "AWAITING_ACCEPTANCE".equals(status) || "IN_HANDLING".equals(status);
    OffsetDateTime openDeadline = null;
    if (atGrid && open) {
      openDeadline =
          rs.getTimestamp("step_accepted_at") == null
              ? at(rs, "step_accept_by")
              : at(rs, "step_handle_by");
    }
    return new GridEntry(
        rs.getString("number"),
        EventCategory.valueOf(rs.getString("category")),
        rs.getBoolean("major"),
        rs.getBoolean("beijing_petition"),
        rs.getString("grid_code"),
        rs.getString("township_code"),
        rs.getString("reported_by"),
        at(rs, "reported_at"),
        null,
        null,
        false,
        openDeadline);
  }

  private static OffsetDateTime at(ResultSet rs, String column) throws SQLException {
    return GridCaseTime.at(rs.getTimestamp(column));
  }
}
