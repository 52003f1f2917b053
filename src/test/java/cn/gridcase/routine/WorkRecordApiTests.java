package cn.gridcase.routine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.security.UserAccounts;
import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.ControlledClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The work records through HTTP with real logins (rules S2, A4): each kind recorded and listed,
 * every problem of a refused record named, the patrol started and stopped on the phone, corrections
 * and withdrawals that keep the old record, and the scope of the lists.
 */
class WorkRecordApiTests extends ApiTestSupport {

  /** Wednesday 2026-11-18, 16:00 in Beijing. */
  static final String NOW = "2026-11-18T16:00";

  @Autowired ManagementService managementService;
  @Autowired Organisation organisation;
  @Autowired UserAccounts accounts;

  private RoutineWorkers workers;

  @BeforeEach
  void clockAndWorkers() {
    new ControlledClock(managementService).set(NOW);
    workers = new RoutineWorkers(organisation, accounts);
  }

  @Test
  @DisplayName(
      "S2 A4 a grid worker checks in, patrols, visits a family and a registered special person,"
          + " writes a diary, screens and enters information: 201 each, listed by person, period"
          + " and kind")
  void recordsEveryKind() {
    String grid = workers.worker("wr1", "GS-VWR1", GridType.RURAL);
    ApiClient wr1 = api.as("wr1");

    Reply checkIn =
        wr1.post(
            "/api/work/check-ins",
            "{\"at\": \"2026-11-18T08:31:00+08:00\", \"latitude\": 28.9012345,"
                + " \"longitude\": 118.8765432}");
    assertThat(checkIn.status()).as(checkIn.toString()).isEqualTo(201);
    assertThat(checkIn.location()).isEqualTo("/api/work/records/" + checkIn.json().get("id"));
    assertThat(checkIn.json().get("kind").asText()).isEqualTo("CHECK_IN");
    assertThat(checkIn.json().get("kindLabel").asText()).isEqualTo("打卡");
    assertThat(checkIn.json().get("gridCode").asText()).as("the worker's one grid").isEqualTo(grid);
    assertThat(checkIn.json().get("date").asText()).isEqualTo("2026-11-18");
    assertThat(checkIn.json().get("latitude").decimalValue()).isEqualByComparingTo("28.901235");

    Reply patrol =
        wr1.post(
            "/api/work/patrols",
            "{\"gridCode\": \""
                + grid
                + "\", \"startedAt\": \"2026-11-18T09:00:00+08:00\","
                + " \"endedAt\": \"2026-11-18T11:15:00+08:00\", \"note\": \"沿河堤巡查\","
                + " \"track\": [{\"at\": \"2026-11-18T10:00:00+08:00\", \"latitude\": 28.90,"
                + " \"longitude\": 118.87}, {\"at\": \"2026-11-18T09:30:00+08:00\","
                + " \"latitude\": 28.91, \"longitude\": 118.88}]}");
    assertThat(patrol.status()).as(patrol.toString()).isEqualTo(201);
    assertThat(patrol.json().get("minutes").asInt()).isEqualTo(135);
    assertThat(patrol.json().get("text").asText()).isEqualTo("沿河堤巡查");
    assertThat(patrol.json().get("track").findValuesAsText("at"))
        .as("the track in time order")
        .containsExactly("2026-11-18T09:30:00+08:00", "2026-11-18T10:00:00+08:00");

    Reply person =
        api.as("wr1")
            .post(
                "/api/grids/" + grid + "/special-persons",
                "{\"name\": \"周建国\", \"group\": \"DISABLED\", \"household\": \"2组7号\","
                    + " \"registeredOn\": \"2026-11-02\"}");
    assertThat(person.status()).as(person.toString()).isEqualTo(201);
    long personId = person.json().get("id").asLong();

    Reply family =
        wr1.post(
            "/api/work/visits",
            "{\"household\": \"3组12号 王某家\", \"group\": \"FAMILY\", \"note\": \"了解用水情况\"}");
    assertThat(family.status()).as(family.toString()).isEqualTo(201);
    assertThat(family.json().get("groupLabel").asText()).isEqualTo("家庭");
    assertThat(family.json().get("at").asText()).as("now").isEqualTo("2026-11-18T16:00:00+08:00");

    Reply special =
        wr1.post(
            "/api/work/visits",
            "{\"group\": \"DISABLED\", \"personId\": "
                + personId
                + ", \"visitedAt\": \"2026-11-18T14:00:00+08:00\"}");
    assertThat(special.status()).as(special.toString()).isEqualTo(201);
    assertThat(special.json().get("household").asText())
        .as("the registered household when none is given")
        .isEqualTo("2组7号");
    assertThat(special.json().get("personName").asText()).isEqualTo("周建国");

    assertThat(wr1.post("/api/work/diaries", "{\"text\": \"走访三户，群众反映路灯不亮\"}").status())
        .isEqualTo(201);
    assertThat(
            wr1.post("/api/work/screenings", "{\"date\": \"2026-11-17\", \"findings\": \"未发现异常\"}")
                .status())
        .isEqualTo(201);
    Reply entry =
        wr1.post("/api/work/info-entries", "{\"kind\": \"人口信息\", \"text\": \"新迁入一户三人，已登记\"}");
    assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
    assertThat(entry.json().get("infoKind").asText()).isEqualTo("人口信息");

    JsonNode all = wr1.get("/api/work/records?from=2026-11-01&to=2026-11-30").json();
    assertThat(all.get("items").findValuesAsText("kind"))
        .containsExactlyInAnyOrder(
            "CHECK_IN", "PATROL", "VISIT", "VISIT", "DIARY", "SCREENING", "INFO_ENTRY");
    assertThat(all.get("items").get(all.get("total").asInt() - 1).get("date").asText())
        .as("newest first")
        .isEqualTo("2026-11-17");
    assertThat(wr1.get("/api/work/records?kind=VISIT").json().get("items")).hasSize(2);
    assertThat(
            wr1.get("/api/work/records?from=2026-11-18&to=2026-11-18&kind=SCREENING")
                .json()
                .get("items"))
        .as("the screening was dated the day before")
        .isEmpty();
    Reply one = wr1.get("/api/work/records/" + patrol.json().get("id"));
    assertThat(one.json().get("track")).hasSize(2);
  }

