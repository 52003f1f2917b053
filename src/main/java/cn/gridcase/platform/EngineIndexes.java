package cn.gridcase.platform;

import java.sql.ResultSet;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Indexes of GridCase's own on the engine's tables ({@link EngineTables}). Camunda's tables are the
 * engine's, not Flyway's, and may not exist when Flyway runs, so such an index is created after the
 * engine has created or updated its schema, from a process engine plugin's {@code
 * postProcessEngineBuild}: looked up first (even {@code create index if not exists} locks the table
 * against writes on PostgreSQL), created only when missing, concurrently on PostgreSQL so that
 * other nodes go on writing meanwhile. Failing is logged, not fatal: the engine only answers more
 * slowly without it. Camunda's schema upgrades leave indexes they do not know alone.
 */
public final class EngineIndexes {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  private EngineIndexes() {}

  /**
   * Creates the index {@code name} on {@code table (columns)} unless it is there.
   *
   * @param purpose what the index is for, for the log ("the work list")
   * @return whether the index is there now
   */
  public static boolean ensure(
      DataSource dataSource, String table, String name, String columns, String purpose) {
    try {
      if (exists(dataSource, table, name)) {
        return true;
      }
      new JdbcTemplate(dataSource)
          .execute(
              "create index "
                  + (Databases.isPostgres(dataSource) ? "concurrently " : "")
                  + "if not exists "
                  + name
                  + " on "
                  + table
                  + " ("
                  + columns
                  + ")");
      LOG.info("Created index {} on {} for {}", name, table, purpose);
      return true;
    } catch (MetaDataAccessException | DataAccessException e) {
      LOG.warn("Could not create index {} on {}; {} is slower without it", name, table, purpose, e);
      return false;
    }
  }

  /** Whether {@code table} has the index {@code name}, in the database's own case of names. */
  public static boolean exists(DataSource dataSource, String table, String name)
      throws MetaDataAccessException {
    return JdbcUtils.extractDatabaseMetaData(
        dataSource,
        metaData -> {
          String stored =
              metaData.storesLowerCaseIdentifiers()
                  ? table.toLowerCase(Locale.ROOT)
                  : table.toUpperCase(Locale.ROOT);
          try (ResultSet indexes = metaData.getIndexInfo(null, null, stored, false, true)) {
            while (indexes.next()) {
              if (name.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                return true;
              }
            }
            return false;
          }
        });
  }
}
