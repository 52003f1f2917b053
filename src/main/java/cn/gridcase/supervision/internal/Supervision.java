package cn.gridcase.supervision.internal;

import cn.gridcase.accountability.AccountabilityCases;
import cn.gridcase.accountability.OverdueCaseStep;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.event.EventLevel;
import cn.gridcase.event.Events;
import cn.gridcase.event.OverdueOpenStep;
import cn.gridcase.event.OverdueStepFilter;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.supervision.OverdueWork;
import cn.gridcase.supervision.OverdueWorkItem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Supervision (督办, rule S1): every open step of the events in the caller's scope with its deadline
 * and the overdue ones. The board's counts are {@link SupervisionBoard}'s, 督办 is {@link
 * StepSupervision}'s.
 */
@Service
public class Supervision {

  /**
   * The roles that supervise others' work; handlers and grid workers have their task list instead.
   */
  static final Set<AppointmentRole> SUPERVISING =
      EnumSet.of(
          AppointmentRole.SUPERVISOR,
          AppointmentRole.SECTION_HEAD,
          AppointmentRole.AREA_LEADER,
          AppointmentRole.GRID_LEADER,
          AppointmentRole.GRID_INSTRUCTOR);

  private final Events events;
  private final AccessScopes accessScopes;
  private final Organisation organisation;
  private final Clock clock;
  private final WorkingDays workingDays;
  private final AccountabilityCases cases;
  private final List<OverdueWork> otherWork;

  Supervision(
      Events events,
      AccessScopes accessScopes,
      Organisation organisation,
      Clock clock,
      WorkingDays workingDays,
      AccountabilityCases cases,
      List<OverdueWork> otherWork) {
    this.otherWork = List.copyOf(otherWork);
    this.workingDays = workingDays;
    this.cases = cases;
    this.events = events;
    this.accessScopes = accessScopes;
    this.organisation = organisation;
    this.clock = clock;
  }

  /**
   * An open step past its deadline: of an event ({@code kind} EVENT, {@code eventNumber}) or of an
   * accountability case ({@code kind} CASE, {@code caseId}; level TOWNSHIP, unit the township).
   * {@code daysOverdue} counts calendar days since the deadline's day (its meaning since the first
   * release); {@code workingDaysOverdue} the working days after the deadline's day up to and
   * including today (T1), as accountability grades a late step. {@code taskId}: the open user task
   * (for Tasklist and {@code /engine-rest}). Overdue work of other features ({@link OverdueWork}:
   * {@code kind} MEETING, ASSIGNMENT …) has no {@code level}; {@code reference}, {@code stepLabel},
   * {@code levelLabel} and {@code href} say what it is and where it is shown.
   */
  public record OverdueStep(
      String eventNumber,
      String step,
      String taskName,
      EventLevel level,
      String unitCode,
      String gridCode,
      String villageCode,
      String townshipCode,
      String departmentCode,
      String assignee,
      OffsetDateTime due,
      long daysOverdue,
      String kind,
      Long caseId,
      String title,
      List<String> candidates,
      int workingDaysOverdue,
      String taskId,
      String reference,
      String stepLabel,
      String levelLabel,
      String href) {}

  public List<OverdueStep> overdue(
      String user, String townshipCode, String villageCode, String departmentCode) {
    return overdue(
        user, new OverdueStepFilter(townshipCode, villageCode, null, departmentCode, null));
  }