  @Test
  @DisplayName(
      "S2 a patrol that ends before it starts, ends or starts in the future, has a track point"
          + " outside its time and is in another's grid is refused naming every problem"
          + " (S2.patrolEnd, S2.patrolStart, S2.track, S2.grid); nothing is stored")
  void refusedPatrols() {
    workers.worker("wr2", "GS-VWR2", GridType.RURAL);
    ApiClient wr2 = api.as("wr2");
    Reply refused =
        wr2.post(
            "/api/work/patrols",
            "{\"gridCode\": \"GS-V01-G01\", \"startedAt\": \"2026-11-18T09:00:00+08:00\","
                + " \"endedAt\": \"2026-11-18T18:00:00+08:00\", \"track\": [{\"at\":"
                + " \"2026-11-18T08:00:00+08:00\", \"latitude\": 28.9, \"longitude\": 118.8},"
                + " {\"at\": \"2026-11-18T10:00:00+08:00\", \"latitude\": 95, \"longitude\":"
                + " 118.8}]}");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(codes(refused))
        .containsExactlyInAnyOrder("S2.patrolEnd", "S2.grid", "S2.track", "S2.position");
    assertThat(fields(refused)).contains("endedAt", "gridCode", "track[0].at", "track[1].latitude");
    assertThat(messages(refused))
        .anyMatch(m -> m.contains("不在巡查时间（2026-11-18 09:00 至 2026-11-18 18:00）内"));

    Reply backwards =
        wr2.post(
            "/api/work/patrols",
            "{\"startedAt\": \"2026-11-18T11:00:00+08:00\", \"endedAt\":"
                + " \"2026-11-18T09:00:00+08:00\"}");
    assertThat(codes(backwards)).containsExactly("S2.patrolEnd");
    assertThat(messages(backwards)).anyMatch(m -> m.contains("须晚于开始时间"));

    Reply future =
        wr2.post(
            "/api/work/patrols",
            "{\"startedAt\": \"2026-11-18T17:00:00+08:00\", \"endedAt\":"
                + " \"2026-11-18T19:00:00+08:00\"}");
    assertThat(codes(future)).containsExactlyInAnyOrder("S2.patrolStart", "S2.patrolEnd");
    assertThat(messages(future)).anyMatch(m -> m.contains("不能晚于现在"));

    Reply missing = wr2.post("/api/work/patrols", "{}");
    assertThat(codes(missing)).containsExactlyInAnyOrder("S2.patrolStart", "S2.patrolEnd");

    Reply tooLong =
        wr2.post(
            "/api/work/patrols",
            "{\"startedAt\": \"2026-11-17T06:00:00+08:00\", \"endedAt\":"
                + " \"2026-11-17T19:00:00+08:00\"}");
    assertThat(codes(tooLong)).containsExactly("S2.patrolEnd");

    Reply first =
        wr2.post(
            "/api/work/patrols",
            "{\"startedAt\": \"2026-11-17T08:00:00+08:00\", \"endedAt\":"
                + " \"2026-11-17T10:00:00+08:00\"}");
    assertThat(first.status()).isEqualTo(201);
    Reply overlapping =
        wr2.post(
            "/api/work/patrols",
            "{\"startedAt\": \"2026-11-17T09:30:00+08:00\", \"endedAt\":"
                + " \"2026-11-17T11:00:00+08:00\"}");
    assertThat(codes(overlapping)).containsExactly("S2.patrolOverlap");
    assertThat(wr2.get("/api/work/records?kind=PATROL").json().get("items"))
        .as("only the one accepted")
        .hasSize(1);

    Reply checkIn = wr2.post("/api/work/check-ins", "{\"at\": \"2026-11-19T08:00:00+08:00\"}");
    assertThat(codes(checkIn)).containsExactly("S2.checkInAt");
  }

