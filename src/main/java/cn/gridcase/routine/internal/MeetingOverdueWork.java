package cn.gridcase.routine.internal;

import cn.gridcase.event.OverdueStepFilter;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.Unit;
import cn.gridcase.routine.internal.MeetingRepository.Obligation;
import cn.gridcase.supervision.OverdueWork;
import cn.gridcase.supervision.OverdueWorkItem;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The meetings not held in their period on the supervisor's overdue list (S3, S1): every open
 * obligation in the caller's scope past its deadline (marked by its timer, or the deadline passed
 * while the timer's job has not run yet), kind {@code MEETING}, reference 例会 N, filtered by
 * township, village and grid (a department holds no meetings); {@code assignee} keeps those whose
 * task the user holds.
 */
@Component
class MeetingOverdueWork implements OverdueWork {

  private final MeetingRepository repository;
  private final MeetingPeople people;
  private final TaskService taskService;

  MeetingOverdueWork(MeetingRepository repository, MeetingPeople people, TaskService taskService) {
    this.repository = repository;
    this.people = people;
    this.taskService = taskService;
  }

  @Override
  public List<OverdueWorkItem> overdue(
      AccessScope scope, OverdueStepFilter filter, OffsetDateTime now) {
    if (filter.departmentCode() != null) {
      return List.of();
    }
    List<Obligation> obligations =
        repository
            .overdue(filter.townshipCode(), filter.villageCode(), filter.gridCode(), now)
            .stream()
            .filter(o -> MeetingPeople.covers(scope, o.place()))
            .toList();
    if (obligations.isEmpty()) {
      return List.of();
    }
    Map<String, Task> tasks = new HashMap<>();
    List<String> instances =
        obligations.stream().map(Obligation::processInstanceId).filter(i -> i != null).toList();
    for (int from = 0; from < instances.size(); from += 500) {
      taskService
          .createTaskQuery()
          .processInstanceIdIn(
              instances
                  .subList(from, Math.min(from + 500, instances.size()))
                  .toArray(String[]::new))
          .taskDefinitionKey(MeetingVariables.HOLD_TASK)
          .list()
          .forEach(t -> tasks.put(t.getProcessInstanceId(), t));
    }
    Map<String, List<String>> conveners = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    List<OverdueWorkItem> items = new ArrayList<>();
    for (Obligation o : obligations) {
      Task task = o.processInstanceId() == null ? null : tasks.get(o.processInstanceId());
      String assignee = task == null ? null : task.getAssignee();
      if (filter.assignee() != null && !filter.assignee().equals(assignee)) {
        continue;
      }
      String unit = o.place().unitCode();
      items.add(
          new OverdueWorkItem(
              "MEETING",
              "例会 " + o.id(),
              "HOLD",
              "召开例会",
              MeetingRules.levelName(MeetingPeople.levelOf(o.place())),
              task == null ? o.kind().taskName() : task.getName(),
              o.kind().label()
                  + "："
                  + names.computeIfAbsent(unit, u -> people.unit(u).map(Unit::name).orElse(u))
                  + " "
                  + o.period().label(),
              unit,
              o.place().gridCode(),
              o.place().villageCode(),
              o.place().townshipCode(),
              null,
              assignee,
              assignee != null
                  ? List.of(assignee)
                  : conveners.computeIfAbsent(unit, u -> people.conveners(o.place())),
              o.dueAt(),
              task == null ? null : task.getId(),
              "/meetings/obligations/" + o.id()));
    }
    return items;
  }
}
