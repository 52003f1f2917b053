package cn.gridcase.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.OwnJvm;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10 item 4: a bounded, deterministic fuzz of every POST/PUT/DELETE of {@code /api} (read
 * from the OpenAPI document, so a new endpoint is fuzzed without being listed here) and of the
 * engine REST calls ordinary users make (tasks, filters, process definitions, own profile and
 * groups). Bodies are built from each operation's schema and then spoiled: wrong types, nulls,
 * unknown enum values, control characters, lone surrogates, over-long texts, implausible and
 * numeric times, deep nesting, 1,000-digit numbers, broken JSON, odd content types, unknown and
 * foreign ids.
 *
 * <p>Checked for every answer: no status of 500 or more; for every refusal (4xx): a body without
 * Java class names or stack frames, and the state unchanged — a snapshot of the domain tables (full
 * rows of those that are updated, counts of the insert-only ones) and of the engine's runtime
 * tables (counts and revision sums; for jobs also retries and due dates) taken before and after it.
 *
 * <p>{@code -Dgridcase.fuzz.seed=…} and {@code -Dgridcase.fuzz.requests=…} replay or lengthen a
 * run.
 *
 * <p>In a JVM (and application) of its own: accepted requests change what other tests rely on
 * (administrators' requests move the demo clock, load holiday schedules, set time limits, end
 * appointments), so the shared test context must not see them.
 */
@OwnJvm
class FuzzTests extends ApiTestSupport {

  static final long SEED = Long.getLong("gridcase.fuzz.seed", 20261010L);
  static final int REQUESTS = Integer.getInteger("gridcase.fuzz.requests", 5000);

  /**
   * Non-ASCII written as \\u escapes, so lone surrogates reach the server as they are (UTF-8 cannot
   * carry them).
   */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

  private static final Pattern INTERNALS =
      Pattern.compile(
          "java\\.|javax\\.|jakarta\\.|org\\.|com\\.fasterxml|cn\\.gridcase|Exception|\\bat"
              + " [a-z]+\\.[a-zA-Z]|\\.java:\\d");
  private static final String[] USERS = {
    "worker1",
    "worker2",
    "worker3",
    "station1",
    "center1",
    "head1",
    "safety1",
    "supervisor1",
    "investigator1",
    "leader1",
    "arealeader1",
    "admin"
  };
  private static final String[] VARIABLE_NAMES = {
    "outcome",
    "result",
    "reason",
    "mediator",
    "mediationResult",
    "agreementForm",
    "agreementTerms",
    "delayReason",
    "departmentCode",
    "instructions",
    "countyDepartment",
    "satisfaction",
    "comment",
    "caseOutcome",
    "extensionDays",
    "extensionReason",
    "measures",
    "reasoning",
    "notifiedAt",
    "channel",
    "executionNote",
    "handleDays",
    "eventNumber",
    "x"
  };
  private static final String[] VALUE_TYPES = {
    "String", "Integer", "Long", "Double", "Boolean", "Date", "Json", "Object", "File", "Null",
    "Bytes", "", "Nope"
  };

  /** Tables whose rows change in place: compared row by row. */
  private static final String[] UPDATED_TABLES = {
    "event",
    "notification",
    "accountability_case",
    "accountability_proposal",
    "appointment",
    "org_unit",
    "person",
    "township_setting",
    "event_time_limit",
    "accountability_grading",
    "event_number_counter",
    "calendar_state",
    "holiday_year",
    "working_day_deadline",
    "special_person",
    "work_record",
    "work_record_detail",
    "matter",
    "assignment",
    "assignment_grid",
    "meeting_setting",
    "meeting",
    "meeting_attendance"
  };

  /** Insert-only tables: compared by count. */
  private static final String[] INSERTED_TABLES = {
    "event_party",
    "event_step",
    "accountability_case_step",
    "accountability_case_read",
    "holiday_day",
    "calendar_recompute_audit",
    "person_fact_change",
    "work_patrol_point",
    "matter_change"
  };

