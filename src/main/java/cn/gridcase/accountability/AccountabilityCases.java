package cn.gridcase.accountability;

import cn.gridcase.accountability.internal.CaseConclusion;
import cn.gridcase.accountability.internal.CaseDeadlines;
import cn.gridcase.accountability.internal.CasePeople;
import cn.gridcase.accountability.internal.CaseRecord;
import cn.gridcase.accountability.internal.CaseRepository;
import cn.gridcase.accountability.internal.CaseVariables;
import cn.gridcase.accountability.internal.ExecutionRecord;
import cn.gridcase.accountability.internal.SubjectNotice;
import cn.gridcase.accountability.internal.TalkRecord;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.UserTaskCompletion;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accountability cases (责任追究), the feature's public surface. Supervisors open cases (by hand or
 * from a proposal) and see all of their township's; the assigned investigators investigate, extend
 * once (C6), decide (C2, C4, C5) or dismiss, notify (C7) and record the execution; the subject sees
 * their own case once notified, the conductors of a decided talk theirs (C5); nobody else sees any
 * of it (404). Every read is audited.
 */
@Service
public class AccountabilityCases {

  public static final String PROCESS_KEY = "accountability-investigation";
  public static final String INVESTIGATE_TASK = "InvestigateCaseTask";

  /** The notice task's BPMN element id (task definition key), for lists that name a case's step. */
  public static final String NOTIFY_TASK = "NotifySubjectTask";

  static final String EXECUTION_TASK = "RecordExecutionTask";
  public static final String TALK_TASK = "HoldTalkTask";

  /** Who can be held accountable (C1, S0 第二条). */
  static final Set<AppointmentRole> ACCOUNTABLE_ROLES =
      EnumSet.of(
          AppointmentRole.GRID_WORKER,
          AppointmentRole.GRID_LEADER,
          AppointmentRole.GRID_INSTRUCTOR,
          AppointmentRole.EVENT_HANDLER,
          AppointmentRole.SECTION_HEAD,
          AppointmentRole.AREA_LEADER);

  private final CaseRepository cases;
  private final CasePeople people;
  private final AccessScopes accessScopes;
  private final AccountabilityProposals proposals;
  private final Notifications notifications;
  private final WorkingDays workingDays;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final Clock clock;
  private final UserTaskCompletion userTasks;

  AccountabilityCases(
      CaseRepository cases,
      CasePeople people,
      AccessScopes accessScopes,
      AccountabilityProposals proposals,
      Notifications notifications,
      WorkingDays workingDays,
      RuntimeService runtimeService,
      TaskService taskService,
      Clock clock,
      UserTaskCompletion userTasks) {
    this.userTasks = userTasks;
    this.cases = cases;
    this.people = people;
    this.accessScopes = accessScopes;
    this.proposals = proposals;
    this.notifications = notifications;
    this.workingDays = workingDays;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.clock = clock;
  }

  /** 立案 by a supervisor, citing the clause of S0 第四条. */
  @Transactional
  public CaseView open(OpenCase request, String user) {
    String township = supervisedTownship(user);
    return view(openCase(request, township, user, null), user, false);
  }

