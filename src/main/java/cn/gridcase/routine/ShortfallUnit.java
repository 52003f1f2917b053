package cn.gridcase.routine;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * One day, week or month of a requirement (for a special person's visit: one person and week):
 * {@code key} the date ({@code 2026-10-08}), ISO week ({@code 2026-W41}) or month ({@code
 * 2026-10}); {@code required}, {@code done} and {@code short} in the requirement's measure (PATROL:
 * 1 for the day, done when {@code minutes} reach 120); {@code open} while the day, week or month is
 * still running (not yet a shortfall: what is still to do); {@code recordIds} the work records that
 * count and {@code eventNumbers} the reported events that count (information entries).
 */
public record ShortfallUnit(
    String key,
    LocalDate from,
    LocalDate to,
    int required,
    int done,
    @JsonProperty("short") int shortBy,
    boolean open,
    Integer minutes,
    Long personId,
    String personName,
    String gridCode,
    List<Long> recordIds,
    List<String> eventNumbers) {}
