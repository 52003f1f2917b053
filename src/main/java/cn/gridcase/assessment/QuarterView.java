package cn.gridcase.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One version of a township's quarterly assessment (A4–A6) as the caller may see it: the stage's
 * deadlines, the satisfaction entry progress, the grid workers' rows (a grid worker only their
 * own), the objections and, once {@code FINAL}, grades, ranks, subsidies and the reward pool (yuan;
 * {@code unallocated} the fen left over from the division). {@code current} is false for a version
 * a later correction replaced or is replacing. A deadline counted where a year's holiday schedule
 * is not loaded yet is provisional (T3: Monday to Friday) and moves when the schedule is loaded.
 */
public record QuarterView(
    String quarter,
    String townshipCode,
    String status,
    int version,
    boolean current,
    List<Integer> versions,
    OffsetDateTime draftedAt,
    OffsetDateTime satisfactionDue,
    OffsetDateTime reviewDue,
    OffsetDateTime publishedAt,
    OffsetDateTime objectionDue,
    OffsetDateTime finalizeDue,
    boolean reviewDueProvisional,
    boolean objectionDueProvisional,
    boolean finalizeDueProvisional,
    String reviewedBy,
    OffsetDateTime reviewedAt,
    String finalizedBy,
    OffsetDateTime finalizedAt,
    Integer correctsVersion,
    String correctionReason,
    BigDecimal quarterSubsidy,
    Rulebook rulebook,
    Integer excellentQuota,
    BigDecimal rewardPool,
    BigDecimal rewardEach,
    BigDecimal unallocated,
    int satisfactionEntered,
    int workersTotal,
    List<WorkerAssessment> workers,
    List<Objection> objections) {

  /** One grid worker's quarter: the seven items with their deductions, score, grade, subsidy. */
  public record WorkerAssessment(
      String username,
      String name,
      String gridCode,
      String villageCode,
      List<Item> items,
      BigDecimal basic,
      BigDecimal satisfaction,
      BigDecimal score,
      Grade grade,
      String gradeNote,
      Integer rank,
      Integer countedEntries,
      OffsetDateTime lastEntryAt,
      BigDecimal subsidy,
      BigDecimal reward) {}

  /** One A4 item: its number, name, points out of {@code max}, and its deductions. */
  public record Item(
      int item, String name, BigDecimal max, BigDecimal points, List<ItemDeduction> deductions) {}

  /** One deduction with its reason and evidence; {@code source} SYSTEM or REVIEWER (who). */
  public record ItemDeduction(
      long id,
      BigDecimal points,
      String reason,
      String evidence,
      String source,
      String recordedBy,
      String recordedByName,
      OffsetDateTime recordedAt) {}

  /** A grid worker's objection and the group's answer (null until answered). */
  public record Objection(
      long id,
      String username,
      String text,
      OffsetDateTime raisedAt,
      OffsetDateTime answerDue,
      boolean answerDueProvisional,
      String answer,
      String answeredBy,
      OffsetDateTime answeredAt) {}
}
