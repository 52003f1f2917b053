package cn.gridcase.accountability.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.accountability.CaseStatus;
import cn.gridcase.accountability.Circumstance;
import cn.gridcase.accountability.Measure;
import cn.gridcase.notification.Notifications;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The bean of 记录调查结论 with its collaborators mocked, without Spring (issue 12 A3). */
class RecordFindingsTests {

  private static final OffsetDateTime OPENED = OffsetDateTime.parse("2026-11-02T09:00:00+08:00");

  private final CaseRepository cases = mock(CaseRepository.class);
  private final CaseDeadlines deadlines = mock(CaseDeadlines.class);
  private final AccountabilityDecisions decisions = mock(AccountabilityDecisions.class);
  private final AccountabilityProposals proposals = mock(AccountabilityProposals.class);
  private final TalkConductors talkConductors = mock(TalkConductors.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final List<String> removed = new ArrayList<>();
  private RecordFindings bean;

  private static CaseRecord investigating() {
    return new CaseRecord(
        7,
        "GS",
        "worker1",
        "GRID_WORKER",
        "GS-V01-G01",
        "第四条（一）6",
        "漏巡",
        null,
        null,
        CaseStatus.INVESTIGATING,
        "supervisor1",
        OPENED,
        List.of("investigator1"),
        false,
        null,
        null,
        false,
        false,
        List.of(Circumstance.REPEATED_WITHIN_YEAR),
        null,
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        CaseRecord.Talk.NONE);
  }

  @BeforeEach
  void wire() {
    bean =
        new RecordFindings(
            cases,
            deadlines,
            decisions,
            mock(CasePeople.class),
            mock(Notifications.class),
            proposals,
            talkConductors,
            Clock.fixed(OPENED.plusDays(1).toInstant(), ZoneOffset.UTC));
    when(execution.getProcessBusinessKey()).thenReturn("7");
    when(cases.byKey("7")).thenReturn(investigating());
    when(deadlines.investigation(any())).thenReturn(OPENED.plusDays(14));
    doAnswer(call -> removed.add(call.getArgument(0))).when(execution).removeVariable(any());
  }

  @Test
  @DisplayName(
      "C2 C4 C5 a decision of 约谈 alone: recorded with the detected circumstance, its conductors"
          + " named, routed as talk-only, the form's fields cleared")
  void talkOnlyDecision() {
    when(decisions.talkConductor("GRID_WORKER")).thenReturn("网格长…视情约谈");
    when(talkConductors.of(any()))
        .thenReturn(new CaseRecord.Talk(List.of("leader1"), false, null, null, null));
    bean.record(
        execution,
        new CaseConclusion.Decision("漏巡6次", List.of("TALK"), List.of(), null, "情节较轻"),
        "investigator1");

    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<Circumstance>> aggravating = ArgumentCaptor.forClass(List.class);
    verify(cases)
        .decide(
            eq(7L),
            eq("漏巡6次"),
            eq(List.of(Measure.TALK)),
            eq(List.of()),
            aggravating.capture(),
            eq("情节较轻"),
            eq("网格长…视情约谈"),
            any(),
            eq("investigator1"));
    assertThat(aggravating.getValue())
        .as("no list given: the detected one stands")
        .containsExactly(Circumstance.REPEATED_WITHIN_YEAR);
    verify(cases).talkConductors(7L, List.of("leader1"), false);
    verify(execution).setVariable(CaseVariables.ONLY_TALK, true);
    verify(execution).setVariable(CaseVariables.CONCLUSION, "DECIDE");
    verify(proposals)
        .afterDecision("worker1", "GRID_WORKER", "GS-V01-G01", "GS", OPENED.plusDays(1));
    assertThat(removed)
        .contains(CaseVariables.REASONING, "measure_TALK", "circumstance_REPEATED_WITHIN_YEAR");
  }

  @Test
  @DisplayName(
      "C6 an extension: recorded with its days and reason, routed back, the detected circumstance"
          + " kept pre-filled")
  void extension() {
    bean.record(execution, new CaseConclusion.Extension("2", " 需调取记录 "), "investigator1");
    verify(cases).extend(7L, 2, "需调取记录");
    verify(cases, never()).decide(eq(7L), any(), any(), any(), any(), any(), any(), any(), any());
    verify(execution).setVariable(CaseVariables.CONCLUSION, "EXTEND");
    assertThat(removed)
        .contains(CaseVariables.EXTENSION_DAYS)
        .doesNotContain("circumstance_REPEATED_WITHIN_YEAR");
  }
}