  @Test
  @DisplayName(
      "A4 a visit to a person not on the grid's register, or registered in another group, a visit"
          + " without household, an unknown group, a blank diary, blank findings and a blank"
          + " information entry are refused naming every problem")
  void refusedVisitsAndTexts() {
    String grid = workers.worker("wr3", "GS-VWR3", GridType.RURAL);
    String otherGrid = workers.worker("wr3b", "GS-VWR3B", GridType.RURAL);
    ApiClient wr3 = api.as("wr3");
    long here =
        wr3.post(
                "/api/grids/" + grid + "/special-persons",
                "{\"name\": \"钱小梅\", \"group\": \"SINGLE_MOTHER\", \"household\": \"5组3号\","
                    + " \"registeredOn\": \"2026-11-01\"}")
            .json()
            .get("id")
            .asLong();
    long elsewhere =
        api.as("wr3b")
            .post(
                "/api/grids/" + otherGrid + "/special-persons",
                "{\"name\": \"孙大力\", \"group\": \"RELEASED_PRISONER\"}")
            .json()
            .get("id")
            .asLong();

    Reply wrongGroup =
        wr3.post("/api/work/visits", "{\"group\": \"DISABLED\", \"personId\": " + here + "}");
    assertThat(codes(wrongGroup)).containsExactly("A4.personGroup");

    Reply otherGrids =
        wr3.post(
            "/api/work/visits",
            "{\"group\": \"RELEASED_PRISONER\", \"personId\": " + elsewhere + "}");
    assertThat(codes(otherGrids)).containsExactlyInAnyOrder("A4.person", "A4.household");
    assertThat(messages(otherGrids)).anyMatch(m -> m.contains("不在网格 " + grid));

    Reply unknown = wr3.post("/api/work/visits", "{\"group\": \"VIP\", \"household\": \" \"}");
    assertThat(codes(unknown)).containsExactlyInAnyOrder("A4.group", "A4.household");
    assertThat(messages(unknown)).anyMatch(m -> m.contains("FAMILY 家庭"));

    Reply noPerson =
        wr3.post("/api/work/visits", "{\"group\": \"MIGRANT\", \"household\": \"1号\"}");
    assertThat(codes(noPerson)).containsExactly("A4.person");

    Reply leftRegister =
        wr3.post(
            "/api/grids/" + grid + "/special-persons/" + here + "/leave",
            "{\"leftOn\": \"2026-11-10\", \"reason\": \"迁出本村\"}");
    assertThat(leftRegister.status()).as(leftRegister.toString()).isEqualTo(200);
    Reply afterLeaving =
        wr3.post("/api/work/visits", "{\"group\": \"SINGLE_MOTHER\", \"personId\": " + here + "}");
    assertThat(codes(afterLeaving)).as("no longer registered on the day").contains("A4.person");
    Reply beforeLeaving =
        wr3.post(
            "/api/work/visits",
            "{\"group\": \"SINGLE_MOTHER\", \"personId\": "
                + here
                + ", \"visitedAt\": \"2026-11-09T10:00:00+08:00\"}");
    assertThat(beforeLeaving.status()).as("registered on that day").isEqualTo(201);

    Reply diary = wr3.post("/api/work/diaries", "{\"text\": \"  \", \"date\": \"2026-11-19\"}");
    assertThat(codes(diary)).containsExactlyInAnyOrder("A4.diaryText", "A4.diaryDate");
    Reply screening = wr3.post("/api/work/screenings", "{\"gridCode\": \"" + otherGrid + "\"}");
    assertThat(codes(screening)).containsExactlyInAnyOrder("A4.findings", "S2.grid");
    Reply entry = wr3.post("/api/work/info-entries", "{}");
    assertThat(codes(entry)).containsExactlyInAnyOrder("A4.infoKind", "A4.infoText");
  }

