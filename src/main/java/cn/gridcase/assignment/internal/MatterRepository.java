package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.Approval;
import cn.gridcase.assignment.Matter;
import cn.gridcase.assignment.MatterChange;
import cn.gridcase.assignment.MatterStatus;
import cn.gridcase.platform.GridCaseTime;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The matter list's tables: the matters and their history (never deleted, S4). */
@Repository
public class MatterRepository {

  private final JdbcTemplate jdbc;

  MatterRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The matter's current state, without its history. */
  public Optional<Matter> find(String township, String code) {
    return jdbc
        .query(
            "select township_code, code, name, status from matter where township_code = ? and"
                + " code = ?",
            (rs, i) ->
                new Matter(
                    rs.getString("township_code"),
                    rs.getString("code"),
                    rs.getString("name"),
                    MatterStatus.valueOf(rs.getString("status")),
                    List.of()),
            township,
            code)
        .stream()
        .findFirst();
  }

  /** A township's matters with their histories, listed first, then prohibited, then withdrawn. */
  public List<Matter> ofTownship(String township) {
    Map<String, List<MatterChange>> histories = new LinkedHashMap<>();
    jdbc.query(
        "select code, action, status, name, approved_by, approval_document, approved_on,"
            + " recorded_by, recorded_at from matter_change where township_code = ? order by id",
        rs -> {
          histories
              .computeIfAbsent(rs.getString("code"), c -> new ArrayList<>())
              .add(
                  new MatterChange(
                      rs.getString("action"),
                      MatterStatus.valueOf(rs.getString("status")),
                      rs.getString("name"),
                      new Approval(
                          rs.getString("approved_by"),
                          rs.getString("approval_document"),
                          rs.getDate("approved_on").toLocalDate()),
                      rs.getString("recorded_by"),
                      GridCaseTime.at(rs.getTimestamp("recorded_at"))));
        },
        township);
    return jdbc.query(
        "select code, name, status from matter where township_code = ? order by case status"
            + " when 'LISTED' then 0 when 'PROHIBITED' then 1 else 2 end, code",
        (rs, i) ->
            new Matter(
                township,
                rs.getString("code"),
                rs.getString("name"),
                MatterStatus.valueOf(rs.getString("status")),
                histories.getOrDefault(rs.getString("code"), List.of())),
        township);
  }

  /**
   * Keeps the matter's new state and its history entry; a matter not known yet is created. The
   * caller holds the row lock ({@link #lock}) or creates the matter.
   */
  public void change(
      String township,
      String code,
      String name,
      MatterStatus status,
      String action,
      Approval approval,
      String recordedBy,
      OffsetDateTime at) {
    int updated =
        jdbc.update(
            "update matter set name = ?, status = ? where township_code = ? and code = ?",
            name,
            status.name(),
            township,
            code);
    if (updated == 0) {
      jdbc.update(
          "insert into matter (township_code, code, name, status) values (?, ?, ?, ?)",
          township,
          code,
          name,
          status.name());
    }
    jdbc.update(
        "insert into matter_change (township_code, code, action, status, name, approved_by,"
            + " approval_document, approved_on, recorded_by, recorded_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        township,
        code,
        action,
        status.name(),
        name,
        approval.approvedBy().trim(),
        approval.document().trim(),
        Date.valueOf(approval.approvedOn()),
        recordedBy,
        Timestamp.from(at.toInstant()));
  }

  /**
   * The matter's state read under a row lock, so two changes of one matter follow each other (each
   * judged against the state the other left).
   */
  public Optional<MatterStatus> lock(String township, String code) {
    return jdbc
        .query(
            "select status from matter where township_code = ? and code = ? for update",
            (rs, i) -> MatterStatus.valueOf(rs.getString("status")),
            township,
            code)
        .stream()
        .findFirst();
  }
}
