package cn.gridcase.supervision;

import cn.gridcase.accountability.AccountabilityCases;
import cn.gridcase.accountability.OverdueCaseStep;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.event.EventLevel;
import cn.gridcase.event.OverdueOpenStep;
import cn.gridcase.event.OverdueStepFilter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import cn.gridcase.event.Events;
import cn.gridcase.event.OpenStep;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import java.util.EnumSet;
import java.util.Set;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Supervision (督办, rule S1): every open step of the events in the caller's scope with its
 * deadline, the overdue ones, and counts by level and unit.
 */
@Service
public class Supervision {

  /** The roles that supervise others' work; handlers and grid workers have their task list instead. */
  static final Set<AppointmentRole> SUPERVISING = EnumSet.of(AppointmentRole.SUPERVISOR, AppointmentRole.SECTION_HEAD,
      AppointmentRole.AREA_LEADER, AppointmentRole.GRID_LEADER, AppointmentRole.GRID_INSTRUCTOR);

  private final Events events;
  private final AccessScopes accessScopes;
  private final Organisation organisation;
  private final Clock clock;
  private final WorkingDays workingDays;
  private final AccountabilityCases cases;

  Supervision(Events events, AccessScopes accessScopes, Organisation organisation, Clock clock,
      WorkingDays workingDays, AccountabilityCases cases) {
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
   * (for Tasklist and {@code /engine-rest}).
   */
  public record OverdueStep(String eventNumber, String step, String taskName, EventLevel level, String unitCode,
      String gridCode, String villageCode, String townshipCode, String departmentCode, String assignee,
      OffsetDateTime due, long daysOverdue, String kind, Long caseId, String title, List<String> candidates,
      int workingDaysOverdue, String taskId) {}

  /** Counts of one level and unit. */
  public record BoardRow(EventLevel level, String unitCode, int open, int dueToday, int overdue) {}

  public record Board(OffsetDateTime at, int open, int dueToday, int overdue, List<BoardRow> rows) {}

  public List<OverdueStep> overdue(String user, String townshipCode, String villageCode, String departmentCode) {
    return overdue(user, new OverdueStepFilter(townshipCode, villageCode, null, departmentCode, null));
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
    List<AppointmentRole> roles = organisation.currentAppointments(user).stream().map(a -> a.role()).toList();
    boolean supervises = scope.admin() || roles.stream().anyMatch(SUPERVISING::contains);
    if (!supervises && !roles.contains(AppointmentRole.INVESTIGATOR)) {
      throw new AccessDeniedException("Supervision is for supervisors, section heads, area leaders, grid leaders and"
          + " instructors; your open tasks are at /api/tasks");
    }
    OffsetDateTime now = GridCaseTime.now(clock);
    Map<LocalDate, Integer> workingDaysAfter = new HashMap<>();
    List<OverdueStep> steps = new ArrayList<>();
    if (supervises) {
      for (OverdueOpenStep s : events.overdueSteps(scope, filter, now)) {
        steps.add(new OverdueStep(s.eventNumber(), stepName(s.taskKey()), s.taskName(), s.level(), s.unitCode(),
            s.gridCode(), s.villageCode(), s.townshipCode(), s.departmentCode(), s.assignee(), s.due(),
            ChronoUnit.DAYS.between(s.due().toLocalDate(), now.toLocalDate()), "EVENT", null,
            s.category().label() + "：" + s.title(), s.assignee() == null ? List.of() : List.of(s.assignee()),
            workingDaysAfter.computeIfAbsent(s.due().toLocalDate(), d -> workingDaysAfter(d, now.toLocalDate())),
            s.taskId()));
      }
    }
    if (filter.villageCode() == null && filter.gridCode() == null && filter.departmentCode() == null) {
      for (OverdueCaseStep c : cases.overdueSteps(user, filter.townshipCode(), filter.assignee(), now)) {
        steps.add(new OverdueStep(null, "NotifySubjectTask".equals(c.taskKey()) ? "NOTIFY" : "INVESTIGATE",
            c.taskName(), EventLevel.TOWNSHIP, c.townshipCode(), null, null, c.townshipCode(), null, c.assignee(),
            c.due(), ChronoUnit.DAYS.between(c.due().toLocalDate(), now.toLocalDate()), "CASE", c.caseId(),
            "责任追究案件 " + c.caseId() + ("NotifySubjectTask".equals(c.taskKey()) ? "：告知处理决定" : "：调查处理"),
            c.assignee() == null ? c.investigators() : List.of(c.assignee()),
            workingDaysAfter.computeIfAbsent(c.due().toLocalDate(), d -> workingDaysAfter(d, now.toLocalDate())),
            c.taskId()));
      }
    }
    steps.sort(Comparator.comparing(OverdueStep::due).thenComparing(s -> s.eventNumber() == null ? "" : s.eventNumber())
        .thenComparing(s -> s.caseId() == null ? 0L : s.caseId()));
    return steps;
  }

  /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not later). */
  private int workingDaysAfter(LocalDate from, LocalDate to) {
    int days = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (workingDays.isWorkingDay(day)) {
        days++;
      }
    }
    return days;
  }

  public Board board(String user) {
    OffsetDateTime now = GridCaseTime.now(clock);
    LocalDate today = now.toLocalDate();
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, BoardRowKey> keys = new LinkedHashMap<>();
    int open = 0;
    int dueToday = 0;
    int overdue = 0;
    for (OpenStep step : steps(user)) {
      String key = step.level() + "|" + step.unitCode();
      keys.putIfAbsent(key, new BoardRowKey(step.level(), step.unitCode()));
      int[] c = counts.computeIfAbsent(key, k -> new int[3]);
      c[0]++;
      open++;
      if (step.due() != null && now.isAfter(step.due())) {
        c[2]++;
        overdue++;
      } else if (step.due() != null && step.due().toLocalDate().equals(today)) {
        c[1]++;
        dueToday++;
      }
    }
    List<BoardRow> rows = new ArrayList<>();
    keys.forEach((key, k) -> {
      int[] c = counts.get(key);
      rows.add(new BoardRow(k.level(), k.unitCode(), c[0], c[1], c[2]));
    });
    rows.sort(Comparator.comparing(BoardRow::level).thenComparing(BoardRow::unitCode));
    return new Board(now, open, dueToday, overdue, rows);
  }

  private record BoardRowKey(EventLevel level, String unitCode) {}

  private List<OpenStep> steps(String user) {
    AccessScope scope = accessScopes.of(user);
    if (!scope.admin() && organisation.currentAppointments(user).stream().noneMatch(a -> SUPERVISING.contains(a.role()))) {
      throw new AccessDeniedException("Supervision is for supervisors, section heads, area leaders, grid leaders and"
          + " instructors; your open tasks are at /api/tasks");
    }
    return events.openSteps(scope);
  }

  private static String stepName(String taskKey) {
    return switch (taskKey) {
      case "AcceptEventTask" -> "ACCEPT";
      case "HandleEventTask" -> "HANDLE";
      case "FeedbackTask" -> "FEEDBACK";
      default -> taskKey;
    };
  }
}