  @Test
  @DisplayName(
      "S2 start and stop a patrol on the phone: one open patrol per worker (409), the end answers"
          + " the minutes, a track point outside the patrol refused; ending twice is 409")
  void startAndStop() {
    workers.worker("wr4", "GS-VWR4", GridType.RURAL);
    ControlledClock clock = new ControlledClock(managementService);
    clock.set("2026-11-18T09:00");
    ApiClient wr4 = api.as("wr4");
    Reply started =
        wr4.post("/api/work/patrols/start", "{\"latitude\": 28.9, \"longitude\": 118.8}");
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    assertThat(started.json().get("open").asBoolean()).isTrue();
    assertThat(started.json().get("at").asText()).isEqualTo("2026-11-18T09:00:00+08:00");
    long id = started.json().get("id").asLong();
    assertThat(wr4.post("/api/work/patrols/start", "{}").status()).isEqualTo(409);
    assertThat(wr4.get("/api/work/patrols/open").json().get("id").asLong()).isEqualTo(id);
    assertThat(api.as("worker1").post("/api/work/patrols/" + id + "/end", "{}").status())
        .as("another worker's patrol")
        .isEqualTo(404);

    clock.set("2026-11-18T11:05");
    Reply outside =
        wr4.post(
            "/api/work/patrols/" + id + "/end",
            "{\"track\": [{\"at\": \"2026-11-18T08:00:00+08:00\", \"latitude\": 28.9,"
                + " \"longitude\": 118.8}]}");
    assertThat(codes(outside)).containsExactly("S2.track");
    Reply ended =
        wr4.post(
            "/api/work/patrols/" + id + "/end",
            "{\"note\": \"村道巡查\", \"track\": [{\"at\": \"2026-11-18T10:00:00+08:00\","
                + " \"latitude\": 28.9, \"longitude\": 118.8}]}");
    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
    assertThat(ended.json().get("minutes").asInt()).isEqualTo(125);
    assertThat(ended.json().get("open").asBoolean()).isFalse();
    assertThat(ended.json().get("text").asText()).isEqualTo("村道巡查");
    assertThat(ended.json().get("track")).hasSize(1);
    assertThat(wr4.post("/api/work/patrols/" + id + "/end", "{}").status()).isEqualTo(409);
    assertThat(wr4.get("/api/work/patrols/open").status()).isEqualTo(404);
    assertThat(wr4.post("/api/work/patrols/start", "{}").status())
        .as("a new patrol may start once the last one ended")
        .isEqualTo(201);
  }

