package cn.gridcase.platform.history;

import cn.gridcase.platform.ProcessVariableCatalogue.HistoricValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.variable.type.ValueType;

/**
 * Wraps the engine's history event handler so that user-entered content never reaches the history
 * tables. Variables (ACT_HI_VARINST, ACT_HI_DETAIL and their byte arrays) pass only when catalogued
 * for their process; a catalogued variable whose value does not fit loses its value. Submitted form
 * fields (ACT_HI_DETAIL, written even at history level audit) never pass. Task descriptions
 * (ACT_HI_TASKINST) are not kept: GridCase's describe the event or case, which lives in the domain
 * tables under their access rules. In the processes catalogued as {@link
 * ProcessVariableCatalogue#waitsOnlyActivityHistory() waits only}, the activities that take no time
 * (exclusive, inclusive and parallel gateways, plain start and end events, automatic tasks) leave
 * no ACT_HI_ACTINST row. Everything else passes unchanged.
 */
final class CataloguedHistory implements HistoryEventHandler {

  /** No value that history stores (dates, doubles, objects, files) is admitted as an id or flag. */
  private static final Object NOT_ADMISSIBLE = new Object();

  /**
   * The activities that take no time: gateways that decide at once (not the event-based one, which
   * waits), plain start and end events, automatic tasks. Every event of one activity has the same
   * type, so a row is either written with all its updates or never: the engine never updates a row
   * that is not there.
   */
  private static final Set<String> INSTANT =
      Set.of(
          ActivityTypes.GATEWAY_EXCLUSIVE,
          ActivityTypes.GATEWAY_INCLUSIVE,
          ActivityTypes.GATEWAY_PARALLEL,
          ActivityTypes.START_EVENT,
          ActivityTypes.END_EVENT_NONE,
          ActivityTypes.TASK_SERVICE,
          ActivityTypes.TASK_SCRIPT,
          ActivityTypes.TASK_BUSINESS_RULE,
          ActivityTypes.TASK_SEND_TASK,
          ActivityTypes.TASK);

  private final HistoryEventHandler engine;
  private final Map<String, Map<String, HistoricValue>> catalogue;
  private final Set<String> waitsOnly;

  CataloguedHistory(
      HistoryEventHandler engine,
      Map<String, Map<String, HistoricValue>> catalogue,
      Set<String> waitsOnly) {
    this.engine = engine;
    this.catalogue = catalogue;
    this.waitsOnly = waitsOnly;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (admit(event)) {
      engine.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    List<HistoryEvent> admitted = new ArrayList<>(events.size());
    for (HistoryEvent event : events) {
      if (admit(event)) {
        admitted.add(event);
      }
    }
    if (!admitted.isEmpty()) {
      engine.handleEvents(admitted);
    }
  }

  /** Whether the event may be written; trims what it carries on the way. */
  boolean admit(HistoryEvent event) {
    if (event instanceof HistoricFormPropertyEventEntity) {
      return false;
    }
    if (event instanceof HistoricActivityInstanceEventEntity activity
        && activity.getProcessDefinitionKey() != null
        && waitsOnly.contains(activity.getProcessDefinitionKey())) {
      return !INSTANT.contains(activity.getActivityType());
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      // a standalone task's variable has no process, so no catalogue: it never passes
      HistoricValue allowed =
          variable.getProcessDefinitionKey() == null
              ? null
              : catalogue
                  .getOrDefault(variable.getProcessDefinitionKey(), Map.of())
                  .get(variable.getVariableName());
      if (allowed == null) {
        // every event of a variable has the same name and key, so its history row never exists
        return false;
      }
      Object value = value(variable);
      if (value != null && !allowed.admits(value)) {
        erase(variable);
      }
      return true;
    }
    if (event instanceof HistoricTaskInstanceEventEntity task) {
      task.setDescription(null);
    }
    return true;
  }

  /** The value as the engine's serializer stored it in the event. */
  private static Object value(HistoricVariableUpdateEventEntity variable) {
    String serializer = variable.getSerializerName();
    if (serializer == null || ValueType.NULL.getName().equals(serializer)) {
      return null;
    }
    if (ValueType.STRING.getName().equals(serializer)) {
      return variable.getTextValue();
    }
    if (ValueType.INTEGER.getName().equals(serializer)
        || ValueType.LONG.getName().equals(serializer)
        || ValueType.SHORT.getName().equals(serializer)) {
      return variable.getLongValue();
    }
    if (ValueType.BOOLEAN.getName().equals(serializer)) {
      return variable.getLongValue() == null ? null : variable.getLongValue() == 1L;
    }
    return NOT_ADMISSIBLE;
  }

  /** Keeps the row (name, when, where) without anything a user may have put in the value. */
  private static void erase(HistoricVariableUpdateEventEntity variable) {
    variable.setSerializerName(ValueType.NULL.getName());
    variable.setTextValue(null);
    variable.setTextValue2(null);
    variable.setLongValue(null);
    variable.setDoubleValue(null);
    variable.setByteValue(null);
  }
}
