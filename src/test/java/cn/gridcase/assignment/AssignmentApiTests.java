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

/** Assignments (交办) over HTTP with real logins (rule S4). */
class AssignmentApiTests extends ApiTestSupport {

  private static final AtomicInteger UNIQUE = new AtomicInteger();

  /** A matter of GS's list in the status given, recorded by supervisor1. */
  private String matter(String status) {
    String code = "HTTP-" + UNIQUE.incrementAndGet();
    Reply recorded =
        api.as("supervisor1")
            .post(
                "/api/matters",
                "{\"townshipCode\": \"GS\", \"code\": \""
                    + code
                    + "\", \"name\": \"接口测试事项"
                    + code
                    + "\", \"status\": \""
                    + status
                    + "\", \"approval\": "
                    + MatterApiTests.approval("古政法〔2026〕" + code)
                    + "}");
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    return code;
  }

  private Reply assign(String user, String matter, int days, String... grids) {
    StringBuilder codes = new StringBuilder();
    for (String grid : grids) {
      codes.append(codes.isEmpty() ? "" : ", ").append('"').append(grid).append('"');
    }
    return api.as(user)
        .post(
            "/api/assignments",
            "{\"gridCodes\": ["
                + codes
                + "], \"matterCode\": "
                + (matter == null ? "null" : "\"" + matter + "\"")
                + ", \"title\": \"排查出租房屋安全隐患\", \"instructions\": \"逐户检查消防通道和电线\","
                + " \"workingDays\": "
                + days
                + "}");
  }

  private static List<String> codes(Reply reply) {
    List<String> codes = new ArrayList<>();
    reply
        .json()
        .get("errors")
        .forEach(e -> codes.add(e.get("field").asText() + " " + e.get("code").asText()));
    return codes;
  }

  private JsonNode taskOf(String user, long id) {
    for (JsonNode task : api.as(user).get("/api/tasks").json()) {
      if (task.hasNonNull("assignmentId") && task.get("assignmentId").asLong() == id) {
        return task;
      }
    }
    return null;
  }

  @Test
  @DisplayName(
      "S4 center1 gives a listed matter to GS-V01-G01: 201 ASSIGNED with dueBy; worker1 has the"
          + " task in /api/tasks and completes it with a note; others outside the grid get 404")
  void listedAssignmentDone() {
    Reply created = assign("center1", matter("LISTED"), 3, "GS-V01-G01");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(created.location()).endsWith("/api/assignments/" + id);
    assertThat(created.json().get("status").asText()).isEqualTo("ASSIGNED");
    assertThat(created.json().get("dueBy").asText()).endsWith("T23:59:59+08:00");
    assertThat(created.json().get("grids").get(0).get("gridWorker").asText()).isEqualTo("worker1");

    JsonNode task = taskOf("worker1", id);
    assertThat(task).as("worker1's /api/tasks").isNotNull();
    assertThat(task.get("name").asText()).isEqualTo("办理交办任务 " + id);
    assertThat(task.get("due").asText()).isEqualTo(created.json().get("dueBy").asText());
    assertThat(task.get("overdue").asBoolean()).isFalse();
    assertThat(taskOf("worker2", id)).isNull();

    assertThat(api.as("worker2").get("/api/assignments/" + id).status()).isEqualTo(404);
    assertThat(api.as("safety1").get("/api/assignments/" + id).status()).isEqualTo(404);
    assertThat(api.as("leader1").get("/api/assignments/" + id).status())
        .as("the village's grid leader sees its grids' assignments")
        .isEqualTo(200);
    Reply notMine = api.as("leader1").post("/api/assignments/" + id + "/done", "{\"note\": \"x\"}");
    assertThat(notMine.status()).as(notMine.toString()).isEqualTo(403);

    Reply noNote = api.as("worker1").post("/api/assignments/" + id + "/done", "{}");
    assertThat(noNote.status()).as(noNote.toString()).isEqualTo(422);
    assertThat(codes(noNote)).containsExactly("note S4.note");
    Reply done =
        api.as("worker1")
            .post("/api/assignments/" + id + "/done", "{\"note\": \"检查 32 户，整改 3 处\"}");
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.json().get("status").asText()).isEqualTo("DONE");
    JsonNode grid = done.json().get("grids").get(0);
    assertThat(grid.get("doneBy").asText()).isEqualTo("worker1");
    assertThat(grid.get("note").asText()).isEqualTo("检查 32 户，整改 3 处");
    assertThat(grid.get("late").asBoolean()).isFalse();
    assertThat(taskOf("worker1", id)).isNull();
    Reply twice = api.as("worker1").post("/api/assignments/" + id + "/done", "{\"note\": \"再次\"}");
    assertThat(twice.status()).as(twice.toString()).isEqualTo(409);

