package cn.gridcase.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.SpecialPersons;
import cn.gridcase.routine.Requirement;
import cn.gridcase.routine.ShortfallItem;
import cn.gridcase.routine.ShortfallPeriod;
import cn.gridcase.routine.ShortfallReport;
import cn.gridcase.routine.ShortfallUnit;
import cn.gridcase.routine.Shortfalls;
import cn.gridcase.routine.WorkRecord;
import cn.gridcase.routine.WorkRecordKind;
import cn.gridcase.routine.WorkRecords;
import cn.gridcase.test.GridCaseSpringTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo routine (S2, A4): a month for the three demo grid workers, loaded once. */
@GridCaseSpringTest
class DemoRoutineRecordsTests {

  @Autowired DemoRoutineRecords demo;
  @Autowired WorkRecords records;
  @Autowired Shortfalls shortfalls;
  @Autowired SpecialPersons specialPersons;
  @Autowired Organisation organisation;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName(
      "S2 A4 the demo grid workers have a month of routine up to yesterday: worker1 nearly"
          + " complete, worker3 in between, worker2 clearly short; special persons registered in"
          + " their grids, visited; a restart loads nothing again")
  void monthOfRoutine() {
    LocalDate today = organisation.today();
    LocalDate first = DemoRoutineRecords.first(today);
    assertThat(specialPersons.register("GS-V01-G01")).hasSizeGreaterThanOrEqualTo(3);
    Map<String, Integer> shorts = new HashMap<>();
    for (String worker : List.of("worker1", "worker2", "worker3")) {
      List<WorkRecord> month =
          records.list(
              new WorkRecords.ListQuery(worker, null, first, today.minusDays(1), null, 5000),
              worker);
      assertThat(month).as(worker).hasSizeGreaterThan(20);
      assertThat(month)
          .extracting(WorkRecord::kind)
          .as(worker + " has every kind")
          .contains(
              WorkRecordKind.CHECK_IN,
              WorkRecordKind.PATROL,
              WorkRecordKind.VISIT,
              WorkRecordKind.SCREENING,
              WorkRecordKind.INFO_ENTRY);
      int total = 0;
      // the ISO weeks that lie wholly in the demo month, each day and requirement of them
      for (LocalDate monday = first.with(DayOfWeek.MONDAY).plusWeeks(1);
          monday.plusDays(6).isBefore(today);
          monday = monday.plusWeeks(1)) {
        ShortfallReport week =
            shortfalls.of(worker, ShortfallPeriod.parse(ShortfallPeriod.weekKey(monday)));
        for (ShortfallItem item : week.items()) {
          total += item.units().stream().mapToInt(ShortfallUnit::shortBy).sum();
        }
      }
      shorts.put(worker, total);
    }
    assertThat(shorts.get("worker1")).as(shorts.toString()).isLessThan(shorts.get("worker3"));
    assertThat(shorts.get("worker3")).as(shorts.toString()).isLessThan(shorts.get("worker2"));
    ShortfallReport worker1 =
        shortfalls.of("worker1", ShortfallPeriod.parse(ShortfallPeriod.weekKey(first.plusDays(8))));
    assertThat(worker1.item(Requirement.SPECIAL_PERSON_VISIT).orElseThrow().units())
        .as("worker1 visits the registered persons")
        .anySatisfy(u -> assertThat(u.done()).isEqualTo(1));

    long before = count();
    demo.run(null);
    assertThat(count()).as("loaded once").isEqualTo(before);
    assertThat(demo.loaded(today)).isTrue();
  }

  private long count() {
    return jdbc.queryForObject("select count(*) from work_record", Long.class)
        + jdbc.queryForObject("select count(*) from special_person", Long.class);
  }
}
