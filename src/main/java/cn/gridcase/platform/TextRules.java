package cn.gridcase.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plausibility of what a client sends, one set of rules for every {@code /api} request body and for
 * the values Tasklist forms and {@code /engine-rest} submit to a task (the task listeners use it
 * too): no control characters (except line breaks and tabs in multi-line texts), no unpaired
 * surrogates (they are not text and break databases and exports), no text over its field's length,
 * no time outside 2000–2100.
 */
public final class TextRules {

  /** A name, a code, a phone, a one-line label. */
  public static final int DEFAULT_MAX = 200;

  /** A short multi-line text: a reason, a comment, an urge. */
  public static final int NOTE_MAX = 2000;

  /** A long multi-line text: the cause or course of an event, a result, facts, reasoning. */
  public static final int LONG_MAX = 4000;

  /** The earliest and the latest moment GridCase takes (exclusive upper bound). */
  public static final OffsetDateTime EARLIEST =
      OffsetDateTime.of(
          2000,
          1,
          1,
          0,
          0,
          0,
          0,
          GridCaseTime.ZONE.getRules().getOffset(LocalDateTime.of(2000, 1, 1, 0, 0)));

  public static final OffsetDateTime LATEST =
      OffsetDateTime.of(2101, 1, 1, 0, 0, 0, 0, EARLIEST.getOffset());

  private TextRules() {}

  /** The problem with a text, if any: control characters, unpaired surrogates, too long. */
  public static Optional<ApiError> check(String field, String value, int max, boolean multiLine) {
    if (value == null) {
      return Optional.empty();
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        return Optional.of(
            new ApiError(field, "text.surrogate", "含有不成对的代理字符（第 " + (i + 1) + " 个字符），不是有效的文字"));
      }
      if (isControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
        return Optional.of(
            new ApiError(
                field,
                "text.control",
                "含有控制字符 U+"
                    + String.format("%04X", (int) c)
                    + "（第 "
                    + (i + 1)
                    + " 个字符）"
                    + (multiLine ? "；只允许换行和制表符" : "；此字段只能是一行文字")));
      }
    }
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      return Optional.of(
          new ApiError(field, "text.length", "长度为 " + length + " 个字符，最多 " + max + " 个字符"));
    }
    return Optional.empty();
  }

  /** The problem with a date or time, if any: before 2000 or from 2101 on. */
  /**
   * {@link #check} on every text among a step's submitted values (Tasklist, {@code /engine-rest}):
   * multi-line fields up to {@link #LONG_MAX}, one-line fields up to their own limit or {@link
   * #DEFAULT_MAX}; the problems sorted by field.
   */
  public static List<ApiError> checkAll(
      Map<String, Object> values, Set<String> multiLineFields, Map<String, Integer> oneLineLimits) {
    List<ApiError> errors = new ArrayList<>();
    values.forEach(
        (field, value) -> {
          if (value instanceof String text) {
            boolean multiLine = multiLineFields.contains(field);
            int max = multiLine ? LONG_MAX : oneLineLimits.getOrDefault(field, DEFAULT_MAX);
            check(field, text, max, multiLine).ifPresent(errors::add);
          }
        });
    errors.sort(Comparator.comparing(ApiError::field));
    return errors;
  }

  public static Optional<ApiError> checkTime(String field, Temporal value) {
    boolean outside;
    if (value instanceof OffsetDateTime moment) {
      outside = moment.isBefore(EARLIEST) || !moment.isBefore(LATEST);
    } else if (value instanceof ZonedDateTime moment) {
      outside =
          moment.toOffsetDateTime().isBefore(EARLIEST)
              || !moment.toOffsetDateTime().isBefore(LATEST);
    } else if (value instanceof Instant moment) {
      outside = moment.isBefore(EARLIEST.toInstant()) || !moment.isBefore(LATEST.toInstant());
    } else if (value instanceof LocalDate date) {
      outside = date.getYear() < 2000 || date.getYear() > 2100;
    } else {
      outside = false;
    }
    return outside
        ? Optional.of(new ApiError(field, "time.range", "时间须在 2000 年至 2100 年之间，而不是 " + value))
        : Optional.empty();
  }

  /**
   * C0 and C1 control characters, DEL, and the Unicode line/paragraph separators and BOM-like
   * marks.
   */
  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF';
  }
}
