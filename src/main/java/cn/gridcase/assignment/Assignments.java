package cn.gridcase.assignment;

import cn.gridcase.assignment.internal.ApprovalDecision;
import cn.gridcase.assignment.internal.AssignmentPeople;
import cn.gridcase.assignment.internal.AssignmentPeople.AssignerUnit;
import cn.gridcase.assignment.internal.AssignmentRecord;
import cn.gridcase.assignment.internal.AssignmentRepository;
import cn.gridcase.assignment.internal.AssignmentRepository.GridRow;
import cn.gridcase.assignment.internal.AssignmentRepository.NewGrid;
import cn.gridcase.assignment.internal.AssignmentSteps;
import cn.gridcase.assignment.internal.AssignmentVariables;
import cn.gridcase.assignment.internal.Completion;
import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.TextRules;
import cn.gridcase.platform.TransientValue;
import cn.gridcase.platform.UserTaskCompletion;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignments (交办, rule S4), the feature's public surface. The township center or a department of
 * it gives a task to the grid workers of grids of its township: for a matter on the list it reaches
 * each grid's worker at once as a task due N working days later; a prohibited matter (禁入) is
 * refused; a matter not on the list (none given, or withdrawn) waits for the approval of the
 * township's supervisors (政法委) first. The process is {@code bpmn/assignment.bpmn} with business key
 * {@code assignment-<id>}.
 *
 * <p>Who sees an assignment: administrators; the township's supervisors; the unit that gave it;
 * and, once it reached the grid workers, everyone whose scope holds one of its grids (the grid's
 * worker, the village's people, the township center). Anyone else gets 404.
 */
@Service
public class Assignments {

  public static final String PROCESS_KEY = "assignment";

  /** The approval's task (BPMN element id). */
  public static final String APPROVE_TASK = "ApproveAssignmentTask";

  /** Each grid's task (BPMN element id). */
  public static final String DO_TASK = "DoAssignmentTask";

  /** The most working days an assignment may give the grid workers. */
  public static final int MAX_WORKING_DAYS = 30;

  /** The longest title (one line). */
  public static final int TITLE_MAX = 200;

  private static final int LIST_LIMIT = 200;

  private final AssignmentRepository assignments;
  private final Matters matters;
  private final AssignmentPeople people;
  private final Organisation organisation;
  private final AccessScopes accessScopes;
  private final WorkingDays workingDays;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final UserTaskCompletion userTasks;
  private final Clock clock;
  private final int approvalDays;

  Assignments(
      AssignmentRepository assignments,
      Matters matters,
      AssignmentPeople people,
      Organisation organisation,
      AccessScopes accessScopes,
      WorkingDays workingDays,
      RuntimeService runtimeService,
      TaskService taskService,
      UserTaskCompletion userTasks,
      Clock clock,
      @Value("${gridcase.assignment.approval-working-days:2}") int approvalDays) {
    this.assignments = assignments;
    this.matters = matters;
    this.people = people;
    this.organisation = organisation;
    this.accessScopes = accessScopes;
    this.workingDays = workingDays;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.userTasks = userTasks;
    this.clock = clock;
    if (approvalDays < 1) {
      throw new IllegalArgumentException(
          "gridcase.assignment.approval-working-days must be at least 1");
    }
    this.approvalDays = approvalDays;
  }

  /** The working days the supervisors have to decide on a matter not on the list (a setting). */
  public int approvalDays() {
    return approvalDays;
  }

  /** Whether the user gives tasks to grid workers (township center or department staff). */
  public boolean mayAssign(String user) {
    return people.assignerUnit(user).isPresent();
  }

  /** The grids the user may give tasks to: those of their unit's township, in code order. */
  public List<Grid> assignableGrids(String user) {
    return people
        .assignerUnit(user)
        .map(
            unit -> {
              Set<String> villages =
                  organisation.units(UnitKind.VILLAGE).stream()
                      .filter(v -> unit.townshipCode().equals(v.parentCode()))
                      .map(Unit::code)
                      .collect(Collectors.toSet());
              return organisation.grids().stream()
                  .filter(g -> villages.contains(g.villageCode()))
                  .sorted(Comparator.comparing(Grid::code))
                  .toList();
            })
        .orElse(List.of());
  }

  /**
   * 交办 (S4): checks every field at once (every problem named; a prohibited matter is {@code
   * S4.prohibited}) and writes nothing on a refusal; then starts the process.
   */
  @Transactional
  public AssignmentView assign(String user, NewAssignment request) {
    AssignerUnit unit =
        people
            .assignerUnit(user)
            .orElseThrow(() -> new AccessDeniedException("交办任务由乡镇综治中心或职能部门的工作人员下达"));
    List<ApiError> errors = new ArrayList<>();
    List<NewGrid> grids = new ArrayList<>();
    List<String> codes =
        request.gridCodes() == null
            ? List.of()
            : new ArrayList<>(new LinkedHashSet<>(request.gridCodes()));
    if (codes.isEmpty()) {
      errors.add(new ApiError("gridCodes", "S4.grids", "请选择至少一个网格"));
    }
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      String field = "gridCodes[" + request.gridCodes().indexOf(code) + "]";
      Optional<Grid> grid = code == null ? Optional.empty() : organisation.grid(code);
      if (grid.isEmpty()) {
        errors.add(new ApiError(field, "S4.grid", code == null ? "请选择网格" : "网格 " + code + " 不存在"));
      } else if (!unit.townshipCode().equals(people.townshipOf(code).orElse(null))) {
        errors.add(
            new ApiError(
                field, "S4.grid", "网格 " + code + " 不属于本乡镇（" + unit.townshipCode() + "），不能交办"));
      } else if (people.gridWorkerOf(code).isEmpty()) {
        errors.add(
            new ApiError(
                field, "S4.gridWorker", "网格 " + code + "（" + grid.get().name() + "）目前没有专职网格员"));
      } else {
        grids.add(new NewGrid(code, grid.get().villageCode()));
      }
    }
    Matter matter = null;
    String matterCode = blank(request.matterCode()) ? null : request.matterCode().trim();
    if (matterCode != null) {
      matter = matters.find(unit.townshipCode(), matterCode).orElse(null);
      if (matter == null) {
        errors.add(
            new ApiError(
                "matterCode", "S4.matter", "本乡镇的事项清单中没有事项 " + matterCode + "（不在清单内的任务请不填事项）"));
      } else if (matter.status() == MatterStatus.PROHIBITED) {
        errors.add(
            new ApiError(
                "matterCode",
                "S4.prohibited",
                "「" + matter.name() + "」（" + matterCode + "）是禁入事项，不得交办网格员"));
      }
    }
    if (blank(request.title())) {
      errors.add(new ApiError("title", "S4.title", "请填写任务标题"));
    } else {
      TextRules.check("title", request.title().trim(), TITLE_MAX, false).ifPresent(errors::add);
    }
    if (blank(request.instructions())) {
      errors.add(new ApiError("instructions", "S4.instructions", "请填写工作要求"));
    } else {
      TextRules.check("instructions", request.instructions().trim(), TextRules.LONG_MAX, true)
          .ifPresent(errors::add);
    }
    Integer days = request.workingDays();
    if (days == null || days < 1 || days > MAX_WORKING_DAYS) {
      errors.add(
          new ApiError(
              "workingDays",
              "S4.workingDays",
              "办理时限为 1 至 " + MAX_WORKING_DAYS + " 个工作日" + (days == null ? "" : "，不能是 " + days)));
    }
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("交办任务未下达", errors);
    }
    boolean listed = matter != null && matter.status() == MatterStatus.LISTED;
    OffsetDateTime now = GridCaseTime.now(clock);
    Deadline approval = listed ? null : workingDays.deadline(now, approvalDays);
    long id =
        assignments.insert(
            unit.townshipCode(),
            unit.unitCode(),
            user,
            matter == null ? null : matter.code(),
            matter == null ? null : matter.name(),
            listed,
            request.title().trim(),
            request.instructions().trim(),
            days,
            now,
            approval,
            grids);
    Map<String, Object> variables = new HashMap<>();
    variables.put(AssignmentVariables.ASSIGNMENT_ID, id);
    variables.put(AssignmentVariables.NEEDS_APPROVAL, !listed);
    runtimeService.startProcessInstanceByKey(
        PROCESS_KEY, AssignmentSteps.businessKey(id), variables);
    return view(assignments.find(id).orElseThrow());
  }

  /** One assignment, if the user may see it (404 otherwise). */
  @Transactional(readOnly = true)
  public AssignmentView get(long id, String user) {
    return view(visible(id, user));
  }

  /** The assignments the user may see, newest first (at most 200), narrowed by status and grid. */
  @Transactional(readOnly = true)
  public List<AssignmentView> list(String user, AssignmentStatus status, String gridCode) {
    AccessScope scope = accessScopes.of(user);
    String grid = blank(gridCode) ? null : gridCode.trim();
    List<AssignmentRecord> found =
        scope.admin()
            ? assignments.visible(null, null, null, status, grid, LIST_LIMIT)
            : assignments.visible(
                people.supervisedTownships(user),
                people.staffUnits(user),
                scope.grids(),
                status,
                grid,
                LIST_LIMIT);
    Map<Long, List<GridRow>> grids =
        assignments.grids(found.stream().map(AssignmentRecord::id).toList());
    return found.stream().map(a -> view(a, grids.getOrDefault(a.id(), List.of()))).toList();
  }

  /** Whether the user approves the township's matters not on the list (its supervisors). */
  public boolean mayApprove(String user, String townshipCode) {
    return people.supervisedTownships(user).contains(townshipCode);
  }

  /** 同意: the assignment goes to the grid workers; their deadline runs from now. */
  @Transactional
  public AssignmentView approve(long id, String user, String note) {
    return decide(id, user, new ApprovalDecision(ApprovalDecision.APPROVE, note));
  }

  /** 退回, with a reason sent to the assigner. */
  @Transactional
  public AssignmentView reject(long id, String user, String reason) {
    return decide(id, user, new ApprovalDecision(ApprovalDecision.REJECT, reason));
  }

  private AssignmentView decide(long id, String user, ApprovalDecision decision) {
    AssignmentRecord a = visible(id, user);
    if (!mayApprove(user, a.townshipCode())) {
      throw new AccessDeniedException("交办事项由本乡镇的督办人员（政法委）审批");
    }
    if (a.status() != AssignmentStatus.AWAITING_APPROVAL) {
      throw new StateConflict("交办任务 " + id + " " + a.status().label() + "，不在待审批状态");
    }
    complete(openTask(a, Assignments.APPROVE_TASK, a.approvalTaskId()), user, decision);
    return view(assignments.find(id).orElseThrow());
  }

  /**
   * 完成: the caller's grid's task, with what was done; {@code gridCode} names the grid when the
   * caller works several of the assignment's grids. Late when done after the deadline.
   */
  @Transactional
  public AssignmentView done(long id, String user, String gridCode, String note) {
    AssignmentRecord a = visible(id, user);
    Set<String> worked = people.workedGrids(user);
    List<GridRow> grids = assignments.grids(id);
    List<GridRow> mine = grids.stream().filter(g -> worked.contains(g.gridCode())).toList();
    if (mine.isEmpty()) {
      throw new AccessDeniedException("交办任务由所交办网格的网格员完成");
    }
    if (a.status() != AssignmentStatus.ASSIGNED) {
      throw new StateConflict("交办任务 " + id + " " + a.status().label() + "，不能办理");
    }
    String grid = blank(gridCode) ? null : gridCode.trim();
    GridRow chosen;
    if (grid != null) {
      chosen =
          mine.stream()
              .filter(g -> g.gridCode().equals(grid))
              .findFirst()
              .orElseThrow(() -> new AccessDeniedException("您不是网格 " + grid + " 的网格员"));
    } else {
      List<GridRow> open = mine.stream().filter(g -> g.doneAt() == null).toList();
      if (open.size() > 1) {
        throw new DomainRuleViolation(
            "请指定网格",
            List.of(new ApiError("gridCode", "S4.grid", "您负责此任务的多个网格，请用 gridCode 指定完成哪一个")));
      }
      chosen = open.isEmpty() ? mine.get(0) : open.get(0);
    }
    if (chosen.doneAt() != null) {
      throw new StateConflict("网格 " + chosen.gridCode() + " 的交办任务已完成");
    }
    complete(openTask(a, Assignments.DO_TASK, chosen.taskId()), user, new Completion(note));
    return view(assignments.find(id).orElseThrow());
  }

  private Task openTask(AssignmentRecord a, String taskKey, String taskId) {
    Task task =
        taskId == null
            ? null
            : taskService.createTaskQuery().taskId(taskId).active().singleResult();
    if (task == null || !taskKey.equals(task.getTaskDefinitionKey())) {
      throw new StateConflict("交办任务 " + a.id() + " 的这一步已办理，请刷新后重试");
    }
    return task;
  }

  private void complete(Task task, String user, Serializable command) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(AssignmentVariables.COMMAND, TransientValue.of(command));
    userTasks.completeAs(task, user, variables);
  }

  private AssignmentRecord visible(long id, String user) {
    AssignmentRecord a = assignments.find(id).orElseThrow(() -> new NotFound("没有交办任务 " + id));
    if (!sees(a, user)) {
      throw new NotFound("没有交办任务 " + id);
    }
    return a;
  }

  private boolean sees(AssignmentRecord a, String user) {
    AccessScope scope = accessScopes.of(user);
    if (scope.admin()
        || people.supervisedTownships(user).contains(a.townshipCode())
        || people.staffUnits(user).contains(a.assignerUnit())) {
      return true;
    }
    return a.assignedAt() != null
        && assignments.grids(a.id()).stream().anyMatch(g -> scope.seesGrid(g.gridCode()));
  }

  private AssignmentView view(AssignmentRecord a) {
    return view(a, assignments.grids(a.id()));
  }

  private static AssignmentView view(AssignmentRecord a, List<GridRow> grids) {
    return new AssignmentView(
        a.id(),
        a.townshipCode(),
        a.assignerUnit(),
        a.assignedBy(),
        a.matterCode(),
        a.matterName(),
        a.matterListed(),
        a.title(),
        a.instructions(),
        a.workingDays(),
        a.status(),
        a.createdAt(),
        a.approvalDue(),
        a.approvalOverdue(),
        a.approvalLate(),
        a.decidedBy(),
        a.decidedAt(),
        a.decisionReason(),
        a.assignedAt(),
        a.dueBy(),
        a.dueProvisional(),
        a.doneAt(),
        grids.stream().map(g -> g.task(a.dueBy())).toList());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
