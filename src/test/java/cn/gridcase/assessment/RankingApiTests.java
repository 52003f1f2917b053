package cn.gridcase.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.event.Events;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.security.UserAccounts;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.ControlledClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/supervision/rankings} over HTTP (A9) on real events of the pay tests' township in
 * ISO week 2026-W50 (7–13 December): ties, the on-time rate with an entry run late, unranked grid
 * workers and grids, the scope, bad parameters.
 */
class RankingApiTests extends ApiTestSupport {

  @Autowired ManagementService managementService;
  @Autowired Organisation organisation;
  @Autowired UserAccounts accounts;
  @Autowired Events events;

  private void week50(PayWorkers workers, ControlledClock clock) {
    String g5 = workers.worker("payrank1", 5);
    String g6 = workers.worker("payrank2", 6);
    String g7 = workers.worker("payrank3", 7);
    String g8 = workers.worker("payrank4", 8);
    // a grid worker of the township without an entry this week: listed unranked, last
    workers.worker("payrank5", 10);
    if (api.as("payrank1").get("/api/assessment/pay/payrank1/2026-12").json().get("entries").asInt()
        > 0) {
      return;
    }
    clock.set("2026-12-07T09:00");
    // payrank1 and payrank2: 2 closed each; payrank3: 2 closed and 1 left open past its deadline;
    // payrank4: 1 closed
    for (String[] w :
        List.of(
            new String[] {"payrank1", g5},
            new String[] {"payrank2", g6},
            new String[] {"payrank3", g7})) {
      for (int i = 0; i < 2; i++) {
        clock.moveBy(Duration.ofMinutes(5));
        String n = workers.report(w[0], w[1], false, false);
        events.resolve(n, w[0], Map.of("result", "已整改"));
      }
    }
    workers.report("payrank3", g7, false, false);
    String n = workers.report("payrank4", g8, false, false);
    events.resolve(n, "payrank4", Map.of("result", "已整改"));
  }

  @Test
  @DisplayName(
      "A9: grid workers by counted entries then on-time rate, 1, 1, 3, 4; the rest unranked last")
  void gridWorkers() {
    ControlledClock clock = new ControlledClock(managementService);
    PayWorkers workers = new PayWorkers(organisation, accounts, events);
    week50(workers, clock);
    // after payrank3's open entry ran past its limit (end of 14 December)
    clock.set("2026-12-16T09:00");
    Reply reply =
        api.as("ptsupervisor")
            .get("/api/supervision/rankings?period=2026-W50&scope=GRID_WORKER&townshipCode=PT");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode r = reply.json();
    assertThat(r.get("period").asText()).isEqualTo("2026-W50");
    assertThat(r.get("scope").asText()).isEqualTo("GRID_WORKER");
    List<String> order = new ArrayList<>();
    List<String> ranks = new ArrayList<>();
    for (JsonNode item : r.get("items")) {
      order.add(item.get("username").asText());
      ranks.add(item.get("rank").isNull() ? "-" : item.get("rank").asText());
    }
    assertThat(order.subList(0, 4)).containsExactly("payrank1", "payrank2", "payrank3", "payrank4");
    assertThat(ranks.subList(0, 4)).containsExactly("1", "1", "3", "4");
    assertThat(ranks.subList(4, ranks.size())).isNotEmpty().allMatch("-"::equals);
    JsonNode third = r.get("items").get(2);
    assertThat(third.get("countedEntries").asInt()).isEqualTo(2);
    assertThat(third.get("onTimeRate").decimalValue()).isEqualByComparingTo("0.6667");
    assertThat(third.get("code").asText()).isEqualTo("PT-V01-G07");
    assertThat(r.get("items").get(4).get("ranked").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("A9: grids ranked the same way, by their grid workers' entries there")
  void grids() {
    ControlledClock clock = new ControlledClock(managementService);
    PayWorkers workers = new PayWorkers(organisation, accounts, events);
    week50(workers, clock);
    clock.set("2026-12-16T09:00");
    JsonNode r =
        api.as("ptcenter")
            .get("/api/supervision/rankings?period=2026-W50&scope=GRID&townshipCode=PT")
            .json();
    JsonNode first = r.get("items").get(0);
    assertThat(first.get("code").asText()).isEqualTo("PT-V01-G05");
    assertThat(first.get("username").asText()).isEqualTo("payrank1");
    assertThat(first.get("name").asText()).isEqualTo("报酬测试网格5");
    assertThat(r.get("items").get(1).get("rank").asInt()).isEqualTo(1);
    assertThat(r.get("items").get(3).get("code").asText()).isEqualTo("PT-V01-G08");
    assertThat(r.get("items").get(3).get("rank").asInt()).isEqualTo(4);
    // the month ranks too
    assertThat(
            api.as("ptcenter")
                .get("/api/supervision/rankings?period=2026-12&scope=GRID&townshipCode=PT")
                .status())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("A9: township staff and supervisors only; bad parameters named, all of them")
  void scopeAndBadInput() {
    new PayWorkers(organisation, accounts, events).worker("payrank1", 5);
    String path = "/api/supervision/rankings?period=2026-W50&scope=GRID&townshipCode=PT";
    assertThat(api.as("payrank1").get(path).status()).isEqualTo(403);
    assertThat(api.as("center1").get(path).status()).isEqualTo(403);
    assertThat(api.as("admin").get(path).status()).isEqualTo(200);
    Reply bad = api.as("ptcenter").get("/api/supervision/rankings?period=2026-W54&scope=VILLAGE");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors"))
        .extracting(e -> e.get("field").asText())
        .containsExactlyInAnyOrder("period", "scope", "townshipCode");
    assertThat(
            api.as("admin")
                .get("/api/supervision/rankings?period=2026-10&scope=GRID&townshipCode=NOPE")
                .status())
        .isEqualTo(404);
  }
}
