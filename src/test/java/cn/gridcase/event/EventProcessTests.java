package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.accountability.Proposal;
import cn.gridcase.notification.InboxEntry;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.test.ProcessTestSupport;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The event process (event-handling.bpmn with event-level-handling.bpmn) driven step by step with a
 * controlled clock: every path, every timer, and the validation at every user task.
 */
class EventProcessTests extends ProcessTestSupport {

  @Autowired Events events;
  @Autowired TaskService taskService;
  @Autowired Notifications notifications;
  @Autowired AccountabilityProposals proposals;

  static EventReport hazard(String grid, boolean major) {
    return new EventReport(
        EventCategory.HAZARD,
        grid,
        "电动车楼道充电",
        OffsetDateTime.parse("2026-09-20T09:00:00+08:00"),
        "1号楼2单元",
        "住户张某",
        "楼道私拉电线",
        "巡查时发现，已口头劝阻",
        List.of(),
        major);
  }

  static EventReport dispute(String grid) {
    return new EventReport(
        EventCategory.DISPUTE,
        grid,
        "邻里漏水纠纷",
        OffsetDateTime.parse("2026-09-20T09:00:00+08:00"),
        "3号楼",
        "王某、李某",
        "楼上漏水",
        "双方多次争吵",
        List.of(new Party("王某", "13800000001"), new Party("李某", "13800000002")),
        false);
  }

