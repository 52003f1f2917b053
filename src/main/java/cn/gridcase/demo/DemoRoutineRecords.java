package cn.gridcase.demo;

import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.SpecialPerson;
import cn.gridcase.organisation.SpecialPersonRequest;
import cn.gridcase.organisation.SpecialPersons;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.WorkRecordRequest.CheckIn;
import cn.gridcase.routine.WorkRecordRequest.Diary;
import cn.gridcase.routine.WorkRecordRequest.InfoEntry;
import cn.gridcase.routine.WorkRecordRequest.Patrol;
import cn.gridcase.routine.WorkRecordRequest.Screening;
import cn.gridcase.routine.WorkRecordRequest.TrackPoint;
import cn.gridcase.routine.WorkRecordRequest.Visit;
import cn.gridcase.routine.WorkRecords;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A month of plausible routine (S2, A4) for the demo grid workers, up to yesterday of the demo's
 * today (today is left for trying the buttons): worker1 nearly complete, worker3 in between,
 * worker2 clearly short; special-group persons registered in their grids, most of them visited.
 * Recorded through {@link WorkRecords}, as the workers would, so every rule holds. Loaded once
 * after {@link DemoData}: a restart that finds worker1's records leaves everything as it is.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "gridcase.demo.data", havingValue = "true")
@Order(20)
class DemoRoutineRecords implements ApplicationRunner {

  /** How many days before today the demo routine begins. */
  static final int DAYS = 30;

  private static final Logger log = LoggerFactory.getLogger(DemoRoutineRecords.class);

  /** How diligent a demo worker is: the chance of each habit on a day it applies to. */
  record Habit(
      String username,
      String grid,
      String village,
      double checkIn,
      int patrolMinutes,
      int patrolSpread,
      boolean twoPatrols,
      double diary,
      double family,
      double secondFamily,
      double special,
      double screening,
      double entry) {}

  static final List<Habit> HABITS =
      List.of(
          new Habit(
              "worker1", "GS-V01-G01", "古山村", 0.97, 140, 40, true, 1.0, 0.9, 0.5, 0.95, 1.0, 0.97),
          new Habit(
              "worker3", "GS-V02-G01", "新塘村", 0.9, 105, 60, false, 0.7, 0.5, 0.0, 0.7, 0.75, 0.7),
          new Habit(
              "worker2", "GS-V01-G02", "古山村", 0.6, 60, 45, false, 0.3, 0.15, 0.0, 0.3, 0.4, 0.35));

  /** The special-group persons of the demo grids: grid, name, group, household. */
  static final List<String[]> PERSONS =
      List.of(
          new String[] {"GS-V01-G01", "周建国", "DISABLED", "古山村2组7号"},
          new String[] {"GS-V01-G01", "孙大力", "RELEASED_PRISONER", "古山村5组1号"},
          new String[] {"GS-V01-G01", "钱小梅", "SINGLE_MOTHER", "古山村3组9号"},
          new String[] {"GS-V01-G02", "吴德厚", "POOR_PARTY_MEMBER", "古山村7组2号"},
          new String[] {"GS-V01-G02", "郑秀兰", "ENTITLED", "古山村8组15号"},
          new String[] {"GS-V02-G01", "冯海", "COMMUNITY_CORRECTION", "新塘村1组4号"},
          new String[] {"GS-V02-G01", "陈阿花", "MIGRANT", "新塘村4组22号"});

  private static final String[] DIARIES = {
    "走访中群众反映村道路灯不亮，已记录并报村里。",
    "协助村里开展垃圾分类宣传，发放资料30份。",
    "参加镇综治中心网格员例会，学习信息采集要求。",
    "调解两户邻里因排水沟引起的口角，双方已和解。",
    "巡查河道，提醒钓鱼群众注意安全。"
  };
  private static final String[] FINDINGS = {
    "未发现不稳定因素。", "发现一处出租房消防通道堆放杂物，已当场督促清理。", "排查矛盾纠纷2起，均已化解。"
  };
  private static final String[][] ENTRIES = {
    {"人口信息", "新迁入一户三口，已登记"},
    {"房屋信息", "出租房一处更换租户，已更新"},
    {"单位信息", "新开一家小超市，已采集"},
    {"人口信息", "一户老人去世，已注销"},
    {"重点人员", "流动人员一名已离开本村"}
  };

  private final WorkRecords records;
  private final SpecialPersons specialPersons;
  private final Organisation organisation;
  private final WorkingDays workingDays;
  private final TransactionTemplate transaction;
  private final boolean enabled;

