package cn.gridcase.routine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A grid worker's shortfalls over a period ({@code 2026-W40}, {@code 2026-10}, {@code 2026-Q4}), as
 * of {@code asOf} (today): working days up to today, the ISO weeks and months that begin in the
 * period. {@code running} while the period is not over; {@code provisional} when a year of it has
 * no loaded holiday schedule (T3: Monday–Friday assumed, {@code provisionalYears}).
 */
public record ShortfallReport(
    String username,
    String period,
    LocalDate from,
    LocalDate to,
    LocalDate asOf,
    boolean running,
    boolean provisional,
    List<Integer> provisionalYears,
    List<ShortfallItem> items) {

  public Optional<ShortfallItem> item(Requirement requirement) {
    return items.stream().filter(i -> i.requirement() == requirement).findFirst();
  }
}
