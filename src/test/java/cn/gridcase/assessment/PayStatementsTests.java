package cn.gridcase.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridcase.event.Events;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.platform.NotFound;
import cn.gridcase.security.UserAccounts;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.ControlledClock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pay statements bean on real events (A1–A3): reported by grid workers of a township of its own
 * through the event feature, closed, escalated, run late and left open under the engine's clock.
 */
class PayStatementsTests extends ApiTestSupport {

  @Autowired ManagementService managementService;
  @Autowired Organisation organisation;
  @Autowired UserAccounts accounts;
  @Autowired Events events;
  @Autowired PayStatements pay;

  private ControlledClock clock;
  private PayWorkers workers;

  @BeforeEach
  void setUp() {
    clock = new ControlledClock(managementService);
    workers = new PayWorkers(organisation, accounts, events);
  }

  @Test
  @DisplayName(
      "A1–A3: a month of real events — 8 closed, 1 escalated (+10), 1 late (nothing), 1 open"
          + " (provisional; as paid not counted), a 进京非访 one (+20)")
  void monthOfEvents() {
    String grid = workers.worker("payw1", 1);
    workers.worker("payw2", 2);
    List<String> numbers = new ArrayList<>();
    clock.set("2026-10-12T09:00");
    for (int i = 0; i < 8; i++) {
      clock.moveBy(Duration.ofMinutes(10));
      String n = workers.report("payw1", grid, false, false);
      events.resolve(n, "payw1", Map.of("result", "已整改"));
      numbers.add(n);
    }
    clock.set("2026-10-13T09:00");
    String escalated = workers.report("payw1", grid, false, false);
    events.escalate(escalated, "payw1", "需村里协调电力部门", null);
    clock.set("2026-10-13T10:00");
    String late = workers.report("payw1", grid, false, false);
    // handling limit 5 working days: end of 2026-10-20; the mark is made when the timer fires
    clock.moveToAndExecuteDueJobs(ControlledClock.shanghai("2026-10-21T09:00"));
    events.resolve(late, "payw1", Map.of("result", "已整改", "delayReason", "等待材料"));
    clock.set("2026-10-22T09:00");
    String petition = workers.report("payw1", grid, false, true);
    events.resolve(petition, "payw1", Map.of("result", "已稳控"));
    clock.set("2026-10-30T09:00");
    String open = workers.report("payw1", grid, false, false);

    clock.set("2026-11-02T09:00");
    PayStatement now = pay.statement("payw1", YearMonth.of(2026, 10));
    assertThat(now.gridCode()).isEqualTo(grid);
    assertThat(now.name()).isEqualTo("报酬payw1");
    assertThat(now.entries()).isEqualTo(12);
    assertThat(now.countedEntries()).isEqualTo(10);
    assertThat(now.provisional()).isTrue();
    assertThat(now.baseFen()).isEqualTo(10_000);
    assertThat(now.deductionFen()).isZero();
    assertThat(now.bonusFen()).isEqualTo(3_000);
    assertThat(now.totalFen()).isEqualTo(13_000);
    assertThat(now.lines())
        .extracting(PayLine::eventNumber)
        .startsWith(numbers.toArray(String[]::new))
        .endsWith(escalated, late, petition, open);
    assertThat(now.lines().get(8).outcome()).isEqualTo(EntryOutcome.ESCALATED);
    assertThat(now.lines().get(8).amountFen()).isEqualTo(1_000);
    assertThat(now.lines().get(9).outcome()).isEqualTo(EntryOutcome.LATE);
    assertThat(now.lines().get(9).counted()).isFalse();
    assertThat(now.lines().get(10).beijingPetition()).isTrue();
    assertThat(now.lines().get(10).amountFen()).isEqualTo(2_000);
    assertThat(now.lines().get(11).outcome()).isEqualTo(EntryOutcome.OPEN);

    PayStatement paid = pay.paid("payw1", YearMonth.of(2026, 10));
    assertThat(paid.provisional()).isFalse();
    assertThat(paid.lines().get(11).counted()).isFalse();
    assertThat(paid.totalFen()).isEqualTo(13_000);

    List<PayStatement> sheet = pay.sheet(PayWorkers.TOWNSHIP, YearMonth.of(2026, 10));
    assertThat(sheet).extracting(PayStatement::username).contains("payw1", "payw2");
    PayStatement none =
        sheet.stream().filter(s -> s.username().equals("payw2")).findFirst().orElseThrow();
    assertThat(none.entries()).isZero();
    assertThat(none.totalFen()).isEqualTo(2_000);

    // resolved within its limit, the open one counts: the 12th entry, 11th counted (+20)
    clock.set("2026-11-03T09:00");
    events.resolve(open, "payw1", Map.of("result", "已整改"));
    PayStatement last = pay.statement("payw1", YearMonth.of(2026, 10));
    assertThat(last.provisional()).isFalse();
    assertThat(last.countedEntries()).isEqualTo(11);
    assertThat(last.totalFen()).isEqualTo(15_000);
  }

  @Test
  @DisplayName("A1: someone who was not a grid worker in the month has no statement (404)")
  void notAWorker() {
    assertThatThrownBy(() -> pay.statement("center1", YearMonth.of(2026, 10)))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> pay.statement("payw1", YearMonth.of(2025, 12)))
        .isInstanceOf(NotFound.class);
  }
}
