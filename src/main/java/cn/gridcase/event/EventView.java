package cn.gridcase.event;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An event as API clients see it (docs/api.md, Events). {@code acceptBy} / {@code handleBy} are the
 * deadlines of the step now open (null when none); {@code overdueAcceptance} / {@code
 * overdueHandling} stay true for ever once a step ran late (E4). {@code deadlineProvisional} is
 * true when the open step's deadline reaches into a year whose holiday schedule is not loaded (T3:
 * counted Mon–Fri, recomputed when the schedule is loaded). {@code beijingPetition}: a 进京非访 report
 * (A2).
 */
public record EventView(
    String number,
    EventCategory category,
    String title,
    EventStatus status,
    EventLevel level,
    String gridCode,
    String villageCode,
    String townshipCode,
    String departmentCode,
    boolean major,
    boolean beijingPetition,
    OffsetDateTime occurredAt,
    String location,
    String persons,
    String cause,
    String course,
    List<Party> parties,
    OffsetDateTime reportedAt,
    String reportedBy,
    OffsetDateTime acceptBy,
    OffsetDateTime handleBy,
    OffsetDateTime feedbackOpenSince,
    boolean deadlineProvisional,
    boolean overdueAcceptance,
    boolean overdueHandling,
    String assignee,
    String candidateGroup,
    List<EventStep> steps,
    String result,
    String mediator,
    String mediationResult,
    AgreementForm agreementForm,
    String agreementTerms,
    String delayReason,
    String countyDepartment,
    Satisfaction satisfaction,
    String feedbackComment) {}