    List<Long> listed = new ArrayList<>();
    api.as("worker1")
        .get("/api/assignments?status=DONE")
        .json()
        .forEach(a -> listed.add(a.get("id").asLong()));
    assertThat(listed).contains(id);
    assertThat(api.as("worker3").get("/api/assignments").body())
        .doesNotContain("\"id\":" + id + ",");
  }

  @Test
  @DisplayName("S4 a prohibited matter is refused with 422 S4.prohibited, and nothing is assigned")
  void prohibitedMatter() {
    String prohibited = matter("PROHIBITED");
    int before = api.as("center1").get("/api/assignments").json().size();
    Reply refused = assign("center1", prohibited, 3, "GS-V01-G01");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.isProblem()).isTrue();
    assertThat(codes(refused)).containsExactly("matterCode S4.prohibited");
    assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("禁入");
    assertThat(api.as("center1").get("/api/assignments").json().size()).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "S4 without a matter it waits for the supervisors: center1 may not approve (403),"
          + " supervisor1 approves, again is 409; a rejection needs a reason and reaches the"
          + " assigner")
  void approvalAndRejection() {
    Reply waiting = assign("head1", null, 2, "GS-V02-G01");
    assertThat(waiting.status()).as(waiting.toString()).isEqualTo(201);
    long id = waiting.json().get("id").asLong();
    assertThat(waiting.json().get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(waiting.json().get("approvalDue").asText()).endsWith("T23:59:59+08:00");
    assertThat(waiting.json().get("dueBy").isNull()).isTrue();
    assertThat(taskOf("supervisor1", id)).isNotNull();
    assertThat(api.as("worker3").get("/api/assignments/" + id).status())
        .as("not yet the grid worker's")
        .isEqualTo(404);

    assertThat(api.as("center1").post("/api/assignments/" + id + "/approve", "{}").status())
        .isEqualTo(403);
    Reply approved = api.as("supervisor1").post("/api/assignments/" + id + "/approve", "{}");
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().get("status").asText()).isEqualTo("ASSIGNED");
    assertThat(approved.json().get("decidedBy").asText()).isEqualTo("supervisor1");
    assertThat(approved.json().get("dueBy").asText()).endsWith("T23:59:59+08:00");
    assertThat(api.as("supervisor1").post("/api/assignments/" + id + "/approve", "{}").status())
        .isEqualTo(409);
    assertThat(taskOf("worker3", id)).isNotNull();

    Reply other = assign("civil1", null, 2, "GS-V01-G02");
    long otherId = other.json().get("id").asLong();
    Reply noReason = api.as("supervisor1").post("/api/assignments/" + otherId + "/reject", "{}");
    assertThat(noReason.status()).as(noReason.toString()).isEqualTo(422);
    assertThat(codes(noReason)).containsExactly("reason S4.reason");
    Reply rejected =
        api.as("supervisor1")
            .post("/api/assignments/" + otherId + "/reject", "{\"reason\": \"属部门本职工作，请自行办理\"}");
    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
    assertThat(rejected.json().get("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.json().get("decisionReason").asText()).isEqualTo("属部门本职工作，请自行办理");
    JsonNode inbox = api.as("civil1").get("/api/notifications").json().get("items");
    List<String> kinds = new ArrayList<>();
    inbox.forEach(
        n -> {
          if (n.get("title").asText().contains(" " + otherId + "：")) {
            kinds.add(n.get("kind").asText() + " " + n.get("body").asText());
          }
        });
    assertThat(kinds)
        .singleElement()
        .asString()
        .startsWith("ASSIGNMENT_REJECTED")
        .contains("属部门本职工作");
  }

  @Test
  @DisplayName(
      "S4 a matter made prohibited (禁入) while its assignment awaited approval cannot be approved"
          + " (422 S4.prohibited, nothing reaches the grid worker); it can still be rejected")
  void prohibitedWhileAwaitingApproval() {
    String code = matter("LISTED");
    Reply withdrawn =
        api.as("supervisor1")
            .post(
                "/api/matters/" + code + "/withdraw",
                "{\"townshipCode\": \"GS\", \"approval\": "
                    + MatterApiTests.approval("古政法〔2026〕退" + code)
                    + "}");
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
    Reply waiting = assign("center1", code, 2, "GS-V02-G01");
    assertThat(waiting.status()).as(waiting.toString()).isEqualTo(201);
    assertThat(waiting.json().get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    long id = waiting.json().get("id").asLong();
    Reply prohibited =
        api.as("supervisor1")
            .post(
                "/api/matters",
                "{\"townshipCode\": \"GS\", \"code\": \""
                    + code
                    + "\", \"name\": \"接口测试事项"
                    + code
                    + "\", \"status\": \"PROHIBITED\", \"approval\": "
                    + MatterApiTests.approval("古政法〔2026〕禁" + code)
                    + "}");
    assertThat(prohibited.status()).as(prohibited.toString()).isEqualTo(200);

    Reply approve = api.as("supervisor1").post("/api/assignments/" + id + "/approve", "{}");
    assertThat(approve.status()).as(approve.toString()).isEqualTo(422);
    assertThat(codes(approve)).contains("decision S4.prohibited");
    assertThat(taskOf("worker3", id)).isNull();
    Reply rejected =
        api.as("supervisor1")
            .post("/api/assignments/" + id + "/reject", "{\"reason\": \"该事项已列入禁入清单\"}");
    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
    assertThat(rejected.json().get("status").asText()).isEqualTo("REJECTED");
  }

  @Test
  @DisplayName(
      "S4 scope: a department (safety1) assigns within its township; a grid of another township"
          + " and a grid without a grid worker are named (422); grid workers and supervisors do not"
          + " assign (403)")
  void scope() {
    Reply department = assign("safety1", matter("LISTED"), 5, "GS-V01-G01");
    assertThat(department.status()).as(department.toString()).isEqualTo(201);
    assertThat(department.json().get("assignerUnit").asText()).isEqualTo("DEPT-SAFETY");
    long id = department.json().get("id").asLong();
    assertThat(api.as("safety1").get("/api/assignments/" + id).status()).isEqualTo(200);
    assertThat(api.as("civil1").get("/api/assignments/" + id).status())
        .as("another department")
        .isEqualTo(404);

    Reply outside = assign("center1", null, 5, "XX-V01-G01", "GS-V04-G02");
    assertThat(outside.status()).as(outside.toString()).isEqualTo(422);
    assertThat(codes(outside))
        .containsExactlyInAnyOrder("gridCodes[0] S4.grid", "gridCodes[1] S4.gridWorker");
    Reply tooLong = assign("center1", null, 31, "GS-V01-G01");
    assertThat(codes(tooLong)).containsExactly("workingDays S4.workingDays");
    for (String user : List.of("worker1", "supervisor1", "leader1", "station1", "admin")) {
      Reply refused = assign(user, null, 5, "GS-V01-G01");
      assertThat(refused.status()).as(user + ": " + refused).isEqualTo(403);
    }
    assertThat(api.as("center1").get("/api/assignments/999999").status()).isEqualTo(404);
  }

  @Test
  @DisplayName(
      "S4 S1 a grid's task past its deadline is overdue in /api/tasks and on the supervisors'"
          + " overdue list (kind ASSIGNMENT), filtered by village and grid")
  void overdueOnTheSupervisorsList() {
    try {
      Reply clock =
          api.as("admin").put("/api/admin/clock", "{\"now\": \"2026-09-30T10:00:00+08:00\"}");
      assertThat(clock.status()).isEqualTo(200);
      Reply created = assign("center1", matter("LISTED"), 2, "GS-V02-G01");
      long id = created.json().get("id").asLong();
      assertThat(created.json().get("dueBy").asText()).isEqualTo("2026-10-09T23:59:59+08:00");
      api.as("admin").put("/api/admin/clock", "{\"now\": \"2026-10-12T09:00:00+08:00\"}");
      JsonNode task = taskOf("worker3", id);
      assertThat(task.get("overdue").asBoolean()).isTrue();
      assertThat(task.get("name").asText()).endsWith("【已超期】");
      JsonNode row = overdueRow("supervisor1", "villageCode=GS-V02", id);
      assertThat(row).as("on the list").isNotNull();
      assertThat(row.get("kind").asText()).isEqualTo("ASSIGNMENT");
      assertThat(row.get("gridCode").asText()).isEqualTo("GS-V02-G01");
      assertThat(row.get("due").asText()).isEqualTo("2026-10-09T23:59:59+08:00");
      assertThat(row.get("workingDaysOverdue").asInt()).as("Sat Oct 10, Mon Oct 12").isEqualTo(2);
      assertThat(row.get("href").asText()).isEqualTo("/assignments/" + id);
      assertThat(overdueRow("supervisor1", "villageCode=GS-V01", id)).isNull();
      assertThat(overdueRow("leader1", "", id)).as("GS-V01's leader").isNull();
      assertThat(overdueRow("arealeader1", "gridCode=GS-V02-G01", id)).isNotNull();
      Reply late =
          api.as("worker3").post("/api/assignments/" + id + "/done", "{\"note\": \"已补办\"}");
      assertThat(late.json().get("grids").get(0).get("late").asBoolean()).isTrue();
      assertThat(overdueRow("supervisor1", "", id)).isNull();
    } finally {
      api.as("admin").delete("/api/admin/clock");
    }
  }

  private JsonNode overdueRow(String user, String query, long id) {
    Reply list = api.as(user).get("/api/supervision/overdue?" + query);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    for (JsonNode row : list.json()) {
      if (("交办 " + id).equals(row.path("reference").asText())) {
        return row;
      }
    }
    return null;
  }
}
