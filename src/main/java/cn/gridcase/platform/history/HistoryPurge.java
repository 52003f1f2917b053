package cn.gridcase.platform.history;

import cn.gridcase.platform.EngineTables;
import cn.gridcase.platform.ProcessVariableCatalogue;
import cn.gridcase.platform.ProcessVariableCatalogue.HistoricValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes, once per database, what the engine's history kept before {@link CataloguedHistory}
 * existed: history variables (and their byte arrays) that no catalogue names, submitted form
 * fields, task descriptions, comments and attachments. Plain SQL, because the engine's API deletes
 * history only by whole process instance; the rows removed are the ones the filter would never have
 * written. In batches of {@value #BATCH} rows, each its own transaction, so a large production
 * history is never locked as a whole while the engine works. Done is remembered as an engine
 * property, so later starts cost one look-up; until then every start tries again and says so.
 */
@Component
class HistoryPurge {

  static final String DONE = "gridcase.history-purged";
  private static final Logger log = LoggerFactory.getLogger(HistoryPurge.class);
  private static final int BATCH = 500;

  private final Map<String, Map<String, HistoricValue>> catalogue;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ManagementService managementService;

  HistoryPurge(
      List<ProcessVariableCatalogue> catalogues,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      ManagementService managementService) {
    this.catalogue = HistoryPrivacy.merge(catalogues);
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.managementService = managementService;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    try {
      if (!managementService.getProperties().containsKey(DONE)) {
        purge();
      }
    } catch (RuntimeException e) {
      // e.g. two nodes starting at once: the deletes are idempotent and the next start tries again
      log.error(
          "Engine history purge not finished: personal data of earlier steps may remain in the"
              + " engine's history tables; retried at the next start",
          e);
    }
  }

  /** Removes the rows and remembers it; returns how many history rows were removed or cleared. */
  int purge() {
    List<Object> parameters = new ArrayList<>();
    String catalogued = catalogued(parameters);
    int rows =
        remove(
            EngineTables.VARIABLE_HISTORY, "BYTEARRAY_ID_", "NOT (" + catalogued + ")", parameters);
    rows +=
        remove(
            EngineTables.DETAIL_HISTORY,
            "BYTEARRAY_ID_",
            "TYPE_ <> 'VariableUpdate' OR NOT (" + catalogued + ")",
            parameters);
    rows += remove(EngineTables.COMMENT_HISTORY, null, "1 = 1", List.of());
    rows += remove(EngineTables.ATTACHMENT_HISTORY, "CONTENT_ID_", "1 = 1", List.of());
    rows += clearTaskDescriptions();
    managementService.setProperty(DONE, "1");
    log.info(
        "Engine history purged of uncatalogued variables, form fields, task descriptions, comments"
            + " and attachments: {} rows",
        rows);
    return rows;
  }

  private int clearTaskDescriptions() {
    int cleared = 0;
    while (true) {
      Integer batch =
          transaction.execute(
              status -> {
                List<Object[]> ids =
                    jdbc
                        .queryForList(
                            "SELECT ID_ FROM "
                                + EngineTables.TASK_HISTORY
                                + " WHERE DESCRIPTION_ IS NOT NULL"
                                + " FETCH FIRST "
                                + BATCH
                                + " ROWS ONLY",
                            String.class)
                        .stream()
                        .map(id -> new Object[] {id})
                        .toList();
                jdbc.batchUpdate(
                    "UPDATE "
                        + EngineTables.TASK_HISTORY
                        + " SET DESCRIPTION_ = NULL WHERE ID_ = ?",
                    ids);
                return ids.size();
              });
      if (batch == null || batch == 0) {
        return cleared;
      }
      cleared += batch;
    }
  }

  /** SQL that is true for a row of a catalogued variable of its process. */
  private String catalogued(List<Object> parameters) {
    List<String> clauses = new ArrayList<>();
    catalogue.forEach(
        (process, variables) -> {
          parameters.add(process);
          parameters.addAll(variables.keySet());
          clauses.add(
              "(COALESCE(PROC_DEF_KEY_, '') = ? AND NAME_ IN ("
                  + String.join(", ", Collections.nCopies(variables.size(), "?"))
                  + "))");
        });
    return clauses.isEmpty() ? "1 = 0" : String.join(" OR ", clauses);
  }

  /**
   * Deletes the table's rows matching the condition and the byte arrays they reference, batch by
   * batch.
   */
  private int remove(
      String table, String byteArrayColumn, String condition, List<Object> parameters) {
    int removed = 0;
    String columns = byteArrayColumn == null ? "ID_" : "ID_, " + byteArrayColumn + " AS BYTES_";
    while (true) {
      Integer batch =
          transaction.execute(
              status -> {
                List<Map<String, Object>> rows =
                    jdbc.queryForList(
                        "SELECT "
                            + columns
                            + " FROM "
                            + table
                            + " WHERE "
                            + condition
                            + " FETCH FIRST "
                            + BATCH
                            + " ROWS ONLY",
                        parameters.toArray());
                List<Object[]> ids = new ArrayList<>();
                List<Object[]> byteArrays = new ArrayList<>();
                for (Map<String, Object> row : rows) {
                  ids.add(new Object[] {row.get("ID_")});
                  if (row.get("BYTES_") != null) {
                    byteArrays.add(new Object[] {row.get("BYTES_")});
                  }
                }
                jdbc.batchUpdate("DELETE FROM " + table + " WHERE ID_ = ?", ids);
                jdbc.batchUpdate(
                    "DELETE FROM " + EngineTables.BYTE_ARRAY + " WHERE ID_ = ?", byteArrays);
                return rows.size();
              });
      if (batch == null || batch == 0) {
        return removed;
      }
      removed += batch;
    }
  }
}
