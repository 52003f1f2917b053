package cn.gridcase.platform.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10 item 6: what users enter in a task never reaches the engine's history. Every form of
 * every model is driven through the doors users have — {@code /engine-rest} submit-form (what
 * Tasklist sends) and complete, and {@code /api} — with a unique marker in every text field (and in
 * extra variables a client may add); then every text and binary column of every {@code ACT_HI_*}
 * table and every byte array is searched for the markers.
 */
class EngineHistoryPrivacyTests extends ApiTestSupport {

  /**
   * The process variables allowed into history: ids and routing flags (see docs/architecture.md).
   */
  private static final Set<String> CATALOGUED =
      Set.of(
          "eventNumber",
          "major",
          "unitCode",
          "outcome",
          "departmentCode",
          "caseId",
          "conclusion",
          "onlyTalk");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired DataSource dataSource;

  @Autowired HistoryService historyService;

  @Autowired TaskService taskService;

  @Autowired ManagementService managementService;

  @Autowired HistoryPurge purge;

  /** Unique to this run, so other tests' data can never match; every marker starts with it. */
  private String prefix;

  private final List<String> markers = new ArrayList<>();

  @BeforeEach
  void newMarkers() {
    prefix =
        "HIPRIV"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 10)
                .toUpperCase(Locale.ROOT);
    markers.clear();
  }

  @Test
  @DisplayName(
      "Issue 10.6 (E3/E5/E9) no text entered in an event's forms reaches the engine's history,"
          + " through /engine-rest or /api; only ids and routing flags remain")
  void eventFormsLeaveNoTextInHistory() {
    // A: every level through the engine's REST API, as Tasklist submits the forms
    String a = report();
    String grid = task("worker1", a, "HandleEventTask");
    submitForm(
        "worker1",
        grid,
        vars(
            "outcome",
            "ESCALATE",
            "reason",
            m("grid-reason"),
            "delayReason",
            m("grid-delay"),
            "note",
            m("grid-extra"),
            "category",
            m("grid-category")));
    submitForm(
        "station1",
        task("station1", a, "AcceptEventTask"),
        vars("note", m("village-accept-extra")));
    ok(
        api.as("station1")
            .post(
                "/api/events/" + a + "/escalate",
                json("reason", m("village-reason"), "delayReason", m("village-delay"))));
    ok(api.as("center1").post("/api/events/" + a + "/accept", "{}"));
    complete(
        "center1",
        task("center1", a, "HandleEventTask"),
        vars(
            "outcome",
            "DISPATCH",
            "departmentCode",
            "DEPT-SAFETY",
            "instructions",
            m("township-instructions"),
            "delayReason",
            m("township-delay")));
    complete(
        "safety1",
        task("safety1", a, "AcceptEventTask"),
        vars("note", m("department-accept-extra")));
    submitForm(
        "safety1",
        task("safety1", a, "HandleEventTask"),
        vars(
            "outcome",
            "RESOLVE",
            "result",
            m("department-result"),
            "mediator",
            m("department-mediator"),
            "mediationResult",
            m("department-mediation"),
            "agreementForm",
            "WRITTEN",
            "agreementTerms",
            m("department-terms"),
            "delayReason",
            m("department-delay")));
    submitForm(
        "worker1",
        task("worker1", a, "FeedbackTask"),
        vars(
            "satisfaction",
            "SATISFIED",
            "comment",
            m("feedback-comment"),
            "note",
            m("feedback-extra")));
    JsonNode closed = ok(api.as("worker1").get("/api/events/" + a));
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("mediator").asText())
        .as("the domain keeps what was entered")
        .isEqualTo(m("department-mediator"));
    assertThat(closed.get("agreementTerms").asText()).isEqualTo(m("department-terms"));

    // B: escalated twice and referred to the county through /api
    String b = report();
    ok(
        api.as("worker1")
            .post("/api/events/" + b + "/escalate", json("reason", m("b-grid-reason"))));
    ok(api.as("station1").post("/api/events/" + b + "/accept", "{}"));
    ok(
        api.as("station1")
            .post("/api/events/" + b + "/escalate", json("reason", m("b-village-reason"))));
    ok(api.as("center1").post("/api/events/" + b + "/accept", "{}"));
    JsonNode referred =
        ok(
            api.as("center1")
                .post(
                    "/api/events/" + b + "/refer-county",
                    json(
                        "countyDepartment",
                        m("b-county"),
                        "reason",
                        m("b-refer-reason"),
                        "delayReason",
                        m("b-refer-delay"))));
    assertThat(referred.get("status").asText()).isEqualTo("REFERRED_TO_COUNTY");

    // C: a dispute resolved in the grid and fed back through /api; D: returned by a department
    // through /api
    String c = report();
    ok(
        api.as("worker1")
            .post(
                "/api/events/" + c + "/resolve",
                json(
                    "result",
                    m("c-result"),
                    "mediator",
                    m("c-mediator"),
                    "mediationResult",
                    m("c-mediation"),
                    "agreementForm",
                    "ORAL",
                    "agreementTerms",
                    m("c-terms"),
                    "delayReason",
                    m("c-delay"))));
    assertThat(
            ok(api.as("worker1")
                    .post(
                        "/api/events/" + c + "/feedback",
                        json("satisfaction", "BASICALLY_SATISFIED", "comment", m("c-comment"))))
                .get("status")
                .asText())
        .isEqualTo("CLOSED");
    String d = report();
    ok(
        api.as("worker1")
            .post("/api/events/" + d + "/escalate", json("reason", m("d-grid-reason"))));
    ok(api.as("station1").post("/api/events/" + d + "/accept", "{}"));
    ok(
        api.as("station1")
            .post("/api/events/" + d + "/escalate", json("reason", m("d-village-reason"))));
    ok(api.as("center1").post("/api/events/" + d + "/accept", "{}"));
    ok(
        api.as("center1")
            .post(
                "/api/events/" + d + "/dispatch",
                json("departmentCode", "DEPT-SAFETY", "instructions", m("d-instructions"))));
    ok(api.as("safety1").post("/api/events/" + d + "/accept", "{}"));
    assertThat(
            ok(api.as("safety1")
                    .post("/api/events/" + d + "/escalate", json("reason", m("d-return-reason"))))
                .get("level")
                .asText())
        .isEqualTo("TOWNSHIP");

    assertNoMarkerInHistory();
    assertHistoryKeepsOnlyCatalogued(
        List.of(a, b, c, d), Set.of("major", "unitCode", "outcome", "departmentCode"));
    assertEventModelsKeepOnlyWhereTheEventWent();
  }

  @Test
  @DisplayName(
      "Issue 10.6 (C2/C4/C6/C7) no text entered in an accountability case's forms reaches the"
          + " engine's history, through /engine-rest or /api")
  void caseFormsLeaveNoTextInHistory() {
    // 1: extension, decision, notice and execution through the engine's REST API (Tasklist's forms)
    long first = openCase();
    String investigate = task("investigator1", String.valueOf(first), "InvestigateCaseTask");
    Map<String, Object> extend = checkboxes();
    extend.putAll(
        vars(
            "caseOutcome",
            "EXTEND",
            "extensionDays",
            2,
            "extensionReason",
            m("extension-reason"),
            "findings",
            m("extension-findings"),
            "reasoning",
            m("extension-reasoning"),
            "note",
            m("extension-extra")));
    submitForm("investigator1", investigate, extend);
    Map<String, Object> decide = checkboxes();
    decide.putAll(
        vars(
            "caseOutcome",
            "DECIDE",
            "findings",
            m("findings"),
            "reasoning",
            m("reasoning"),
            "measure_CIRCULATED_CRITICISM",
            true,
            "circumstance_REMEDIED",
            true,
            "conclusion",
            m("conclusion-overwritten")));
    submitForm(
        "investigator1",
        task("investigator1", String.valueOf(first), "InvestigateCaseTask"),
        decide);
    submitForm(
        "investigator1",
        task("investigator1", String.valueOf(first), "NotifySubjectTask"),
        vars("notifiedAt", now(), "channel", "当面送达", "note", m("notify-extra")));
    submitForm(
        "investigator1",
        task("investigator1", String.valueOf(first), "RecordExecutionTask"),
        vars("executionNote", m("execution-note")));
    JsonNode archived = ok(api.as("investigator1").get("/api/accountability/cases/" + first));
    assertThat(archived.get("status").asText()).isEqualTo("ARCHIVED");
    assertThat(archived.get("reasoning").asText())
        .as("the domain keeps what was entered")
        .isEqualTo(m("reasoning"));

    // 2: extension and dismissal through /api
    long second = openCase();
    ok(
        api.as("investigator1")
            .post(
                "/api/accountability/cases/" + second + "/extend",
                "{\"workingDays\": 1, \"reason\": \"" + m("api-extension-reason") + "\"}"));
    assertThat(
            ok(api.as("investigator1")
                    .post(
                        "/api/accountability/cases/" + second + "/dismiss",
                        json("reasoning", m("api-dismissal"))))
                .get("status")
                .asText())
        .isEqualTo("DISMISSED");

    // 3: decision, notice (a free-text channel) and execution through /api
    long third = openCase();
    ok(
        api.as("investigator1")
            .post(
                "/api/accountability/cases/" + third + "/decide",
                "{\"measures\": [\"CIRCULATED_CRITICISM\"], \"mitigating\": [\"REMEDIED\"],"
                    + " \"aggravating\": [], \"reasoning\": \""
                    + m("api-reasoning")
                    + "\", \"findings\": \""
                    + m("api-findings")
                    + "\"}"));
    ok(
        api.as("investigator1")
            .post(
                "/api/accountability/cases/" + third + "/notify",
                json("notifiedAt", now(), "channel", m("api-channel"))));
    assertThat(
            ok(api.as("investigator1")
                    .post(
                        "/api/accountability/cases/" + third + "/execution",
                        json("note", m("api-execution"))))
                .get("status")
                .asText())
        .isEqualTo("ARCHIVED");

    assertNoMarkerInHistory();
    assertHistoryKeepsOnlyCatalogued(
        List.of(String.valueOf(first), String.valueOf(second), String.valueOf(third)),
        Set.of("caseId", "conclusion"));
  }

  @Test
  @DisplayName(
      "Issue 10.6 comments and attachments, which the engine keeps in its history tables, are"
          + " refused at every door")
  void commentsAndAttachmentsAreRefused() {
    String number = report();
    String taskId = task("worker1", number, "HandleEventTask");
    // a grid worker already cannot (no READ_HISTORY on the task); an administrator neither
    Reply byWorker =
        api.as("worker1")
            .post(
                "/engine-rest/task/" + taskId + "/comment/create",
                json("message", m("worker-comment")));
    assertThat(byWorker.status()).as(byWorker.toString()).isBetween(400, 499);
    Reply byAdmin =
        api.as("admin")
            .post(
                "/engine-rest/task/" + taskId + "/comment/create",
                json("message", m("admin-comment")));
    assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(400);
    assertThat(byAdmin.body()).contains("不能添加评论").doesNotContain("cn.gridcase");
    assertThatThrownBy(() -> taskService.createComment(taskId, null, m("java-comment")))
        .isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(
            () ->
                taskService.createAttachment(
                    "text/plain",
                    taskId,
                    null,
                    m("attachment-name"),
                    m("attachment-description"),
                    new ByteArrayInputStream(
                        m("attachment-content").getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ProcessEngineException.class);
    // the step itself still works
    submitForm("worker1", taskId, vars("outcome", "ESCALATE", "reason", m("reason")));
    assertNoMarkerInHistory();
  }

  @Test
  @DisplayName(
      "Issue 10.6 what the engine's history kept before the filter (uncatalogued variables and"
          + " their byte arrays, form fields, task descriptions, comments, attachments) is removed"
          + " once")
  void historyKeptBeforeIsPurged() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String id = prefix.toLowerCase(Locale.ROOT);
    jdbc.update(
        "INSERT INTO ACT_GE_BYTEARRAY (ID_, REV_, NAME_, BYTES_, TYPE_) VALUES (?, 1,"
            + " 'hist.var-mediationResult', ?, 3)",
        id + "-bytes",
        m("legacy-bytes").getBytes(StandardCharsets.UTF_8));
    jdbc.update(
        "INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, NAME_, VAR_TYPE_, BYTEARRAY_ID_, TEXT_,"
            + " STATE_, REV_) VALUES (?, 'event-level-handling', 'mediator', 'string', ?, ?,"
            + " 'DELETED', 1)",
        id + "-var",
        id + "-bytes",
        m("legacy-mediator"));
    jdbc.update(
        "INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, NAME_, VAR_TYPE_, TEXT_, STATE_, REV_)"
            + " VALUES (?, 'event-level-handling', 'outcome', 'string', 'RESOLVE', 'CREATED', 1)",
        id + "-routing");
    jdbc.update(
        "INSERT INTO ACT_HI_DETAIL (ID_, TYPE_, TIME_, NAME_, TEXT_, PROC_DEF_KEY_) VALUES (?,"
            + " 'FormProperty', CURRENT_TIMESTAMP, 'agreementTerms', ?, 'event-level-handling')",
        id + "-form",
        m("legacy-terms"));
    jdbc.update(
        "INSERT INTO ACT_HI_TASKINST (ID_, START_TIME_, DESCRIPTION_) VALUES (?, CURRENT_TIMESTAMP,"
            + " ?)",
        id + "-task",
        m("legacy-description"));
    jdbc.update(
        "INSERT INTO ACT_HI_COMMENT (ID_, TYPE_, TIME_, MESSAGE_, FULL_MSG_) VALUES (?, 'comment',"
            + " CURRENT_TIMESTAMP, ?, ?)",
        id + "-comment",
        m("legacy-comment"),
        m("legacy-comment-full").getBytes(StandardCharsets.UTF_8));
    jdbc.update(
        "INSERT INTO ACT_HI_ATTACHMENT (ID_, REV_, NAME_, DESCRIPTION_) VALUES (?, 1, ?, ?)",
        id + "-attachment",
        m("legacy-attachment"),
        m("legacy-attachment-description"));
    assertThat(purge.purge())
        .as("variable, form field, description, comment, attachment")
        .isGreaterThanOrEqualTo(5);
    assertNoMarkerInHistory();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ACT_HI_VARINST WHERE ID_ = ?", Long.class, id + "-routing"))
        .as("a routing flag stays")
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ID_ = ?", Long.class, id + "-task"))
        .as("the task instance stays, without its description")
        .isEqualTo(1);
    assertThat(processEngineProperties()).containsKey(HistoryPurge.DONE);
  }

  private Map<String, String> processEngineProperties() {
    return managementService.getProperties();
  }

  // ---- the search -----------------------------------------------------------------------------

  /**
   * Every text and binary column of every ACT_HI_ table, and every byte array (which history
   * variables, details, attachments and job logs reference), searched for this run's prefix.
   */
  private void assertNoMarkerInHistory() {
    assertThat(markers).isNotEmpty();
    List<String> found = new ArrayList<>();
    int columns = 0;
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      Map<String, List<String[]>> tables = new LinkedHashMap<>();
      try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME");
          String upper = table.toUpperCase(Locale.ROOT);
          if (upper.startsWith("ACT_HI_") || upper.equals("ACT_GE_BYTEARRAY")) {
            tables
                .computeIfAbsent(table, t -> new ArrayList<>())
                .add(
                    new String[] {
                      rs.getString("COLUMN_NAME"), String.valueOf(rs.getInt("DATA_TYPE"))
                    });
          }
        }
      }
      assertThat(tables.keySet().stream().map(t -> t.toUpperCase(Locale.ROOT)))
          .contains(
              "ACT_HI_VARINST",
              "ACT_HI_DETAIL",
              "ACT_HI_TASKINST",
              "ACT_HI_OP_LOG",
              "ACT_HI_COMMENT",
              "ACT_HI_ATTACHMENT",
              "ACT_GE_BYTEARRAY");
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      for (var table : tables.entrySet()) {
        for (String[] column : table.getValue()) {
          int type = Integer.parseInt(column[1]);
          String sqlColumn = table.getKey() + "." + column[0];
          if (isText(type)) {
            columns++;
            List<String> hits =
                jdbc.queryForList(
                    "SELECT "
                        + column[0]
                        + " FROM "
                        + table.getKey()
                        + " WHERE "
                        + column[0]
                        + " LIKE ?",
                    String.class,
                    "%" + prefix + "%");
            hits.forEach(hit -> found.add(sqlColumn + ": " + excerpt(hit)));
          } else if (isBinary(type)) {
            columns++;
            jdbc.query(
                "SELECT "
                    + column[0]
                    + " FROM "
                    + table.getKey()
                    + " WHERE "
                    + column[0]
                    + " IS NOT NULL",
                row -> {
                  String bytes = new String(row.getBytes(1), StandardCharsets.ISO_8859_1);
                  if (bytes.contains(prefix)) {
                    found.add(sqlColumn + " (bytes): " + excerpt(bytes));
                  }
                });
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    assertThat(columns).as("text and binary columns searched").isGreaterThan(50);
    assertThat(found).as("markers of what users entered, found in the engine's history").isEmpty();
  }

  /**
   * The history of these business keys' instances holds catalogued variables only, and the routing
   * ones are there.
   */
  @Test
  @DisplayName(
      "Issue 15 item 5: a standalone task's variable (no process, so no catalogue) is set and"
          + " kept out of history")
  void standaloneTaskVariableStaysOutOfHistory() {
    Task task = taskService.newTask();
    task.setName("独立任务");
    taskService.saveTask(task);
    try {
      taskService.setVariable(task.getId(), "note", "note-" + task.getId());
      assertThat(taskService.getVariable(task.getId(), "note")).isEqualTo("note-" + task.getId());
      assertThat(
              historyService.createHistoricVariableInstanceQuery().taskIdIn(task.getId()).count())
          .isZero();
    } finally {
      taskService.deleteTask(task.getId(), true);
    }
  }

  /** What each event model may keep of its variables (the catalogue of the event feature). */
  private void assertEventModelsKeepOnlyWhereTheEventWent() {
    Set<String> allowed = Set.of("major", "unitCode", "outcome", "departmentCode");
    for (String model : List.of("event-handling", "event-level-handling")) {
      assertThat(
              historyService
                  .createHistoricVariableInstanceQuery()
                  .processDefinitionKey(model)
                  .list()
                  .stream()
                  .map(HistoricVariableInstance::getName)
                  .distinct())
          .as("history variables of " + model)
          .isSubsetOf(allowed);
    }
  }

  private void assertHistoryKeepsOnlyCatalogued(List<String> businessKeys, Set<String> expected) {
    List<String> names = new ArrayList<>();
    for (String key : businessKeys) {
      List<HistoricProcessInstance> instances =
          historyService
              .createHistoricProcessInstanceQuery()
              .processInstanceBusinessKey(key)
              .list();
      assertThat(instances).as("the engine still records the instances of " + key).isNotEmpty();
      assertThat(
              historyService
                  .createHistoricTaskInstanceQuery()
                  .processInstanceBusinessKey(key)
                  .finished()
                  .count())
          .as("and their tasks")
          .isPositive();
      for (HistoricProcessInstance instance : instances) {
        for (HistoricVariableInstance variable :
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .list()) {
          names.add(variable.getName());
          if (variable.getValue() instanceof String text) {
            assertThat(text).as(variable.getName()).matches("[A-Za-z0-9._-]{1,64}");
          }
        }
      }
    }
    assertThat(names)
        .as("history variables of " + businessKeys)
        .isSubsetOf(CATALOGUED)
        .containsAll(expected);
  }

  private static boolean isText(int type) {
    return type == Types.VARCHAR
        || type == Types.CHAR
        || type == Types.LONGVARCHAR
        || type == Types.CLOB
        || type == Types.NVARCHAR
        || type == Types.NCHAR
        || type == Types.LONGNVARCHAR
        || type == Types.NCLOB;
  }

  private static boolean isBinary(int type) {
    return type == Types.BLOB
        || type == Types.VARBINARY
        || type == Types.BINARY
        || type == Types.LONGVARBINARY;
  }

  private String excerpt(String text) {
    int at = text.indexOf(prefix);
    return text.substring(Math.max(0, at), Math.min(text.length(), at + prefix.length() + 40));
  }

  // ---- driving the forms ----------------------------------------------------------------------

  private String m(String field) {
    String marker = prefix + "-" + field + "-张三";
    if (!markers.contains(marker)) {
      markers.add(marker);
    }
    return marker;
  }

  /** A dispute reported by worker1 in grid GS-V01-G01 (accepted at once: the grid's own worker). */
  private String report() {
    String body =
        "{\"category\": \"DISPUTE\", \"gridCode\": \"GS-V01-G01\", \"title\": \"邻里纠纷\","
            + " \"occurredAt\": \""
            + OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0)
            + "\","
            + " \"location\": \""
            + m("location")
            + "\", \"persons\": \""
            + m("persons")
            + "\", \"cause\": \""
            + m("cause")
            + "\", \"course\": \""
            + m("course")
            + "\", \"major\": false, \"parties\": [{\"name\": \""
            + m("party-a")
            + "\", \"phone\": \"13800000000\"}, {\"name\": \""
            + m("party-b")
            + "\"}]}";
    Reply reported = api.as("worker1").post("/api/events", body);
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    return reported.json().get("number").asText();
  }

  private long openCase() {
    Reply opened =
        api.as("supervisor1")
            .post(
                "/api/accountability/cases",
                "{\"subject\": \"safety1\","
                    + " \"subjectRole\": \"EVENT_HANDLER\", \"clause\": \"第四条（四）1 不受理、不交办、不结案\","
                    + " \"facts\": \""
                    + m("facts")
                    + "\"}");
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    return opened.json().get("id").asLong();
  }

  /** The one open task of that key for the business key, as the user's engine REST API lists it. */
  private String task(String user, String businessKey, String taskKey) {
    Reply tasks =
        api.as(user)
            .get(
                "/engine-rest/task?processInstanceBusinessKey="
                    + businessKey
                    + "&taskDefinitionKey="
                    + taskKey);
    assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
    assertThat(tasks.json()).as(user + " sees " + taskKey + " of " + businessKey).hasSize(1);
    return tasks.json().get(0).get("id").asText();
  }

  /** What Tasklist does: claim, then submit the form's variables. */
  private void submitForm(String user, String taskId, Map<String, Object> variables) {
    claim(user, taskId);
    Reply done = api.as(user).post("/engine-rest/task/" + taskId + "/submit-form", body(variables));
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }

  private void complete(String user, String taskId, Map<String, Object> variables) {
    claim(user, taskId);
    Reply done = api.as(user).post("/engine-rest/task/" + taskId + "/complete", body(variables));
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }

  private void claim(String user, String taskId) {
    Reply claimed =
        api.as(user).post("/engine-rest/task/" + taskId + "/claim", json("userId", user));
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
  }

  private static String body(Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach(
        (name, value) ->
            typed.put(
                name,
                Map.of(
                    "value",
                    value,
                    "type",
                    value instanceof Boolean
                        ? "Boolean"
                        : value instanceof Integer ? "Integer" : "String")));
    return write(Map.of("variables", typed));
  }

  /** Every checkbox of the investigation form, unticked, as form-js submits them. */
  private static Map<String, Object> checkboxes() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String measure :
        List.of(
            "TALK",
            "CIRCULATED_CRITICISM",
            "SUSPENSION_FOR_TRAINING",
            "ADMONISHMENT",
            "PERSUADE_TO_RESIGN",
            "DISMISSAL",
            "UNFIT_FOR_NEXT_COMMITTEE",
            "ECONOMIC",
            "DISCIPLINARY",
            "JUDICIAL_TRANSFER")) {
      values.put("measure_" + measure, false);
    }
    for (String circumstance :
        List.of(
            "REMEDIED",
            "FORCE_MAJEURE",
            "OTHER_MITIGATING",
            "ORDERED_BY_HIGHER_LEVEL",
            "REPEATED_WITHIN_YEAR",
            "OBSTRUCTION",
            "REFUSED_TO_RECTIFY",
            "SENSITIVE_TIME",
            "OTHER_AGGRAVATING")) {
      values.put("circumstance_" + circumstance, false);
    }
    return values;
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }

  private static String json(Object... pairs) {
    return write(vars(pairs));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String now() {
    return OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString();
  }

  private static JsonNode ok(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }
}
