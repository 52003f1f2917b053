package cn.gridcase.worklist.internal;

import cn.gridcase.calendar.TaskDueDatesMoved;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the work list's queues ({@link WorkQueues}) in step with the engine: every user task of
 * every model gets built-in listeners for its creation, assignment, update (the engine fires it for
 * due dates, candidates added or removed, claims), completion and deletion, which mark the task as
 * changed in the engine's transaction. Due dates the calendar moves with its own SQL after a
 * schedule load arrive as {@link TaskDueDatesMoved}. At the first start after the queues' table was
 * created, the queues are built from the open tasks, before the job executor and the web server
 * start.
 */
@Component
class WorkQueueListeners extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(WorkQueueListeners.class);
  static final Set<String> EVENTS =
      Set.of(
          TaskListener.EVENTNAME_CREATE,
          TaskListener.EVENTNAME_ASSIGNMENT,
          TaskListener.EVENTNAME_UPDATE,
          TaskListener.EVENTNAME_COMPLETE,
          TaskListener.EVENTNAME_DELETE);

  private final WorkQueues queues;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  WorkQueueListeners(
      WorkQueues queues,
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      Clock clock,
      ObjectProvider<FlywayMigrationInitializer> migrations) {
    this.queues = queues;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
    // the queues' table is Flyway's: migrated before the engine is built and rebuilds them below
    migrations.ifAvailable(migration -> {});
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    TaskListener changed = task -> queues.changed(List.of(task.getId()));
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(
              Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            var definition =
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            EVENTS.forEach(event -> definition.addBuiltInTaskListener(event, changed));
          }
        });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    rebuildIfNeeded();
  }

  /**
   * Builds the queues from the engine's open tasks when the state row asks for it (the first start
   * after V22); another node starting at the same moment waits on the row and then finds it done.
   */
  int rebuildIfNeeded() {
    Integer rebuilt =
        transaction.execute(
            status -> {
              Boolean needed =
                  jdbc.queryForObject(
                      "select rebuild_needed from work_list_state where id = 1 for update",
                      Boolean.class);
              if (!Boolean.TRUE.equals(needed)) {
                return null;
              }
              int rows = queues.rebuild();
              jdbc.update(
                  "update work_list_state set rebuild_needed = false, rebuilt_at = ? where id = 1",
                  OffsetDateTime.now(clock));
              return rows;
            });
    if (rebuilt != null) {
      LOG.info("Built the work list's queues from the open tasks: {} rows", rebuilt);
      return rebuilt;
    }
    return 0;
  }

  /** Due dates moved by the calendar's recompute, in its transaction. */
  @EventListener
  void dueDatesMoved(TaskDueDatesMoved moved) {
    queues.changed(moved.taskIds());
  }
}
