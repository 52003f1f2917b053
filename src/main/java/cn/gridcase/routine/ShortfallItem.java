package cn.gridcase.routine;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A requirement over a period: {@code required}, {@code done} and {@code short} summed over the
 * units judged (the days, weeks and months that are over), {@code dates} the keys of those short,
 * {@code units} every judged unit with the records that count, {@code open} the units still running
 * (today, this week, this month) with what is still to do.
 *
 * <p>A4's deductions read: item 1, the units with {@code short > 0}; item 3, {@code short} (weeks);
 * item 5, {@code short} of SPECIAL_PERSON_VISIT (persons × weeks), of FAMILY_VISIT (visits) and of
 * HOUSEHOLDS (households); item 6, {@code short} (diaries).
 */
public record ShortfallItem(
    Requirement requirement,
    String rule,
    String label,
    Requirement.Unit unit,
    int required,
    int done,
    @JsonProperty("short") int shortBy,
    List<String> dates,
    List<ShortfallUnit> units,
    List<ShortfallUnit> open) {}
