package cn.gridcase.accountability;

import cn.gridcase.platform.GridCaseTime;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Proposals for accountability (责任追究建议) raised from facts the system holds (rule C3). Other
 * features report facts here; the accountability procedure decides on them.
 */
@Service
public class AccountabilityProposals {

  private final JdbcTemplate jdbc;

  AccountabilityProposals(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a proposal against the person responsible for a late event step. */
  public void raiseForLateStep(LateStepEvidence late) {
    String evidence = "事件 " + late.eventNumber() + " 的" + stepName(late.stepAction()) + "（" + late.stepLevel()
        + "，" + late.unitCode() + "）期限 " + late.deadline() + "，至 " + late.detectedAt() + " 仍未完成";
    jdbc.update("insert into accountability_proposal (trigger, subject, subject_role, unit_code, township_code,"
        + " event_number, step_action, step_level, deadline, detected_at, evidence, status)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')",
        late.trigger(), late.subject(), late.subjectRole(), late.unitCode(), late.townshipCode(), late.eventNumber(),
        late.stepAction(), late.stepLevel(), Timestamp.from(late.deadline().toInstant()),
        Timestamp.from(late.detectedAt().toInstant()), evidence);
  }

  /** The proposals raised about one event, oldest first. */
  public List<Proposal> forEvent(String eventNumber) {
    return jdbc.query("select * from accountability_proposal where event_number = ? order by id",
        (rs, i) -> new Proposal(rs.getLong("id"), rs.getString("trigger"), rs.getString("subject"),
            rs.getString("subject_role"), rs.getString("unit_code"), rs.getString("township_code"),
            rs.getString("event_number"), rs.getString("step_action"), rs.getString("step_level"),
            at(rs.getTimestamp("deadline")), at(rs.getTimestamp("detected_at")), rs.getString("evidence"),
            rs.getString("status")),
        eventNumber);
  }

  private static String stepName(String action) {
    return "ACCEPT".equals(action) ? "受理" : "办理";
  }

  private static OffsetDateTime at(Timestamp timestamp) {
    return timestamp == null ? null : OffsetDateTime.ofInstant(timestamp.toInstant(), GridCaseTime.ZONE);
  }
}
