package cn.gridcase.assignment.internal;

import cn.gridcase.assignment.internal.AssignmentRepository.OverdueRow;
import cn.gridcase.event.OverdueStepFilter;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.supervision.OverdueWork;
import cn.gridcase.supervision.OverdueWorkItem;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Assignments on the supervisors' overdue list (S1, S4): each grid's task still open past the grid
 * workers' deadline — the grid's (level 网格, unit the grid) — and each approval still undecided past
 * its deadline — the township's supervisors' (unit the township; a village or grid filter leaves it
 * out, as it does a case's step). Scope: a grid's task for whoever's scope holds the grid, an
 * approval for those of the township and administrators. {@code departmentCode} keeps the
 * assignments that department gave; {@code assignee} the steps that user holds or, unclaimed, may
 * take (the grid's worker, the township's supervisors).
 */
@Component
class AssignmentOverdueWork implements OverdueWork {

  static final String KIND = "ASSIGNMENT";

  private final AssignmentRepository assignments;
  private final AssignmentPeople people;
  private final TaskService taskService;

  AssignmentOverdueWork(
      AssignmentRepository assignments, AssignmentPeople people, TaskService taskService) {
    this.assignments = assignments;
    this.people = people;
    this.taskService = taskService;
  }

  @Override
  public List<OverdueWorkItem> overdue(
      AccessScope scope, OverdueStepFilter filter, OffsetDateTime now) {
    List<String> townships =
        scope.admin()
            ? null
            : scope.townships().isEmpty() && scope.grids().isEmpty()
                ? List.of()
                : townshipsOf(scope);
    List<OverdueRow> rows = new ArrayList<>();
    for (OverdueRow row : assignments.overdue(townships, now)) {
      if (visible(row, scope) && kept(row, filter)) {
        rows.add(row);
      }
    }
    Map<String, Task> tasks = new HashMap<>();
    List<String> ids = rows.stream().map(OverdueRow::taskId).filter(Objects::nonNull).toList();
    if (!ids.isEmpty()) {
      taskService
          .createTaskQuery()
          .taskIdIn(ids.toArray(String[]::new))
          .list()
          .forEach(t -> tasks.put(t.getId(), t));
    }
    Map<String, List<String>> candidates = new HashMap<>();
    List<OverdueWorkItem> items = new ArrayList<>();
    for (OverdueRow row : rows) {
      Task task = row.taskId() == null ? null : tasks.get(row.taskId());
      String assignee = task == null ? null : task.getAssignee();
      List<String> may =
          assignee != null
              ? List.of(assignee)
              : row.approval()
                  ? candidates.computeIfAbsent(
                      "T:" + row.townshipCode(), k -> people.supervisorsOf(row.townshipCode()))
                  : candidates.computeIfAbsent(
                      "G:" + row.gridCode(),
                      k -> people.gridWorkerOf(row.gridCode()).map(List::of).orElse(List.of()));
      if (filter.assignee() != null && !may.contains(filter.assignee())) {
        continue;
      }
      items.add(
          new OverdueWorkItem(
              KIND,
              "交办 " + row.id(),
              row.approval() ? "APPROVE" : "DO",
              row.approval() ? "审批" : "办理",
              row.approval() ? "镇（政法委）" : "网格",
              task == null ? null : task.getName(),
              "交办任务：" + row.title(),
              row.approval() ? row.townshipCode() : row.gridCode(),
              row.gridCode(),
              row.villageCode(),
              row.townshipCode(),
              row.assignerUnit().equals(row.townshipCode()) ? null : row.assignerUnit(),
              assignee,
              may,
              row.due(),
              row.taskId(),
              "/assignments/" + row.id()));
    }
    return items;
  }

  private List<String> townshipsOf(AccessScope scope) {
    List<String> townships = new ArrayList<>(scope.townships());
    for (String grid : scope.grids()) {
      people.townshipOf(grid).filter(t -> !townships.contains(t)).ifPresent(townships::add);
    }
    return townships;
  }

  private static boolean visible(OverdueRow row, AccessScope scope) {
    if (scope.admin()) {
      return true;
    }
    return row.approval()
        ? scope.townships().contains(row.townshipCode())
        : scope.grids().contains(row.gridCode());
  }

  private static boolean kept(OverdueRow row, OverdueStepFilter filter) {
    if (filter.townshipCode() != null && !filter.townshipCode().equals(row.townshipCode())) {
      return false;
    }
    if (filter.villageCode() != null && !filter.villageCode().equals(row.villageCode())) {
      return false;
    }
    if (filter.gridCode() != null && !filter.gridCode().equals(row.gridCode())) {
      return false;
    }
    return filter.departmentCode() == null || filter.departmentCode().equals(row.assignerUnit());
  }
}