  /** The engine's runtime figures; each column is named by its position. */
  private static final String ENGINE_STATE =
      "select (select count(*) from ACT_RU_TASK), (select coalesce(sum(REV_), 0) from ACT_RU_TASK),"
          + " (select count(*) from ACT_RU_JOB), (select coalesce(sum(REV_), 0) from ACT_RU_JOB),"
          + " (select coalesce(sum(RETRIES_), 0) from ACT_RU_JOB), (select max(DUEDATE_) from"
          + " ACT_RU_JOB), (select min(DUEDATE_) from ACT_RU_JOB), (select count(distinct DUEDATE_)"
          + " from ACT_RU_JOB), (select count(*) from ACT_RU_VARIABLE), (select coalesce(sum(REV_),"
          + " 0) from ACT_RU_VARIABLE), (select count(*) from ACT_RU_EXECUTION), (select"
          + " coalesce(sum(REV_), 0) from ACT_RU_EXECUTION), (select count(*) from"
          + " ACT_RU_IDENTITYLINK), (select count(*) from ACT_RU_INCIDENT), (select count(*) from"
          + " ACT_GE_BYTEARRAY), (select count(*) from ACT_ID_USER), (select coalesce(sum(REV_), 0)"
          + " from ACT_ID_USER), (select count(*) from ACT_ID_MEMBERSHIP), (select count(*) from"
          + " ACT_ID_GROUP), (select count(*) from ACT_RU_AUTHORIZATION), (select"
          + " coalesce(sum(REV_), 0) from ACT_RU_AUTHORIZATION), (select count(*) from"
          + " ACT_RU_FILTER), (select coalesce(sum(REV_), 0) from ACT_RU_FILTER), (select count(*)"
          + " from ACT_HI_PROCINST), (select count(*) from ACT_HI_TASKINST), (select count(*) from"
          + " ACT_RE_DEPLOYMENT)";

  @Autowired JdbcTemplate jdbc;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private Random random;
  private Ids ids;

  record Operation(String method, String path, JsonNode body, boolean multipart, boolean admin) {}

  record Sent(String method, String path, String user, String contentType, String body) {
    @Override
    public String toString() {
      return user
          + " "
          + method
          + " "
          + path
          + " ["
          + contentType
          + "] "
          + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }

  /** Ids that exist now, refreshed now and then so requests hit real events, tasks and cases. */
  record Ids(
      List<String> events,
      List<String> tasks,
      List<String> cases,
      List<String> proposals,
      List<String> notifications,
      List<String> appointments,
      List<String> filters,
      List<String> definitions,
      List<String> units) {}

  @Test
  @DisplayName(
      "issue 10 item 4: fuzz of every /api POST/PUT/DELETE and the users' engine REST calls: no"
          + " 5xx, no class names, refusals change nothing")
  void fuzz() throws Exception {
    random = new Random(SEED);
    JsonNode docs =
        JSON.readTree(send(new Sent("GET", "/v3/api-docs", "admin", null, null)).body());
    List<Operation> operations = apiOperations(docs);
    int apiOperations = operations.size();
    assertThat(apiOperations)
        .as("POST/PUT/DELETE operations of /api in the OpenAPI document")
        .isGreaterThan(25);
    operations.addAll(engineOperations());
    seedState();

    Map<String, Integer> calls = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int refused = 0;
    Map<String, String> before = null;
    long started = System.nanoTime();
    for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
      if (i % 250 == 0) {
        ids = ids();
        before = null;
      }
      Operation operation = operations.get(random.nextInt(operations.size()));
      calls.merge(operation.method() + " " + operation.path(), 1, Integer::sum);
      Sent sent = request(operation);
      if (before == null) {
        before = snapshot();
      }
      HttpResponse<String> reply = send(sent);
      int status = reply.statusCode();
      if (status >= 500) {
        failures.add(status + " for " + sent + " → " + reply.body());
        before = null;
        continue;
      }
      if (status < 400) {
        before = null;
        continue;
      }
      refused++;
      if (INTERNALS.matcher(reply.body()).find()) {
        failures.add("internals in " + status + " for " + sent + " → " + reply.body());
      }
      Map<String, String> after = snapshot();
      if (!after.equals(before)) {
        failures.add(
            "refused with " + status + " but changed " + difference(before, after) + ": " + sent);
      }
      before = after;
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "FUZZ seed=%d requests=%d refused=%d operations=%d (/api %d) time=%d ms (snapshots %d"
            + " ms)%n",
        SEED,
        REQUESTS,
        refused,
        operations.size(),
        apiOperations,
        millis,
        snapshotNanos / 1_000_000);
    assertThat(failures).as("seed " + SEED).isEmpty();
    assertThat(REQUESTS).isGreaterThanOrEqualTo(5000);
    for (Operation operation : operations) {
      assertThat(calls.getOrDefault(operation.method() + " " + operation.path(), 0))
          .as(operation.path())
          .isPositive();
    }
  }

