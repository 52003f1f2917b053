package cn.gridcase.worklist;

import cn.gridcase.calendar.EngineDeadlines;
import cn.gridcase.event.Events;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;

/**
 * The caller's work list (待办): tasks assigned to them and unassigned tasks offered to a group they
 * belong to (their units' queues, kept in step with their appointments), soonest due first. The
 * same tasks Tasklist shows them.
 */
@Service
public class Worklist {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final Clock clock;
  private final EngineDeadlines deadlines;
  private final Comparator<Task> databaseOrder;

  Worklist(
      TaskService taskService,
      RuntimeService runtimeService,
      Clock clock,
      EngineDeadlines deadlines,
      DataSource dataSource) {
    this.deadlines = deadlines;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.clock = clock;
    this.databaseOrder = databaseOrder(dataSource);
  }

  public List<WorkItem> of(String user, int limit) {
    // Separate queries, each served by an index (assignee; identity link user or group), rather
    // than
    // one or().taskAssignee().taskCandidateGroupIn(): the engine makes that OR a left join of every
    // open task with its identity links plus DISTINCT, which PostgreSQL answers by reading all open
    // tasks, whoever asks (measured in docs/benchmarks.md). Assigned tasks and
    // candidate tasks are disjoint (a candidate task is unassigned); the first `limit` of each,
    // merged in the database's order without duplicates, are the first `limit` of their union:
    // assigned to the user, offered to them by name (case investigators), or to a unit queue they
    // work.
    // (taskCandidateUser matches the user's identity links and those of their groups, unassigned
    // only)
    Map<String, Task> found = new LinkedHashMap<>();
    firstInOrder(taskService.createTaskQuery().active().taskAssignee(user), limit)
        .forEach(t -> found.put(t.getId(), t));
    firstInOrder(taskService.createTaskQuery().active().taskCandidateUser(user), limit)
        .forEach(t -> found.putIfAbsent(t.getId(), t));
    List<Task> tasks = new ArrayList<>(found.values());
    tasks.sort(databaseOrder);
    tasks = tasks.subList(0, Math.min(limit, tasks.size()));
    Set<String> instanceIds =
        tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> businessKeys = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      for (ProcessInstance instance :
          runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
        businessKeys.put(instance.getId(), instance.getBusinessKey());
      }
    }
    OffsetDateTime now = GridCaseTime.now(clock);
    // provisional (T3) as the deadline carried it when it was set, kept in the calendar's registry
    Set<String> provisional = deadlines.provisionalTasks(tasks.stream().map(Task::getId).toList());
    return tasks.stream()
        .map(
            task -> {
              String key = businessKeys.get(task.getProcessInstanceId());
              // an event step's due date is the deadline stored on the step, handed to the engine
              // as it is
              OffsetDateTime due = GridCaseTime.at(task.getDueDate());
              boolean event = Events.isEventNumber(key);
              Long assignment = WorkItem.idIn(key, WorkItem.ASSIGNMENT_KEY);
              Long meeting = WorkItem.idIn(key, WorkItem.MEETING_KEY);
              boolean caseStep = !event && assignment == null && meeting == null;
              return new WorkItem(
                  task.getId(),
                  task.getName(),
                  task.getTaskDefinitionKey(),
                  event ? key : null,
                  caseStep ? key : null,
                  due,
                  due != null && provisional.contains(task.getId()),
                  due != null && now.isAfter(due),
                  task.getAssignee(),
                  task.getAssignee() == null,
                  GridCaseTime.at(task.getCreateTime()),
                  assignment,
                  meeting);
            })
        .sorted(
            Comparator.comparing(WorkItem::due, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  private static List<Task> firstInOrder(TaskQuery query, int limit) {
    return query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, limit);
  }

  /**
   * The order of {@link #firstInOrder}'s SQL: due date, then creation time, ascending, with NULL
   * (no due date) first or last as the database sorts it (H2 first, PostgreSQL last).
   */
  static Comparator<Task> databaseOrder(DataSource dataSource) {
    boolean nullsFirst;
    try {
      nullsFirst =
          JdbcUtils.extractDatabaseMetaData(
              dataSource,
              metaData -> metaData.nullsAreSortedLow() || metaData.nullsAreSortedAtStart());
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell how the database sorts NULL", e);
    }
    Comparator<Date> dates =
        nullsFirst
            ? Comparator.nullsFirst(Comparator.naturalOrder())
            : Comparator.nullsLast(Comparator.naturalOrder());
    return Comparator.comparing(Task::getDueDate, dates).thenComparing(Task::getCreateTime, dates);
  }
}
