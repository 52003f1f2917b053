package cn.gridcase.routine;

import cn.gridcase.organisation.UnitKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The meetings GridCase knows. Five are obligations that recur per period (rules S2, S3): the
 * grid's weekly meeting, the village's monthly, the township's quarterly (S4 四(三): levels 3, 2, 1),
 * the township center's weekly grid-worker meeting (S3 三(二)3) and the monthly grid-worker meeting
 * with a written report from each grid worker beforehand (S1 五(四)). A training (培训) is recorded
 * without an obligation; its attendance counts for A4 item 7 like a meeting's.
 */
public enum MeetingKind {
  GRID_WEEKLY("网格周例会", "S3", MeetingCadence.WEEKLY, EnumSet.of(UnitKind.GRID)),
  VILLAGE_MONTHLY("村（社区）月例会", "S3", MeetingCadence.MONTHLY, EnumSet.of(UnitKind.VILLAGE)),
  TOWNSHIP_QUARTERLY("乡镇季度例会", "S3", MeetingCadence.QUARTERLY, EnumSet.of(UnitKind.TOWNSHIP)),
  WORKERS_WEEKLY("网格员周例会", "S2", MeetingCadence.WEEKLY, EnumSet.of(UnitKind.TOWNSHIP)),
  WORKERS_MONTHLY("网格员月度例会", "S3", MeetingCadence.MONTHLY, EnumSet.of(UnitKind.TOWNSHIP)),
  TRAINING("培训", "A4", null, EnumSet.of(UnitKind.TOWNSHIP, UnitKind.VILLAGE, UnitKind.GRID));

  private final String label;
  private final String rule;
  private final MeetingCadence cadence;
  private final Set<UnitKind> heldBy;

  MeetingKind(String label, String rule, MeetingCadence cadence, Set<UnitKind> heldBy) {
    this.label = label;
    this.rule = rule;
    this.cadence = cadence;
    this.heldBy = heldBy;
  }

  /** The Chinese name, e.g. 网格周例会. */
  public String label() {
    return label;
  }

  /** The rule that requires it (S2, S3), or A4 for a training. */
  public String rule() {
    return rule;
  }

  /** Its period; null for a training, which recurs on no schedule. */
  public MeetingCadence cadence() {
    return cadence;
  }

  /** Whether the kind is an obligation of every period (all but a training). */
  public boolean isObligation() {
    return cadence != null;
  }

  /** The kinds of unit that hold it. */
  public Set<UnitKind> heldBy() {
    return heldBy;
  }

  /** Whether grid workers hand in a written report before it (S1 五(四)). */
  public boolean needsWrittenReports() {
    return this == WORKERS_MONTHLY;
  }

  /** The name of the user task that asks the unit to hold it: 召开网格周例会. */
  public String taskName() {
    return "召开" + label;
  }

  /** The obligation kinds, in their order. */
  public static List<MeetingKind> obligations() {
    return Arrays.stream(values()).filter(MeetingKind::isObligation).toList();
  }

  /** The obligation kinds of one cadence. */
  public static List<MeetingKind> of(MeetingCadence cadence) {
    return Arrays.stream(values()).filter(k -> k.cadence == cadence).toList();
  }
}