  /**
   * The overdue open steps in the caller's scope that the filter keeps, oldest deadline first: the
   * events' (filtered in SQL) and the accountability cases' the caller may see (supervisors of the
   * township, the case's investigators, administrators). A case's step is the township's, so a
   * village, grid or department filter leaves cases out. Investigators, who supervise no events,
   * see their own cases' steps here.
   */
  public List<OverdueStep> overdue(String user, OverdueStepFilter filter) {
    AccessScope scope = accessScopes.of(user);
    List<AppointmentRole> roles =
        organisation.currentAppointments(user).stream().map(a -> a.role()).toList();
    boolean supervises = scope.admin() || roles.stream().anyMatch(SUPERVISING::contains);
    if (!supervises && !roles.contains(AppointmentRole.INVESTIGATOR)) {
      throw new AccessDeniedException(
          "Supervision is for supervisors, section heads, area leaders, grid leaders and"
              + " instructors; your open tasks are at /api/tasks");
    }
    OffsetDateTime now = GridCaseTime.now(clock);
    Map<LocalDate, Integer> daysAfter = new HashMap<>();
    Function<LocalDate, Integer> overdueDays =
        d -> workingDays.workingDaysAfter(d, now.toLocalDate());
    List<OverdueStep> steps = new ArrayList<>();
    if (supervises) {
      for (OverdueOpenStep s : events.overdueSteps(scope, filter, now)) {
        steps.add(
            new OverdueStep(
                s.eventNumber(),
                SupervisionBoard.stage(s.taskKey()),
                s.taskName(),
                s.level(),
                s.unitCode(),
                s.gridCode(),
                s.villageCode(),
                s.townshipCode(),
                s.departmentCode(),
                s.assignee(),
                s.due(),
                ChronoUnit.DAYS.between(s.due().toLocalDate(), now.toLocalDate()),
                "EVENT",
                null,
                s.category().label() + "：" + s.title(),
                s.assignee() == null ? List.of() : List.of(s.assignee()),
                daysAfter.computeIfAbsent(s.due().toLocalDate(), overdueDays),
                s.taskId(),
                s.eventNumber(),
                null,
                s.level().label(),
                "/supervision/events/" + s.eventNumber()));
      }
      for (OverdueWork work : otherWork) {
        for (OverdueWorkItem w : work.overdue(scope, filter, now)) {
          steps.add(
              new OverdueStep(
                  null,
                  w.step(),
                  w.taskName(),
                  null,
                  w.unitCode(),
                  w.gridCode(),
                  w.villageCode(),
                  w.townshipCode(),
                  w.departmentCode(),
                  w.assignee(),
                  w.due(),
                  ChronoUnit.DAYS.between(w.due().toLocalDate(), now.toLocalDate()),
                  w.kind(),
                  null,
                  w.title(),
                  w.candidates(),
                  daysAfter.computeIfAbsent(w.due().toLocalDate(), overdueDays),
                  w.taskId(),
                  w.reference(),
                  w.stepLabel(),
                  w.levelLabel(),
                  w.href()));
        }
      }
    }
    if (filter.villageCode() == null
        && filter.gridCode() == null
        && filter.departmentCode() == null) {
      for (OverdueCaseStep c :
          cases.overdueSteps(user, filter.townshipCode(), filter.assignee(), now)) {
        boolean notice = AccountabilityCases.NOTIFY_TASK.equals(c.taskKey());
        steps.add(
            new OverdueStep(
                null,
                notice ? "NOTIFY" : "INVESTIGATE",
                c.taskName(),
                EventLevel.TOWNSHIP,
                c.townshipCode(),
                null,
                null,
                c.townshipCode(),
                null,
                c.assignee(),
                c.due(),
                ChronoUnit.DAYS.between(c.due().toLocalDate(), now.toLocalDate()),
                "CASE",
                c.caseId(),
                "责任追究案件 " + c.caseId() + (notice ? "：告知处理决定" : "：调查处理"),
                c.assignee() == null ? c.investigators() : List.of(c.assignee()),
                daysAfter.computeIfAbsent(c.due().toLocalDate(), overdueDays),
                c.taskId(),
                "案件 " + c.caseId(),
                null,
                "镇（政法委）",
                null));
      }
    }
    steps.sort(
        Comparator.comparing(OverdueStep::due)
            .thenComparing(s -> s.eventNumber() == null ? "" : s.eventNumber())
            .thenComparing(s -> s.caseId() == null ? 0L : s.caseId())
            .thenComparing(s -> s.reference() == null ? "" : s.reference()));
    return steps;
  }
}
