package cn.gridcase.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.AbstractTypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Lets the engine hold a {@link TransientValue}: the engine looks up a serializer even for a
 * transient object value, though it never writes one. This one takes only transient values in
 * memory (never a persistent or serialized one, so nothing a client sends through {@code
 * /engine-rest} can use it) and writes nothing.
 */
@Component
class TransientValues extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers =
        configuration.getCustomPreVariableSerializers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreVariableSerializers());
    serializers.add(new InMemoryOnly());
    configuration.setCustomPreVariableSerializers(serializers);
  }

  static final class InMemoryOnly extends AbstractTypedValueSerializer<ObjectValue> {

    InMemoryOnly() {
      super(ValueType.OBJECT);
    }

    @Override
    public String getName() {
      return "gridcase-in-memory";
    }

    @Override
    public String getSerializationDataformat() {
      return TransientValue.FORMAT;
    }

    @Override
    protected boolean canWriteValue(TypedValue value) {
      return value instanceof ObjectValue object
          && object.isTransient()
          && object.isDeserialized()
          && TransientValue.FORMAT.equals(object.getSerializationDataFormat());
    }

    @Override
    public void writeValue(ObjectValue value, ValueFields fields) {
      // a transient value is never stored: the engine keeps the object itself for the transaction
    }

    @Override
    public ObjectValue readValue(
        ValueFields fields, boolean deserialize, boolean asTransientValue) {
      throw new IllegalStateException(
          "a transient value is never stored, so never read back: " + fields.getName());
    }

    @Override
    public ObjectValue convertToTypedValue(UntypedValueImpl untyped) {
      return Variables.objectValue(untyped.getValue(), untyped.isTransient())
          .serializationDataFormat(TransientValue.FORMAT)
          .create();
    }
  }
}
