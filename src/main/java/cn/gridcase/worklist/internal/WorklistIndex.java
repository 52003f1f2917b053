package cn.gridcase.worklist.internal;

import cn.gridcase.platform.Databases;
import cn.gridcase.platform.EngineTables;
import java.sql.ResultSet;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * An index of our own on the engine's task table, for the engine's query of a user's assigned open
 * tasks in due order: Tasklist's 我的任务 filter and {@code /engine-rest/task?assignee=}. (The work
 * list itself reads its own queues, {@link WorkQueues}.) The engine indexes the assignee alone, so
 * a handler with thousands of assigned tasks had all of them sorted on every request (13 ms of the
 * database's time at 12,000 tasks; 0.4 ms with this index, docs/benchmarks.md).
 *
 * <p>Created once, after the engine has created or updated its schema (Camunda's tables are the
 * engine's, not Flyway's, and may not exist when Flyway runs): at every start it is looked up first
 * and only created when missing, concurrently on PostgreSQL. Failing to create it is logged, not
 * fatal: the work list is only slower without it. Camunda's schema upgrades leave indexes of their
 * own tables they do not know alone.
 */
@Component
public class WorklistIndex extends AbstractProcessEnginePlugin {

  static final String NAME = "GRIDCASE_IDX_TASK_ASSIGNEE_DUE";
  private static final Logger LOG = LoggerFactory.getLogger(WorklistIndex.class);

  private final DataSource dataSource;

  WorklistIndex(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    String tasks = EngineTables.TASK;
    try {
      boolean postgres = Databases.isPostgres(dataSource);
      if (exists(tasks)) {
        return; // asking first: even "if not exists" locks the table against writes on PostgreSQL
      }
      // concurrently on PostgreSQL: other nodes go on writing tasks while it is built
      new JdbcTemplate(dataSource)
          .execute(
              "create index "
                  + (postgres ? "concurrently " : "")
                  + "if not exists "
                  + NAME
                  + " on "
                  + tasks
                  + " (ASSIGNEE_, DUE_DATE_, CREATE_TIME_)");
      LOG.info("Created index {} on {} for the work list", NAME, tasks);
    } catch (MetaDataAccessException | DataAccessException e) {
      // the work list still answers without it, only more slowly: no reason to refuse to start
      LOG.warn(
          "Could not create index {} on {}; the work list of a user with many assigned tasks is"
              + " slower",
          NAME,
          tasks,
          e);
    }
  }

  public boolean exists(String table) throws MetaDataAccessException {
    return JdbcUtils.extractDatabaseMetaData(
        dataSource,
        metaData -> {
          String name =
              metaData.storesLowerCaseIdentifiers()
                  ? table.toLowerCase(Locale.ROOT)
                  : table.toUpperCase(Locale.ROOT);
          try (ResultSet indexes = metaData.getIndexInfo(null, null, name, false, true)) {
            while (indexes.next()) {
              if (NAME.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                return true;
              }
            }
            return false;
          }
        });
  }
}