  @Test
  @DisplayName(
      "S2 a correction is a new record pointing at the old one with its reason: the old one stays"
          + " listed, marked corrected; it cannot be corrected twice, nor by another kind; a"
          + " withdrawal keeps the record too")
  void corrections() {
    workers.worker("wr5", "GS-VWR5", GridType.RURAL);
    ApiClient wr5 = api.as("wr5");
    long wrong =
        wr5.post("/api/work/diaries", "{\"date\": \"2026-11-16\", \"text\": \"写错的日志\"}")
            .json()
            .get("id")
            .asLong();
    Reply noReason =
        wr5.post(
            "/api/work/diaries",
            "{\"date\": \"2026-11-16\", \"text\": \"更正后的日志\", \"corrects\": " + wrong + "}");
    assertThat(codes(noReason)).containsExactly("S2.correctionReason");
    Reply corrected =
        wr5.post(
            "/api/work/diaries",
            "{\"date\": \"2026-11-16\", \"text\": \"更正后的日志\", \"corrects\": "
                + wrong
                + ", \"correctionReason\": \"内容写错了户名\"}");
    assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
    assertThat(corrected.json().get("corrects").asLong()).isEqualTo(wrong);
    assertThat(corrected.json().get("correctionReason").asText()).isEqualTo("内容写错了户名");

    JsonNode old = wr5.get("/api/work/records/" + wrong).json();
    assertThat(old.get("corrected").asBoolean()).isTrue();
    assertThat(old.get("correctedBy").asLong()).isEqualTo(corrected.json().get("id").asLong());
    assertThat(old.get("text").asText()).as("kept as written").isEqualTo("写错的日志");
    assertThat(wr5.get("/api/work/records?kind=DIARY").json().get("items")).hasSize(2);

    Reply twice =
        wr5.post(
            "/api/work/diaries",
            "{\"text\": \"再次更正\", \"corrects\": " + wrong + ", \"correctionReason\": \"再改\"}");
    assertThat(codes(twice)).containsExactly("S2.corrects");
    assertThat(messages(twice)).anyMatch(m -> m.contains("请更正最新的记录"));
    Reply otherKind =
        wr5.post(
            "/api/work/screenings",
            "{\"findings\": \"无\", \"corrects\": "
                + corrected.json().get("id")
                + ", \"correctionReason\": \"改\"}");
    assertThat(codes(otherKind)).containsExactly("S2.corrects");
    Reply notMine =
        api.as("worker1")
            .post(
                "/api/work/diaries",
                "{\"text\": \"x\", \"corrects\": " + wrong + ", \"correctionReason\": \"改\"}");
    assertThat(codes(notMine)).containsExactly("S2.corrects");

    long mistaken =
        wr5.post("/api/work/info-entries", "{\"kind\": \"房屋\", \"text\": \"误录\"}")
            .json()
            .get("id")
            .asLong();
    Reply noWhy = wr5.post("/api/work/records/" + mistaken + "/withdrawal", "{}");
    assertThat(codes(noWhy)).as(noWhy.toString()).containsExactly("S2.correctionReason");
    Reply withdrawal =
        wr5.post("/api/work/records/" + mistaken + "/withdrawal", "{\"reason\": \"录入错误\"}");
    assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(201);
    assertThat(withdrawal.json().get("kind").asText()).isEqualTo("WITHDRAWAL");
    assertThat(wr5.get("/api/work/records/" + mistaken).json().get("corrected").asBoolean())
        .isTrue();
    assertThat(
            wr5.post("/api/work/records/" + mistaken + "/withdrawal", "{\"reason\": \"再撤\"}")
                .status())
        .isEqualTo(422);
  }