  private long openCase(OpenCase request, String township, String user, Long proposalId) {
    List<ApiError> errors = new ArrayList<>();
    AppointmentRole role = null;
    String subjectUnit = null;
    try {
      role = request.subjectRole() == null ? null : AppointmentRole.valueOf(request.subjectRole());
    } catch (IllegalArgumentException e) {
      role = null;
    }
    if (role == null || !ACCOUNTABLE_ROLES.contains(role)) {
      errors.add(
          new ApiError(
              "subjectRole",
              "C1.subjectRole",
              "the roles held accountable are " + ACCOUNTABLE_ROLES));
    } else if (blank(request.subject())) {
      errors.add(new ApiError("subject", "C1.subject", "the subject (a user name) is missing"));
    } else {
      subjectUnit = people.unitWhere(request.subject(), role).orElse(null);
      if (subjectUnit == null) {
        errors.add(
            new ApiError(
                "subject",
                "C1.subject",
                request.subject() + " holds no " + role + " appointment now"));
      } else if (!township.equals(people.townshipOf(subjectUnit).orElse(null))) {
        errors.add(
            new ApiError(
                "subject", "C1.subject", request.subject() + " is not in township " + township));
      }
    }
    if (blank(request.clause())) {
      errors.add(new ApiError("clause", "C3.clause", "cite the clause of 第四条 the case rests on"));
    }
    if (blank(request.facts())) {
      errors.add(new ApiError("facts", "C3.facts", "the facts are missing"));
    }
    List<String> investigators =
        request.investigators() == null || request.investigators().isEmpty()
            ? people.investigatorsOf(township)
            : List.copyOf(new LinkedHashSet<>(request.investigators()));
    if (investigators.isEmpty()) {
      errors.add(
          new ApiError(
              "investigators",
              "C5.investigators",
              "township " + township + " has no investigator"));
    }
    for (String investigator : investigators) {
      if (!people.isInvestigatorIn(investigator, township)) {
        errors.add(
            new ApiError(
                "investigators",
                "C5.investigators",
                investigator + " is not an investigator of " + township));
      }
    }
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("The case cannot be opened", errors);
    }
    OffsetDateTime now = GridCaseTime.now(clock);
    // C4: a second accountable act within a year aggravates — whether the earlier case is decided
    // or
    // still investigated; an earlier case still investigated is flagged too (below)
    OffsetDateTime yearAgo = now.minusYears(1);
    List<CaseRecord> earlier =
        cases.ofSubject(request.subject()).stream()
            .filter(c -> c.status() != CaseStatus.DISMISSED)
            .filter(
                c ->
                    c.openedAt().isAfter(yearAgo)
                        || c.decidedAt() != null && c.decidedAt().isAfter(yearAgo))
            .toList();
    boolean repeated = !earlier.isEmpty();
    List<Circumstance> detected = repeated ? List.of(Circumstance.REPEATED_WITHIN_YEAR) : List.of();
    long id =
        cases.insert(
            township,
            request.subject(),
            role.name(),
            subjectUnit,
            request.clause().trim(),
            request.facts().trim(),
            blank(request.eventNumber()) ? null : request.eventNumber().trim(),
            proposalId,
            user,
            now,
            investigators,
            detected);
    OffsetDateTime investigateBy =
        workingDays.deadline(now, CaseDeadlines.INVESTIGATION_DAYS).deadline();
    cases.addStep(
        id,
        new CaseStep(
            "OPENED",
            user,
            now,
            investigateBy,
            false,
            request.clause().trim() + (repeated ? "；系统发现一年内两次以上应予追究（从重）" : "")));
    Map<String, Object> variables = new HashMap<>();
    // shown in the forms; the process reads the case itself from the case's table by its business
    // key
    variables.put(CaseVariables.CASE_ID, id);
    if (repeated) {
      // pre-fills the aggravating circumstance in the investigation form
      variables.put(CaseVariables.CIRCUMSTANCE_BOXES.get(Circumstance.REPEATED_WITHIN_YEAR), true);
    }
    runtimeService.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(id), variables);
    earlier.stream()
        .filter(c -> c.status() == CaseStatus.INVESTIGATING)
        .filter(c -> !c.detectedAggravating().contains(Circumstance.REPEATED_WITHIN_YEAR))
        .forEach(c -> flagRepeated(c, id, now));
    notifications.send(
        new Notice(
            NoticeKind.CASE_ASSIGNED,
            "责任追究案件 " + id + " 待调查",
            "被追究人 "
                + request.subject()
                + "（"
                + role.label()
                + "），调查期限 "
                + investigateBy.toLocalDate()
                + "。",
            null),
        investigators);
    return id;
  }

  /**
   * C4 for a case still being investigated when a later one against the same person is opened: it
   * gets the detected circumstance, a note in its record, and the investigation form pre-fills it.
   */
  private void flagRepeated(CaseRecord earlier, long later, OffsetDateTime now) {
    List<Circumstance> detected = new ArrayList<>(earlier.detectedAggravating());
    detected.add(Circumstance.REPEATED_WITHIN_YEAR);
    cases.setDetectedAggravating(earlier.id(), detected);
    cases.addStep(
        earlier.id(),
        new CaseStep(
            "REPEATED_DETECTED", "system", now, null, false, "系统发现一年内两次以上应予追究（从重）：另有案件 " + later));
    runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(String.valueOf(earlier.id()))
        .list()
        .forEach(
            instance ->
                runtimeService.setVariable(
                    instance.getId(),
                    CaseVariables.CIRCUMSTANCE_BOXES.get(Circumstance.REPEATED_WITHIN_YEAR),
                    true));
  }

  /** A supervisor accepts a proposal: it opens a case, linked to it. */
  @Transactional
  public CaseView acceptProposal(long proposalId, String user, List<String> investigators) {
    Proposal proposal = proposals.get(proposalId);
    String township = proposalTownship(proposal, user);
    if (!"OPEN".equals(proposal.status())) {
      throw new StateConflict("Proposal " + proposalId + " is " + proposal.status());
    }
    String facts =
        proposal.evidence()
            + (proposal.severity() == null
                ? ""
                : "（情节："
                    + proposal.severity()
                    + "，超期 "
                    + proposal.workingDaysLate()
                    + " 个工作日，一年内第 "
                    + proposal.lateStepsInYear()
                    + " 次；建议："
                    + proposal.suggestedMeasures()
                    + "）");
    long id =
        openCase(
            new OpenCase(
                proposal.subject(),
                proposal.subjectRole(),
                proposal.clause(),
                facts,
                proposal.eventNumber(),
                investigators),
            township,
            user,
            proposalId);
    proposals.accepted(proposalId, id, user);
    return view(id, user, false);
  }

  /** A supervisor rejects a proposal, with a reason. */
  @Transactional
  public Proposal rejectProposal(long proposalId, String user, String reason) {
    proposalTownship(proposals.get(proposalId), user);
    proposals.reject(proposalId, user, reason);
    return proposals.get(proposalId);
  }

  /** The proposals a supervisor (their townships) or an administrator (all) sees. */
  public List<Proposal> proposals(String user, String status) {
    if (accessScopes.of(user).admin()) {
      return proposals.inTownships(null, status);
    }
    List<String> townships = people.supervisedTownships(user);
    if (townships.isEmpty()) {
      throw new AccessDeniedException("Proposals are for supervisors");
    }
    return proposals.inTownships(townships, status);
  }

  /**
   * The case steps past their deadline that the user may see (administrators all; supervisors their
   * townships'; investigators their own cases'), filtered by township and assignee, oldest deadline
   * first — for the supervisors' overdue list (S1).
   */
  @Transactional(readOnly = true)
  public List<OverdueCaseStep> overdueSteps(
      String user, String townshipCode, String assignee, OffsetDateTime now) {
    boolean admin = accessScopes.of(user).admin();
    return cases.overdueSteps(
        admin ? null : people.supervisedTownships(user),
        admin ? null : user,
        blank(townshipCode) ? null : townshipCode.trim(),
        blank(assignee) ? null : assignee.trim(),
        now);
  }

  /** A case, if the user may see it (404 otherwise); the read is audited. */
  @Transactional
  public CaseView get(long id, String user) {
    CaseRecord c = visible(id, user);
    cases.recordRead(c.id(), user, GridCaseTime.now(clock));
    return view(c.id(), user, true);
  }

  /** The cases the user may see, newest first (each listed case counts as a read). */
  @Transactional
  public List<CaseView> list(String user) {
    List<CaseRecord> visible;
    if (accessScopes.of(user).admin()) {
      visible = cases.all();
    } else {
      Map<Long, CaseRecord> found = new LinkedHashMap<>();
      cases.inTownships(people.supervisedTownships(user)).forEach(c -> found.put(c.id(), c));
      cases.assignedTo(user).forEach(c -> found.put(c.id(), c));
      cases.ofSubject(user).stream().filter(this::subjectMaySee).forEach(c -> found.put(c.id(), c));
      visible = new ArrayList<>(found.values());
    }
    OffsetDateTime now = GridCaseTime.now(clock);
    visible.forEach(c -> cases.recordRead(c.id(), user, now));
    return visible.stream().map(c -> view(c.id(), user, true)).toList();
  }

  /** Who read the case (supervisors of its township and administrators). */
  public List<CaseRead> reads(long id, String user) {
    CaseRecord c = visible(id, user);
    if (!accessScopes.of(user).admin()
        && !people.supervisedTownships(user).contains(c.townshipCode())) {
      throw new AccessDeniedException("The read audit is for supervisors");
    }
    return cases.reads(c.id());
  }

  /** C6: extend the investigation once, by 1-5 working days, with a reason. */
  @Transactional
  public CaseView extend(long id, String user, Object workingDays, String reason) {
    return complete(
        id,
        user,
        INVESTIGATE_TASK,
        "extended",
        new CaseConclusion.Extension(workingDays == null ? null : workingDays.toString(), reason));
  }

  /**
   * C2, C4: the decision with its measures and circumstances; C7's notice deadline follows unless
   * only a talk. Without a list of aggravating circumstances the detected one stands (C4).
   */
  @Transactional
  public CaseView decide(
      long id,
      String user,
      List<String> measures,
      List<String> mitigating,
      List<String> aggravating,
      String reasoning,
      String findings) {
    return complete(
        id,
        user,
        INVESTIGATE_TASK,
        "decided",
        new CaseConclusion.Decision(findings, measures, mitigating, aggravating, reasoning));
  }

  /** No liability found (免予追究). */
  @Transactional
  public CaseView dismiss(long id, String user, String reasoning) {
    return complete(
        id, user, INVESTIGATE_TASK, "dismissed", new CaseConclusion.Dismissal(null, reasoning));
  }

  /** C7: the person was told of the decision. */
  @Transactional
  public CaseView notifySubject(long id, String user, String notifiedAt, String channel) {
    return complete(id, user, NOTIFY_TASK, "notified", new SubjectNotice(notifiedAt, channel));
  }

  /** The decision was carried out: recorded, and the case archived. */
  @Transactional
  public CaseView recordExecution(long id, String user, String note) {
    return complete(
        id, user, EXECUTION_TASK, "closed", new ExecutionRecord(note == null ? "" : note));
  }

  /**
   * C5: the talk was held — by one of its conductors (the investigators when nobody holds the
   * role): the day and what was said.
   */
  @Transactional
  public CaseView recordTalk(long id, String user, String heldOn, String record) {
    CaseRecord c = visible(id, user);
    if (c.talk().conductors().isEmpty()) {
      // no talk decided (yet): the case is not at this step, whoever asks
      throw new StateConflict("Case " + id + " is " + c.status() + ": no talk is due on it");
    }
    if (!c.talk().conductors().contains(user)) {
      throw new AccessDeniedException(
          "The talk of case " + id + " is held by " + c.talk().conductors());
    }
    return complete(c, user, TALK_TASK, "talked", new TalkRecord(heldOn, record));
  }

  /**
   * Completes the case's open task {@code taskKey} for an investigator with the step's command,
   * handed to the engine as a transient variable: never stored, never in the history, read by the
   * task's listener as it is instead of being flattened into variables and read back.
   */
  private CaseView complete(
      long id, String user, String taskKey, String verb, Serializable command) {
    CaseRecord c = visible(id, user);
    if (!c.investigators().contains(user)) {
      throw new AccessDeniedException("Only the case's investigators act on case " + id);
    }
    return complete(c, user, taskKey, verb, command);
  }

  private CaseView complete(
      CaseRecord c, String user, String taskKey, String verb, Serializable command) {
    long id = c.id();
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(String.valueOf(id))
            .active()
            .list()
            .stream()
            .filter(t -> taskKey.equals(t.getTaskDefinitionKey()))
            .findFirst()
            .orElseThrow(
                () ->
                    new StateConflict(
                        "Case " + id + " is " + c.status() + ": it cannot be " + verb + " now"));
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.COMMAND, CaseVariables.transientCommand(command));
    userTasks.completeAs(task, user, variables);
    return view(id, user, false);
  }

  private CaseRecord visible(long id, String user) {
    CaseRecord c = cases.find(id).orElseThrow(() -> new NotFound("No case " + id));
    boolean sees =
        accessScopes.of(user).admin()
            || people.supervisedTownships(user).contains(c.townshipCode())
            || c.investigators().contains(user)
            || (user.equals(c.subject()) && subjectMaySee(c))
            || c.talk().conductors().contains(user);
    if (!sees) {
      throw new NotFound("No case " + id);
    }
    return c;
  }

  /** The subject sees their case once told of the decision (or once a talk-only case is closed). */
  private boolean subjectMaySee(CaseRecord c) {
    return c.notifiedAt() != null || c.status() == CaseStatus.ARCHIVED;
  }

  private String supervisedTownship(String user) {
    List<String> townships = people.supervisedTownships(user);
    if (townships.isEmpty()) {
      throw new AccessDeniedException("Cases are opened by supervisors (政法委)");
    }
    return townships.get(0);
  }

  private String proposalTownship(Proposal proposal, String user) {
    if (!people.supervisedTownships(user).contains(proposal.townshipCode())) {
      if (accessScopes.of(user).admin()) {
        throw new AccessDeniedException(
            "Proposals are accepted or rejected by the township's supervisors");
      }
      throw new NotFound("No proposal " + proposal.id());
    }
    return proposal.townshipCode();
  }

  /** The case as the user sees it; every answer that shows a case is an audited read. */
  private CaseView view(long id, String user, boolean alreadyRead) {
    if (!alreadyRead) {
      cases.recordRead(id, user, GridCaseTime.now(clock));
    }
    CaseRecord c = cases.find(id).orElseThrow();
    List<Task> open =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(String.valueOf(id))
            .active()
            .list();
    Optional<Task> investigate =
        open.stream().filter(t -> INVESTIGATE_TASK.equals(t.getTaskDefinitionKey())).findFirst();
    Optional<Task> notify =
        open.stream().filter(t -> NOTIFY_TASK.equals(t.getTaskDefinitionKey())).findFirst();
    OffsetDateTime notifyBy =
        notify
            .map(t -> GridCaseTime.at(t.getDueDate()))
            .orElse(
                c.decidedAt() != null
                        && c.notifiedAt() == null
                        && c.status() == CaseStatus.DECIDED
                        && !c.onlyTalk()
                    ? workingDays.deadline(c.decidedAt(), 3).deadline()
                    : null);
    if (c.notifiedAt() != null
        || (c.decidedAt() != null && !c.onlyTalk() && c.status() != CaseStatus.DISMISSED)) {
      notifyBy = notifyBy != null ? notifyBy : workingDays.deadline(c.decidedAt(), 3).deadline();
    }
    return new CaseView(
        c.id(),
        c.townshipCode(),
        c.subject(),
        c.subjectRole(),
        c.subjectUnit(),
        c.clause(),
        c.facts(),
        c.eventNumber(),
        c.proposalId(),
        c.status(),
        c.openedBy(),
        c.openedAt(),
        c.investigators(),
        investigate.map(t -> GridCaseTime.at(t.getDueDate())).orElse(null),
        c.extended(),
        c.extensionDays(),
        c.extensionReason(),
        notifyBy,
        c.overdueInvestigation(),
        c.overdueNotification(),
        c.detectedAggravating(),
        c.findings(),
        c.measures(),
        c.mitigating(),
        c.aggravating(),
        c.reasoning(),
        c.talkConductor(),
        c.decidedAt(),
        c.decidedBy(),
        c.notifiedAt(),
        c.notificationChannel(),
        c.executionNote(),
        c.talk().conductors(),
        c.talk().vacant(),
        c.talk().heldOn(),
        c.talk().record(),
        cases.steps(c.id()));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
