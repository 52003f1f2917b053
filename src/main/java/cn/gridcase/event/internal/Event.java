package cn.gridcase.event.internal;

import cn.gridcase.event.AgreementForm;
import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventStatus;
import cn.gridcase.event.Party;
import cn.gridcase.event.Satisfaction;
import java.time.OffsetDateTime;
import java.util.List;

/** An event (事件) as stored: what was reported, where it stands, and its result. */
public record Event(
    long id,
    String number,
    EventCategory category,
    String title,
    String gridCode,
    String villageCode,
    String townshipCode,
    OffsetDateTime occurredAt,
    String location,
    String persons,
    String cause,
    String course,
    boolean major,
    OffsetDateTime reportedAt,
    String reportedBy,
    EventStatus status,
    EventLevel level,
    String unitCode,
    String departmentCode,
    boolean overdueAcceptance,
    boolean overdueHandling,
    Resolution resolution,
    String countyDepartment,
    Satisfaction satisfaction,
    String feedbackComment,
    List<Party> parties,
    Step step,
    boolean beijingPetition) {

  /**
   * The step open at the current level: when the unit received the event, its limits, when and by
   * whom it was accepted, and whether the overdue marks of this step were made (E4). Its deadlines
   * were computed once, when the step opened ({@code acceptBy}) and when it was accepted ({@code
   * handleBy}), each with its reminder and whether it is provisional (T3); a 督办 in force (S1) has
   * its own deadline {@code supervisionDue}, {@code supervisionLate} once it ran out.
   */
  public record Step(
      OffsetDateTime receivedAt,
      Integer acceptDays,
      Integer handleDays,
      OffsetDateTime acceptedAt,
      String acceptedBy,
      boolean lateAcceptanceMarked,
      boolean lateHandlingMarked,
      OffsetDateTime acceptBy,
      OffsetDateTime acceptRemindAt,
      boolean acceptProvisional,
      OffsetDateTime handleBy,
      OffsetDateTime handleRemindAt,
      boolean handleProvisional,
      OffsetDateTime supervisionDue,
      boolean supervisionProvisional,
      boolean supervisionLate) {

    /**
     * The deadline a stage's task is due by: a 督办's while one is in force, else the stored
     * statutory one.
     */
    public OffsetDateTime dueInForce(boolean acceptance) {
      return supervisionDue != null ? supervisionDue : acceptance ? acceptBy : handleBy;
    }

    /** Whether {@link #dueInForce} was counted without a year's holiday schedule (T3). */
    public boolean provisionalInForce(boolean acceptance) {
      return supervisionDue != null
          ? supervisionProvisional
          : acceptance ? acceptProvisional : handleProvisional;
    }
  }

  /** The final result (E3) and, when late, why (E6). */
  public record Resolution(
      String result,
      String mediator,
      String mediationResult,
      AgreementForm agreementForm,
      String agreementTerms,
      String delayReason,
      OffsetDateTime resolvedAt,
      String resolvedBy) {}
}
