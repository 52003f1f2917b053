package cn.gridcase.supervision;

import cn.gridcase.event.EventLevel;
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
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Supervision (督办, rule S1): every open step of the events in the caller's scope with its
 * deadline and the overdue ones. The board's counts are {@link SupervisionBoard}'s, 督办 is
 * {@link StepSupervision}'s.
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

  Supervision(Events events, AccessScopes accessScopes, Organisation organisation, Clock clock) {
    this.events = events;
    this.accessScopes = accessScopes;
    this.organisation = organisation;
    this.clock = clock;
  }

  /** An open step past its deadline. */
  public record OverdueStep(String eventNumber, String step, String taskName, EventLevel level, String unitCode,
      String gridCode, String villageCode, String townshipCode, String departmentCode, String assignee,
      OffsetDateTime due, long daysOverdue) {}

  public List<OverdueStep> overdue(String user, String townshipCode, String villageCode, String departmentCode) {
    OffsetDateTime now = GridCaseTime.now(clock);
    return steps(user).stream()
        .filter(s -> s.due() != null && now.isAfter(s.due()))
        .filter(s -> townshipCode == null || townshipCode.equals(s.townshipCode()))
        .filter(s -> villageCode == null || villageCode.equals(s.villageCode()))
        .filter(s -> departmentCode == null || departmentCode.equals(s.departmentCode())
            && departmentCode.equals(s.unitCode()))
        .map(s -> new OverdueStep(s.eventNumber(), stepName(s.taskKey()), s.taskName(), s.level(), s.unitCode(),
            s.gridCode(), s.villageCode(), s.townshipCode(), s.departmentCode(), s.assignee(), s.due(),
            java.time.temporal.ChronoUnit.DAYS.between(s.due().toLocalDate(), now.toLocalDate())))
        .sorted(Comparator.comparing(OverdueStep::due))
        .toList();
  }

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