  private ProcessInstance instance(String number) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(number)
        .processDefinitionKey(Events.PROCESS_KEY)
        .singleResult();
  }

  private ProcessInstance levelInstance(String number) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(number)
        .processDefinitionKey("event-level-handling")
        .singleResult();
  }

  private Task task(String number) {
    return taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
  }

  /** Completes the open task as a Tasklist user would: claim, then submit the form's variables. */
  private void completeAs(String user, String number, Map<String, Object> form) {
    Task task = task(number);
    taskService.claim(task.getId(), user);
    taskService.complete(task.getId(), form);
  }

  private static Map<String, Object> form(Object... pairs) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }

  /** The activity history of the event's instance of {@code model}. */
  private List<HistoricActivityInstance> activityHistory(String number, String model) {
    var history = processEngine.getHistoryService();
    String instance =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .processDefinitionKey(model)
            .singleResult()
            .getId();
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance).list();
  }

  private List<InboxEntry> inbox(String user, String number) {
    return notifications.inbox(user, false, 500).stream()
        .filter(n -> number.equals(n.eventNumber()))
        .toList();
  }

  @Test
  @DisplayName(
      "E4/E9 resolved in the grid: the grid worker's own report is accepted on reporting, resolved"
          + " and fed back")
  void resolvedInTheGrid() {
    clock.set("2026-09-30T10:00");
    EventView reported = events.report(hazard("GS-V01-G01", false), "worker1");
    String number = reported.number();
    assertThat(number).matches("SJ-20260930-\\d{4}");
    assertThat(instance(number)).isWaitingAt("GridLevelCallActivity");
    assertThat(levelInstance(number)).isWaitingAt("HandleEventTask").task().isAssignedTo("worker1");
    assertThat(reported.status()).isEqualTo(EventStatus.IN_HANDLING);
    assertThat(reported.steps())
        .extracting(EventStep::action)
        .containsExactly("REPORTED", "ACCEPTED");
    // handling runs 5 working days from the report: Oct 1-7 holiday, Oct 8, 9, 10 (make-up), 12, 13
    assertThat(reported.handleBy()).isEqualTo("2026-10-13T23:59:59+08:00");

    clock.set("2026-10-09T15:00");
    completeAs("worker1", number, form("outcome", "RESOLVE", "result", "已拆除私拉电线"));
    assertThat(instance(number)).isWaitingAt("FeedbackTask").task().hasCandidateGroup("GS-V01-G01");
    EventView resolved = events.get(number, "worker1");
    assertThat(resolved.status()).isEqualTo(EventStatus.RESOLVED);
    assertThat(resolved.result()).isEqualTo("已拆除私拉电线");
    // the process keeps ids and routing flags only: the result lives in the event's tables
    assertThat(processEngine.getRuntimeService().getVariables(instance(number).getId()).keySet())
        .containsExactlyInAnyOrder("eventNumber", "major", "outcome");

    completeAs("worker1", number, form("satisfaction", "SATISFIED", "comment", "群众满意"));
    assertThat(instance(number)).isNull();
    EventView closed = events.get(number, "worker1");
    assertThat(closed.status()).isEqualTo(EventStatus.CLOSED);
    assertThat(closed.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
    assertThat(closed.steps())
        .extracting(EventStep::action)
        .containsExactly("REPORTED", "ACCEPTED", "RESOLVED", "FEEDBACK");
    assertThat(closed.overdueAcceptance()).isFalse();
    assertThat(closed.overdueHandling()).isFalse();
  }

  @Test
  @DisplayName(
      "E5/E7 escalated grid -> village -> township -> department: each unit gets the task, the"
          + " center is told")
  void escalatedThroughEveryLevel() {
    clock.set("2026-11-02T09:00");
    String number = events.report(hazard("GS-V01-G01", false), "station1").number();
    // reported by the station, not the grid's worker: the grid must accept first
    assertThat(levelInstance(number))
        .isWaitingAt("AcceptEventTask")
        .task()
        .hasCandidateGroup("GS-V01-G01");
    assertThat(events.get(number, "worker1").acceptBy()).isEqualTo("2026-11-04T23:59:59+08:00");
    assertThat(inbox("worker1", number))
        .extracting(InboxEntry::kind)
        .contains(NoticeKind.EVENT_RECEIVED);

    completeAs("worker1", number, Map.of());
    completeAs("worker1", number, form("outcome", "ESCALATE", "reason", "需村里协调物业"));
    assertThat(instance(number)).isWaitingAt("VillageLevelCallActivity");
    assertThat(levelInstance(number))
        .isWaitingAt("AcceptEventTask")
        .task()
        .hasCandidateGroup("GS-V01");
    assertThat(inbox("station1", number))
        .extracting(InboxEntry::kind)
        .contains(NoticeKind.EVENT_RECEIVED);
    assertThat(inbox("center1", number))
        .extracting(InboxEntry::kind)
        .contains(NoticeKind.EVENT_ESCALATED);

    completeAs("station1", number, Map.of());
    EventView atVillage = events.get(number, "station1");
    assertThat(atVillage.handleBy())
        .isEqualTo("2026-11-05T23:59:59+08:00"); // VILLAGE: 3 working days
    completeAs("station1", number, form("outcome", "ESCALATE", "reason", "涉及消防，超出村级能力"));
    assertThat(instance(number)).isWaitingAt("TownshipLevelCallActivity");
    assertThat(levelInstance(number)).isWaitingAt("AcceptEventTask").task().hasCandidateGroup("GS");
    // the Tasklist description tells the center where it can dispatch to
    assertThat(task(number).getDescription())
        .contains("可派单部门：DEPT-CIVIL 民政、DEPT-LAND 自然资源、DEPT-SAFETY 应急管理");

    completeAs("center1", number, Map.of());
    assertThat(events.get(number, "center1").handleBy())
        .isEqualTo("2026-11-04T23:59:59+08:00"); // TOWNSHIP: 2
    completeAs(
        "center1",
        number,
        form("outcome", "DISPATCH", "departmentCode", "DEPT-SAFETY", "instructions", "三日内排查"));
    assertThat(instance(number)).isWaitingAt("DepartmentLevelCallActivity");
    assertThat(levelInstance(number))
        .isWaitingAt("AcceptEventTask")
        .task()
        .hasCandidateGroup("DEPT-SAFETY");
    assertThat(inbox("safety1", number))
        .extracting(InboxEntry::kind)
        .contains(NoticeKind.EVENT_RECEIVED);
    assertThat(events.get(number, "safety1").departmentCode()).isEqualTo("DEPT-SAFETY");

    completeAs("safety1", number, Map.of()); // 报到承接
    assertThat(events.get(number, "safety1").handleBy())
        .isEqualTo("2026-11-09T23:59:59+08:00"); // DEPARTMENT: 5
    completeAs("safety1", number, form("outcome", "RESOLVE", "result", "已整改"));
    completeAs("worker1", number, form("satisfaction", "BASICALLY_SATISFIED"));
    EventView closed = events.get(number, "supervisor1");
    assertThat(closed.status()).isEqualTo(EventStatus.CLOSED);
    assertThat(closed.level()).isEqualTo(EventLevel.DEPARTMENT);
    assertThat(closed.steps())
        .extracting(EventStep::action)
        .containsExactly(
            "REPORTED",
            "ACCEPTED",
            "ESCALATED",
            "ACCEPTED",
            "ESCALATED",
            "ACCEPTED",
            "DISPATCHED",
            "ACCEPTED",
            "RESOLVED",
            "FEEDBACK");
    assertThat(closed.steps())
        .extracting(EventStep::level)
        .containsExactly(
            EventLevel.GRID,
            EventLevel.GRID,
            EventLevel.GRID,
            EventLevel.VILLAGE,
            EventLevel.VILLAGE,
            EventLevel.TOWNSHIP,
            EventLevel.TOWNSHIP,
            EventLevel.DEPARTMENT,
            EventLevel.DEPARTMENT,
            EventLevel.DEPARTMENT);
  }

  @Test
  @DisplayName(
      "E5 referred to the county by the township center; a department can return an event to the"
          + " center")
  void referredToTheCounty() {
    clock.set("2026-11-02T09:00");
    String number = events.report(hazard("GS-V02-G01", true), "worker3").number();
    ProcessInstance main = instance(number);
    completeAs("center1", number, Map.of());
    completeAs("center1", number, form("outcome", "DISPATCH", "departmentCode", "DEPT-LAND"));
    // no handler in DEPT-LAND: the section head of the township center re-dispatches after a return
    ProcessInstance level = levelInstance(number);
    assertThat(level).isWaitingAt("AcceptEventTask").task().hasCandidateGroup("DEPT-LAND");
    taskService.setAssignee(task(number).getId(), "admin");
    taskService.complete(task(number).getId());
    taskService.complete(task(number).getId(), form("outcome", "ESCALATE", "reason", "不属本部门职责"));
    assertThat(instance(number)).isWaitingAt("TownshipLevelCallActivity");
    completeAs("head1", number, Map.of());
    completeAs(
        "head1",
        number,
        form("outcome", "REFER_COUNTY", "countyDepartment", "县住建局", "reason", "超出乡镇职权"));
    assertThat(main).isEnded();
    EventView referred = events.get(number, "supervisor1");
    assertThat(referred.status()).isEqualTo(EventStatus.REFERRED_TO_COUNTY);
    assertThat(referred.level()).isEqualTo(EventLevel.COUNTY);
    assertThat(referred.countyDepartment()).isEqualTo("县住建局");
    assertThat(referred.steps())
        .extracting(EventStep::action)
        .endsWith("ESCALATED", "ACCEPTED", "REFERRED_TO_COUNTY");
  }

  @Test
  @DisplayName(
      "E8 a major event skips grid and village: the township center has it at once, center and"
          + " supervisors warned")
  void majorEventGoesToTheTownship() {
    clock.set("2026-11-02T09:00");
    String number = events.report(hazard("GS-V01-G02", true), "worker2").number();
    // 研判预警 leaves no activity history (a service task of an event model): its step shows it ran
    assertThat(instance(number)).isWaitingAt("TownshipLevelCallActivity");
    assertThat(levelInstance(number)).isWaitingAt("AcceptEventTask").task().hasCandidateGroup("GS");
    EventView event = events.get(number, "supervisor1");
    assertThat(event.level()).isEqualTo(EventLevel.TOWNSHIP);
    assertThat(event.status()).isEqualTo(EventStatus.AWAITING_ACCEPTANCE);
    assertThat(event.steps())
        .extracting(EventStep::action)
        .containsExactly("REPORTED", "EARLY_WARNING");
    for (String user : List.of("center1", "head1", "supervisor1")) {
      assertThat(inbox(user, number))
          .extracting(InboxEntry::kind)
          .contains(NoticeKind.EARLY_WARNING);
    }
    assertThat(inbox("station1", number)).isEmpty();
  }

  @Test
  @DisplayName(
      "Issue 15 item 5: an event's activity history keeps its levels, tasks and fired timers, not"
          + " its gateways, start and end events or automatic steps")
  void activityHistoryKeepsWhatSomeoneDidOrWaitedFor() {
    clock.set("2026-11-02T09:00");
    String number = events.report(hazard("GS-V01-G01", false), "station1").number();
    // past the acceptance reminder and deadline: both timers fire
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-11-20T09:00+08:00"));
    completeAs("worker1", number, Map.of());
    completeAs("worker1", number, form("outcome", "RESOLVE", "result", "已处理"));
    completeAs("worker1", number, form("satisfaction", "SATISFIED"));
    assertThat(events.get(number, "worker1").status()).isEqualTo(EventStatus.CLOSED);

    List<HistoricActivityInstance> rows = activityHistory(number, Events.PROCESS_KEY);
    List<HistoricActivityInstance> levelRows = activityHistory(number, "event-level-handling");
    assertThat(rows)
        .extracting(HistoricActivityInstance::getActivityId)
        .containsExactlyInAnyOrder("GridLevelCallActivity", "FeedbackTask");
    assertThat(levelRows)
        .extracting(HistoricActivityInstance::getActivityId)
        .containsExactlyInAnyOrder(
            "AcceptEventTask",
            "AcceptanceReminderEvent",
            "AcceptanceDeadlineEvent",
            "HandleEventTask");
    assertThat(rows).allMatch(row -> row.getEndTime() != null, "every row ended");
    assertThat(levelRows).allMatch(row -> row.getEndTime() != null, "every row ended");
  }

  @Test
  @DisplayName(
      "E4 acceptance timers across National Day: reminder at the end of Oct 8, overdue acceptance"
          + " at the end of Oct 9")
  void acceptanceTimersAcrossTheHoliday() {
    clock.set("2026-09-30T10:00");
    String number = events.report(hazard("GS-V01-G01", false), "station1").number();
    assertThat(events.get(number, "worker1").acceptBy()).isEqualTo("2026-10-09T23:59:59+08:00");

    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-08T23:59:58+08:00"));
    assertThat(inbox("worker1", number))
        .extracting(InboxEntry::kind)
        .doesNotContain(NoticeKind.DEADLINE_REMINDER);
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-08T23:59:59+08:00"));
    assertThat(inbox("worker1", number))
        .extracting(InboxEntry::kind)
        .contains(NoticeKind.DEADLINE_REMINDER);

    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-09T23:59:58+08:00"));
    assertThat(events.get(number, "worker1").overdueAcceptance()).isFalse();
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-09T23:59:59+08:00"));
    EventView late = events.get(number, "worker1");
    assertThat(late.overdueAcceptance()).isTrue();
    assertThat(late.steps()).extracting(EventStep::action).contains("OVERDUE_ACCEPTANCE");
    // the task says so in Tasklist, whatever the browser's clock: marked and raised once
    assertThat(task(number).getName()).isEqualTo("受理事件 " + number + " 【已超期】");
    assertThat(task(number).getPriority()).isEqualTo(100);
    assertThat(inbox("supervisor1", number))
        .extracting(InboxEntry::kind)
        .contains(NoticeKind.OVERDUE);
    assertThat(inbox("worker1", number)).extracting(InboxEntry::kind).contains(NoticeKind.OVERDUE);
    // C3: a proposal against the grid worker who let the acceptance run overdue
    List<Proposal> raised = proposals.forEvent(number);
    assertThat(raised)
        .extracting(Proposal::subject, Proposal::subjectRole, Proposal::trigger)
        .containsExactly(Tuple.tuple("worker1", "GRID_WORKER", "OVERDUE_ACCEPTANCE"));
    assertThat(raised.get(0).deadline()).isEqualTo("2026-10-09T23:59:59+08:00");

    // the task is still open; accepting late records a late step, and the flag survives resolution
    clock.set("2026-10-10T09:00");
    completeAs("worker1", number, Map.of());
    completeAs("worker1", number, form("outcome", "RESOLVE", "result", "已处理"));
    EventView resolved = events.get(number, "worker1");
    assertThat(resolved.status()).isEqualTo(EventStatus.RESOLVED);
    assertThat(resolved.overdueAcceptance()).isTrue();
    assertThat(resolved.steps())
        .filteredOn(s -> s.action().equals("ACCEPTED"))
        .singleElement()
        .extracting(EventStep::late)
        .isEqualTo(true);
  }

  @Test
  @DisplayName(
      "E4/E6 handling timers across National Day: reminder at the end of Oct 9, overdue handling at"
          + " the end of the make-up Saturday Oct 10")
  void handlingTimersAndDelayReason() {
    clock.set("2026-09-28T10:00"); // Monday; Oct 1-7 off, Saturday Oct 10 is a make-up working day
    String number = events.report(dispute("GS-V01-G01"), "worker1").number();
    // 5 working days from the report: Sep 29, Sep 30, Oct 8, Oct 9, Oct 10
    assertThat(events.get(number, "worker1").handleBy()).isEqualTo("2026-10-10T23:59:59+08:00");
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-09T23:59:58+08:00"));
    assertThat(inbox("worker1", number))
        .extracting(InboxEntry::kind)
        .doesNotContain(NoticeKind.DEADLINE_REMINDER);
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-09T23:59:59+08:00"));
    assertThat(inbox("worker1", number))
        .extracting(InboxEntry::kind)
        .contains(NoticeKind.DEADLINE_REMINDER);
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-10T23:59:58+08:00"));
    assertThat(events.get(number, "worker1").overdueHandling()).isFalse();
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-10T23:59:59+08:00"));
    EventView late = events.get(number, "worker1");
    assertThat(late.overdueHandling()).isTrue();
    assertThat(late.overdueAcceptance()).isFalse();
    assertThat(late.steps()).extracting(EventStep::action).contains("OVERDUE_HANDLING");
    assertThat(inbox("supervisor1", number))
        .extracting(InboxEntry::kind)
        .contains(NoticeKind.OVERDUE);
    assertThat(proposals.forEvent(number))
        .extracting(Proposal::subject, Proposal::trigger)
        .containsExactly(Tuple.tuple("worker1", "OVERDUE_HANDLING"));
    // each timer fires once
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-11-20T12:00:00+08:00"));
    assertThat(proposals.forEvent(number)).hasSize(1);

    Map<String, Object> noDelayReason =
        form(
            "outcome",
            "RESOLVE",
            "result",
            "调解成功",
            "mediator",
            "张调解员",
            "mediationResult",
            "赔偿维修费",
            "agreementForm",
            "WRITTEN",
            "agreementTerms",
            "楼上赔偿500元");
    assertThat(codes(() -> completeAs("worker1", number, noDelayReason)))
        .containsExactly("E6.delayReason");
    noDelayReason.put("delayReason", "当事人外出");
    completeAs("worker1", number, noDelayReason);
    EventView resolved = events.get(number, "worker1");
    assertThat(resolved.overdueHandling()).isTrue();
    assertThat(resolved.delayReason()).isEqualTo("当事人外出");
    assertThat(resolved.agreementForm()).isEqualTo(AgreementForm.WRITTEN);
    assertThat(resolved.steps())
        .filteredOn(s -> s.action().equals("RESOLVED"))
        .singleElement()
        .extracting(EventStep::late)
        .isEqualTo(true);
  }

  @Test
  @DisplayName(
      "E3/E5/E9 validation at every user task, whoever completes it (here straight through the"
          + " engine)")
  void validationAtEveryTask() {
    clock.set("2026-11-02T09:00");
    String number = events.report(dispute("GS-V01-G01"), "station1").number();
    completeAs("worker1", number, Map.of()); // acceptance carries no data
    assertThat(codes(() -> completeAs("worker1", number, Map.of()))).containsExactly("E5.outcome");
    assertThat(codes(() -> completeAs("worker1", number, form("outcome", "DISPATCH"))))
        .containsExactly("E5.outcome");
    assertThat(codes(() -> completeAs("worker1", number, form("outcome", "ESCALATE"))))
        .containsExactly("E5.reason");
    assertThat(
            codes(
                () ->
                    completeAs(
                        "worker1", number, form("outcome", "RESOLVE", "agreementForm", "SIGNED"))))
        .containsExactly(
            "E3.result",
            "E3.mediator",
            "E3.mediationResult",
            "E3.agreementForm",
            "E3.agreementTerms");
    // nothing of the refused attempts stayed
    assertThat(levelInstance(number)).isWaitingAt("HandleEventTask");
    completeAs("worker1", number, form("outcome", "ESCALATE", "reason", "调解不成"));
    completeAs("station1", number, Map.of());
    completeAs("station1", number, form("outcome", "ESCALATE", "reason", "需镇调解"));
    completeAs("center1", number, Map.of());
    assertThat(
            codes(
                () ->
                    completeAs(
                        "center1",
                        number,
                        form("outcome", "DISPATCH", "departmentCode", "GS-V01"))))
        .containsExactly("E5.department");
    assertThat(codes(() -> completeAs("center1", number, form("outcome", "REFER_COUNTY"))))
        .containsExactly("E5.countyDepartment", "E5.reason");
    assertThat(
            codes(() -> completeAs("center1", number, form("outcome", "ESCALATE", "reason", "x"))))
        .containsExactly("E5.outcome");
    completeAs(
        "center1",
        number,
        form(
            "outcome",
            "RESOLVE",
            "result",
            "镇调委会调解成功",
            "mediator",
            "赵敏",
            "mediationResult",
            "达成协议",
            "agreementForm",
            "ORAL",
            "agreementTerms",
            "各自承担一半"));
    assertThat(codes(() -> completeAs("worker1", number, Map.of())))
        .containsExactly("E9.satisfaction");
    assertThat(codes(() -> completeAs("worker1", number, form("satisfaction", "HAPPY"))))
        .containsExactly("E9.satisfaction");
    completeAs("worker1", number, form("satisfaction", "DISSATISFIED"));
    assertThat(events.get(number, "worker1").status()).isEqualTo(EventStatus.CLOSED);
  }

  private static List<String> codes(Runnable action) {
    try {
      action.run();
    } catch (ProcessEngineException e) {
      RuntimeException cause = DomainRuleViolation.in(e).<RuntimeException>map(v -> v).orElse(e);
      assertThat(cause).isInstanceOf(DomainRuleViolation.class);
      return ((DomainRuleViolation) cause).errors().stream().map(ApiError::code).toList();
    } catch (DomainRuleViolation e) {
      return e.errors().stream().map(ApiError::code).toList();
    }
    throw new AssertionError("the step was not refused");
  }

  @Test
  @DisplayName(
      "E2 a report missing elements is refused naming each; a dispute needs both parties and a"
          + " phone")
  void intakeValidation() {
    clock.set("2026-11-02T09:00");
    EventReport empty =
        new EventReport(
            EventCategory.DISPUTE,
            "GS-V01-G01",
            " ",
            null,
            "",
            null,
            "",
            null,
            List.of(new Party("王某", "")),
            false);
    assertThatThrownBy(() -> events.report(empty, "worker1"))
        .isInstanceOfSatisfying(
            DomainRuleViolation.class,
            e ->
                assertThat(e.errors())
                    .extracting(ApiError::code)
                    .containsExactlyInAnyOrder(
                        "E2.title",
                        "E2.time",
                        "E2.place",
                        "E2.persons",
                        "E2.cause",
                        "E2.course",
                        "E2.parties",
                        "E2.phone"));
  }

  @Test
  @DisplayName(
      "T3/E4 an event deadline in a year without a holiday schedule is flagged provisional")
  void provisionalDeadline() {
    clock.set("2027-12-29T10:00"); // 2027 has no schedule loaded
    EventReport report =
        new EventReport(
            EventCategory.SERVICE,
            "GS-V01-G01",
            "独居老人送餐",
            OffsetDateTime.parse("2027-12-29T09:00:00+08:00"),
            "5号楼",
            "独居老人",
            "行动不便",
            "申请送餐服务",
            List.of(),
            false);
    EventView event = events.report(report, "station1");
    assertThat(event.acceptBy()).isEqualTo("2027-12-31T23:59:59+08:00");
    assertThat(event.deadlineProvisional()).isTrue();
    clock.set("2026-11-02T09:00");
    assertThat(events.report(hazard("GS-V01-G01", false), "station1").deadlineProvisional())
        .isFalse();
  }

  @Test
  @DisplayName(
      "E10 a recording task started without its user task (Cockpit's \"start before\") fails"
          + " loudly: the submission was not handed over and the step must be submitted again")
  void recordingWithoutHandOverFailsLoudly() {
    clock.set("2026-11-02T09:00");
    String number = events.report(hazard("GS-V01-G01", false), "worker1").number();
    assertThat(levelInstance(number)).isWaitingAt("HandleEventTask");

    assertThatThrownBy(
            () ->
                processEngine
                    .getRuntimeService()
                    .createProcessInstanceModification(levelInstance(number).getId())
                    .startBeforeActivity("RecordHandlingTask")
                    .execute())
        .hasMessageContaining("「办理事件」的提交未交接到记录步骤，请重新提交此步骤")
        .hasMessageContaining("'handling'");
    assertThat(levelInstance(number)).isWaitingAt("HandleEventTask");
    assertThat(events.get(number, "worker1").steps())
        .extracting(EventStep::action)
        .containsExactly("REPORTED", "ACCEPTED");
  }
}
