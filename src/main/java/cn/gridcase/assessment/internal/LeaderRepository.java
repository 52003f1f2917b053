package cn.gridcase.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The grid leaders' reviews and surveys (A8) and the township's tied share of the leaders' bonus
 * (A7), Flyway V20. Rows are only inserted: a correction is a new version.
 */
@Repository
public class LeaderRepository {

  /** A stored survey version. */
  public record SurveyRow(
      long id,
      String leader,
      String villageCode,
      String townshipCode,
      int year,
      int version,
      int satisfied,
      int basicallySatisfied,
      int dissatisfied,
      String recordedBy,
      OffsetDateTime recordedAt,
      Long correctsId,
      String correctionReason,
      boolean proposalRaised) {}

  /** A stored review version. */
  public record ReviewRow(
      long id,
      String leader,
      String villageCode,
      String townshipCode,
      int year,
      int half,
      int version,
      String result,
      String reasoning,
      String recordedBy,
      OffsetDateTime recordedAt,
      Long correctsId,
      String correctionReason) {}

  /** A stored change of the tied share. */
  public record ShareRow(
      int tiedPercent, String changedBy, OffsetDateTime changedAt, String reason) {}

  private final JdbcTemplate jdbc;

  LeaderRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---- surveys

  public long insertSurvey(SurveyRow row) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        c -> {
          var ps =
              c.prepareStatement(
                  "insert into leader_survey (leader, village_code, township_code, survey_year,"
                      + " version, satisfied, basically_satisfied, dissatisfied, recorded_by,"
                      + " recorded_at, corrects_id, correction_reason, proposal_raised) values"
                      + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setString(1, row.leader());
          ps.setString(2, row.villageCode());
          ps.setString(3, row.townshipCode());
          ps.setInt(4, row.year());
          ps.setInt(5, row.version());
          ps.setInt(6, row.satisfied());
          ps.setInt(7, row.basicallySatisfied());
          ps.setInt(8, row.dissatisfied());
          ps.setString(9, row.recordedBy());
          ps.setTimestamp(10, QuarterRepository.ts(row.recordedAt()));
          ps.setObject(11, row.correctsId());
          ps.setString(12, row.correctionReason());
          ps.setBoolean(13, row.proposalRaised());
          return ps;
        },
        key);
    return key.getKey().longValue();
  }

  /** Every version of the leader's survey of the year, newest first. */
  public List<SurveyRow> surveyVersions(String leader, int year) {
    return jdbc.query(
        "select * from leader_survey where leader = ? and survey_year = ? order by version desc",
        this::mapSurvey,
        leader,
        year);
  }

  /** Every version of the township's surveys of the year, by leader, newest version first. */
  public List<SurveyRow> surveysOf(String township, int year) {
    return jdbc.query(
        "select * from leader_survey where township_code = ? and survey_year = ?"
            + " order by village_code, leader, version desc",
        this::mapSurvey,
        township,
        year);
  }

  public Optional<SurveyRow> survey(long id) {
    return jdbc.query("select * from leader_survey where id = ?", this::mapSurvey, id).stream()
        .findFirst();
  }

  private SurveyRow mapSurvey(ResultSet rs, int i) throws SQLException {
    return new SurveyRow(
        rs.getLong("id"),
        rs.getString("leader"),
        rs.getString("village_code"),
        rs.getString("township_code"),
        rs.getInt("survey_year"),
        rs.getInt("version"),
        rs.getInt("satisfied"),
        rs.getInt("basically_satisfied"),
        rs.getInt("dissatisfied"),
        rs.getString("recorded_by"),
        QuarterRepository.at(rs, "recorded_at"),
        rs.getObject("corrects_id") == null ? null : rs.getLong("corrects_id"),
        rs.getString("correction_reason"),
        rs.getBoolean("proposal_raised"));
  }

  // ---- reviews

  public long insertReview(ReviewRow row) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        c -> {
          var ps =
              c.prepareStatement(
                  "insert into leader_review (leader, village_code, township_code, review_year,"
                      + " half, version, result, reasoning, recorded_by, recorded_at, corrects_id,"
                      + " correction_reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setString(1, row.leader());
          ps.setString(2, row.villageCode());
          ps.setString(3, row.townshipCode());
          ps.setInt(4, row.year());
          ps.setInt(5, row.half());
          ps.setInt(6, row.version());
          ps.setString(7, row.result());
          ps.setString(8, row.reasoning());
          ps.setString(9, row.recordedBy());
          ps.setTimestamp(10, QuarterRepository.ts(row.recordedAt()));
          ps.setObject(11, row.correctsId());
          ps.setString(12, row.correctionReason());
          return ps;
        },
        key);
    return key.getKey().longValue();
  }

  /** Every version of the leader's review of the half, newest first. */
  public List<ReviewRow> reviewVersions(String leader, int year, int half) {
    return jdbc.query(
        "select * from leader_review where leader = ? and review_year = ? and half = ?"
            + " order by version desc",
        this::mapReview,
        leader,
        year,
        half);
  }

  /** Every version of the township's reviews of the year, by leader and half, newest first. */
  public List<ReviewRow> reviewsOf(String township, int year) {
    return jdbc.query(
        "select * from leader_review where township_code = ? and review_year = ?"
            + " order by village_code, leader, half, version desc",
        this::mapReview,
        township,
        year);
  }

  private ReviewRow mapReview(ResultSet rs, int i) throws SQLException {
    return new ReviewRow(
        rs.getLong("id"),
        rs.getString("leader"),
        rs.getString("village_code"),
        rs.getString("township_code"),
        rs.getInt("review_year"),
        rs.getInt("half"),
        rs.getInt("version"),
        rs.getString("result"),
        rs.getString("reasoning"),
        rs.getString("recorded_by"),
        QuarterRepository.at(rs, "recorded_at"),
        rs.getObject("corrects_id") == null ? null : rs.getLong("corrects_id"),
        rs.getString("correction_reason"));
  }

  // ---- the tied share (A7)

  /** The township's changes of the tied share, newest first. */
  public List<ShareRow> shares(String township) {
    return jdbc.query(
        "select * from leader_bonus_setting where township_code = ? order by changed_at desc, id"
            + " desc",
        (rs, i) ->
            new ShareRow(
                rs.getInt("tied_percent"),
                rs.getString("changed_by"),
                QuarterRepository.at(rs, "changed_at"),
                rs.getString("reason")),
        township);
  }

  public void insertShare(String township, int percent, String by, OffsetDateTime at, String why) {
    jdbc.update(
        "insert into leader_bonus_setting (township_code, tied_percent, changed_by, changed_at,"
            + " reason) values (?, ?, ?, ?, ?)",
        township,
        percent,
        by,
        QuarterRepository.ts(at),
        why);
  }
}
