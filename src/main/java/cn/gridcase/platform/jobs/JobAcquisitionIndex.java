package cn.gridcase.platform.jobs;

import cn.gridcase.platform.EngineIndexes;
import cn.gridcase.platform.EngineTables;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The job executor acquires jobs by due date ({@code job-executor-acquire-by-due-date} and {@code
 * ensure-job-due-date-not-null} in application.yml, docs/architecture.md "The job executor and
 * several nodes"): every acquisition asks for the oldest due jobs, {@code DUEDATE_ <= now order by
 * DUEDATE_}, which an index on the due date answers by reading the due jobs only — not the 1–1.5
 * million timers of a province that are not due yet. The engine has no such index; Camunda's user
 * guide recommends one with this setting. Created after the engine's schema by {@link
 * EngineIndexes}; without it acquisition is only slower.
 *
 * <p>{@code ensure-job-due-date-not-null} gives every new job a due date (an asynchronous
 * continuation: its creation time) so the acquisition has no {@code DUEDATE_ is null or} branch; a
 * job written before the setting without one would never be acquired, so at start those are given
 * their creation time (it changes nothing else: a job without a due date is due at once).
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

  static final String NAME = "GRIDCASE_IDX_JOB_DUEDATE";
  private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndex.class);

  private final DataSource dataSource;
  // read after every plugin's preInit: the starter applies the generic properties in one
  private boolean dueDatesEnsured;

  JobAcquisitionIndex(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    dueDatesEnsured = configuration.isEnsureJobDueDateNotNull();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    String jobs = EngineTables.JOB;
    try {
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      if (dueDatesEnsured) {
        int dated =
            jdbc.update("update " + jobs + " set DUEDATE_ = CREATE_TIME_ where DUEDATE_ is null");
        if (dated > 0) {
          LOG.info("Gave {} jobs without a due date their creation time as due date", dated);
        }
      }
    } catch (DataAccessException e) {
      LOG.warn("Could not give the jobs without a due date one", e);
    }
    EngineIndexes.ensure(dataSource, jobs, NAME, "DUEDATE_", "the job acquisition");
  }

  boolean exists(String table) throws MetaDataAccessException {
    return EngineIndexes.exists(dataSource, table, NAME);
  }
}
