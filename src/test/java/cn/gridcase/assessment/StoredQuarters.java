package cn.gridcase.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GS's quarters stored as the quarter process leaves them (a version with its grid workers' scores
 * and grades), for the tests of what reads finished quarters (A7 leader bonus, A9 yearly
 * evaluation); {@link #removeAll} takes back what was stored.
 */
final class StoredQuarters {

  private final JdbcTemplate jdbc;
  private final List<Long> stored = new ArrayList<>();

  StoredQuarters(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One version of GS's quarter, drafted at the end of {@code year}; its id. */
  long quarter(String quarter, int version, String status, boolean superseded, int year) {
    jdbc.update(
        "insert into assessment_quarter (township_code, quarter, version, status, drafted_at,"
            + " superseded) values ('GS', ?, ?, ?, ?, ?)",
        quarter,
        version,
        status,
        Timestamp.from(Instant.parse(year + "-12-31T00:00:00Z")),
        superseded);
    long id =
        jdbc.queryForObject(
            "select id from assessment_quarter where township_code = 'GS' and quarter = ? and"
                + " version = ?",
            Long.class,
            quarter,
            version);
    stored.add(id);
    return id;
  }

  /** A grid worker of a stored version with a score (hundredths) and a grade. */
  void worker(long id, String user, String grid, int hundredths, String grade) {
    jdbc.update(
        "insert into assessment_worker (assessment_id, username, grid_code, village_code,"
            + " score_hundredths, grade) values (?, ?, ?, ?, ?, ?)",
        id,
        user,
        grid,
        grid.substring(0, 6),
        hundredths,
        grade);
  }

  void removeAll() {
    for (long id : stored) {
      jdbc.update("delete from assessment_worker where assessment_id = ?", id);
    }
    for (long id : stored) {
      jdbc.update("delete from assessment_quarter where id = ?", id);
    }
    stored.clear();
  }
}
