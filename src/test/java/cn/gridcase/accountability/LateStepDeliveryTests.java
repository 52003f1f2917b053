package cn.gridcase.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.accountability.internal.ProposalRedelivery;
import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.Events;
import cn.gridcase.test.ProcessTestSupport;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The late steps reach accountability as domain events (issue 12 A6) delivered reliably: a listener
 * that fails leaves its publication incomplete, and delivering it again raises the proposal once.
 * The failure is a real one: the proposal table refuses the event's rows for a while (a check
 * constraint), as a database failure would.
 */
class LateStepDeliveryTests extends ProcessTestSupport {

  private static final OffsetDateTime ACCEPT_BY = OffsetDateTime.parse("2026-10-09T23:59:59+08:00");

  @Autowired Events events;
  @Autowired AccountabilityProposals proposals;
  @Autowired ProposalRedelivery redelivery;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  private String report() {
    clock.set("2026-09-30T10:00");
    return events
        .report(
            new EventReport(
                EventCategory.HAZARD,
                "GS-V01-G01",
                "电动车楼道充电",
                OffsetDateTime.parse("2026-09-20T09:00:00+08:00"),
                "1号楼2单元",
                "住户张某",
                "楼道私拉电线",
                "巡查时发现",
                List.of(),
                false),
            "station1")
        .number();
  }

  private int incomplete(String number) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from event_publication where completion_date is null"
                + " and serialized_event like ?",
            Integer.class,
            "%" + number + "%");
    return count == null ? 0 : count;
  }

  /** Runs {@code action} while the proposal table refuses the event's proposals. */
  private void whileProposalsRefused(String number, Runnable action) {
    String constraint = "refuse_" + number.replace('-', '_');
    jdbc.execute(
        "alter table accountability_proposal add constraint "
            + constraint
            + " check (event_number is null or event_number <> '"
            + number
            + "')");
    try {
      action.run();
    } finally {
      jdbc.execute("alter table accountability_proposal drop constraint " + constraint);
    }
  }

  @Test
  @DisplayName(
      "C3 A6 a proposal listener that fails once: the timer's step stays late, no proposal, the"
          + " publication incomplete; delivered again, exactly one proposal")
  void failedDeliveryIsDeliveredAgain() {
    String number = report();
    whileProposalsRefused(
        number,
        () -> {
          clock.moveToAndExecuteDueJobs(ACCEPT_BY);
          assertThat(events.get(number, "worker1").overdueAcceptance())
              .as("the timer's transaction committed")
              .isTrue();
          assertThat(proposals.forEvent(number)).isEmpty();
          assertThat(incomplete(number)).isEqualTo(1);
        });

    redelivery.redeliver(Duration.ZERO);
    assertThat(proposals.forEvent(number))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.subject()).isEqualTo("worker1");
              assertThat(p.trigger()).isEqualTo("OVERDUE_ACCEPTANCE");
              assertThat(p.deadline()).isEqualTo(ACCEPT_BY);
            });
    assertThat(incomplete(number)).isZero();
    // a second delivery of the same event (another node at its start) raises nothing twice
    redelivery.redeliver(Duration.ZERO);
    assertThat(proposals.forEvent(number)).hasSize(1);
  }

  @Test
  @DisplayName(
      "C3 A6 a step accepted late while its proposal waits for delivery: delivered again, the"
          + " proposal has the step's end")
  void endOfLateStepWaitsForItsProposal() {
    String number = report();
    clock.set("2026-10-10T09:00"); // past the deadline, before the timer's job ran
    whileProposalsRefused(
        number,
        () -> {
          Task task =
              taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
          taskService.claim(task.getId(), "worker1");
          taskService.complete(task.getId());
          assertThat(proposals.forEvent(number)).isEmpty();
          assertThat(incomplete(number)).as("the late step and its end").isEqualTo(2);
        });

    // the end is refused until its proposal is there, whichever is delivered first
    redelivery.redeliver(Duration.ZERO);
    redelivery.redeliver(Duration.ZERO);
    assertThat(incomplete(number)).isZero();
    assertThat(proposals.forEvent(number))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.stepEndedAt())
                  .isEqualTo(OffsetDateTime.parse("2026-10-10T09:00:00+08:00"));
              assertThat(p.workingDaysLate())
                  .as("Saturday Oct 10 is a make-up working day")
                  .isEqualTo(1);
            });
  }

  @Test
  @DisplayName(
      "C3 A6 at the deadline the proposal is there once the timer's job committed, nothing left to"
          + " deliver")
  void deliveredAfterTheTimersCommit() {
    String number = report();
    clock.moveToAndExecuteDueJobs(ACCEPT_BY);
    assertThat(proposals.forEvent(number)).extracting(Proposal::subject).containsExactly("worker1");
    assertThat(incomplete(number)).isZero();
  }
}
