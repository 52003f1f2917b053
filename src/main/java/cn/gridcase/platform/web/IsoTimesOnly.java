package cn.gridcase.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.temporal.Temporal;

/**
 * Dates and times in {@code /api} bodies are ISO-8601 strings only (docs/api.md, Conventions):
 * Jackson would otherwise read a number such as {@code 2147483648} as seconds since 1970 — the demo
 * clock set to 2038 by a typo. A number for a date or time is a 400 naming the field.
 */
class IsoTimesOnly extends SimpleModule {

  IsoTimesOnly() {
    super("gridcase-iso-times-only");
    setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config,
              BeanDescription description,
              JsonDeserializer<?> deserializer) {
            return Temporal.class.isAssignableFrom(description.getBeanClass())
                ? new StringsOnly(deserializer)
                : deserializer;
          }
        });
  }

  private static final class StringsOnly extends DelegatingDeserializer {

    StringsOnly(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new StringsOnly(delegate);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.hasToken(JsonToken.VALUE_NUMBER_INT)
          || parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
        JavaType type = context.constructType(handledType());
        return context.handleUnexpectedToken(type, parser);
      }
      return super.deserialize(parser, context);
    }
  }
}
