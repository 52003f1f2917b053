package cn.gridcase.platform;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * A Java object handed to the process engine for the current transaction only — a step's typed
 * command from {@code /api} to the task listener, from the listener to the service task after it.
 * Transient values are never written to the runtime or history tables; {@link TransientValues} lets
 * the engine hold them without a serializer (GridCase has neither Spin nor Java serialization).
 */
public final class TransientValue {

  /** The data format that marks a value as held in memory only. */
  public static final String FORMAT = "application/x-gridcase-in-memory";

  private TransientValue() {}

  public static ObjectValue of(Object value) {
    return Variables.objectValue(value, true).serializationDataFormat(FORMAT).create();
  }
}
