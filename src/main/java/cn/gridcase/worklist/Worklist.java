package cn.gridcase.worklist;

import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The caller's work list (待办): tasks assigned to them and unassigned tasks offered to a group
 * they belong to (their units' queues, kept in step with their appointments), soonest due first.
 * The same tasks Tasklist shows them.
 */
@Service
public class Worklist {

  /** Business keys of events start with this; other keys are accountability case ids. */
  static final String EVENT_PREFIX = "SJ-";

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Clock clock;
  private final WorkingDays workingDays;

  Worklist(TaskService taskService, RuntimeService runtimeService, IdentityService identityService, Clock clock,
      WorkingDays workingDays) {
    this.workingDays = workingDays;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clock = clock;
  }

  public List<WorkItem> of(String user, int limit) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    var query = taskService.createTaskQuery().active();
    // assigned to the user, offered to them by name (case investigators), or to a unit queue they work
    if (groups.isEmpty()) {
      query.or().taskAssignee(user).taskCandidateUser(user).endOr();
    } else {
      query.or().taskAssignee(user).taskCandidateUser(user).taskCandidateGroupIn(groups).endOr();
    }
    List<Task> tasks = query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, limit);
    Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> businessKeys = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
        businessKeys.put(instance.getId(), instance.getBusinessKey());
      }
    }
    OffsetDateTime now = GridCaseTime.now(clock);
    return tasks.stream().map(task -> {
      String key = businessKeys.get(task.getProcessInstanceId());
      OffsetDateTime due = task.getDueDate() == null ? null
          : OffsetDateTime.ofInstant(task.getDueDate().toInstant(), GridCaseTime.ZONE);
      boolean event = key != null && key.startsWith(EVENT_PREFIX);
      return new WorkItem(task.getId(), task.getName(), task.getTaskDefinitionKey(), event ? key : null,
          event ? null : key, due, due != null && provisional(task.getCreateTime(), due), due != null && now.isAfter(due), task.getAssignee(), task.getAssignee() == null,
          OffsetDateTime.ofInstant(task.getCreateTime().toInstant(), GridCaseTime.ZONE));
    }).sorted(Comparator.comparing(WorkItem::due, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
  }

  private boolean provisional(java.util.Date created, OffsetDateTime due) {
    for (int year = OffsetDateTime.ofInstant(created.toInstant(), GridCaseTime.ZONE).getYear(); year <= due.getYear();
        year++) {
      if (!workingDays.hasSchedule(year)) {
        return true;
      }
    }
    return false;
  }
}
