package cn.gridcase.assessment.internal;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The final quarterly scores of a township's year (A7, A9's yearly evaluation), read from the
 * quarters' tables (V17): for each quarter of the year, its version in force — the newest FINAL
 * version not superseded (a correction still in review leaves the final version in force).
 */
@Repository
public class FinalScores {

  /** One grid worker's final score of a quarter, in the grid held at its end. */
  public record Score(
      String quarter,
      int version,
      String username,
      String gridCode,
      String villageCode,
      int scoreHundredths,
      String grade) {}

  private final JdbcTemplate jdbc;

  FinalScores(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The final quarters of the township's year, in order ({@code 2026-Q1} …). */
  public List<String> finalQuarters(String township, int year) {
    return jdbc.queryForList(
        "select distinct quarter from assessment_quarter where township_code = ? and quarter like"
            + " ? and status = 'FINAL' and superseded = false order by quarter",
        String.class,
        township,
        year + "-Q_");
  }

  /** Every final score of the township's year, by quarter, grid and grid worker. */
  public List<Score> of(String township, int year) {
    return jdbc.query(
        "select q.quarter, q.version, w.username, w.grid_code, w.village_code,"
            + " w.score_hundredths, w.grade from assessment_quarter q join assessment_worker w on"
            + " w.assessment_id = q.id where q.township_code = ? and q.quarter like ? and q.status"
            + " = 'FINAL' and q.superseded = false and w.score_hundredths is not null and q.version"
            + " = (select max(v.version) from assessment_quarter v where v.township_code ="
            + " q.township_code and v.quarter = q.quarter and v.status = 'FINAL' and v.superseded ="
            + " false) order by q.quarter, w.grid_code, w.username",
        (rs, i) ->
            new Score(
                rs.getString("quarter"),
                rs.getInt("version"),
                rs.getString("username"),
                rs.getString("grid_code"),
                rs.getString("village_code"),
                rs.getInt("score_hundredths"),
                rs.getString("grade")),
        township,
        year + "-Q_");
  }
}