  /** A few events with open tasks at several levels and a case, so ids are real. */
  private void seedState() {
    for (String user : new String[] {"worker1", "worker3", "center1"}) {
      String grid = user.equals("worker3") ? "GS-V02-G01" : "GS-V01-G01";
      send(
          new Sent(
              "POST",
              "/api/events",
              user,
              "application/json",
              EngineRestErrorTests.HAZARD
                  .formatted(OffsetDateTime.now().minusHours(2))
                  .replace("GS-V01-G01", grid)));
    }
    send(
        new Sent(
            "POST",
            "/api/accountability/cases",
            "supervisor1",
            "application/json",
            "{\"subject\": \"worker1\", \"subjectRole\": \"GRID_WORKER\", \"clause\": \"第四条第一项\","
                + " \"facts\": \"逾期未办结\"}"));
  }

  private Ids ids() {
    return new Ids(
        column("select number from event order by id desc limit 30"),
        column("select ID_ from ACT_RU_TASK order by CREATE_TIME_ desc limit 40"),
        column("select id from accountability_case order by id desc limit 10"),
        column("select id from accountability_proposal order by id desc limit 10"),
        column("select id from notification order by id desc limit 20"),
        column("select id from appointment order by id desc limit 20"),
        column("select ID_ from ACT_RU_FILTER"),
        column("select ID_ from ACT_RE_PROCDEF"),
        column("select code from org_unit"));
  }

  private List<String> column(String sql) {
    return jdbc.queryForList(sql, Object.class).stream().map(String::valueOf).toList();
  }

  private String snapshotSql;

  /**
   * The state as one row, read by one statement: per updated table the count and a sum of a hash of
   * every row's columns (H2's ORA_HASH), per insert-only table the count, and the engine's figures.
   */
  private Map<String, String> snapshot() {
    if (snapshotSql == null) {
      List<String> parts = new ArrayList<>();
      for (String table : UPDATED_TABLES) {
        List<String> columns = new ArrayList<>();
        for (Map<String, Object> column :
            jdbc.queryForList(
                "select COLUMN_NAME, DATA_TYPE from INFORMATION_SCHEMA.COLUMNS"
                    + " where TABLE_NAME = ? order by ORDINAL_POSITION",
                table.toUpperCase())) {
          String name = "\"" + column.get("COLUMN_NAME") + "\"";
          columns.add(
              String.valueOf(column.get("DATA_TYPE")).contains("BINARY")
                      || "BLOB".equals(column.get("DATA_TYPE"))
                  ? "coalesce(rawtohex(" + name + "), '-')"
                  : "coalesce(cast(" + name + " as varchar), '-')");
        }
        parts.add(
            "(select count(*) || '/' || coalesce(sum(cast(ora_hash(concat_ws('|', "
                + String.join(", ", columns)
                + ")) as bigint)), 0) from "
                + table
                + ") as \""
                + table
                + "\"");
      }
      for (String table : INSERTED_TABLES) {
        parts.add("(select count(*) from " + table + ") as \"" + table + "\"");
      }
      snapshotSql = ENGINE_STATE + ", " + String.join(", ", parts);
    }
    long started = System.nanoTime();
    Map<String, String> state = new LinkedHashMap<>();
    jdbc.queryForMap(snapshotSql).forEach((key, value) -> state.put(key, String.valueOf(value)));
    snapshotNanos += System.nanoTime() - started;
    return state;
  }

