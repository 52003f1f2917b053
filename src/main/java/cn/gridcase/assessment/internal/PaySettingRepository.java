package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.PaySettings;
import cn.gridcase.platform.GridCaseTime;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The pay_setting rows (Flyway V16): appended, never updated. */
@Repository
public class PaySettingRepository {

  private final JdbcTemplate jdbc;

  PaySettingRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The row in force for a month: the latest one (by id) effective from that month or before. */
  public Optional<PaySettings> inForce(String townshipCode, YearMonth month) {
    return jdbc
        .query(
            "select * from pay_setting where township_code = ? and effective_from <= ?"
                + " order by effective_from desc, id desc limit 1",
            PaySettingRepository::row,
            townshipCode,
            Date.valueOf(month.atDay(1)))
        .stream()
        .findFirst();
  }

  /** Every change of a township, newest first. */
  public List<PaySettings> history(String townshipCode) {
    return jdbc.query(
        "select * from pay_setting where township_code = ? order by id desc",
        PaySettingRepository::row,
        townshipCode);
  }

  public void insert(PaySettings s) {
    jdbc.update(
        "insert into pay_setting (township_code, effective_from, base_fen, deduction_percent,"
            + " threshold, max_deduction_percent, bonus_closed_fen, bonus_escalated_fen, cap_fen,"
            + " min_ranked_entries, changed_by, changed_at, reason) values (?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?)",
        s.townshipCode(),
        Date.valueOf(s.effectiveFrom().atDay(1)),
        s.baseFen(),
        s.deductionPercent(),
        s.threshold(),
        s.maxDeductionPercent(),
        s.bonusClosedFen(),
        s.bonusEscalatedFen(),
        s.capFen(),
        s.minRankedEntries(),
        s.changedBy(),
        Timestamp.from(s.changedAt().toInstant()),
        s.reason());
  }

  private static PaySettings row(ResultSet rs, int row) throws SQLException {
    return new PaySettings(
        rs.getString("township_code"),
        YearMonth.from(rs.getDate("effective_from").toLocalDate()),
        rs.getLong("base_fen"),
        rs.getInt("deduction_percent"),
        rs.getInt("threshold"),
        rs.getInt("max_deduction_percent"),
        rs.getLong("bonus_closed_fen"),
        rs.getLong("bonus_escalated_fen"),
        rs.getLong("cap_fen"),
        rs.getInt("min_ranked_entries"),
        rs.getString("changed_by"),
        GridCaseTime.at(rs.getTimestamp("changed_at")),
        rs.getString("reason"));
  }
}
