package cn.gridcase.test;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A snapshot of the engine's state a refused request must not change: timers and other jobs with
 * their retries and due dates, executions, tasks, variables, users, groups, memberships,
 * authorizations, filters, deployments, incidents and comments — every column, revisions included.
 * Two equal snapshots mean nothing was written in between.
 */
public final class EngineState {

  private static final List<String> TABLES =
      List.of(
          "ACT_RU_JOB",
          "ACT_RU_JOBDEF",
          "ACT_RU_EXECUTION",
          "ACT_RU_TASK",
          "ACT_RU_IDENTITYLINK",
          "ACT_RU_VARIABLE",
          "ACT_RU_EVENT_SUBSCR",
          "ACT_RU_INCIDENT",
          "ACT_RU_AUTHORIZATION",
          "ACT_RU_FILTER",
          "ACT_RU_EXT_TASK",
          "ACT_RU_BATCH",
          "ACT_ID_USER",
          "ACT_ID_GROUP",
          "ACT_ID_MEMBERSHIP",
          "ACT_RE_DEPLOYMENT",
          "ACT_RE_PROCDEF",
          "ACT_HI_COMMENT",
          "ACT_HI_ATTACHMENT",
          "ACT_HI_PROCINST",
          "ACT_HI_TASKINST");

  private EngineState() {}

  public static String of(JdbcTemplate jdbc) {
    StringBuilder state = new StringBuilder();
    for (String table : TABLES) {
      List<Map<String, Object>> rows =
          jdbc.queryForList("select * from " + table + " order by 1, 2");
      state.append(table).append(' ').append(rows.size()).append('\n');
      rows.forEach(row -> state.append(row).append('\n'));
    }
    return state.toString();
  }
}
