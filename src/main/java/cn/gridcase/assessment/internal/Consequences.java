package cn.gridcase.assessment.internal;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.assessment.Rulebook;
import java.util.Optional;

/**
 * C3 (quarterly part): the proposal a 不合格 quarter raises, by the township's rulebook and the number
 * of consecutive 不合格 quarters ending with this one (the quarters right before it, across years).
 * S0: one → 通报批评, two or more → the dismissal procedure; S1: two → 通报批评, three or more → not
 * renewed for the next year. One proposal per grid worker and quarter, the strongest that applies.
 */
public final class Consequences {

  static final String TRIGGER_CRITICISM = AccountabilityProposals.ASSESSMENT_FAILED_CRITICISM;
  static final String TRIGGER_DISMISSAL = AccountabilityProposals.ASSESSMENT_FAILED_DISMISSAL;
  static final String TRIGGER_TWICE_CRITICISM =
      AccountabilityProposals.ASSESSMENT_FAILED_S1_CRITICISM;
  static final String TRIGGER_NOT_RENEWED = AccountabilityProposals.ASSESSMENT_FAILED_NOT_RENEWED;

  private Consequences() {}

  /** What to propose: the trigger, the measure (API enumeration or a name) and its wording. */
  public record Consequence(String trigger, String measure, String text) {}

  static Optional<Consequence> of(Rulebook rulebook, int consecutiveFails) {
    if (consecutiveFails < 1) {
      return Optional.empty();
    }
    return switch (rulebook) {
      case S0 ->
          Optional.of(
              consecutiveFails >= 2
                  ? new Consequence(
                      TRIGGER_DISMISSAL,
                      "DISMISSAL",
                      "连续" + consecutiveFails + "个季度考核不合格：启动辞退程序（S0 第四条（一））")
                  : new Consequence(
                      TRIGGER_CRITICISM, "CIRCULATED_CRITICISM", "季度考核不合格：通报批评（S0 第四条（一））"));
      case S1 ->
          consecutiveFails >= 3
              ? Optional.of(
                  new Consequence(
                      TRIGGER_NOT_RENEWED,
                      "NOT_RENEWED",
                      "连续" + consecutiveFails + "个季度考核不合格：下一年不予续用（S1 五(一)3）"))
              : consecutiveFails == 2
                  ? Optional.of(
                      new Consequence(
                          TRIGGER_TWICE_CRITICISM,
                          "CIRCULATED_CRITICISM",
                          "连续2个季度考核不合格：通报批评（S1 五(一)3）"))
                  : Optional.empty();
    };
  }
}
