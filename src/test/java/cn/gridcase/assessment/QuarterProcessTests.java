package cn.gridcase.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.accountability.Measure;
import cn.gridcase.accountability.Proposal;
import cn.gridcase.assessment.internal.QuarterVariables;
import cn.gridcase.event.OverdueStepFilter;
import cn.gridcase.notification.InboxEntry;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.supervision.OverdueWork;
import cn.gridcase.supervision.OverdueWorkItem;
import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ControlledClock;
import cn.gridcase.test.ProcessTestSupport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The quarter's model ({@code bpmn/assessment-quarter.bpmn}, rules A4–A6, C3) with the controlled
 * clock across the 2026 National Day week (Oct 1–7 off, Saturday Oct 10 a make-up working day): the
 * timer start event at the end of Q3, the stages and their working-day deadlines, a late stage on
 * the supervisor's overdue list, an objection answered in Tasklist, finalizing.
 */
class QuarterProcessTests extends ProcessTestSupport {

  static final String Q = "2026-Q3";
  static final String KEY = "assessment-GS-2026-Q3";

  @Autowired AssessmentQuarters quarters;
  @Autowired JdbcTemplate jdbc;
  @Autowired Notifications notifications;
  @Autowired AccountabilityProposals proposals;
  @Autowired List<OverdueWork> overdueWork;
  @Autowired AccessScopes scopes;
  @LocalServerPort int port;

  @BeforeEach
  void clean() {
    QuarterTestState.reset(processEngine, jdbc);
  }

  @AfterEach
  void leaveNothing() {
    QuarterTestState.reset(processEngine, jdbc);
  }

  private TaskService tasks() {
    return processEngine.getTaskService();
  }

  private ProcessInstance instance() {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(KEY)
        .singleResult();
  }

  private List<Task> open(String taskKey) {
    return tasks()
        .createTaskQuery()
        .processInstanceBusinessKey(KEY)
        .taskDefinitionKey(taskKey)
        .list();
  }

  private static Date endOf(String day) {
    return Date.from(OffsetDateTime.parse(day + "T23:59:59+08:00").toInstant());
  }

  private List<OverdueWorkItem> overdueFor(String user) {
    List<OverdueWorkItem> items = new ArrayList<>();
    overdueWork.forEach(
        w -> items.addAll(w.overdue(scopes.of(user), OverdueStepFilter.NONE, clock.now())));
    return items.stream().filter(i -> "ASSESSMENT".equals(i.kind())).toList();
  }

  /** The evidence of every deduction of a quarter's version, of all its grid workers. */
  private static List<String> evidence(QuarterView view) {
    return view.workers().stream()
        .flatMap(w -> w.items().stream())
        .flatMap(i -> i.deductions().stream())
        .map(QuarterView.ItemDeduction::evidence)
        .filter(e -> e != null)
        .toList();
  }

