package cn.gridcase.event;

import java.time.OffsetDateTime;
import java.util.List;

/** An event (事件) as stored: what was reported, where it stands, and its result. */
record Event(long id, String number, EventCategory category, String title, String gridCode, String villageCode,
    String townshipCode, OffsetDateTime occurredAt, String location, String persons, String cause, String course,
    boolean major, OffsetDateTime reportedAt, String reportedBy, EventStatus status, EventLevel level,
    String unitCode, String departmentCode, boolean overdueAcceptance, boolean overdueHandling, Resolution resolution,
    String countyDepartment, Satisfaction satisfaction, String feedbackComment, List<Party> parties, Step step) {

  /**
   * The step open at the current level: when the unit received the event, its limits, when and by
   * whom it was accepted, and whether the overdue marks of this step were made (E4).
   */
  record Step(OffsetDateTime receivedAt, Integer acceptDays, Integer handleDays, OffsetDateTime acceptedAt,
      String acceptedBy, boolean lateAcceptanceMarked, boolean lateHandlingMarked) {}

  /** The final result (E3) and, when late, why (E6). */
  record Resolution(String result, String mediator, String mediationResult, AgreementForm agreementForm,
      String agreementTerms, String delayReason, OffsetDateTime resolvedAt, String resolvedBy) {}
}
