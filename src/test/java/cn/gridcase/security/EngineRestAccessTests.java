package cn.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.EngineState;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, part 1: ordinary users reach only the engine REST resources Tasklist and the documented
 * clients need, through {@code /engine-rest} and the webapps' {@code /camunda/api/engine} alike;
 * whatever they are refused changes nothing.
 */
@DisplayName("engine REST allow-list")
class EngineRestAccessTests extends ApiTestSupport {

  private static final String EVENT =
      "{\"category\": \"HAZARD\", \"gridCode\": \"GS-V02-G01\", \"title\": \"桥栏松动\","
          + " \"occurredAt\": \"2026-11-02T08:30:00+08:00\", \"location\": \"村口桥\", \"persons\":"
          + " \"过往村民\", \"cause\": \"螺栓锈蚀\", \"course\": \"巡查发现桥栏晃动\"}";

  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  private String number;
  private String taskId;
  private String processInstanceId;
  private List<Job> jobs;

  @BeforeEach
  void worker3ReportsInTheirGrid() {
    Reply reported = api.as("worker3").post("/api/events", EVENT);
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    number = reported.json().get("number").asText();
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    taskId = task.getId();
    processInstanceId = task.getProcessInstanceId();
    jobs = managementService.createJobQuery().processInstanceId(processInstanceId).list();
    assertThat(jobs).as("the handling deadline and its reminder").hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  @DisplayName(
      "E4 no ordinary user can use up a deadline's retries, move, suspend or delete it, or end an"
          + " event: every such call is 403 through both doors and changes nothing")
  void refusedCallsChangeNothing() {
    Job timer = jobs.get(0);
    String jobDefinition = timer.getJobDefinitionId();
    String before = EngineState.of(jdbc);

    List<String[]> probes = new ArrayList<>();
    for (Job job : jobs) {
      for (int attempt = 0; attempt < 4; attempt++) {
        probes.add(call("POST", "/job/" + job.getId() + "/execute", null));
      }
    }
    probes.add(call("PUT", "/job/" + timer.getId() + "/retries", "{\"retries\": 0}"));
    probes.add(
        call(
            "PUT",
            "/job/" + timer.getId() + "/duedate",
            "{\"duedate\": \"2030-01-01T00:00:00.000+0800\"}"));
    probes.add(call("PUT", "/job/" + timer.getId() + "/suspended", "{\"suspended\": true}"));
    probes.add(call("DELETE", "/job/" + timer.getId(), null));
    probes.add(
        call("POST", "/job/retries", "{\"jobIds\": [\"" + timer.getId() + "\"], \"retries\": 0}"));
    probes.add(call("GET", "/job", null));
    probes.add(
        call(
            "PUT",
            "/job-definition/" + jobDefinition + "/suspended",
            "{\"suspended\": true, \"includeJobs\": true}"));
    probes.add(call("PUT", "/job-definition/" + jobDefinition + "/retries", "{\"retries\": 0}"));
    probes.add(call("GET", "/job-definition", null));
    probes.add(
        call(
            "POST",
            "/process-instance/" + processInstanceId + "/modification",
            "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"HandleEventTask\"}]}"));
    probes.add(
        call(
            "PUT",
            "/process-instance/" + processInstanceId + "/suspended",
            "{\"suspended\": true}"));
    probes.add(call("DELETE", "/process-instance/" + processInstanceId, null));
    probes.add(
        call(
            "POST",
            "/process-instance/" + processInstanceId + "/variables",
            "{\"modifications\": {\"eventNumber\": {\"value\": \"SJ-00000000-0000\"}}}"));
    probes.add(
        call(
            "POST",
            "/message",
            "{\"messageName\": \"any\", \"processInstanceId\": \"" + processInstanceId + "\"}"));
    probes.add(call("POST", "/signal", "{\"name\": \"any\"}"));
    probes.add(call("POST", "/task/" + taskId + "/bpmnError", "{\"errorCode\": \"STOP\"}"));
    probes.add(
        call("POST", "/task/" + taskId + "/bpmnEscalation", "{\"escalationCode\": \"STOP\"}"));
    probes.add(
        call(
            "POST",
            "/task/" + taskId + "/variables",
            "{\"modifications\": {\"note\": {\"value\": \"x\"}}}"));
    probes.add(call("PUT", "/task/" + taskId + "/localVariables/note", "{\"value\": \"x\"}"));
    probes.add(call("POST", "/task/" + taskId + "/comment/create", "{\"message\": \"私下记录\"}"));
    probes.add(call("POST", "/task/" + taskId + "/delegate", "{\"userId\": \"worker1\"}"));
    probes.add(call("POST", "/task/" + taskId + "/assignee", "{\"userId\": \"worker1\"}"));
    probes.add(
        call(
            "PUT",
            "/task/" + taskId,
            "{\"name\": \"x\", \"due\": \"2030-01-01T00:00:00.000+0800\"}"));
    probes.add(call("DELETE", "/task/" + taskId, null));
    probes.add(call("POST", "/task/create", "{\"id\": \"loose-task\", \"name\": \"散任务\"}"));
    probes.add(call("POST", "/process-definition/key/event-handling/start", "{}"));
    probes.add(
        call(
            "POST",
            "/decision-definition/key/accountability-talk-conductor/evaluate",
            "{\"variables\": {}}"));
    probes.add(call("GET", "/metrics", null));
    probes.add(call("GET", "/metrics/activity-instance-start/sum", null));
    probes.add(call("GET", "/deployment", null));
    probes.add(call("POST", "/deployment/create", "{}"));
    probes.add(call("GET", "/batch", null));
    probes.add(call("GET", "/incident", null));
    probes.add(
        call(
            "POST",
            "/external-task/fetchAndLock",
            "{\"workerId\": \"w\", \"maxTasks\": 1, \"topics\": []}"));
    probes.add(
        call(
            "POST",
            "/authorization/create",
            "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"worker3\", \"resourceType\":"
                + " 0, \"resourceId\": \"*\"}"));
    probes.add(
        call(
            "POST",
            "/user/create",
            "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x\"}}"));
    probes.add(call("DELETE", "/user/worker3", null));
    probes.add(
        call("PUT", "/user/worker3/profile", "{\"id\": \"worker3\", \"firstName\": \"改名\"}"));
    probes.add(
        call(
            "PUT",
            "/user/worker3/credentials",
            "{\"password\": \"new-one\", \"authenticatedUserPassword\": \"demo\"}"));
    probes.add(call("POST", "/group/create", "{\"id\": \"GS\", \"name\": \"x\"}"));
    probes.add(call("POST", "/group/GS/members/worker3", null));
    probes.add(call("GET", "/history/variable-instance", null));
    probes.add(call("POST", "/history/cleanup", null));
    // fixed resource names of the engine where an allowed path has an id
    probes.add(call("GET", "/process-definition/statistics?failedJobs=true&incidents=true", null));
    probes.add(call("GET", "/task/report/candidate-group-count", null));
    probes.add(call("GET", "/filter/statistics", null));
    probes.add(
        call("POST", "/identity/verify", "{\"username\": \"admin\", \"password\": \"demo\"}"));

    List<String> answered = new ArrayList<>();
    for (String[] probe : probes) {
      for (String door : new String[] {"/engine-rest", "/engine-rest/engine/default"}) {
        // worker3 is the one the event's task is offered to: the user with the most engine
        // permissions on it
        Reply reply = api.as("worker3").send(probe[0], door + probe[1], probe[2]);
        answered.add(probe[0] + " " + door + probe[1] + " → " + reply.status());
        assertThat(reply.status())
            .as(probe[0] + " " + door + probe[1] + ": " + reply.body())
            .isEqualTo(403);
        assertThat(reply.isProblem()).isTrue();
      }
    }
    ApiClient webapp = tasklistSession("worker3");
    for (String[] probe : probes) {
      Reply reply =
          webapp.send(probe[0], "/camunda/api/engine/engine/default" + probe[1], probe[2]);
      assertThat(reply.status())
          .as(probe[0] + " /camunda/api/engine" + probe[1] + ": " + reply.body())
          .isEqualTo(403);
    }

    assertThat(EngineState.of(jdbc))
        .as("the engine's state after %d refused calls", answered.size())
        .isEqualTo(before);
    for (Job job : jobs) {
      Job now = managementService.createJobQuery().jobId(job.getId()).singleResult();
      assertThat(now.getRetries()).as("retries of " + job.getId()).isEqualTo(job.getRetries());
      assertThat(now.getDuedate()).isEqualTo(job.getDuedate());
      assertThat(now.isSuspended()).isFalse();
    }
    assertThat(runtimeService.getVariable(processInstanceId, "eventNumber")).isEqualTo(number);
    assertThat(api.as("worker3").get("/api/me").status())
        .as("worker3 still exists and logs in")
        .isEqualTo(200);
  }

  @Test
  @DisplayName(
      "an unknown job and a real one look the same to an ordinary user (no probing of ids)")
  void noProbingOfJobIds() {
    Reply real =
        api.as("worker1").post("/engine-rest/job/" + jobs.get(0).getId() + "/execute", "{}");
    Reply unknown = api.as("worker1").post("/engine-rest/job/no-such-job/execute", "{}");
    assertThat(real.status()).isEqualTo(403);
    assertThat(unknown.status()).isEqualTo(403);
    assertThat(real.json().get("detail")).isEqualTo(unknown.json().get("detail"));
  }

  @Test
  @DisplayName(
      "what Tasklist and API clients need still works: tasks, claim, forms, filters, models, own"
          + " profile and groups")
  void allowedCallsWork() {
    ApiClient worker3 = api.as("worker3");
    assertThat(worker3.get("/engine-rest/task?processInstanceBusinessKey=" + number).json())
        .hasSize(1);
    assertThat(worker3.get("/engine-rest/task/count").status()).isEqualTo(200);
    assertThat(worker3.get("/engine-rest/task/" + taskId + "/form-variables").status())
        .isEqualTo(200);
    assertThat(worker3.get("/engine-rest/task/" + taskId + "/deployed-form").status())
        .isEqualTo(200);
    assertThat(
            worker3
                .post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"worker3\"}")
                .status())
        .isEqualTo(204);
    assertThat(worker3.get("/engine-rest/filter").json()).isNotEmpty();
    assertThat(worker3.get("/engine-rest/process-definition?key=event-handling").json())
        .isNotEmpty();
    assertThat(worker3.get("/engine-rest/user/worker3/profile").json().get("id").asText())
        .isEqualTo("worker3");
    assertThat(worker3.get("/engine-rest/identity/groups?userId=worker3").status()).isEqualTo(200);
    assertThat(worker3.get("/engine-rest/engine").status()).isEqualTo(200);

    ApiClient webapp = tasklistSession("worker3");
    assertThat(webapp.get("/camunda/api/engine/engine/").status()).isEqualTo(200);
    JsonNode filters =
        webapp.get("/camunda/api/engine/engine/default/filter?resourceType=Task").json();
    assertThat(filters).isNotEmpty();
    Reply listed =
        webapp.post(
            "/camunda/api/engine/engine/default/filter/"
                + filters.get(0).get("id").asText()
                + "/list",
            "{}");
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    assertThat(webapp.send("OPTIONS", "/camunda/api/engine/engine/default/filter", null).status())
        .isEqualTo(200);

    assertThat(api.as("admin").get("/engine-rest/job").status())
        .as("administrators pass everywhere")
        .isEqualTo(200);
    assertThat(api.as("admin").get("/engine-rest/metrics/activity-instance-start/sum").status())
        .isEqualTo(200);
  }