  private static List<String> codes(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      return DomainRuleViolation.in(e)
          .orElseThrow(() -> new AssertionError("not refused", e))
          .errors()
          .stream()
          .map(ApiError::code)
          .toList();
    }
    throw new AssertionError("not refused");
  }

  /** Every grid worker a score: worker3 0 (不合格), everyone else 100; station1 for GS-V01. */
  private void enterAllSatisfaction() {
    QuarterView view = quarters.view(Q, "GS", null, "admin");
    List<AssessmentQuarters.Score> v01 = new ArrayList<>();
    List<AssessmentQuarters.Score> others = new ArrayList<>();
    for (QuarterView.WorkerAssessment w : view.workers()) {
      AssessmentQuarters.Score s =
          new AssessmentQuarters.Score(
              w.username(), new BigDecimal("worker3".equals(w.username()) ? "0" : "100"));
      (w.villageCode().equals("GS-V01") ? v01 : others).add(s);
    }
    quarters.enterSatisfaction(Q, "GS", v01, "station1");
    if (!others.isEmpty()) {
      quarters.enterSatisfaction(Q, "GS", others, "admin");
    }
  }

  @Test
  @DisplayName(
      "A4/A5/A6/C3 the end of Q3 drafts GS's quarter; satisfaction per village and the review due"
          + " in 5 working days (Oct 13, after National Day) and late on the overdue list the day"
          + " after; published for 3 working days of objections, fixed after them; an objection"
          + " answered in Tasklist;"
          + " finalized in Tasklist after the window: grades, subsidies, the 不合格 proposal (S0)")
  void wholeQuarter() {
    OffsetDateTime fired =
        QuarterTestState.fire(processEngine, clock, ControlledClock.shanghai("2026-09-30T12:00"));
    assertThat(fired.toLocalDate()).hasToString("2026-10-01");

    ProcessInstance pi = instance();
    assertThat(pi).isNotNull();
    assertThat(pi).hasPassed(QuarterVariables.TOWNSHIP_START, "DraftAssessmentTask");
    QuarterView draft = quarters.view(Q, "GS", null, "center1");
    assertThat(draft.status()).isEqualTo("DRAFT");
    assertThat(draft.workers())
        .extracting(QuarterView.WorkerAssessment::username)
        .contains("worker1", "worker2", "worker3");
    assertThat(draft.workers().get(0).items()).hasSize(7);
    assertThat(draft.satisfactionDue().toInstant()).isEqualTo(endOf("2026-10-13").toInstant());
    assertThat(evidence(draft))
        .as("the quarter's last ISO week (28 Sep – 4 Oct) is still running at the draft")
        .noneMatch(e -> e.startsWith("2026-W40"));

    List<Task> satisfaction = open(QuarterVariables.SATISFACTION_TASK);
    assertThat(satisfaction).extracting(Task::getName).contains("录入群众满意度：古山村（2026-Q3）");
    assertThat(satisfaction)
        .allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(endOf("2026-10-13")));
    Task review = open(QuarterVariables.REVIEW_TASK).get(0);
    assertThat(review).isNotNull();
    assertThat(tasks().createTaskQuery().taskId(review.getId()).taskCandidateGroup("GS").count())
        .isEqualTo(1);
    assertThat(
            tasks()
                .createTaskQuery()
                .processInstanceBusinessKey(KEY)
                .taskCandidateUser("station1")
                .list())
        .extracting(Task::getName)
        .containsExactly("录入群众满意度：古山村（2026-Q3）");

    assertThat(codes(() -> quarters.review(Q, "GS", "已逐人核查", "head1")))
        .as("A4 the review waits for the end of the quarter's last ISO week")
        .containsExactly("A4.weekRunning");
    Task running = open(QuarterVariables.REVIEW_TASK).get(0);
    tasks().claim(running.getId(), "head1");
    assertThat(codes(() -> tasks().complete(running.getId())))
        .as("A4 so does the review completed in Tasklist")
        .containsExactly("A4.weekRunning");
    assertThat(
            codes(
                () ->
                    tasks()
                        .complete(
                            running.getId(),
                            Variables.createVariables()
                                .putValueTyped("fromApi", Variables.booleanValue(true, true)))))
        .as("a transient flag an engine REST client can send does not pass for /api")
        .containsExactly("A4.weekRunning");
    tasks().setAssignee(running.getId(), null);
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-13T23:59:00+08:00"));
    assertThat(overdueFor("supervisor1")).isEmpty();
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-14T09:00:00+08:00"));
    assertThat(overdueFor("supervisor1"))
        .extracting(OverdueWorkItem::stepLabel)
        .contains("录入群众满意度", "审核");
    assertThat(overdueFor("station1"))
        .as("the village sees its own late task, not the township's")
        .extracting(OverdueWorkItem::unitCode)
        .containsOnly("GS-V01");

    quarters.addFinding(Q, "GS", "worker2", 2, new BigDecimal("1.5"), "走访群众台账缺两户", "center1");
    enterAllSatisfaction();
    assertThat(open(QuarterVariables.SATISFACTION_TASK)).isEmpty();
    assertThat(instance()).isWaitingAt(QuarterVariables.REVIEW_TASK);
    quarters.review(Q, "GS", "已逐人核查", "head1");

    assertThat(instance()).isWaitingAt(QuarterVariables.OBJECTION_WINDOW);
    QuarterView published = quarters.view(Q, "GS", null, "worker1");
    assertThat(published.status()).isEqualTo("IN_REVIEW");
    assertThat(published.workers())
        .extracting(QuarterView.WorkerAssessment::username)
        .containsExactly("worker1");
    assertThat(published.objectionDue().toInstant()).isEqualTo(endOf("2026-10-19").toInstant());
    assertThat(evidence(quarters.view(Q, "GS", null, "center1")))
        .as("A4 publication counts the system's deductions once more, the last week now over")
        .anyMatch(e -> e.startsWith("2026-W40"));
    assertThat(
            quarters.view(Q, "GS", null, "center1").workers().stream()
                .filter(w -> w.username().equals("worker2"))
                .flatMap(w -> w.items().get(1).deductions().stream())
                .map(QuarterView.ItemDeduction::reason))
        .as("the reviewers' findings stay")
        .contains("走访群众台账缺两户");
    assertThat(notifications.inbox("worker1", false, 50))
        .extracting(InboxEntry::kind)
        .contains(NoticeKind.ASSESSMENT_DRAFT_PUBLISHED);

    QuarterView.Objection objection = quarters.object(Q, null, "第6项第3周日志已交，请核对", "worker1");
    Task answer = open(QuarterVariables.ANSWER_TASK).get(0);
    assertThat(answer.getName()).startsWith("答复考核异议：");
    assertThat(answer.getDueDate()).isEqualTo(endOf("2026-10-16"));
    assertThat(codes(() -> quarters.finalizeQuarter(Q, "GS", "center1")))
        .contains("A4.objectionWindow", "A4.objection.open", "A6.subsidy");

    tasks().claim(answer.getId(), "center1");
    tasks().complete(answer.getId(), Map.of("answer", "经核查日志系补录，维持扣分"));
    assertThat(quarters.view(Q, "GS", null, "worker1").objections())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.id()).isEqualTo(objection.id());
              assertThat(o.answer()).isEqualTo("经核查日志系补录，维持扣分");
              assertThat(o.answeredBy()).isEqualTo("center1");
            });

    quarters.setSettings("GS", new BigDecimal("1500.00"), Rulebook.S0, "2026年镇财政预算", "center1");
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-19T23:59:58+08:00"));
    assertThat(instance()).isWaitingAt(QuarterVariables.OBJECTION_WINDOW);
    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2026-10-20T00:00:00+08:00"));
    assertThatThrownBy(
            () -> quarters.addFinding(Q, "GS", "worker2", 1, BigDecimal.ONE, "补记一次漏报", "center1"))
        .as("A4 after the objection window what was published is fixed (no objection open)")
        .isInstanceOf(StateConflict.class)
        .hasMessageContaining("异议期已于");
    Task finalize = open(QuarterVariables.FINALIZE_TASK).get(0);
    assertThat(finalize.getDueDate()).isEqualTo(endOf("2026-10-21"));

    tasks().claim(finalize.getId(), "head1");
    tasks().complete(finalize.getId(), Map.of("confirmed", true));
    assertThat(pi).isEnded().hasPassed("AssessmentFinalEndEvent");

    QuarterView done = quarters.view(Q, "GS", null, "supervisor1");
    assertThat(done.status()).isEqualTo("FINAL");
    assertThat(done.finalizedBy()).isEqualTo("head1");
    assertThat(done.quarterSubsidy()).isEqualByComparingTo("1500.00");
    QuarterView.WorkerAssessment worker3 =
        done.workers().stream()
            .filter(w -> w.username().equals("worker3"))
            .findFirst()
            .orElseThrow();
    assertThat(worker3.grade()).isEqualTo(Grade.FAIL);
    assertThat(worker3.subsidy()).isEqualByComparingTo("1050.00");
    assertThat(done.rewardPool()).isGreaterThanOrEqualTo(new BigDecimal("450.00"));
    QuarterView.WorkerAssessment worker2 =
        done.workers().stream()
            .filter(w -> w.username().equals("worker2"))
            .findFirst()
            .orElseThrow();
    assertThat(worker2.items().get(1).points()).isEqualByComparingTo("13.5");
    assertThat(worker2.items().get(1).deductions())
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).isEqualTo("走访群众台账缺两户"));
    assertThat(proposals.inTownships(List.of("GS"), "OPEN"))
        .filteredOn(p -> "worker3".equals(p.subject()) && p.trigger().startsWith("ASSESSMENT_"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.trigger()).isEqualTo("ASSESSMENT_FAILED_CRITICISM");
              assertThat(p.clause()).startsWith("第四条（一）").contains("通报批评");
              assertThat(p.suggestedMeasures())
                  .as("C3 S0: 通报批评, and by the circumstances 约谈, 待岗培训 or 诫勉谈话")
                  .containsExactly(
                      Measure.CIRCULATED_CRITICISM,
                      Measure.TALK,
                      Measure.SUSPENSION_FOR_TRAINING,
                      Measure.ADMONISHMENT);
            });
    assertThat(notifications.inbox("worker3", false, 50))
        .extracting(InboxEntry::kind)
        .contains(NoticeKind.ASSESSMENT_FINAL);
    assertThatThrownBy(() -> quarters.finalizeQuarter(Q, "GS", "center1"))
        .isInstanceOf(StateConflict.class);
    assertThat(overdueFor("supervisor1")).isEmpty();
  }

  @Test
  @DisplayName(
      "A4/C3 a final quarter is frozen: a correction is version 2 with its reason, version 1 stays"
          + " readable and the subsidy it was finalized with kept; finalized by POST .../finalize;"
          + " under S1 two consecutive 不合格 (Q2 then Q3)"
          + " propose 通报批评, one alone nothing")
  void correctionAndConsecutive() {
    quarters.setSettings("GS", new BigDecimal("1000.01"), Rulebook.S1, "按考核管理办法执行", "center1");
    for (String quarter : List.of("2026-Q2", "2026-Q3")) {
      clock.set(
          ControlledClock.shanghai(
              quarter.equals("2026-Q2") ? "2026-07-01T09:00" : "2026-10-09T09:00"));
      quarters.draft("GS", quarter, null);
      QuarterView view = quarters.view(quarter, "GS", null, "admin");
      List<AssessmentQuarters.Score> scores = new ArrayList<>();
      view.workers()
          .forEach(
              w ->
                  scores.add(
                      new AssessmentQuarters.Score(
                          w.username(),
                          new BigDecimal("worker3".equals(w.username()) ? "0" : "95"))));
      quarters.enterSatisfaction(quarter, "GS", scores, "admin");
      long id = quarters.row("GS", quarter).id();
      jdbc.update(
          "update assessment_quarter set status = 'IN_REVIEW', reviewed_at = drafted_at,"
              + " objection_due = drafted_at where id = ?",
          id);
      clock.moveBy(Duration.ofMinutes(1));
      quarters.finalizeNow(quarters.row("GS", quarter), "center1");
    }
    assertThat(proposals.inTownships(List.of("GS"), "OPEN"))
        .filteredOn(p -> "worker3".equals(p.subject()) && p.trigger().startsWith("ASSESSMENT_"))
        .extracting(Proposal::trigger)
        .as("S1: one 不合格 → nothing, two → 通报批评")
        .containsExactly("ASSESSMENT_FAILED_S1_CRITICISM");
    assertThat(proposals.inTownships(List.of("GS"), "OPEN"))
        .filteredOn(p -> "worker3".equals(p.subject()) && p.trigger().startsWith("ASSESSMENT_"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.clause()).contains("五（一）3").contains("连续两个季度");
              assertThat(p.suggestedMeasures()).containsExactly(Measure.CIRCULATED_CRITICISM);
            });

    assertThatThrownBy(
            () -> quarters.addFinding(Q, "GS", "worker1", 1, BigDecimal.ONE, "漏报", "center1"))
        .isInstanceOf(StateConflict.class);
    assertThat(codes(() -> quarters.correct(Q, "GS", " ", "center1")))
        .containsExactly("A4.correction");
    quarters.setSettings("GS", new BigDecimal("2000.00"), Rulebook.S0, "下一季度起提高补贴", "center1");
    QuarterView v2 = quarters.correct(Q, "GS", "worker1 第1项漏记一次审核扣分", "center1");
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.status()).isEqualTo("IN_REVIEW");
    assertThat(v2.correctsVersion()).isEqualTo(1);
    quarters.addFinding(Q, "GS", "worker1", 1, new BigDecimal("1"), "信息漏报一次", "center1");
    quarters.finalizeQuarter(Q, "GS", "head1");
    QuarterView v1 = quarters.view(Q, "GS", 1, "worker1");
    assertThat(v1.current()).isFalse();
    assertThat(v1.status()).isEqualTo("FINAL");
    assertThat(v1.workers().get(0).items().get(0).deductions())
        .noneMatch(d -> "信息漏报一次".equals(d.reason()));
    QuarterView now = quarters.view(Q, "GS", null, "worker1");
    assertThat(now.version()).isEqualTo(2);
    assertThat(now.versions()).containsExactly(1, 2);
    assertThat(now.workers().get(0).items().get(0).deductions())
        .anyMatch(d -> "信息漏报一次".equals(d.reason()));
    assertThat(proposals.inTownships(List.of("GS"), "OPEN"))
        .filteredOn(p -> "worker3".equals(p.subject()) && p.trigger().startsWith("ASSESSMENT_"))
        .as("the correction raises nothing new for a 不合格 already proposed")
        .hasSize(1);

    assertThat(now.workers()).filteredOn(w -> w.username().equals("worker3")).isEmpty();
    assertThat(quarters.view(Q, "GS", null, "center1").workers())
        .filteredOn(w -> w.username().equals("worker3"))
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.subsidy())
                    .as("70% of 1,000.01: the correction keeps the quarter's subsidy, not today's")
                    .isEqualByComparingTo("700.01"));
  }

  @Test
  @DisplayName(
      "T3 A4 a quarter drafted in a year without a holiday schedule has provisional stage"
          + " deadlines; loading the year moves the stored review deadline with its tasks' due"
          + " dates, and a corrected schedule moves the objection window, 定档 and an objection's"
          + " answer with their timer and task")
  void scheduleLoadMovesQuarterDeadlines() {
    String quarter = "2044-Q4";
    String key = "assessment-GS-" + quarter;
    // the end of 2044-Q4 is Sunday 2045-01-01; 2045 has no schedule: Mon-Fri, 5 days end Jan 6
    OffsetDateTime fired =
        QuarterTestState.fire(processEngine, clock, ControlledClock.shanghai("2044-12-31T12:00"));
    assertThat(fired.toLocalDate()).hasToString("2045-01-01");
    QuarterView draft = quarters.view(quarter, "GS", null, "center1");
    assertThat(draft.reviewDue().toInstant()).isEqualTo(endOf("2045-01-06").toInstant());
    assertThat(draft.reviewDueProvisional()).isTrue();
    assertThat(dueDates(key, QuarterVariables.REVIEW_TASK)).containsOnly(endOf("2045-01-06"));
    ApiClient center1 = ApiClient.anonymous(port).as("center1");
    String api = "/api/assessment/quarters/" + quarter + "?townshipCode=GS";
    assertThat(center1.get(api).json().get("reviewDueProvisional").asBoolean()).isTrue();
    ApiClient page = ApiClient.anonymous(port).pageSession("center1", ApiClient.DEMO_PASSWORD);
    String quarterPage = "/assessment/quarters/" + quarter + "?townshipCode=GS";
    assertThat(page.get(quarterPage).body())
        .as("季度考核 says the deadline is counted Monday to Friday")
        .contains("2045-01-06（暂按周一至周五计算）");

    load("{\"date\": \"2045-01-02\", \"name\": \"元旦\", \"isOffDay\": true}");
    QuarterView loaded = quarters.view(quarter, "GS", null, "center1");
    assertThat(loaded.reviewDue().toInstant())
        .as("Jan 2 off: Jan 3, 4, 5, 6, 9")
        .isEqualTo(endOf("2045-01-09").toInstant());
    assertThat(loaded.satisfactionDue()).isEqualTo(loaded.reviewDue());
    assertThat(loaded.reviewDueProvisional()).isFalse();
    assertThat(dueDates(key, QuarterVariables.REVIEW_TASK)).containsOnly(endOf("2045-01-09"));
    assertThat(dueDates(key, QuarterVariables.SATISFACTION_TASK)).containsOnly(endOf("2045-01-09"));
    assertThat(center1.get(api).json().get("reviewDueProvisional").asBoolean()).isFalse();
    assertThat(page.get(quarterPage).body()).contains("2045-01-09").doesNotContain("暂按周一至周五");

    clock.set("2045-01-03T10:00");
    for (QuarterView.WorkerAssessment w : loaded.workers()) {
      quarters.enterSatisfaction(
          quarter,
          "GS",
          List.of(new AssessmentQuarters.Score(w.username(), new BigDecimal("100"))),
          "admin");
    }
    quarters.review(quarter, "GS", "已逐人核查", "head1");
    QuarterView published = quarters.view(quarter, "GS", null, "center1");
    assertThat(published.status()).isEqualTo("IN_REVIEW");
    assertThat(published.objectionDue().toInstant())
        .as("Jan 4, 5, 6")
        .isEqualTo(endOf("2045-01-06").toInstant());
    assertThat(published.finalizeDue().toInstant())
        .as("2 working days after the window: Jan 9, 10")
        .isEqualTo(endOf("2045-01-10").toInstant());
    QuarterView.Objection objection = quarters.object(quarter, "GS", "第2项扣分有误", "worker1");
    assertThat(objection.answerDue().toInstant()).isEqualTo(endOf("2045-01-05").toInstant());
    assertThat(dueDates(key, QuarterVariables.ANSWER_TASK)).containsOnly(endOf("2045-01-05"));

    load(
        "{\"date\": \"2045-01-02\", \"name\": \"元旦\", \"isOffDay\": true},"
            + " {\"date\": \"2045-01-04\", \"name\": \"调休\", \"isOffDay\": true}");
    QuarterView moved = quarters.view(quarter, "GS", null, "center1");
    assertThat(moved.objectionDue().toInstant())
        .as("Jan 4 off too: Jan 5, 6, 9")
        .isEqualTo(endOf("2045-01-09").toInstant());
    assertThat(moved.finalizeDue().toInstant())
        .as("and 定档 after it: Jan 10, 11")
        .isEqualTo(endOf("2045-01-11").toInstant());
    assertThat(moved.objections().get(0).answerDue().toInstant())
        .as("the answer: Jan 5, 6")
        .isEqualTo(endOf("2045-01-06").toInstant());
    assertThat(dueDates(key, QuarterVariables.ANSWER_TASK)).containsOnly(endOf("2045-01-06"));
    assertThat(
            processEngine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(processInstance(key).getId())
                .timers()
                .list()
                .stream()
                .map(j -> j.getDuedate())
                .toList())
        .as("the objection window's timer")
        .contains(endOf("2045-01-09"));

    clock.moveToAndExecuteDueJobs(OffsetDateTime.parse("2045-01-07T09:00:00+08:00"));
    assertThat(quarters.object(quarter, "GS", "补充：第6项", "worker2").answerDue())
        .as("the window is still open on the old deadline's next day")
        .isNotNull();
  }

  private ProcessInstance processInstance(String businessKey) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey)
        .singleResult();
  }

  private List<Date> dueDates(String businessKey, String taskKey) {
    return tasks()
        .createTaskQuery()
        .processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey)
        .list()
        .stream()
        .map(Task::getDueDate)
        .toList();
  }

  /** Loads 2045's schedule (replacing any loaded before) as the administrator does (T3). */
  private void load(String days) {
    var reply =
        ApiClient.anonymous(port)
            .as("admin")
            .put("/api/calendar/years/2045", "{\"year\": 2045, \"days\": [" + days + "]}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }
}
