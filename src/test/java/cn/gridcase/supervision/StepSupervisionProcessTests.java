package cn.gridcase.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.accountability.Proposal;
import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.EventStep;
import cn.gridcase.event.EventView;
import cn.gridcase.event.Events;
import cn.gridcase.notification.InboxEntry;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.supervision.internal.StepSupervision;
import cn.gridcase.supervision.internal.SupervisionOrders;
import cn.gridcase.supervision.internal.SupervisionProcessVariables;
import cn.gridcase.test.ProcessTestSupport;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 督办 process (bpmn/event-supervision.bpmn) with a controlled clock: a 督办 kept in time, one that
 * passes, one superseded by a later 督办, and one across the National Day holiday.
 */
class StepSupervisionProcessTests extends ProcessTestSupport {

  @Autowired Events events;
  @Autowired StepSupervision supervision;
  @Autowired Notifications notifications;
  @Autowired AccountabilityProposals proposals;

  static EventReport hazard(String grid) {
    return new EventReport(
        EventCategory.HAZARD,
        grid,
        "消防通道堆放杂物",
        OffsetDateTime.parse("2026-09-20T09:00:00+08:00"),
        "5号楼北侧",
        "住户赵某",
        "装修垃圾未清运",
        "巡查发现，已拍照留存",
        List.of(),
        false);
  }

