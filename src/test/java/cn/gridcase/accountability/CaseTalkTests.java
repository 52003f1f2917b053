package cn.gridcase.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.NotFound;
import cn.gridcase.test.ProcessTestSupport;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** C5 (S0 第六条(一)): the decided talk is held by the person the DMN's role names, who records it. */
class CaseTalkTests extends ProcessTestSupport {

  @Autowired AccountabilityCases cases;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  private CaseView decidedTalk(String subject, String role) {
    CaseView opened =
        cases.open(
            new OpenCase(subject, role, "第四条（一）6 其他应当被追究责任的行为", "多次未按时巡查", null, null),
            "supervisor1");
    return cases.decide(
        opened.id(), "investigator1", List.of("TALK"), null, List.of(), "情节较轻", null);
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
      "C5 a grid worker's talk: the task 约谈 is offered to the village's grid leader, instructor and"
          + " work-area leader by name; the one who holds it records the day and what was said")
  void gridWorkersTalkByTheVillagesLeaders() {
    clock.set("2026-11-02T09:00");
    CaseView decided = decidedTalk("worker1", "GRID_WORKER");
    assertThat(decided.talkConductors()).containsExactly("leader1", "instructor1", "arealeader1");
    assertThat(decided.talkConductorsVacant()).isFalse();
    assertThat(decided.steps())
        .filteredOn(s -> s.action().equals("DECIDED"))
        .singleElement()
        .satisfies(s -> assertThat(s.note()).contains("leader1"));
    ProcessInstance instance = instance(decided.id());
    assertThat(instance)
        .isWaitingAt("HoldTalkTask")
        .task()
        .hasCandidateUser("leader1")
        .hasCandidateUser("instructor1")
        .hasCandidateUser("arealeader1");

    assertThatThrownBy(() -> cases.recordTalk(decided.id(), "investigator1", "2026-11-02", "x"))
        .as("the investigators do not hold this talk")
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> cases.recordTalk(decided.id(), "station1", "2026-11-02", "x"))
        .isInstanceOf(NotFound.class);
    assertThat(codes(() -> cases.recordTalk(decided.id(), "leader1", "2026-11-03", " ")))
        .containsExactlyInAnyOrder("C5.talkHeldOn", "C5.talkRecord");
    assertThat(codes(() -> cases.recordTalk(decided.id(), "leader1", "11月2日", "谈了")))
        .containsExactly("C5.talkHeldOn");

    assertThat(cases.get(decided.id(), "leader1").status())
        .as("the conductor sees the case")
        .isEqualTo(CaseStatus.DECIDED);
    CaseView talked = cases.recordTalk(decided.id(), "leader1", "2026-11-02", "指出巡查不到位，本人表示整改");
    assertThat(talked.talkHeldOn()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(talked.talkRecord()).isEqualTo("指出巡查不到位，本人表示整改");
    assertThat(talked.steps())
        .filteredOn(s -> s.action().equals("TALK_HELD"))
        .singleElement()
        .satisfies(s -> assertThat(s.actor()).isEqualTo("leader1"));
    assertThat(instance)
        .hasPassed("HoldTalkTask", "RecordTalkTask")
        .isWaitingAt("RecordExecutionTask");
  }

  @Test
  @DisplayName(
      "C5 the city holds a work-area leader's talk, nobody in GridCase has the role: the case's"
          + " investigators get the task 约谈 and record it (from Tasklist's form)")
  void nobodyHoldsTheRole() {
    clock.set("2026-11-02T09:00");
    CaseView decided = decidedTalk("arealeader1", "AREA_LEADER");
    assertThat(decided.talkConductor()).contains("市");
    assertThat(decided.talkConductors()).containsExactly("investigator1");
    assertThat(decided.talkConductorsVacant()).isTrue();
    assertThat(instance(decided.id()))
        .isWaitingAt("HoldTalkTask")
        .task()
        .hasCandidateUser("investigator1");

    // Tasklist: claim, then submit the form's variables
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(String.valueOf(decided.id()))
            .taskDefinitionKey("HoldTalkTask")
            .singleResult();
    taskService.claim(task.getId(), "investigator1");
    taskService.complete(
        task.getId(), Map.of("talkHeldOn", "2026-11-02", "talkRecord", "市委政法委约谈，已记录"));
    CaseView talked = cases.get(decided.id(), "supervisor1");
    assertThat(talked.talkHeldOn()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(talked.talkRecord()).isEqualTo("市委政法委约谈，已记录");
    assertThat(processEngine.getRuntimeService().getVariables(instance(decided.id()).getId()))
        .as("the form's fields leave the process")
        .doesNotContainKeys("talkHeldOn", "talkRecord");
  }

  @Test
  @DisplayName(
      "C5 a talk decided before its conductors were named (Flyway V11) gets them when its task 约谈"
          + " opens: the village's leaders, not an empty candidate")
  void talkDecidedBeforeConductorsWereNamed() {
    clock.set("2026-11-02T09:00");
    CaseView opened =
        cases.open(
            new OpenCase("worker1", "GRID_WORKER", "第四条（一）6 其他应当被追究责任的行为", "多次未按时巡查", null, null),
            "supervisor1");
    CaseView decided =
        cases.decide(
            opened.id(),
            "investigator1",
            List.of("TALK", "CIRCULATED_CRITICISM"),
            null,
            List.of(),
            "情节一般",
            null);
    // as a case decided before V11 is stored: no conductors
    jdbc.update(
        "update accountability_case set talk_conductors = null, talk_conductors_vacant = false"
            + " where id = ?",
        decided.id());
    assertThat(cases.get(decided.id(), "supervisor1").talkConductors()).isEmpty();

    clock.set("2026-11-02T11:00");
    cases.notifySubject(decided.id(), "investigator1", "2026-11-02T10:00:00+08:00", "当面送达");
    assertThat(instance(decided.id()))
        .isWaitingAt("HoldTalkTask")
        .task()
        .hasCandidateUser("leader1")
        .hasCandidateUser("instructor1")
        .hasCandidateUser("arealeader1");
    assertThat(cases.get(decided.id(), "supervisor1").talkConductors())
        .containsExactly("leader1", "instructor1", "arealeader1");
  }

  @Test
  @DisplayName(
      "E10 C6 a variable a client sends under a name the case steps hand on (completedBy,"
          + " caseStepCommand) is refused naming it, and the step stays open")
  void reservedNamesOnCaseSteps() {
    clock.set("2026-11-02T09:00");
    CaseView opened =
        cases.open(
            new OpenCase("worker1", "GRID_WORKER", "第四条（一）6 其他应当被追究责任的行为", "多次未按时巡查", null, null),
            "supervisor1");
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(String.valueOf(opened.id()))
            .singleResult();
    taskService.claim(task.getId(), "investigator1");
    for (String name : List.of("completedBy", "caseStepCommand")) {
      Map<String, Object> sent = new HashMap<>();
      sent.put("conclusion", "DISMISS");
      sent.put("reasoning", "无责任");
      sent.put(name, "x");
      Throwable refused = catchThrowable(() -> taskService.complete(task.getId(), sent));
      assertThat(DomainRuleViolation.in(refused).orElseThrow().errors())
          .extracting(ApiError::code, ApiError::field)
          .containsExactly(tuple("E10.variable", name));
    }
    assertThat(instance(opened.id())).isWaitingAt("InvestigateCaseTask");
  }
}
