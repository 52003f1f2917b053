package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.CaseStatus;
import cn.gridcase.accountability.Circumstance;
import cn.gridcase.accountability.Measure;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A case as stored. */
public record CaseRecord(
    long id,
    String townshipCode,
    String subject,
    String subjectRole,
    String subjectUnit,
    String clause,
    String facts,
    String eventNumber,
    Long proposalId,
    CaseStatus status,
    String openedBy,
    OffsetDateTime openedAt,
    List<String> investigators,
    boolean extended,
    Integer extensionDays,
    String extensionReason,
    boolean overdueInvestigation,
    boolean overdueNotification,
    List<Circumstance> detectedAggravating,
    String findings,
    List<Measure> measures,
    List<Circumstance> mitigating,
    List<Circumstance> aggravating,
    String reasoning,
    String talkConductor,
    OffsetDateTime decidedAt,
    String decidedBy,
    OffsetDateTime notifiedAt,
    String notificationChannel,
    String executionNote,
    Talk talk) {

  /**
   * C5: who holds the decided talk and its record. {@code vacant}: nobody held the DMN's role, so
   * the case's investigators have the task; {@code heldOn} and {@code record} once it was held.
   */
  public record Talk(
      List<String> conductors, boolean vacant, LocalDate heldOn, String record, String recordedBy) {

    static final Talk NONE = new Talk(List.of(), false, null, null, null);
  }

  public boolean onlyTalk() {
    return measures != null && measures.equals(List.of(Measure.TALK));
  }
}
