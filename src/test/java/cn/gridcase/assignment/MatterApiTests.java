package cn.gridcase.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The matter list over HTTP with real logins (rule S4). */
class MatterApiTests extends ApiTestSupport {

  private static final AtomicInteger UNIQUE = new AtomicInteger();

  static String approval(String document) {
    return "{\"approvedBy\": \"县委政法委\", \"document\": \""
        + document
        + "\", \"approvedOn\": \"2026-03-02\"}";
  }

  private Reply record(String user, String code, String name, String status, String approval) {
    return api.as(user)
        .post(
            "/api/matters",
            "{\"townshipCode\": \"GS\", \"code\": \""
                + code
                + "\", \"name\": "
                + (name == null ? "null" : "\"" + name + "\"")
                + ", \"status\": \""
                + status
                + "\", \"approval\": "
                + approval
                + "}");
  }

  private JsonNode listed(String user, String code) {
    Reply list = api.as(user).get("/api/matters?townshipCode=GS");
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    for (JsonNode matter : list.json()) {
      if (matter.get("code").asText().equals(code)) {
        return matter;
      }
    }
    throw new AssertionError(code + " not listed for " + user);
  }

  private static List<String> codes(Reply reply) {
    List<String> codes = new ArrayList<>();
    reply
        .json()
        .get("errors")
        .forEach(e -> codes.add(e.get("field").asText() + " " + e.get("code").asText()));
    return codes;
  }

  @Test
  @DisplayName(
      "S4 supervisor1 admits a matter with its approval; everyone of GS reads it with its history;"
          + " withdrawn, then admitted again, each is a new entry; withdrawing twice is 409")
  void admitWithdrawReadmit() {
    String code = "API-" + UNIQUE.incrementAndGet();
    Reply admitted = record("supervisor1", code, "入户走访登记", "LISTED", approval("古政法〔2026〕3号"));
    assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
    assertThat(admitted.json().get("status").asText()).isEqualTo("LISTED");
    JsonNode history = admitted.json().get("history");
    assertThat(history).hasSize(1);
    assertThat(history.get(0).get("action").asText()).isEqualTo("ADMIT");
    assertThat(history.get(0).get("approval").get("document").asText()).isEqualTo("古政法〔2026〕3号");
    assertThat(history.get(0).get("approval").get("approvedOn").asText()).isEqualTo("2026-03-02");
    assertThat(history.get(0).get("recordedBy").asText()).isEqualTo("supervisor1");
    assertThat(history.get(0).get("recordedAt").asText()).endsWith("+08:00");

    for (String user : List.of("worker1", "center1", "leader1", "safety1", "admin")) {
      assertThat(listed(user, code).get("status").asText()).as(user).isEqualTo("LISTED");
    }

    Reply withdrawn =
        api.as("supervisor1")
            .post(
                "/api/matters/" + code + "/withdraw",
                "{\"townshipCode\": \"GS\", \"approval\": " + approval("古政法〔2026〕9号") + "}");
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
    assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
    Reply again =
        api.as("supervisor1")
            .post(
                "/api/matters/" + code + "/withdraw",
                "{\"townshipCode\": \"GS\", \"approval\": " + approval("古政法〔2026〕10号") + "}");
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.isProblem()).isTrue();

    Reply readmitted = record("admin", code, null, "LISTED", approval("古政法〔2026〕12号"));
    assertThat(readmitted.status()).as("a known matter changes: 200, " + readmitted).isEqualTo(200);
    assertThat(readmitted.json().get("name").asText()).as("the name is kept").isEqualTo("入户走访登记");
    assertThat(listed("worker1", code).get("history"))
        .extracting(h -> h.get("action").asText() + " " + h.get("status").asText())
        .containsExactly("ADMIT LISTED", "WITHDRAW WITHDRAWN", "ADMIT LISTED");
    Reply twice = record("supervisor1", code, null, "LISTED", approval("古政法〔2026〕13号"));
    assertThat(twice.status()).as("already listed: " + twice).isEqualTo(409);

    Reply prohibited = record("supervisor1", code, null, "PROHIBITED", approval("古政法〔2026〕14号"));
    assertThat(prohibited.status()).as(prohibited.toString()).isEqualTo(200);
    assertThat(prohibited.json().get("status").asText()).isEqualTo("PROHIBITED");
    assertThat(prohibited.json().get("history")).hasSize(4);
  }

  @Test
  @DisplayName(
      "S4 a change without its approval names each missing part (S4.approval); a bad code, no"
          + " name and WITHDRAWN as a status are named too; nothing is kept")
  void refusalsNameEveryProblem() {
    String code = "API-" + UNIQUE.incrementAndGet();
    Reply refused =
        record(
            "supervisor1",
            code,
            null,
            "LISTED",
            "{\"approvedBy\": \" \", \"document\": null, \"approvedOn\": \"2099-01-01\"}");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(codes(refused))
        .containsExactlyInAnyOrder(
            "name S4.name",
            "approval.approvedBy S4.approval",
            "approval.document S4.approval",
            "approval.approvedOn S4.approval");
    Reply noApproval =
        api.as("supervisor1")
            .post(
                "/api/matters",
                "{\"townshipCode\": \"GS\", \"code\": \"bad code\", \"name\": \"x\", \"status\":"
                    + " \"WITHDRAWN\"}");
    assertThat(noApproval.status()).isEqualTo(422);
    assertThat(codes(noApproval))
        .containsExactlyInAnyOrder("code S4.code", "status S4.status", "approval S4.approval");
    Reply unknownTownship =
        api.as("admin")
            .post(
                "/api/matters",
                "{\"townshipCode\": \"XX\", \"code\": \"A-1\", \"name\": \"x\", \"status\":"
                    + " \"LISTED\", \"approval\": "
                    + approval("1号")
                    + "}");
    assertThat(codes(unknownTownship)).containsExactly("townshipCode S4.township");
    assertThat(api.as("supervisor1").get("/api/matters?townshipCode=GS").body())
        .doesNotContain(code);
    Reply badDate =
        record(
            "supervisor1",
            code,
            "x",
            "LISTED",
            "{\"approvedBy\": \"县委政法委\", \"document\": \"1号\", \"approvedOn\": \"3月2日\"}");
    assertThat(badDate.status()).as("not a date: " + badDate).isEqualTo(400);
  }

  @Test
  @DisplayName(
      "S4 only the township's supervisors and administrators change the list (403 for a grid"
          + " worker or the township center); a township one does not work in reads 404")
  void whoMayChangeAndRead() {
    String code = "API-" + UNIQUE.incrementAndGet();
    for (String user : List.of("worker1", "center1", "head1", "leader1", "investigator1")) {
      Reply refused = record(user, code, "测试", "LISTED", approval("1号"));
      assertThat(refused.status()).as(user + ": " + refused).isEqualTo(403);
      assertThat(refused.isProblem()).isTrue();
    }
    assertThat(api.as("worker1").get("/api/matters?townshipCode=XX").status()).isEqualTo(404);
    assertThat(api.as("worker1").get("/api/matters").status())
        .as("without a township: the caller's own")
        .isEqualTo(200);
    assertThat(api.as("admin").get("/api/matters").status())
        .as("an administrator names the township")
        .isEqualTo(400);
  }
}