  @Test
  @DisplayName(
      "a user sees only their own memberships; metrics and decision evaluation are for"
          + " administrators")
  void smallerHoles() {
    assertThat(api.as("worker1").get("/engine-rest/identity/groups?userId=worker3").status())
        .isEqualTo(403);
    assertThat(api.as("worker1").get("/engine-rest/identity/groups").status()).isEqualTo(403);
    assertThat(api.as("worker1").get("/engine-rest/identity/groups?userId=worker1").status())
        .isEqualTo(200);
    assertThat(api.as("worker1").get("/engine-rest/metrics").status()).isEqualTo(403);
    assertThat(
            api.as("worker1")
                .post(
                    "/engine-rest/decision-definition/key/accountability-talk-conductor/evaluate",
                    "{\"variables\": {}}")
                .status())
        .isEqualTo(403);
    assertThat(api.as("worker1").get("/engine-rest/task/").status())
        .as("another spelling of an allowed path")
        .isEqualTo(403);
  }

  @Test
  @DisplayName("Cockpit, Admin and their APIs are for administrators only")
  void cockpitAndAdminForAdministrators() {
    ApiClient webapp = tasklistSession("center1");
    assertThat(webapp.get("/camunda/app/cockpit/default/").status()).isEqualTo(403);
    assertThat(webapp.get("/camunda/app/admin/default/").status()).isEqualTo(403);
    assertThat(
            webapp
                .get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics")
                .status())
        .isEqualTo(403);
    assertThat(webapp.get("/camunda/api/admin/auth/user/default").status())
        .as("own login state")
        .isEqualTo(200);
  }

  private ApiClient tasklistSession(String user) {
    return api.webappSession(user, ApiClient.DEMO_PASSWORD);
  }

  private static String[] call(String method, String path, String json) {
    return new String[] {method, path, json};
  }
}
