package cn.gridcase.assignment;

import java.time.OffsetDateTime;

/**
 * One entry of a matter's history, kept for ever: an admission ({@code ADMIT}, 准入), a prohibition
 * ({@code PROHIBIT}, 禁入) or a withdrawal ({@code WITHDRAW}, 退出), the status and name it left, the
 * approval it rests on, who recorded it and when.
 */
public record MatterChange(
    String action,
    MatterStatus status,
    String name,
    Approval approval,
    String recordedBy,
    OffsetDateTime recordedAt) {

  public static final String ADMIT = "ADMIT";
  public static final String PROHIBIT = "PROHIBIT";
  public static final String WITHDRAW = "WITHDRAW";

  /** The action's Chinese name. */
  public String actionLabel() {
    return switch (action) {
      case ADMIT -> "准入";
      case PROHIBIT -> "禁入";
      case WITHDRAW -> "退出";
      default -> action;
    };
  }
}