  private long snapshotNanos;

  private static String difference(Map<String, String> before, Map<String, String> after) {
    List<String> changed = new ArrayList<>();
    after.forEach(
        (key, value) -> {
          if (!value.equals(before.get(key))) {
            changed.add(key + " " + before.get(key) + " → " + value);
          }
        });
    return changed.toString();
  }

  // ---- operations

  private static List<Operation> apiOperations(JsonNode docs) {
    List<Operation> operations = new ArrayList<>();
    JsonNode schemas = docs.path("components").path("schemas");
    for (Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : new String[] {"post", "put", "delete", "patch"}) {
        JsonNode operation = path.getValue().get(method);
        if (operation == null) {
          continue;
        }
        JsonNode content = operation.path("requestBody").path("content");
        boolean multipart = content.has("multipart/form-data");
        JsonNode schema =
            content.path(multipart ? "multipart/form-data" : "application/json").path("schema");
        operations.add(
            new Operation(
                method.toUpperCase(),
                path.getKey(),
                resolve(schema, schemas, 0),
                multipart,
                path.getKey().startsWith("/api/admin")));
      }
    }
    return operations;
  }

  /** The schema with every $ref replaced, so bodies can be built without the document. */
  private static JsonNode resolve(JsonNode schema, JsonNode schemas, int depth) {
    if (schema == null || schema.isMissingNode() || depth > 6) {
      return null;
    }
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      return resolve(schemas.get(name), schemas, depth + 1);
    }
    ObjectNode copy = schema.deepCopy();
    if (schema.has("properties")) {
      ObjectNode properties = JSON.createObjectNode();
      schema
          .get("properties")
          .fields()
          .forEachRemaining(
              e ->
                  properties.set(
                      e.getKey(),
                      Objects.requireNonNullElse(
                          resolve(e.getValue(), schemas, depth + 1), JSON.createObjectNode())));
      copy.set("properties", properties);
    }
    if (schema.has("items")) {
      copy.set(
          "items",
          Objects.requireNonNullElse(
              resolve(schema.get("items"), schemas, depth + 1), JSON.createObjectNode()));
    }
    return copy;
  }

  private static List<Operation> engineOperations() {
    List<Operation> operations = new ArrayList<>();
    for (String[] call :
        new String[][] {
          {"GET", "/engine-rest/task"},
          {"POST", "/engine-rest/task"},
          {"GET", "/engine-rest/task/{taskId}"},
          {"POST", "/engine-rest/task/{taskId}/claim"},
          {"POST", "/engine-rest/task/{taskId}/unclaim"},
          {"POST", "/engine-rest/task/{taskId}/complete"},
          {"POST", "/engine-rest/task/{taskId}/submit-form"},
          {"GET", "/engine-rest/task/{taskId}/form-variables"},
          {"POST", "/engine-rest/task/{taskId}/bpmnError"},
          {"POST", "/engine-rest/task/{taskId}/bpmnEscalation"},
          {"DELETE", "/engine-rest/task/{taskId}"},
          {"GET", "/engine-rest/filter"},
          {"POST", "/engine-rest/filter/{filterId}/list"},
          {"GET", "/engine-rest/filter/{filterId}/count"},
          {"GET", "/engine-rest/process-definition"},
          {"GET", "/engine-rest/process-definition/{definitionId}"},
          {"GET", "/engine-rest/user/{self}/profile"},
          {"GET", "/engine-rest/identity/groups"},
          {"POST", "/engine-rest/history/task"}
        }) {
      operations.add(new Operation(call[0], call[1], null, false, false));
    }
    return operations;
  }

  // ---- requests

  private Sent request(Operation operation) {
    String user = operation.admin() && random.nextInt(10) > 0 ? "admin" : pick(USERS);
    String path = fillPath(operation.path(), user);
    if (operation.path().equals("/engine-rest/task")) {
      path += "?" + randomQuery(user);
    } else if (operation.path().equals("/engine-rest/identity/groups")) {
      path += "?userId=" + (random.nextInt(4) == 0 ? pick(USERS) : user);
    }
    if (operation.method().equals("GET") && !operation.path().equals("/engine-rest/task")) {
      return new Sent("GET", path, user, null, null);
    }
    if (operation.multipart()) {
      return multipart(path, user);
    }
    String contentType = contentType();
    String body;
    if (operation.path().startsWith("/engine-rest")) {
      body = engineBody(operation.path());
    } else {
      body =
          operation.body() == null
              ? (random.nextBoolean() ? "" : "{}")
              : json(value(operation.body(), 0));
    }
    return new Sent(operation.method(), path, user, contentType, spoil(body));
  }

  private Sent multipart(String path, String user) {
    String boundary = "fuzz" + random.nextInt(1000);
    StringBuilder csv = new StringBuilder("单位编码,网格名称,姓名,身份证号,角色\n");
    for (int i = random.nextInt(4); i > 0; i--) {
      csv.append(text())
          .append(',')
          .append(text())
          .append(',')
          .append(text())
          .append(',')
          .append(text())
          .append(",GRID_WORKER\n");
    }
    String body =
        random.nextInt(4) == 0
            ? text()
            : "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"r."
                + (random.nextBoolean() ? "csv" : "xlsx")
                + "\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv
                + "\r\n--"
                + boundary
                + "--\r\n";
    return new Sent(
        "POST",
        path,
        user,
        random.nextInt(5) == 0
            ? "multipart/form-data"
            : "multipart/form-data; boundary=" + boundary,
        body);
  }

  private String fillPath(String template, String user) {
    StringBuilder path = new StringBuilder();
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
    while (m.find()) {
      m.appendReplacement(path, Matcher.quoteReplacement(pathValue(m.group(1), user)));
    }
    return m.appendTail(path).toString();
  }

  private String pathValue(String name, String user) {
    int dice = random.nextInt(10);
    if (dice == 0) {
      return pick(
          new String[] {
            "0",
            "-1",
            "99999999999999999999",
            "x",
            "%E4%B8%AD",
            "..",
            "a%20b",
            "null",
            "SJ-20000101-0001",
            "9".repeat(300)
          });
    }
    List<String> pool =
        switch (name) {
          case "number" -> ids.events();
          case "taskId" -> ids.tasks();
          case "filterId" -> ids.filters();
          case "definitionId" -> ids.definitions();
          case "code" -> ids.units();
          case "self" -> List.of(user);
          case "year" -> List.of("2026", "2027", "1999", "2101", "0");
          default -> {
            List<String> all = new ArrayList<>(ids.cases());
            all.addAll(ids.proposals());
            all.addAll(ids.notifications());
            all.addAll(ids.appointments());
            yield all;
          }
        };
    return pool.isEmpty()
        ? "1"
        : URLEncoder.encode(pool.get(random.nextInt(pool.size())), StandardCharsets.UTF_8);
  }

  private String randomQuery(String user) {
    String[] parts = {
      "assignee=" + user,
      "candidateUser=" + user,
      "maxResults=" + pick(new String[] {"5", "-1", "x", "99999999999"}),
      "sortBy=" + pick(new String[] {"dueDate", "nope", ""}),
      "sortOrder=" + pick(new String[] {"asc", "x"}),
      "processInstanceBusinessKey="
          + (ids.events().isEmpty() ? "x" : pick(ids.events().toArray(String[]::new))),
      "dueBefore=" + pick(new String[] {"2026-10-09T23:59:59.000%2B0800", "yesterday", "0"}),
      "candidateGroup=" + pick(new String[] {"GS-V01-G01", "GS", "%00"}),
      "priority=" + "9".repeat(random.nextInt(30) + 1)
    };
    StringBuilder query = new StringBuilder();
    for (int i = random.nextInt(4); i >= 0; i--) {
      query.append(query.isEmpty() ? "" : "&").append(pick(parts));
    }
    return query.toString();
  }

  private String engineBody(String path) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (path.endsWith("/claim")) {
      body.put(
          "userId", random.nextInt(3) == 0 ? pick(USERS) : random.nextBoolean() ? null : text());
    } else if (path.endsWith("/complete") || path.endsWith("/submit-form")) {
      body.put(random.nextInt(8) == 0 ? "localVariables" : "variables", variables());
      if (random.nextInt(4) == 0) {
        body.put("withVariablesInReturn", random.nextBoolean());
      }
    } else if (path.endsWith("/bpmnError")) {
      body.put("errorCode", pick(new String[] {"NOPE", "", "E1", text()}));
      body.put("variables", variables());
    } else if (path.endsWith("/bpmnEscalation")) {
      body.put("escalationCode", pick(new String[] {"NOPE", "", text()}));
    } else if (path.endsWith("/list")
        || path.equals("/engine-rest/task")
        || path.endsWith("/history/task")) {
      body.put("assignee", random.nextBoolean() ? pick(USERS) : text());
      if (random.nextBoolean()) {
        body.put("candidateGroups", List.of(text(), "GS-V01-G01"));
      }
      if (random.nextBoolean()) {
        body.put(
            "processVariables",
            List.of(
                map(
                    "name",
                    text(),
                    "operator",
                    pick(new String[] {"eq", "like", "nope"}),
                    "value",
                    scalar())));
      }
      if (random.nextBoolean()) {
        body.put(
            "sorting",
            List.of(Map.of("sortBy", pick(new String[] {"dueDate", "x"}), "sortOrder", "desc")));
      }
      if (random.nextInt(4) == 0) {
        body.put("priority", scalar());
      }
    }
    return json(body);
  }

  private Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = random.nextInt(5); i >= 0; i--) {
      Map<String, Object> variable = new LinkedHashMap<>();
      String name = pick(VARIABLE_NAMES);
      variable.put(
          "value",
          name.equals("outcome") && random.nextBoolean()
              ? pick(new String[] {"RESOLVE", "ESCALATE", "DISPATCH", "REFER_COUNTY", "BOGUS"})
              : name.equals("agreementForm") && random.nextBoolean()
                  ? pick(new String[] {"WRITTEN", "ORAL", "BOGUS"})
                  : scalar());
      if (random.nextInt(3) > 0) {
        variable.put("type", pick(VALUE_TYPES));
      }
      if (random.nextInt(6) == 0) {
        variable.put(
            "valueInfo",
            random.nextBoolean()
                ? Map.of("filename", text())
                : Map.of(
                    "objectTypeName",
                    text(),
                    "serializationDataFormat",
                    pick(
                        new String[] {
                          "application/json", "application/x-java-serialized-object", ""
                        })));
      }
      variables.put(name, random.nextInt(15) == 0 ? null : variable);
    }
    return variables;
  }

  /** A value for a schema: mostly fitting, often spoiled. */
  private Object value(JsonNode schema, int depth) {
    if (schema == null || depth > 5) {
      return scalar();
    }
    int dice = random.nextInt(12);
    if (dice == 0) {
      return null;
    }
    if (dice == 1) {
      return scalar();
    }
    if (schema.has("enum")) {
      List<String> values = new ArrayList<>();
      schema.get("enum").forEach(v -> values.add(v.asText()));
      return random.nextInt(4) == 0
          ? pick(new String[] {"BOGUS", "", "written", "ORAL "})
          : values.get(random.nextInt(values.size()));
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
    String format = schema.path("format").asText("");
    return switch (type) {
      case "object" -> {
        Map<String, Object> object = new LinkedHashMap<>();
        schema
            .path("properties")
            .fields()
            .forEachRemaining(
                e -> {
                  if (random.nextInt(6) > 0) {
                    object.put(e.getKey(), value(e.getValue(), depth + 1));
                  }
                });
        if (random.nextInt(10) == 0) {
          object.put("unknownField" + random.nextInt(3), text());
        }
        yield object;
      }
      case "array" -> {
        List<Object> items = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          items.add(value(schema.get("items"), depth + 1));
        }
        yield items;
      }
      case "integer", "number" ->
          pick(
              new Object[] {
                0,
                1,
                3,
                5,
                10,
                -1,
                100000,
                Integer.MAX_VALUE,
                Long.MAX_VALUE,
                1.5,
                new BigInteger("9".repeat(40))
              });
      case "boolean" -> random.nextInt(5) == 0 ? "yes" : random.nextBoolean();
      case "string" ->
          switch (format) {
            case "date-time" -> time();
            case "date" ->
                pick(
                    new Object[] {
                      "2026-10-09",
                      "2026-02-30",
                      "0000-01-01",
                      "2101-01-01",
                      "1999-12-31",
                      20261009,
                      "9999-12-31",
                      "2026-10-09T08:00:00+08:00"
                    });
            default -> text();
          };
      default -> scalar();
    };
  }

  private Object time() {
    return pick(
        new Object[] {
          OffsetDateTime.now().minusHours(random.nextInt(48)).toString(),
          OffsetDateTime.now().plusDays(2).toString(),
          "0000-01-01T00:00:00+08:00",
          "1999-12-31T23:59:59+08:00",
          "2101-01-01T00:00:00+08:00",
          "+999999999-12-31T23:59:59Z",
          2147483648L,
          0,
          "next tuesday",
          "2026-10-09T08:00:00",
          "2026-10-09T25:00:00+08:00",
          "2026-10-09T08:00:00+18:00"
        });
  }

  private Object scalar() {
    return switch (random.nextInt(9)) {
      case 0 -> null;
      case 1 -> random.nextInt(1000) - 500;
      case 2 -> new BigInteger("9".repeat(random.nextInt(60) + 1));
      case 3 -> random.nextBoolean();
      case 4 -> List.of(text());
      case 5 -> Map.of("k", text());
      default -> text();
    };
  }

  /**
   * Text: Chinese, ASCII, and now and then a control character, a lone surrogate, markup or a lot
   * of it.
   */
  private String text() {
    StringBuilder text = new StringBuilder();
    int length =
        switch (random.nextInt(20)) {
          case 0 -> 0;
          case 1 -> 4001 + random.nextInt(100);
          case 2 -> 201 + random.nextInt(50);
          default -> 1 + random.nextInt(12);
        };
    String alphabet = "网格事件上报纠纷调解村民路灯abcXYZ019 -_,:;!?#@/()'";
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    switch (random.nextInt(14)) {
      case 0 -> text.insert(random.nextInt(text.length() + 1), (char) random.nextInt(0x20));
      case 1 -> text.append('\ud800');
      case 2 -> text.insert(0, '\udc00');
      case 3 -> text.append("<img src=x onerror=alert(1)>");
      case 4 -> text.append("\u007f\u0085\u2028");
      default -> {}
    }
    return text.toString();
  }

  private String contentType() {
    return switch (random.nextInt(25)) {
      case 0 -> "*/*";
      case 1 -> "application/*";
      case 2 -> "multipart/form-data";
      case 3 -> "text/plain";
      case 4 -> "application/x-www-form-urlencoded";
      case 5 -> ";;;";
      case 6 -> null;
      case 7 -> "application/json; charset=ISO-8859-1";
      default -> "application/json";
    };
  }

  /** Now and then the body itself is broken. */
  private String spoil(String body) {
    return switch (random.nextInt(30)) {
      case 0 -> "null";
      case 1 -> "";
      case 2 -> "[]";
      case 3 -> "[".repeat(1100) + "]".repeat(1100);
      case 4 -> "{\"a\":" + "[".repeat(1001) + "]".repeat(1001) + "}";
      case 5 -> "{\"n\": " + "9".repeat(1000) + "}";
      case 6 -> body.length() > 2 ? body.substring(0, body.length() / 2) : "{";
      case 7 -> "\"" + text() + "\"";
      case 8 -> body.replace("\"", "'");
      default -> body;
    };
  }

  /** A map that may hold nulls (Map.of may not). */
  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private HttpResponse<String> send(Sent sent) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + sent.path()))
            .timeout(Duration.ofSeconds(60))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((sent.user() + ":demo").getBytes(StandardCharsets.UTF_8)));
    if (sent.contentType() != null) {
      builder.header("Content-Type", sent.contentType());
    }
    builder.method(
        sent.method(),
        sent.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(sent.body(), StandardCharsets.UTF_8));
    try {
      return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("no answer to " + sent, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