  DemoRoutineRecords(
      WorkRecords records,
      SpecialPersons specialPersons,
      Organisation organisation,
      WorkingDays workingDays,
      TransactionTemplate transaction,
      @Value("${gridcase.demo.sample-routine:true}") boolean enabled) {
    this.records = records;
    this.specialPersons = specialPersons;
    this.organisation = organisation;
    this.workingDays = workingDays;
    this.transaction = transaction;
    this.enabled = enabled;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled) {
      return;
    }
    LocalDate today = organisation.today();
    if (loaded(today)) {
      log.info("Demo routine records already loaded");
      return;
    }
    int count = transaction.execute(status -> load(today));
    log.info(
        "Demo routine loaded: {} records of worker1, worker2, worker3 since {}",
        count,
        first(today));
  }

  /** The first day of the demo routine. */
  static LocalDate first(LocalDate today) {
    return today.minusDays(DAYS);
  }

  boolean loaded(LocalDate today) {
    return !records
        .list(
            new WorkRecords.ListQuery("worker1", null, today.minusDays(365), today, null, 1),
            "worker1")
        .isEmpty();
  }

  private int load(LocalDate today) {
    LocalDate registered = first(today).minusDays(30);
    List<SpecialPerson> persons = new ArrayList<>();
    for (String[] p : PERSONS) {
      String keeper =
          HABITS.stream().filter(h -> h.grid().equals(p[0])).findFirst().orElseThrow().username();
      persons.add(
          specialPersons.register(
              p[0], new SpecialPersonRequest(p[1], p[2], p[3], registered), keeper));
    }
    int count = 0;
    for (Habit habit : HABITS) {
      count += routine(habit, today, persons);
    }
    return count;
  }

  /** One worker's month, day by day. */
  private int routine(Habit h, LocalDate today, List<SpecialPerson> persons) {
    int count = 0;
    int household = 0;
    List<SpecialPerson> mine = persons.stream().filter(p -> p.gridCode().equals(h.grid())).toList();
    for (LocalDate day = first(today); day.isBefore(today); day = day.plusDays(1)) {
      Random random = new Random(h.username().hashCode() * 31L + day.toEpochDay());
      boolean working = workingDays.isWorkingDay(day);
      DayOfWeek weekday = day.getDayOfWeek();
      if (working && random.nextDouble() < h.checkIn()) {
        records.checkIn(
            new CheckIn(
                at(day, 8, 20 + random.nextInt(15)), lat(random), lon(random), null, null, null),
            h.username());
        count++;
      }
      if (working && random.nextDouble() < 0.9) {
        int minutes = h.patrolMinutes() + random.nextInt(h.patrolSpread());
        if (h.twoPatrols()) {
          int morning = minutes / 2 + 10;
          count += patrol(h, day, 9, 0, morning, random);
          count += patrol(h, day, 14, 30, minutes - morning, random);
        } else {
          count += patrol(h, day, 9, 0, minutes, random);
        }
      }
      if ((weekday == DayOfWeek.TUESDAY || weekday == DayOfWeek.THURSDAY)
          && random.nextDouble() < h.diary()) {
        records.diary(
            new Diary(day, DIARIES[random.nextInt(DIARIES.length)], null, null, null),
            h.username());
        count++;
      }
      int visits =
          !working || random.nextDouble() >= h.family()
              ? 0
              : random.nextDouble() < h.secondFamily() ? 2 : 1;
      for (int v = 0; v < visits; v++) {
        household++;
        records.visit(
            new Visit(
                null,
                h.village() + (1 + household % 8) + "组" + (1 + household * 7 % 40) + "号",
                "FAMILY",
                null,
                at(day, 15, 20 * v),
                "了解家庭近况",
                null,
                null),
            h.username());
        count++;
      }
      if (weekday == DayOfWeek.WEDNESDAY && working) {
        for (SpecialPerson p : mine) {
          if (random.nextDouble() < h.special()) {
            records.visit(
                new Visit(
                    null, null, p.group().name(), p.id(), at(day, 16, 30), "走访慰问", null, null),
                h.username());
            count++;
          }
        }
      }
      if (weekday == DayOfWeek.FRIDAY && random.nextDouble() < h.screening()) {
        records.screening(
            new Screening(null, day, FINDINGS[random.nextInt(FINDINGS.length)], null, null),
            h.username());
        count++;
      }
      if (working && random.nextDouble() < h.entry()) {
        String[] entry = ENTRIES[random.nextInt(ENTRIES.length)];
        records.infoEntry(
            new InfoEntry(null, entry[0], entry[1], at(day, 11, random.nextInt(50)), null, null),
            h.username());
        count++;
      }
    }
    return count;
  }

  private int patrol(Habit h, LocalDate day, int hour, int minute, int minutes, Random random) {
    OffsetDateTime start = at(day, hour, minute);
    OffsetDateTime end = start.plusMinutes(minutes);
    List<TrackPoint> track = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      track.add(new TrackPoint(start.plusMinutes(minutes * i / 4), lat(random), lon(random)));
    }
    records.patrol(new Patrol(null, start, end, track, "村内道路和河道巡查", null, null), h.username());
    return 1;
  }

  private static OffsetDateTime at(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute).atZone(GridCaseTime.ZONE).toOffsetDateTime();
  }

  private static BigDecimal lat(Random random) {
    return BigDecimal.valueOf(29.2080 + random.nextInt(400) / 100000.0);
  }

  private static BigDecimal lon(Random random) {
    return BigDecimal.valueOf(119.4700 + random.nextInt(400) / 100000.0);
  }
}
