package cn.gridcase.accountability;

import java.time.OffsetDateTime;
import java.util.List;

/** A case as stored. */
record CaseRecord(long id, String townshipCode, String subject, String subjectRole, String subjectUnit, String clause,
    String facts, String eventNumber, Long proposalId, CaseStatus status, String openedBy, OffsetDateTime openedAt,
    List<String> investigators, boolean extended, Integer extensionDays, String extensionReason,
    boolean overdueInvestigation, boolean overdueNotification, List<Circumstance> detectedAggravating, String findings,
    List<Measure> measures, List<Circumstance> mitigating, List<Circumstance> aggravating, String reasoning,
    String talkConductor, OffsetDateTime decidedAt, String decidedBy, OffsetDateTime notifiedAt,
    String notificationChannel, String executionNote) {

  boolean onlyTalk() {
    return measures != null && measures.equals(List.of(Measure.TALK));
  }
}
