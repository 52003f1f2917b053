package cn.gridcase.calendar.internal;

import cn.gridcase.platform.GridCaseTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The working-day expression understood by GridCase's business calendars (see
 * docs/bpmn-authoring.md): {@code workdays:N} counts N working days from the moment the timer or
 * task is created; {@code workdays:N@2026-09-30T10:00:00+08:00} counts from the moment given.
 */
public record WorkdaysExpression(int workingDays, OffsetDateTime from) {

  public static final String PREFIX = "workdays:";
  private static final Pattern SYNTAX =
      Pattern.compile("workdays:\\s*(-?\\d+)\\s*(?:@\\s*(\\S+))?\\s*");

  static boolean matches(String description) {
    return description != null && description.trim().startsWith(PREFIX);
  }

  /** Parses the expression; {@code now} is the moment used when none is given. */
  static WorkdaysExpression parse(String description, Date now) {
    Matcher matcher = SYNTAX.matcher(description.trim());
    if (!matcher.matches()) {
      throw new ProcessEngineException(
          "Invalid working-day expression '"
              + description
              + "': expected workdays:N or workdays:N@<ISO-8601 date-time with offset>");
    }
    int n = Integer.parseInt(matcher.group(1));
    if (n < 1) {
      throw new ProcessEngineException(
          "Invalid working-day expression '" + description + "': N must be 1 or more");
    }
    OffsetDateTime from;
    if (matcher.group(2) == null) {
      from = OffsetDateTime.ofInstant(now.toInstant(), GridCaseTime.ZONE);
    } else {
      try {
        from = OffsetDateTime.parse(matcher.group(2));
      } catch (DateTimeParseException e) {
        throw new ProcessEngineException(
            "Invalid working-day expression '"
                + description
                + "': the moment after @ must be an ISO-8601 date-time with offset",
            e);
      }
    }
    return new WorkdaysExpression(n, from);
  }

  /** {@code workdays:N@moment} for a moment given as Date, java.time value or ISO string. */
  public static String format(Object moment, int workingDays) {
    OffsetDateTime from = toOffsetDateTime(moment);
    return PREFIX
        + workingDays
        + "@"
        + from.atZoneSameInstant(GridCaseTime.ZONE)
            .toOffsetDateTime()
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  static OffsetDateTime toOffsetDateTime(Object moment) {
    if (moment instanceof OffsetDateTime offset) {
      return offset;
    }
    if (moment instanceof ZonedDateTime zoned) {
      return zoned.toOffsetDateTime();
    }
    if (moment instanceof Instant instant) {
      return OffsetDateTime.ofInstant(instant, GridCaseTime.ZONE);
    }
    if (moment instanceof Date date) {
      return OffsetDateTime.ofInstant(date.toInstant(), GridCaseTime.ZONE);
    }
    if (moment instanceof String text) {
      try {
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        throw new ProcessEngineException(
            "'" + text + "' is not an ISO-8601 date-time with offset", e);
      }
    }
    throw new ProcessEngineException(
        "Cannot count working days from "
            + moment
            + ": give a Date, an OffsetDateTime or an ISO-8601 string");
  }
}
