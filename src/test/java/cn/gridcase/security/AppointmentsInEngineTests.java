package cn.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Appointments decide what a user sees in Tasklist and /engine-rest, from their next request on.
 */
class AppointmentsInEngineTests extends ApiTestSupport {

  @Autowired UserAccounts accounts;

  @Autowired TaskService taskService;

  @Test
  @DisplayName(
      "G4 appointing and ending an appointment changes the tasks a user sees on their very next"
          + " request")
  void appointmentChangesTasks() {
    accounts.createIfAbsent("gridnew", "新", "网格员", null, "demo");
    assertThat(
            api.as("admin")
                .post(
                    "/api/grids",
                    "{\"code\": \"GS-V06-G80\", \"name\": \"新建网格\", \"villageCode\": \"GS-V06\","
                        + " \"type\": \"RURAL\", \"households\": 400, \"population\": 1000}")
                .status())
        .isEqualTo(201);
    Task task = taskService.newTask();
    task.setName("网格任务");
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), "GS-V06-G80");
    String tasksOfGrid = "/engine-rest/task?candidateGroup=GS-V06-G80";

    assertThat(api.as("gridnew").get("/engine-rest/task").json()).as("not appointed").isEmpty();
    assertThat(api.as("gridnew").get("/api/grids/GS-V06-G80").status()).isEqualTo(404);

    Reply appointed =
        api.as("admin")
            .post(
                "/api/appointments",
                "{\"person\": {\"realName\": \"周新\","
                    + " \"idCardNumber\": \""
                    + validNumber()
                    + "\", \"education\": \"SENIOR_HIGH\", \"username\": \"gridnew\"},"
                    + " \"gridCode\": \"GS-V06-G80\", \"role\": \"GRID_WORKER\", \"startsOn\":"
                    + " \"2026-01-01\"}");
    assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
    assertThat(appointed.json().get("idCardMasked").asText()).contains("***********");

    assertThat(api.as("gridnew").get("/engine-rest/task").json()).hasSize(1);
    assertThat(api.as("gridnew").get(tasksOfGrid).json().get(0).get("name").asText())
        .isEqualTo("网格任务");
    assertThat(api.as("gridnew").get("/api/grids/GS-V06-G80").status()).isEqualTo(200);

    long id = appointed.json().get("id").asLong();
    Reply ended =
        api.as("admin")
            .post(
                "/api/appointments/" + id + "/end",
                "{\"endsOn\": \"2026-01-31\", \"reason\": \"调离\"}");
    assertThat(ended.status()).isEqualTo(200);
    assertThat(api.as("admin").post("/api/appointments/" + id + "/end", "{}").status())
        .as("ends once")
        .isEqualTo(409);

    assertThat(api.as("gridnew").get("/engine-rest/task").json()).as("appointment ended").isEmpty();
    assertThat(api.as("gridnew").get("/api/grids/GS-V06-G80").status()).isEqualTo(404);
    assertThat(
            api.as("admin")
                .get("/api/grids/GS-V06-G80/responsible?on=2026-01-15")
                .json()
                .get("people")
                .get(0)
                .get("username")
                .asText())
        .as("history keeps the appointment")
        .isEqualTo("gridnew");
  }

  private static String validNumber() {
    String body = "33078119930808" + "123";
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * weights[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }
}
