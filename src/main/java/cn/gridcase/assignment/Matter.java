package cn.gridcase.assignment;

import java.util.List;

/** A matter of a township's list (事项清单, S4) with its whole history, oldest first. */
public record Matter(
    String townshipCode,
    String code,
    String name,
    MatterStatus status,
    List<MatterChange> history) {

  public Matter {
    history = List.copyOf(history);
  }
}