  @Test
  @DisplayName(
      "S2 scope: a grid worker lists their own records; another grid worker gets 403 for them,"
          + " the village's grid leader and the township center read them; a user who is no grid"
          + " worker cannot record (403)")
  void scope() {
    String grid = workers.worker("wr6", "GS-VWR6", GridType.RURAL);
    workers.appoint("wr6leader", "GS-VWR6", AppointmentRole.GRID_LEADER, RoutineWorkers.APPOINTED);
    assertThat(api.as("wr6").post("/api/work/check-ins", "{}").status()).isEqualTo(201);

    assertThat(api.as("wr6").get("/api/work/records").json().get("items")).hasSize(1);
    assertThat(api.as("worker1").get("/api/work/records?username=wr6").status()).isEqualTo(403);
    assertThat(api.as("worker1").get("/api/work/records?username=nobody").status()).isEqualTo(403);
    assertThat(api.as("leader1").get("/api/work/records?username=wr6").status())
        .as("leader of another village")
        .isEqualTo(403);
    assertThat(api.as("wr6leader").get("/api/work/records?username=wr6").json().get("items"))
        .hasSize(1);
    assertThat(api.as("center1").get("/api/work/records?username=wr6").json().get("items"))
        .hasSize(1);
    JsonNode village = api.as("wr6leader").get("/api/work/records").json();
    assertThat(village.get("items").findValuesAsText("gridCode")).containsOnly(grid);
    assertThat(api.as("worker1").get("/api/work/records?gridCode=" + grid).status()).isEqualTo(403);
    long id = api.as("wr6").get("/api/work/records").json().get("items").get(0).get("id").asLong();
    assertThat(api.as("worker1").get("/api/work/records/" + id).status()).isEqualTo(404);
    assertThat(api.as("wr6leader").get("/api/work/records/" + id).status()).isEqualTo(200);

    Reply notWorker = api.as("center1").post("/api/work/check-ins", "{}");
    assertThat(notWorker.status()).isEqualTo(403);
    assertThat(notWorker.isProblem()).isTrue();
    assertThat(api.as("wr6leader").post("/api/work/diaries", "{\"text\": \"x\"}").status())
        .isEqualTo(403);
    assertThat(api.as("wr6").get("/api/work/records?from=2026-11-20&to=2026-11-01").status())
        .isEqualTo(400);
    assertThat(api.as("wr6").get("/api/work/records?kind=NAP").status()).isEqualTo(400);
  }

  @Test
  @DisplayName(
      "S2 scope: a former grid worker lists only their own records of the grid they left, not"
          + " their successor's (403 for the successor's by name)")
  void formerGridWorker() {
    String grid = workers.worker("wr7", "GS-VWR7", GridType.RURAL);
    Reply diary =
        api.as("wr7").post("/api/work/diaries", "{\"date\": \"2026-03-02\", \"text\": \"走访情况\"}");
    assertThat(diary.status()).as(diary.toString()).isEqualTo(201);
    long appointment =
        organisation.appointmentsOf("wr7").stream()
            .filter(a -> a.unitCode().equals(grid))
            .findFirst()
            .orElseThrow()
            .id();
    organisation.endAppointment(appointment, LocalDate.of(2026, 6, 30), "调任");
    workers.appoint("wr7b", grid, AppointmentRole.GRID_WORKER, LocalDate.of(2026, 7, 1));
    assertThat(api.as("wr7b").post("/api/work/check-ins", "{}").status()).isEqualTo(201);

    Reply own = api.as("wr7").get("/api/work/records?gridCode=" + grid + "&from=2026-01-01");
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(own.json().get("items").findValuesAsText("username")).containsExactly("wr7");
    assertThat(
            api.as("wr7")
                .get("/api/work/records?gridCode=" + grid + "&username=wr7b&from=2026-01-01")
                .status())
        .isEqualTo(403);
  }

  static List<String> codes(Reply reply) {
    return values(reply, "code");
  }

  static List<String> fields(Reply reply) {
    return values(reply, "field");
  }

  static List<String> messages(Reply reply) {
    return values(reply, "message");
  }

  private static List<String> values(Reply reply, String name) {
    assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    List<String> values = new ArrayList<>();
    reply.json().get("errors").forEach(e -> values.add(e.get(name).asText()));
    return values;
  }
}