  private List<ProcessInstance> supervisions(String number) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(SupervisionProcessVariables.PROCESS_KEY)
        .processInstanceBusinessKey(number)
        .orderByProcessInstanceId()
        .asc()
        .list();
  }

  private ProcessInstance latestSupervision(String number) {
    List<ProcessInstance> running = supervisions(number);
    return running.get(running.size() - 1);
  }

  private long steps(EventView event, String action) {
    return event.steps().stream().filter(s -> action.equals(s.action())).count();
  }

  private List<InboxEntry> notices(String user, String number, String titlePrefix) {
    return notifications.inbox(user, false, 500).stream()
        .filter(n -> number.equals(n.eventNumber()) && n.title().startsWith(titlePrefix))
        .toList();
  }

  private List<Proposal> supervisionProposals(String number) {
    return proposals.forEvent(number).stream()
        .filter(p -> "OVERDUE_SUPERVISION".equals(p.trigger()))
        .toList();
  }

  private static OffsetDateTime endOf(String date) {
    return OffsetDateTime.parse(date + "T23:59:59+08:00");
  }

  @Test
  @DisplayName(
      "S1 a 督办 kept in time: the step is done before the 督办's deadline, the process ends 督办已落实,"
          + " nothing is overdue")
  void keptInTime() {
    clock.set("2026-11-02T09:00");
    // reported by the village station: the grid must accept it (2 working days, E4)
    String number = events.report(hazard("GS-V01-G01"), "station1").number();
    EventView supervised = supervision.supervise(number, "supervisor1", 1, "请今天内受理");
    assertThat(supervised.acceptBy())
        .as("the open task's due date is the 督办's")
        .isEqualTo(endOf("2026-11-03"));
    ProcessInstance watch = latestSupervision(number);
    assertThat(watch).isWaitingAt("SupervisionDeadlineEvent");

    clock.set("2026-11-03T10:00");
    events.accept(number, "worker1");
    clock.set("2026-11-04T00:30");
    clock.executeDueJobs();

    assertThat(watch)
        .isEnded()
        .hasPassed("SupervisionSettledEndEvent")
        .hasNotPassed("MarkSupervisionOverdueTask");
    EventView event = events.get(number, "supervisor1");
    assertThat(steps(event, "OVERDUE_SUPERVISION")).isZero();
    assertThat(event.overdueAcceptance()).isFalse();
    assertThat(supervisionProposals(number)).isEmpty();
    assertThat(supervision.ofEvent(number))
        .extracting(SupervisionOrders.Order::outcome)
        .containsExactly("DONE");
  }

  @Test
  @DisplayName(
      "S1 a 督办 passed: exactly one OVERDUE_SUPERVISION step, the handling flag set for ever, one"
          + " notice each to assignee, grid leader and supervisor, one proposal")
  void passed() {
    clock.set("2026-11-02T09:00");
    // the grid worker's own report: accepted on reporting, handling assigned to worker1 until Mon
    // Nov 9 (E4)
    String number = events.report(hazard("GS-V01-G01"), "worker1").number();
    assertThat(events.get(number, "worker1").handleBy()).isEqualTo(endOf("2026-11-09"));

    EventView supervised = supervision.supervise(number, "supervisor1", 2, "限两个工作日内办结");
    assertThat(supervised.handleBy()).isEqualTo(endOf("2026-11-04"));
    EventStep step = supervised.steps().get(supervised.steps().size() - 1);
    assertThat(step.action()).isEqualTo("SUPERVISED");
    assertThat(step.actor()).isEqualTo("supervisor1");
    assertThat(step.deadline()).isEqualTo(endOf("2026-11-04"));
    assertThat(step.note()).contains("限两个工作日内办结").contains("2 个工作日");
    assertThat(notices("worker1", number, "督办："))
        .extracting(InboxEntry::kind)
        .containsExactly(NoticeKind.SUPERVISED);
    assertThat(notices("leader1", number, "督办："))
        .as("the grid's head: the village's grid leader")
        .hasSize(1);

    clock.set("2026-11-04T23:00");
    clock.executeDueJobs();
    assertThat(latestSupervision(number)).isWaitingAt("SupervisionDeadlineEvent");
    ProcessInstance watch = latestSupervision(number);
    clock.set("2026-11-05T09:00");
    clock.executeDueJobs();

    assertThat(watch)
        .isEnded()
        .hasPassed("MarkSupervisionOverdueTask", "SupervisionOverdueEndEvent");
    EventView event = events.get(number, "supervisor1");
    assertThat(steps(event, "OVERDUE_SUPERVISION")).isEqualTo(1);
    assertThat(event.overdueHandling()).isTrue();
    assertThat(event.overdueAcceptance()).isFalse();
    for (String user : List.of("worker1", "leader1", "supervisor1")) {
      assertThat(notices(user, number, "督办超期："))
          .as(user)
          .hasSize(1)
          .allSatisfy(n -> assertThat(n.kind()).isEqualTo(NoticeKind.OVERDUE));
    }
    assertThat(supervisionProposals(number))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.subject()).isEqualTo("worker1");
              assertThat(p.stepAction()).isEqualTo("HANDLE");
              assertThat(p.deadline()).isEqualTo(endOf("2026-11-04"));
              assertThat(p.evidence()).contains("督办期限 2026-11-04");
              assertThat(p.clause()).as("a grid worker answers under (一), C3").startsWith("第四条（一）");
            });

    // E4's own limit is not moved by the 督办: at Nov 9 it runs out as well, and the 督办 stays
    // reported once
    clock.set("2026-11-10T09:00");
    clock.executeDueJobs();
    event = events.get(number, "supervisor1");
    assertThat(steps(event, "OVERDUE_SUPERVISION")).isEqualTo(1);
    assertThat(steps(event, "OVERDUE_HANDLING")).as("E4 still watched").isEqualTo(1);
    assertThat(supervisionProposals(number)).hasSize(1);
  }

  @Test
  @DisplayName(
      "S1 a 督办 superseded by a second 督办: only the second is watched, its deadline is the task's")
  void superseded() {
    clock.set("2026-11-02T09:00");
    String number = events.report(hazard("GS-V01-G01"), "worker1").number();
    supervision.supervise(number, "supervisor1", 1, "明天前办结");
    ProcessInstance first = latestSupervision(number);
    clock.set("2026-11-03T10:00");
    EventView again = supervision.supervise(number, "head1", 3, "延至三个工作日");
    ProcessInstance second = latestSupervision(number);
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(again.handleBy()).isEqualTo(endOf("2026-11-06"));

    clock.set("2026-11-04T09:00");
    clock.executeDueJobs();
    assertThat(first)
        .isEnded()
        .hasPassed("SupervisionSettledEndEvent")
        .hasNotPassed("MarkSupervisionOverdueTask");
    assertThat(second).isWaitingAt("SupervisionDeadlineEvent");
    assertThat(steps(events.get(number, "supervisor1"), "OVERDUE_SUPERVISION")).isZero();

    clock.set("2026-11-07T09:00");
    clock.executeDueJobs();
    assertThat(second).isEnded().hasPassed("MarkSupervisionOverdueTask");
    EventView event = events.get(number, "supervisor1");
    assertThat(event.steps().stream().filter(s -> s.action().equals("OVERDUE_SUPERVISION")))
        .singleElement()
        .extracting(EventStep::deadline)
        .isEqualTo(endOf("2026-11-06"));
    assertThat(supervision.ofEvent(number))
        .extracting(SupervisionOrders.Order::outcome)
        .containsExactly("SUPERSEDED", "OVERDUE");
  }

  @Test
  @DisplayName(
      "S1/T2 a 督办 across National Day: 2 working days from Sep 30 end on Oct 9, the timer and the"
          + " task skip the holiday")
  void acrossNationalDay() {
    clock.set("2026-09-30T10:00");
    String number = events.report(hazard("GS-V01-G01"), "worker1").number();
    EventView supervised = supervision.supervise(number, "supervisor1", 2, "节后两个工作日内办结");
    assertThat(supervised.handleBy()).isEqualTo(endOf("2026-10-09"));
    ProcessInstance watch = latestSupervision(number);
    Job timer =
        processEngine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(watch.getId())
            .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(endOf("2026-10-09").toInstant()));

    clock.set("2026-10-08T12:00");
    clock.executeDueJobs();
    assertThat(watch).isWaitingAt("SupervisionDeadlineEvent");
    clock.set("2026-10-10T08:00");
    clock.executeDueJobs();
    assertThat(watch).isEnded().hasPassed("MarkSupervisionOverdueTask");
    assertThat(steps(events.get(number, "supervisor1"), "OVERDUE_SUPERVISION")).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "S1/E4 a 督办 that allows more time does not excuse E4: handled after E4's deadline is late,"
          + " needs the E6 delay reason, and the 督办 ends 督办已落实")
  void doesNotExcuseE4() {
    clock.set("2026-11-02T09:00");
    String number = events.report(hazard("GS-V01-G01"), "worker1").number();
    clock.set("2026-11-06T09:00");
    EventView supervised = supervision.supervise(number, "supervisor1", 5, "五个工作日内办结");
    assertThat(supervised.handleBy()).as("later than E4's Nov 9").isEqualTo(endOf("2026-11-13"));

    clock.set("2026-11-10T10:00");
    clock.executeDueJobs();
    assertThat(steps(events.get(number, "supervisor1"), "OVERDUE_HANDLING"))
        .as("E4's timer still fires")
        .isEqualTo(1);
    Assertions.assertThatThrownBy(
            () -> events.resolve(number, "worker1", Map.of("result", "已清理杂物")))
        .isInstanceOfSatisfying(
            DomainRuleViolation.class,
            refused ->
                assertThat(refused.errors()).extracting(ApiError::code).contains("E6.delayReason"));
    EventView resolved =
        events.resolve(number, "worker1", Map.of("result", "已清理杂物", "delayReason", "物业配合迟缓"));
    EventStep last = resolved.steps().get(resolved.steps().size() - 1);
    assertThat(last.action()).isEqualTo("RESOLVED");
    assertThat(last.late()).isTrue();
    assertThat(last.deadline()).as("judged against E4's deadline").isEqualTo(endOf("2026-11-09"));

    clock.set("2026-11-14T09:00");
    clock.executeDueJobs();
    assertThat(steps(events.get(number, "supervisor1"), "OVERDUE_SUPERVISION")).isZero();
    assertThat(supervision.ofEvent(number))
        .extracting(SupervisionOrders.Order::outcome)
        .containsExactly("DONE");
  }
}
