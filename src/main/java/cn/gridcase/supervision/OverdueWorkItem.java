package cn.gridcase.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One overdue item of an {@link OverdueWork}: what it is ({@code kind}, e.g. MEETING, ASSIGNMENT),
 * its reference as users read it (例会 12), the step ({@code step} a code, {@code stepLabel} in
 * Chinese), the unit that should have done it and its place in the hierarchy, who holds it or may
 * take it, its deadline, the open user task if there is one, and the page that shows it ({@code
 * href}, null when there is none for the viewer).
 */
public record OverdueWorkItem(
    String kind,
    String reference,
    String step,
    String stepLabel,
    String levelLabel,
    String taskName,
    String title,
    String unitCode,
    String gridCode,
    String villageCode,
    String townshipCode,
    String departmentCode,
    String assignee,
    List<String> candidates,
    OffsetDateTime due,
    String taskId,
    String href) {

  public OverdueWorkItem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(due, "due");
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
  }
}
