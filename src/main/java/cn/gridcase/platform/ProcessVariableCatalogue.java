package cn.gridcase.platform;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The process variables of a feature's processes that the engine may keep in its history: ids and
 * routing flags, each with the values it may hold there. Any other variable — above all what users
 * type into a task's form, whichever door it came through (Tasklist, {@code /engine-rest}, {@code
 * /api}) — never reaches the engine's history tables; a catalogued variable whose value does not
 * fit is kept without its value (docs/architecture.md, "What the engine's history keeps").
 */
public interface ProcessVariableCatalogue {

  /** Process definition key → variable name → the values history may keep. */
  Map<String, Map<String, HistoricValue>> historicVariables();

  /**
   * The processes whose activity history keeps only what someone did or waited for — user tasks,
   * call activities and the events that wait (timers, messages, the event-based gateway) — and none
   * of the steps that take no time: exclusive, inclusive and parallel gateways, plain (none) start
   * and end events, service, script, business-rule and send tasks. For the models run for every
   * event, whose domain tables record each step with who and when anyway: most of an event's
   * history bytes are those rows (docs/architecture.md, "What the engine's history keeps").
   */
  default Set<String> waitsOnlyActivityHistory() {
    return Set.of();
  }

  /** The values history may keep of one variable; {@code null} (no value) always passes. */
  @FunctionalInterface
  interface HistoricValue {

    Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * @param value the variable's value as history would store it: a {@link String}, {@link Long}
     *     or {@link Boolean} (other types are never admitted)
     */
    boolean admits(Object value);

    /** A unit code, user name or similar id. */
    static HistoricValue identifier() {
      return value -> value instanceof String text && IDENTIFIER.matcher(text).matches();
    }

    static HistoricValue matching(Pattern pattern) {
      return value -> value instanceof String text && pattern.matcher(text).matches();
    }

    /** The name of one of the enum's constants. */
    static HistoricValue oneOf(Class<? extends Enum<?>> type) {
      Set<String> names =
          Arrays.stream(type.getEnumConstants())
              .map(Enum::name)
              .collect(Collectors.toUnmodifiableSet());
      return oneOf(names);
    }

    static HistoricValue oneOf(Set<String> names) {
      Set<String> allowed = Set.copyOf(names);
      return value -> value instanceof String text && allowed.contains(text);
    }

    /** A whole number (ids, day counts). */
    static HistoricValue number() {
      return value -> value instanceof Long;
    }

    /** A routing flag. */
    static HistoricValue flag() {
      return value -> value instanceof Boolean;
    }
  }
}
