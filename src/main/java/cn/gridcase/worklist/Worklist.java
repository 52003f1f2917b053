package cn.gridcase.worklist;

import cn.gridcase.calendar.EngineDeadlines;
import cn.gridcase.event.Events;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.worklist.internal.WorkQueues;
import cn.gridcase.worklist.internal.WorkQueues.Entry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/**
 * The caller's work list (待办): tasks assigned to them and unassigned tasks offered to them by name
 * or to a group they belong to (their units' queues, kept in step with their appointments), soonest
 * due first, tasks without a due date last. The same tasks Tasklist shows them, read from the work
 * list's own queues ({@link WorkQueues}: an index range per queue, however many tasks the database
 * holds).
 */
@Service
public class Worklist {

  private final WorkQueues queues;
  private final IdentityService identityService;
  private final Clock clock;
  private final EngineDeadlines deadlines;

  Worklist(
      WorkQueues queues, IdentityService identityService, Clock clock, EngineDeadlines deadlines) {
    this.queues = queues;
    this.identityService = identityService;
    this.clock = clock;
    this.deadlines = deadlines;
  }

  /** The first {@code limit} of the user's open tasks. */
  public List<WorkItem> of(String user, int limit) {
    List<Entry> tasks = queues.first(user, queuesOf(user), limit);
    OffsetDateTime now = GridCaseTime.now(clock);
    // provisional (T3) as the deadline carried it when it was set, kept in the calendar's registry
    Set<String> provisional =
        deadlines.provisionalTasks(tasks.stream().map(Entry::taskId).toList());
    return tasks.stream()
        .map(
            task -> {
              String key = task.businessKey();
              // an event step's due date is the deadline stored on the step, handed to the engine
              // as it is
              OffsetDateTime due = GridCaseTime.at(task.due());
              boolean event = Events.isEventNumber(key);
              Long assignment = WorkItem.idIn(key, WorkItem.ASSIGNMENT_KEY);
              Long meeting = WorkItem.idIn(key, WorkItem.MEETING_KEY);
              boolean caseStep = !event && assignment == null && meeting == null;
              return new WorkItem(
                  task.taskId(),
                  task.name(),
                  task.taskKey(),
                  event ? key : null,
                  caseStep ? key : null,
                  due,
                  due != null && provisional.contains(task.taskId()),
                  due != null && now.isAfter(due),
                  task.assignee(),
                  task.assignee() == null,
                  GridCaseTime.at(task.created()),
                  assignment,
                  meeting);
            })
        .toList();
  }

  /**
   * How many open tasks the user has: held by them or offered to them (the whole list's length).
   */
  public long count(String user) {
    return queues.count(queuesOf(user));
  }

  /** The user's queues: their own and their groups' (as the engine's candidate query has them). */
  private List<String> queuesOf(String user) {
    return WorkQueues.queuesOf(
        user,
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList());
  }
}
