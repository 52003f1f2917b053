package cn.gridcase.routine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.Events;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.SpecialPerson;
import cn.gridcase.organisation.SpecialPersonRequest;
import cn.gridcase.organisation.SpecialPersons;
import cn.gridcase.routine.WorkRecordRequest.CheckIn;
import cn.gridcase.routine.WorkRecordRequest.Diary;
import cn.gridcase.routine.WorkRecordRequest.InfoEntry;
import cn.gridcase.routine.WorkRecordRequest.Patrol;
import cn.gridcase.routine.WorkRecordRequest.Screening;
import cn.gridcase.routine.WorkRecordRequest.Visit;
import cn.gridcase.security.UserAccounts;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.ControlledClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shortfalls of a grid worker (rule S2 and A4's counts, items 1, 3, 5, 6) on the working-day
 * calendar: across National Day 2026 (1–7 October off, Saturday 10 October a make-up working day),
 * in a running period, for a worker appointed in the middle of one, in a year without a schedule,
 * and through HTTP with its scope.
 */
class ShortfallsTests extends ApiTestSupport {

  @Autowired ManagementService managementService;
  @Autowired Organisation organisation;
  @Autowired UserAccounts accounts;
  @Autowired WorkRecords records;
  @Autowired Shortfalls shortfalls;
  @Autowired SpecialPersons specialPersons;
  @Autowired Events events;

  private ControlledClock clock;
  private RoutineWorkers workers;

  @BeforeEach
  void clockAndWorkers() {
    clock = new ControlledClock(managementService);
    workers = new RoutineWorkers(organisation, accounts);
  }

  /** October 2026's working days (T1): 8, 9, Saturday 10, then the weeks of 12, 19 and 26. */
  static final List<String> OCTOBER_WORKING_DAYS =
      List.of(
          "2026-10-08",
          "2026-10-09",
          "2026-10-10",
          "2026-10-12",
          "2026-10-13",
          "2026-10-14",
          "2026-10-15",
          "2026-10-16",
          "2026-10-19",
          "2026-10-20",
          "2026-10-21",
          "2026-10-22",
          "2026-10-23",
          "2026-10-26",
          "2026-10-27",
          "2026-10-28",
          "2026-10-29",
          "2026-10-30");

  @Test
  @DisplayName(
      "S2 A4 the shortfalls of 2026-10 across National Day: the make-up Saturday 10 October is a"
          + " working day and 1-7 October are not; the ISO weeks that begin in October (W41-W44);"
          + " the day's patrols summed; a corrected and a withdrawn record count in their newest"
          + " version only; a reported event counts as an information entry; special persons due in"
          + " the weeks they were registered")
  void octoberAcrossNationalDay() {
    String grid = workers.worker("sf1", "GS-VSF1", GridType.RURAL);
    clock.set("2026-10-09T10:00");
    String event =
        events
            .report(
                new EventReport(
                    EventCategory.SERVICE,
                    grid,
                    "路灯不亮",
                    OffsetDateTime.parse("2026-10-09T08:00:00+08:00"),
                    "村口",
                    "村民",
                    "线路老化",
                    "巡查发现",
                    List.of(),
                    false),
                "sf1")
            .number();
    clock.set("2026-11-10T10:00");
    SpecialPerson stays = register(grid, "老李", "DISABLED", "L户", "2026-09-01");
    SpecialPerson newcomer = register(grid, "小周", "MIGRANT", "Z户", "2026-10-20");
    SpecialPerson leaver = register(grid, "老王", "ENTITLED", "W户", "2026-09-01");
    specialPersons.leave(grid, leaver.id(), LocalDate.parse("2026-10-09"), "迁出", "sf1");

    for (String day : OCTOBER_WORKING_DAYS) {
      if (!day.equals("2026-10-10") && !day.equals("2026-10-21")) {
        records.checkIn(new CheckIn(at(day, "08:30"), null, null, null, null, null), "sf1");
      }
      if (day.equals("2026-10-09")) {
        patrol(day, "09:00", "10:00");
        patrol(day, "14:00", "15:10");
      } else if (day.equals("2026-10-10")) {
        patrol(day, "09:00", "10:30");
      } else if (!day.equals("2026-10-12")) {
        patrol(day, "09:00", "11:00");
      }
    }
    records.checkIn(new CheckIn(at("2026-10-03", "09:00"), null, null, null, null, null), "sf1");

    diary("2026-10-08");
    long wrongDay = diary("2026-10-09");
    diary("2026-10-13");
    diary("2026-10-27");
    diary("2026-10-28");
    long extra = diary("2026-10-29");
    records.diary(new Diary(LocalDate.parse("2026-10-14"), "补记", null, wrongDay, "日期记错"), "sf1");
    records.withdraw(extra, "重复录入", "sf1");

    family("2026-10-08", "A1");
    family("2026-10-09", "A2");
    family("2026-10-13", "A3");
    family("2026-10-14", "A4");
    family("2026-10-20", "A5");
    family("2026-10-21", " A 5");
    family("2026-10-27", "A6");
    special("2026-10-08", stays);
    special("2026-10-13", stays);
    special("2026-10-27", stays);
    special("2026-10-28", newcomer);

    screening("2026-10-09");
    screening("2026-10-16");
    screening("2026-10-23");
    entry("2026-10-08");
    entry("2026-10-13");
    entry("2026-10-14");
    entry("2026-10-26");

    ShortfallReport report = shortfalls.of("sf1", ShortfallPeriod.parse("2026-10"));
    assertThat(report.running()).isFalse();
    assertThat(report.provisional()).isFalse();
    assertThat(report.items())
        .extracting(ShortfallItem::requirement)
        .containsExactly(Requirement.values());

    ShortfallItem checkIns = report.item(Requirement.CHECK_IN).orElseThrow();
    assertThat(checkIns.rule()).isEqualTo("S2");
    assertThat(checkIns.units()).extracting(ShortfallUnit::key).isEqualTo(OCTOBER_WORKING_DAYS);
    assertThat(checkIns.required()).isEqualTo(18);
    assertThat(checkIns.done()).isEqualTo(16);
    assertThat(checkIns.shortBy()).isEqualTo(2);
    assertThat(checkIns.dates()).containsExactly("2026-10-10", "2026-10-21");

    ShortfallItem patrols = report.item(Requirement.PATROL).orElseThrow();
    assertThat(patrols.dates()).containsExactly("2026-10-10", "2026-10-12");
    assertThat(unit(patrols, "2026-10-09").minutes()).as("two patrols summed").isEqualTo(130);
    assertThat(unit(patrols, "2026-10-09").recordIds()).hasSize(2);
    assertThat(unit(patrols, "2026-10-10").minutes()).isEqualTo(90);

    ShortfallItem diaries = report.item(Requirement.DIARY).orElseThrow();
    assertThat(diaries.rule()).isEqualTo("A4.6");
    assertThat(diaries.units())
        .extracting(ShortfallUnit::key)
        .containsExactly("2026-W41", "2026-W42", "2026-W43", "2026-W44");
    assertThat(diaries.required()).isEqualTo(8);
    assertThat(diaries.shortBy()).as("W41 one (its second moved to W42), W43 two").isEqualTo(3);
    assertThat(diaries.dates()).containsExactly("2026-W41", "2026-W43");
    assertThat(unit(diaries, "2026-W44").recordIds())
        .as("the withdrawn one not counted")
        .hasSize(2);
    assertThat(unit(diaries, "2026-W41").recordIds()).doesNotContain(wrongDay);

    ShortfallItem family = report.item(Requirement.FAMILY_VISIT).orElseThrow();
    assertThat(family.shortBy()).isEqualTo(1);
    assertThat(family.dates()).containsExactly("2026-W44");

    ShortfallItem special = report.item(Requirement.SPECIAL_PERSON_VISIT).orElseThrow();
    assertThat(special.rule()).isEqualTo("A4.5");
    assertThat(special.units())
        .extracting(u -> u.key() + " " + u.personName() + " " + u.shortBy())
        .containsExactly(
            "2026-W41 老李 0",
            "2026-W41 老王 1",
            "2026-W42 老李 0",
            "2026-W43 老李 1",
            "2026-W43 小周 1",
            "2026-W44 老李 0",
            "2026-W44 小周 0");
    assertThat(special.shortBy()).isEqualTo(3);

    ShortfallItem screenings = report.item(Requirement.SCREENING).orElseThrow();
    assertThat(screenings.rule()).isEqualTo("A4.3");
    assertThat(screenings.dates()).containsExactly("2026-W44");

    ShortfallItem entries = report.item(Requirement.INFO_ENTRY).orElseThrow();
    assertThat(entries.rule()).isEqualTo("A4.1");
    assertThat(unit(entries, "2026-W41").eventNumbers()).containsExactly(event);
    assertThat(unit(entries, "2026-W41").shortBy()).as("one entry and the event").isZero();
    assertThat(entries.dates()).containsExactly("2026-W43", "2026-W44");
    assertThat(entries.shortBy()).isEqualTo(3);

    ShortfallItem households = report.item(Requirement.HOUSEHOLDS).orElseThrow();
    assertThat(households.units()).extracting(ShortfallUnit::key).containsExactly("2026-10");
    assertThat(households.done()).as("A1-A6 (A5 twice), L户, Z户").isEqualTo(8);
    assertThat(households.shortBy()).isEqualTo(12);

    ShortfallReport week41 = shortfalls.of("sf1", ShortfallPeriod.parse("2026-W41"));
    assertThat(week41.item(Requirement.CHECK_IN).orElseThrow().units())
        .extracting(ShortfallUnit::key)
        .containsExactly("2026-10-08", "2026-10-09", "2026-10-10");
    assertThat(week41.item(Requirement.HOUSEHOLDS)).as("no month begins in a week").isEmpty();
    ShortfallReport quarter = shortfalls.quarter("sf1", 2026, 4);
    assertThat(quarter.item(Requirement.DIARY).orElseThrow().units())
        .as("W40 began in September: the quarter's first week is W41")
        .first()
        .extracting(ShortfallUnit::key)
        .isEqualTo("2026-W41");
  }

  @Test
  @DisplayName(
      "S2 A4 a running period counts the days up to today: today, this week and this month are"
          + " open (what is still to do, not yet a shortfall); an urban community grid needs 5"
          + " information entries a week")
  void runningPeriod() {
    String grid = workers.worker("sf2", "GS-VSF2", GridType.URBAN_COMMUNITY);
    clock.set("2026-11-18T10:00");
    records.checkIn(new CheckIn(null, null, null, null, null, null), "sf2");
    for (String day : List.of("2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12")) {
      records.infoEntry(new InfoEntry(grid, "人口", "登记", at(day, "10:00"), null, null), "sf2");
    }
    records.infoEntry(new InfoEntry(null, "房屋", "出租", null, null, null), "sf2");

    ShortfallReport report = shortfalls.of("sf2", ShortfallPeriod.parse("2026-11"));
    assertThat(report.running()).isTrue();
    assertThat(report.asOf()).isEqualTo(LocalDate.parse("2026-11-18"));
    ShortfallItem checkIns = report.item(Requirement.CHECK_IN).orElseThrow();
    assertThat(checkIns.units()).extracting(ShortfallUnit::key).last().isEqualTo("2026-11-17");
    assertThat(checkIns.required()).as("2-6, 9-13, 16-17 November").isEqualTo(12);
    assertThat(checkIns.open())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.key()).isEqualTo("2026-11-18");
              assertThat(u.done()).isEqualTo(1);
            });
    ShortfallItem entries = report.item(Requirement.INFO_ENTRY).orElseThrow();
    assertThat(entries.units())
        .extracting(u -> u.key() + " " + u.required() + " " + u.done())
        .containsExactly("2026-W45 5 0", "2026-W46 5 4");
    assertThat(entries.open())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.key()).isEqualTo("2026-W47");
              assertThat(u.shortBy()).as("本周还差 4 条").isEqualTo(4);
            });
    assertThat(entries.shortBy()).as("the open week is not short yet").isEqualTo(6);
    assertThat(report.item(Requirement.HOUSEHOLDS).orElseThrow().open())
        .singleElement()
        .extracting(ShortfallUnit::key)
        .isEqualTo("2026-11");
  }

  @Test
  @DisplayName(
      "S2 A4 the grid is the one held on the day: a worker appointed on Wednesday 14 October has"
          + " no shortfalls before it, neither for the week nor the month it began in")
  void appointedMidPeriod() {
    workers.appoint("sf3", "GS-V07-G02", AppointmentRole.GRID_WORKER, LocalDate.of(2026, 10, 14));
    clock.set("2026-11-10T10:00");
    ShortfallReport report = shortfalls.of("sf3", ShortfallPeriod.parse("2026-10"));
    assertThat(report.item(Requirement.CHECK_IN).orElseThrow().units())
        .extracting(ShortfallUnit::key)
        .first()
        .isEqualTo("2026-10-14");
    assertThat(report.item(Requirement.CHECK_IN).orElseThrow().shortBy()).isEqualTo(13);
    assertThat(report.item(Requirement.DIARY).orElseThrow().units())
        .extracting(ShortfallUnit::key)
        .containsExactly("2026-W43", "2026-W44");
    assertThat(report.item(Requirement.HOUSEHOLDS).orElseThrow().units()).isEmpty();
    assertThat(report.item(Requirement.INFO_ENTRY).orElseThrow().units())
        .allSatisfy(u -> assertThat(u.required()).as("a rural grid").isEqualTo(2));
  }

  @Test
  @DisplayName(
      "T3 S2 in a year without a loaded schedule working days are Monday to Friday and the answer"
          + " says it is provisional")
  void provisionalYear() {
    workers.worker("sf4", "GS-VSF4", GridType.RURAL);
    clock.set("2027-01-06T10:00");
    ShortfallReport report = shortfalls.of("sf4", ShortfallPeriod.parse("2027-W01"));
    assertThat(report.provisional()).isTrue();
    assertThat(report.provisionalYears()).containsExactly(2027);
    assertThat(report.item(Requirement.CHECK_IN).orElseThrow().dates())
        .containsExactly("2027-01-04", "2027-01-05");
  }

  @Test
  @DisplayName(
      "S2 GET /api/work/shortfalls/{username}: the API's shape for the grid worker and the"
          + " township center, 403 for another grid worker and an unknown user, 400 for an"
          + " unreadable period")
  void overHttp() {
    workers.worker("sf5", "GS-VSF5", GridType.RURAL);
    clock.set("2026-11-10T10:00");
    records.checkIn(new CheckIn(at("2026-11-09", "08:00"), null, null, null, null, null), "sf5");
    Reply own = api.as("sf5").get("/api/work/shortfalls/sf5?period=2026-W46");
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    JsonNode body = own.json();
    assertThat(body.get("username").asText()).isEqualTo("sf5");
    assertThat(body.get("period").asText()).isEqualTo("2026-W46");
    JsonNode checkIn = body.get("items").get(0);
    assertThat(checkIn.get("rule").asText()).isEqualTo("S2");
    assertThat(checkIn.get("requirement").asText()).isEqualTo("CHECK_IN");
    assertThat(checkIn.get("label").asText()).isEqualTo("每个工作日打卡");
    assertThat(checkIn.get("required").asInt()).isEqualTo(1);
    assertThat(checkIn.get("done").asInt()).isEqualTo(1);
    assertThat(checkIn.get("short").asInt()).isZero();
    assertThat(checkIn.get("dates")).isEmpty();
    assertThat(checkIn.get("open").get(0).get("key").asText()).isEqualTo("2026-11-10");
    JsonNode patrol = body.get("items").get(1);
    assertThat(patrol.get("dates").get(0).asText()).isEqualTo("2026-11-09");

    assertThat(api.as("center1").get("/api/work/shortfalls/sf5?period=2026-11").status())
        .isEqualTo(200);
    assertThat(api.as("worker1").get("/api/work/shortfalls/sf5?period=2026-11").status())
        .isEqualTo(403);
    assertThat(api.as("worker1").get("/api/work/shortfalls/nobody?period=2026-11").status())
        .isEqualTo(403);
    Reply bad = api.as("sf5").get("/api/work/shortfalls/sf5?period=2026-13");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get(0).get("code").asText()).isEqualTo("period");
    assertThat(api.as("sf5").get("/api/work/shortfalls/sf5?period=2026-W54").status())
        .isEqualTo(400);
  }

  private SpecialPerson register(
      String grid, String name, String group, String household, String on) {
    return specialPersons.register(
        grid, new SpecialPersonRequest(name, group, household, LocalDate.parse(on)), "sf1");
  }

  private void patrol(String day, String from, String to) {
    records.patrol(new Patrol(null, at(day, from), at(day, to), null, null, null, null), "sf1");
  }

  private long diary(String day) {
    return records.diary(new Diary(LocalDate.parse(day), "日志", null, null, null), "sf1").id();
  }

  private void family(String day, String household) {
    records.visit(
        new Visit(null, household, "FAMILY", null, at(day, "15:00"), null, null, null), "sf1");
  }

  private void special(String day, SpecialPerson person) {
    records.visit(
        new Visit(
            null, null, person.group().name(), person.id(), at(day, "16:00"), null, null, null),
        "sf1");
  }

  private void screening(String day) {
    records.screening(new Screening(null, LocalDate.parse(day), "未发现异常", null, null), "sf1");
  }

  private void entry(String day) {
    records.infoEntry(new InfoEntry(null, "人口", "登记", at(day, "11:00"), null, null), "sf1");
  }

  private static ShortfallUnit unit(ShortfallItem item, String key) {
    return item.units().stream().filter(u -> u.key().equals(key)).findFirst().orElseThrow();
  }

  private static OffsetDateTime at(String day, String time) {
    return ControlledClock.shanghai(day + "T" + time);
  }
}
