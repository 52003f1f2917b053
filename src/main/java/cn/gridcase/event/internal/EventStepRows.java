package cn.gridcase.event.internal;

import cn.gridcase.event.EventView;
import cn.gridcase.security.UserAccounts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The rows of an event's step history (E10) as the pages show them: every step with its action in
 * Chinese, level, unit, the actor's name (family name first), time, deadline, late mark and note —
 * urges and 督办 too. Used by the fragment {@code event/fragments :: steps(event)} as
 * {@code @eventStepRows}, so any page that has an {@link EventView} can show the history.
 */
@Component("eventStepRows")
public class EventStepRows {

  /** One row of the history table. */
  public record Row(
      String at,
      String action,
      String actionCode,
      String level,
      String unit,
      String actor,
      String deadline,
      boolean late,
      String note) {}

  private final UserAccounts accounts;

  EventStepRows(UserAccounts accounts) {
    this.accounts = accounts;
  }

  public List<Row> of(EventView event) {
    Map<String, String> names = new HashMap<>();
    return event.steps().stream()
        .map(
            step ->
                new Row(
                    EventPageText.minute(step.at()),
                    EventPageText.action(step.action()),
                    step.action(),
                    step.level() == null ? "" : step.level().label(),
                    step.unitCode(),
                    names.computeIfAbsent(step.actor() == null ? "" : step.actor(), this::name),
                    EventPageText.day(step.deadline()),
                    step.late(),
                    step.note() == null ? "" : step.note()))
        .toList();
  }

  /**
   * A user's name family name first (张伟), "系统" for the engine's own steps, the account when it has
   * no name.
   */
  public String name(String username) {
    if (username == null || username.isEmpty()) {
      return "";
    }
    if (EventProcessSupport.SYSTEM.equals(username)) {
      return "系统";
    }
    return accounts.nameOf(username);
  }
}
