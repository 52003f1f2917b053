package cn.gridcase.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gridcase.notification.InboxEntry;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.AppointmentRequest;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.TestPeople;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.security.UserAccounts;
import cn.gridcase.test.ProcessTestSupport;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The accountability process (accountability-investigation.bpmn) with a controlled clock (C1-C7).
 */
class AccountabilityProcessTests extends ProcessTestSupport {

  @Autowired AccountabilityCases cases;
  @Autowired AccountabilityProposals proposals;
  @Autowired Notifications notifications;
  @Autowired Organisation organisation;
  @Autowired UserAccounts accounts;

  private CaseView open(String subject, String role) {
    return cases.open(
        new OpenCase(subject, role, "第四条（一）6 其他应当被追究责任的行为", "多次未按时巡查", null, null), "supervisor1");
  }

  private ProcessInstance instance(long id) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(String.valueOf(id))
        .singleResult();
  }

  private static List<String> codes(Runnable action) {
    try {
      action.run();
    } catch (DomainRuleViolation e) {
      return e.errors().stream().map(ApiError::code).toList();
    }
    throw new AssertionError("not refused");
  }

  @Test
  @DisplayName(
      "C6 the investigation is due 10 working days after opening, across Labour Day; late is"
          + " flagged for ever and the supervisors told")
  void investigationLimitAcrossLabourDay() {
    clock.set("2026-04-28T10:00"); // Tuesday; May 1-5 off, Saturday May 9 a make-up working day
    CaseView opened = open("worker2", "GRID_WORKER");
    assertThat(opened.status()).isEqualTo(CaseStatus.INVESTIGATING);
    // Apr 29, 30, May 6, 7, 8, 9, 11, 12, 13, 14
    assertThat(opened.investigateBy()).isEqualTo("2026-05-14T23:59:59+08:00");
    ProcessInstance instance = instance(opened.id());
    assertThat(instance)
        .isWaitingAt("InvestigateCaseTask")
        .task()
        .hasCandidateUser("investigator1");

    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-05-14T23:59:58+08:00"));
    assertThat(cases.get(opened.id(), "supervisor1").overdueInvestigation()).isFalse();
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-05-14T23:59:59+08:00"));
    CaseView late = cases.get(opened.id(), "supervisor1");
    assertThat(late.overdueInvestigation()).isTrue();
    assertThat(late.steps()).extracting(CaseStep::action).contains("OVERDUE_INVESTIGATION");
    assertThat(notifications.inbox("supervisor1", false, 200))
        .extracting(InboxEntry::kind)
        .contains(NoticeKind.CASE_OVERDUE);

    clock.set("2026-05-15T09:00");
    assertThat(codes(() -> cases.extend(opened.id(), "investigator1", 2, "补充调查")))
        .as("too late to extend")
        .containsExactly("C6.deadlinePassed");
    CaseView decided =
        cases.decide(
            opened.id(),
            "investigator1",
            List.of("CIRCULATED_CRITICISM"),
            null,
            null,
            "巡查记录缺失属实",
            "三个月内漏巡12次");
    assertThat(decided.overdueInvestigation()).as("for ever").isTrue();
    assertThat(decided.status()).isEqualTo(CaseStatus.DECIDED);
  }

  @Test
  @DisplayName(
      "C6 one extension of at most 5 working days with a reason moves the deadline; 6 days and a"
          + " second extension are refused")
  void extensionOnceAtMostFive() {
    clock.set("2026-04-28T10:00");
    CaseView opened = open("worker3", "GRID_WORKER");
    assertThat(codes(() -> cases.extend(opened.id(), "investigator1", 6, "情况复杂")))
        .containsExactly("C6.workingDays");
    assertThat(codes(() -> cases.extend(opened.id(), "investigator1", 3, " ")))
        .containsExactly("C6.reason");
    CaseView extended = cases.extend(opened.id(), "investigator1", 3, "需调取监控");
    assertThat(extended.extended()).isTrue();
    assertThat(extended.extensionDays()).isEqualTo(3);
    // 13 working days: ... May 14, 15, 18, 19
    assertThat(extended.investigateBy()).isEqualTo("2026-05-19T23:59:59+08:00");
    assertThat(instance(opened.id())).isWaitingAt("InvestigateCaseTask");
    assertThat(codes(() -> cases.extend(opened.id(), "investigator1", 1, "再次延期")))
        .containsExactly("C6.once");

    // the old deadline no longer marks it late; the new one would
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-05-15T12:00:00+08:00"));
    assertThat(cases.get(opened.id(), "supervisor1").overdueInvestigation()).isFalse();
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-05-19T23:59:59+08:00"));
    assertThat(cases.get(opened.id(), "supervisor1").overdueInvestigation()).isTrue();
  }

  @Test
  @DisplayName(
      "C7 a decision other than a talk is notified within 3 working days; late notice is flagged;"
          + " the subject sees the case once notified")
  void noticeWithinThreeWorkingDays() {
    clock.set("2026-11-02T09:00");
    CaseView opened = open("station1", "EVENT_HANDLER");
    assertThatThrownBy(() -> cases.get(opened.id(), "station1"))
        .as("not before notice")
        .isInstanceOf(NotFound.class);
    clock.set("2026-11-04T10:00");
    CaseView decided =
        cases.decide(
            opened.id(),
            "investigator1",
            List.of("TALK", "CIRCULATED_CRITICISM"),
            List.of("REMEDIED"),
            List.of(),
            "超期受理事件两起",
            null);
    assertThat(decided.notifyBy()).isEqualTo("2026-11-09T23:59:59+08:00"); // Nov 5, 6, 9
    assertThat(decided.talkConductor()).contains("镇");
    assertThat(instance(opened.id())).isWaitingAt("NotifySubjectTask");
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-11-09T23:59:59+08:00"));
    assertThat(cases.get(opened.id(), "supervisor1").overdueNotification()).isTrue();
    clock.set("2026-11-10T09:00");
    assertThat(
            codes(
                () ->
                    cases.notifySubject(
                        opened.id(), "investigator1", "2026-11-20T09:00:00+08:00", "书面通知")))
        .containsExactly("C7.notifiedAt");
    CaseView notified =
        cases.notifySubject(opened.id(), "investigator1", "2026-11-10T08:30:00+08:00", "当面送达");
    assertThat(notified.status()).isEqualTo(CaseStatus.NOTIFIED);
    assertThat(notified.steps())
        .filteredOn(s -> s.action().equals("NOTIFIED"))
        .singleElement()
        .extracting(CaseStep::late)
        .isEqualTo(true);
    assertThat(cases.get(opened.id(), "station1").status()).isEqualTo(CaseStatus.NOTIFIED);
    // C5: the decided talk is held by the township (its supervisors) before the record of execution
    assertThat(instance(opened.id())).isWaitingAt("HoldTalkTask");
    cases.recordTalk(opened.id(), "supervisor1", "2026-11-10", "指出超期受理的问题，本人表示整改");
    CaseView archived = cases.recordExecution(opened.id(), "investigator1", "已约谈并全镇通报");
    assertThat(archived.status()).isEqualTo(CaseStatus.ARCHIVED);
    assertThat(instance(opened.id())).isNull();
  }

  @Test
  @DisplayName(
      "C7 when the only measure is a talk there is no notice step: the case goes to the record of"
          + " execution")
  void talkOnlyNeedsNoNotice() {
    clock.set("2026-11-02T09:00");
    CaseView opened = open("worker1", "GRID_WORKER");
    ProcessInstance instance = instance(opened.id());
    CaseView decided =
        cases.decide(opened.id(), "investigator1", List.of("TALK"), null, null, "情节较轻", null);
    assertThat(decided.notifyBy()).isNull();
    // C5: no notice; the talk is held by its conductor, then the record of execution
    assertThat(instance).hasPassed("OnlyTalkGateway").isWaitingAt("HoldTalkTask");
    cases.recordTalk(opened.id(), "leader1", "2026-11-02", "约谈网格员，指出巡查不到位");
    assertThat(instance).isWaitingAt("RecordExecutionTask");
    assertThat(decided.talkConductor()).contains("网格长");
    assertThatThrownBy(
            () ->
                cases.notifySubject(
                    opened.id(), "investigator1", "2026-11-02T10:00:00+08:00", "当面送达"))
        .isInstanceOf(StateConflict.class);
  }

  @Test
  @DisplayName(
      "C2 measures that do not fit the role are refused naming the measure and the role, for each"
          + " role")
  void measuresByRole() {
    clock.set("2026-11-02T09:00");
    String[][] roles = {
      {"worker1", "GRID_WORKER"},
      {"leader1", "GRID_LEADER"},
      {"instructor1", "GRID_INSTRUCTOR"},
      {"station1", "EVENT_HANDLER"},
      {"head1", "SECTION_HEAD"},
      {"arealeader1", "AREA_LEADER"}
    };
    for (String[] role : roles) {
      CaseView opened = open(role[0], role[1]);
      List<String> all = List.of("PERSUADE_TO_RESIGN", "DISMISSAL", "UNFIT_FOR_NEXT_COMMITTEE");
      try {
        cases.decide(opened.id(), "investigator1", all, null, null, "测试", null);
        throw new AssertionError("not refused for " + role[1]);
      } catch (DomainRuleViolation e) {
        List<String> refused = e.errors().stream().map(ApiError::message).toList();
        assertThat(e.errors()).extracting(ApiError::code).allMatch("C2.measure"::equals);
        assertThat(refused).allMatch(m -> m.contains(role[1]));
        if (role[1].equals("GRID_WORKER")) {
          assertThat(refused)
              .hasSize(2)
              .anyMatch(m -> m.startsWith("PERSUADE_TO_RESIGN"))
              .anyMatch(m -> m.startsWith("UNFIT_FOR_NEXT_COMMITTEE"));
        } else if (role[1].equals("GRID_LEADER")) {
          assertThat(refused).singleElement().matches(m -> m.startsWith("DISMISSAL"));
        } else {
          assertThat(refused).hasSize(3);
        }
      }
      assertThat(cases.get(opened.id(), "supervisor1").status())
          .isEqualTo(CaseStatus.INVESTIGATING);
    }
    CaseView leader = open("leader1", "GRID_LEADER");
    assertThat(
            cases
                .decide(
                    leader.id(),
                    "investigator1",
                    List.of("PERSUADE_TO_RESIGN", "UNFIT_FOR_NEXT_COMMITTEE"),
                    null,
                    null,
                    "引发群体性上访",
                    null)
                .measures())
        .containsExactly(Measure.PERSUADE_TO_RESIGN, Measure.UNFIT_FOR_NEXT_COMMITTEE);
  }

  @Test
  @DisplayName(
      "C1 only the roles of 第二条 are held accountable; the subject must hold the role; the clause is"
          + " cited")
  void whoCanBeHeldAccountable() {
    clock.set("2026-11-02T09:00");
    assertThat(
            codes(
                () ->
                    cases.open(
                        new OpenCase("supervisor1", "SUPERVISOR", " ", "x", null, null),
                        "supervisor1")))
        .containsExactly("C1.subjectRole", "C3.clause");
    assertThat(
            codes(
                () ->
                    cases.open(
                        new OpenCase("worker1", "GRID_LEADER", "第四条（二）", "x", null, null),
                        "supervisor1")))
        .containsExactly("C1.subject");
    assertThat(open("worker1", "GRID_WORKER").status()).isEqualTo(CaseStatus.INVESTIGATING);
  }

  @Test
  @DisplayName("dismissal path: no liability found ends the case DISMISSED")
  void dismissal() {
    clock.set("2026-11-02T09:00");
    CaseView opened = open("instructor1", "GRID_INSTRUCTOR");
    ProcessInstance instance = instance(opened.id());
    assertThat(codes(() -> cases.dismiss(opened.id(), "investigator1", "")))
        .containsExactly("C4.reasoning");
    CaseView dismissed = cases.dismiss(opened.id(), "investigator1", "经查系不可抗力，免予追究");
    assertThat(dismissed.status()).isEqualTo(CaseStatus.DISMISSED);
    assertThat(instance).isEnded().hasPassed("CaseDismissedEndEvent");
  }

  @Test
  @DisplayName(
      "C4 a second case opened while the first is still investigated is aggravating, and the first"
          + " is flagged too (note, pre-filled form)")
  void repeatedWhileTheFirstIsInvestigated() {
    clock.set("2026-11-02T09:00");
    organisation.createUnitIfAbsent(new Unit("GS-VC4", "从重测试村", UnitKind.VILLAGE, "GS"));
    if (organisation.grid("GS-VC4-G01").isEmpty()) {
      organisation.createGrid(
          new Grid("GS-VC4-G01", "GS-VC4-G01", "GS-VC4", GridType.RURAL, 400, 1000));
    }
    accounts.createIfAbsent("w6a", "测", "试", "w6a@gridcase.invalid", "demo");
    if (organisation.currentAppointments("w6a").isEmpty()) {
      organisation.appoint(
          new AppointmentRequest(
              TestPeople.person("测试w6a", "w6a"),
              "GS-VC4-G01",
              AppointmentRole.GRID_WORKER,
              LocalDate.of(2026, 1, 1)));
    }
    CaseView first = open("w6a", "GRID_WORKER");
    assertThat(first.detectedAggravating()).isEmpty();
    CaseView second = open("w6a", "GRID_WORKER");
    assertThat(second.detectedAggravating()).containsExactly(Circumstance.REPEATED_WITHIN_YEAR);
    CaseView firstNow = cases.get(first.id(), "investigator1");
    assertThat(firstNow.detectedAggravating()).containsExactly(Circumstance.REPEATED_WITHIN_YEAR);
    assertThat(firstNow.steps())
        .anySatisfy(step -> assertThat(step.note()).contains("另有案件 " + second.id()));
    CaseView firstDecided =
        cases.decide(first.id(), "investigator1", List.of("TALK"), null, null, "一", null);
    assertThat(firstDecided.aggravating())
        .as("pre-filled")
        .containsExactly(Circumstance.REPEATED_WITHIN_YEAR);
  }

  @Test
  @DisplayName(
      "C3 S0 第四条(二)8 and (三)2 have no time window: grid-worker cases decided while the grid leader"
          + " holds the post count across more than a year; two grid-leader cases raise the"
          + " instructor's proposal")
  void leaderAndInstructorTriggersCountTheTenure() {
    organisation.createUnitIfAbsent(new Unit("GS-VC3", "任期测试村", UnitKind.VILLAGE, "GS"));
    if (organisation.grid("GS-VC3-G01").isEmpty()) {
      organisation.createGrid(
          new Grid("GS-VC3-G01", "GS-VC3-G01", "GS-VC3", GridType.RURAL, 400, 1000));
    }
    for (String[] user :
        new String[][] {
          {"w7a", "GS-VC3-G01", "GRID_WORKER"},
          {"l7", "GS-VC3", "GRID_LEADER"},
          {"i7", "GS-VC3", "GRID_INSTRUCTOR"}
        }) {
      accounts.createIfAbsent(user[0], "测", "试", user[0] + "@gridcase.invalid", "demo");
      if (organisation.currentAppointments(user[0]).isEmpty()) {
        organisation.appoint(
            new AppointmentRequest(
                TestPeople.person("测试" + user[0], user[0]),
                user[1],
                AppointmentRole.valueOf(user[2]),
                LocalDate.of(2024, 1, 1)));
      }
    }
    clock.set("2025-02-03T09:00");
    cases.decide(
        open("w7a", "GRID_WORKER").id(),
        "investigator1",
        List.of("TALK"),
        null,
        List.of(),
        "一",
        null);
    clock.set("2026-11-02T09:00");
    cases.decide(
        open("w7a", "GRID_WORKER").id(),
        "investigator1",
        List.of("TALK"),
        null,
        List.of(),
        "二",
        null);
    assertThat(proposalsFor("l7")).isEmpty();
    cases.decide(
        open("w7a", "GRID_WORKER").id(),
        "investigator1",
        List.of("TALK"),
        null,
        List.of(),
        "三",
        null);
    assertThat(proposalsFor("l7"))
        .as("three cases over 21 months of the leader's tenure")
        .singleElement()
        .satisfies(p -> assertThat(p.trigger()).isEqualTo("GRID_WORKERS_HELD_ACCOUNTABLE"));
    cases.decide(
        open("w7a", "GRID_WORKER").id(),
        "investigator1",
        List.of("TALK"),
        null,
        List.of(),
        "四",
        null);
    assertThat(proposalsFor("l7"))
        .as("one proposal for the post, not one per further case")
        .hasSize(1);

    cases.decide(
        open("l7", "GRID_LEADER").id(),
        "investigator1",
        List.of("TALK"),
        null,
        List.of(),
        "甲",
        null);
    assertThat(proposalsFor("i7")).isEmpty();
    cases.decide(
        open("l7", "GRID_LEADER").id(),
        "investigator1",
        List.of("TALK"),
        null,
        List.of(),
        "乙",
        null);
    assertThat(proposalsFor("i7"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.trigger()).isEqualTo("GRID_LEADER_HELD_ACCOUNTABLE");
              assertThat(p.subjectRole()).isEqualTo("GRID_INSTRUCTOR");
              assertThat(p.clause()).contains("第四条（三）2");
            });
  }

  private List<Proposal> proposalsFor(String subject) {
    return proposals.inTownships(List.of("GS"), null).stream()
        .filter(p -> subject.equals(p.subject()))
        .toList();
  }

  @Test
  @DisplayName(
      "C3/C4 three accountable grid-worker cases in a village raise a proposal for its grid leader;"
          + " a second act within a year is aggravating")
  void repeatedCasesRaiseProposals() {
    clock.set("2026-11-02T09:00");
    // a village of its own, so that no other test's appointments or cases count here
    organisation.createUnitIfAbsent(new Unit("GS-VACC", "追责测试村", UnitKind.VILLAGE, "GS"));
    for (String grid : List.of("GS-VACC-G01", "GS-VACC-G02")) {
      if (organisation.grid(grid).isEmpty()) {
        organisation.createGrid(new Grid(grid, grid, "GS-VACC", GridType.RURAL, 400, 1000));
      }
    }
    for (String[] user :
        new String[][] {
          {"w5a", "GS-VACC-G01", "GRID_WORKER"},
          {"w5b", "GS-VACC-G02", "GRID_WORKER"},
          {"l5", "GS-VACC", "GRID_LEADER"}
        }) {
      accounts.createIfAbsent(user[0], "测", "试", user[0] + "@gridcase.invalid", "demo");
      if (organisation.currentAppointments(user[0]).isEmpty()) {
        organisation.appoint(
            new AppointmentRequest(
                TestPeople.person("测试" + user[0], user[0]),
                user[1],
                AppointmentRole.valueOf(user[2]),
                LocalDate.of(2026, 1, 1)));
      }
    }
    CaseView first = open("w5a", "GRID_WORKER");
    assertThat(first.detectedAggravating()).isEmpty();
    cases.decide(first.id(), "investigator1", List.of("TALK"), null, null, "一", null);
    CaseView second = open("w5a", "GRID_WORKER");
    assertThat(second.detectedAggravating()).containsExactly(Circumstance.REPEATED_WITHIN_YEAR);
    CaseView secondDecided =
        cases.decide(second.id(), "investigator1", List.of("ADMONISHMENT"), null, null, "二", null);
    assertThat(secondDecided.aggravating())
        .as("pre-filled")
        .containsExactly(Circumstance.REPEATED_WITHIN_YEAR);
    assertThat(proposals.inTownships(List.of("GS"), null)).noneMatch(p -> "l5".equals(p.subject()));
    CaseView third = open("w5b", "GRID_WORKER");
    cases.decide(third.id(), "investigator1", List.of("TALK"), null, List.of(), "三", null);
    List<Proposal> forLeader =
        proposals.inTownships(List.of("GS"), null).stream()
            .filter(p -> "l5".equals(p.subject()))
            .toList();
    assertThat(forLeader)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.trigger()).isEqualTo("GRID_WORKERS_HELD_ACCOUNTABLE");
              assertThat(p.subjectRole()).isEqualTo("GRID_LEADER");
              assertThat(p.clause()).contains("第四条（二）8");
            });
    // accepting the proposal opens a case linked to it
    Proposal proposal = forLeader.get(0);
    CaseView linked = cases.acceptProposal(proposal.id(), "supervisor1", null);
    assertThat(linked.proposalId()).isEqualTo(proposal.id());
    assertThat(linked.subject()).isEqualTo("l5");
    assertThat(proposals.inTownships(List.of("GS"), null))
        .filteredOn(p -> p.id() == proposal.id())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.status()).isEqualTo("ACCEPTED");
              assertThat(p.caseId()).isEqualTo(linked.id());
            });
  }
}
