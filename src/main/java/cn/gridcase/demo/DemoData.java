package cn.gridcase.demo;

import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.Events;
import cn.gridcase.event.Party;
import cn.gridcase.organisation.AppointmentRequest;
import cn.gridcase.organisation.AppointmentRequest.PersonDetails;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.CurrentPost;
import cn.gridcase.organisation.Education;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Person;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.security.SystemGroups;
import cn.gridcase.security.UserAccounts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
 * The demo township 古山镇 (GS) with its villages, grids, departments and the demo users of the
 * README, password {@value #PASSWORD}, each a person with an appointment. Loaded only in the demo
 * profile, once: a restart finds the data and leaves it as it is.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "gridcase.demo.data", havingValue = "true")
@Order(10)
class DemoData implements ApplicationRunner {

  static final String PASSWORD = "demo";
  static final String TOWNSHIP = "GS";
  static final LocalDate APPOINTED_ON = LocalDate.of(2023, 1, 1);

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final String[] VILLAGE_NAMES = {
    "古山村", "新塘村", "石门村", "下洋村", "东坑村", "西溪村", "岭头村", "黄泥村"
  };

  private final Organisation organisation;
  private final UserAccounts accounts;
  private final TransactionTemplate transaction;
  private final Events events;
  private final Clock clock;

  private final boolean sampleEvents;

  DemoData(
      Organisation organisation,
      UserAccounts accounts,
      TransactionTemplate transaction,
      Events events,
      Clock clock,
      @Value("${gridcase.demo.sample-events:true}") boolean sampleEvents) {
    this.sampleEvents = sampleEvents;
    this.events = events;
    this.clock = clock;
    this.organisation = organisation;
    this.accounts = accounts;
    this.transaction = transaction;
  }

  /** A demo user; {@code idCardNumber} is a made-up but valid number (checksum, birth date). */
  record DemoUser(
      String username,
      String lastName,
      String firstName,
      String idCardNumber,
      AppointmentRole role,
      List<String> units) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser(
              "worker1",
              "张",
              "伟",
              "330781199003150017",
              AppointmentRole.GRID_WORKER,
              List.of("GS-V01-G01")),
          new DemoUser(
              "worker2",
              "王",
              "芳",
              "330781199105220020",
              AppointmentRole.GRID_WORKER,
              List.of("GS-V01-G02")),
          new DemoUser(
              "worker3",
              "李",
              "娜",
              "330781198812080042",
              AppointmentRole.GRID_WORKER,
              List.of("GS-V02-G01")),
          new DemoUser(
              "leader1",
              "刘",
              "洋",
              "330781197507110036",
              AppointmentRole.GRID_LEADER,
              List.of("GS-V01")),
          new DemoUser(
              "instructor1",
              "陈",
              "静",
              "330781198602190024",
              AppointmentRole.GRID_INSTRUCTOR,
              List.of("GS-V01")),
          new DemoUser(
              "station1",
              "杨",
              "磊",
              "330781198409300017",
              AppointmentRole.EVENT_HANDLER,
              List.of("GS-V01")),
          new DemoUser(
              "center1",
              "赵",
              "敏",
              "330781198711050020",
              AppointmentRole.EVENT_HANDLER,
              List.of(TOWNSHIP)),
          new DemoUser(
              "head1",
              "黄",
              "强",
              "330781197903270015",
              AppointmentRole.SECTION_HEAD,
              List.of(TOWNSHIP)),
          new DemoUser(
              "safety1",
              "周",
              "军",
              "330781198506140019",
              AppointmentRole.EVENT_HANDLER,
              List.of("DEPT-SAFETY")),
          new DemoUser(
              "civil1",
              "吴",
              "丽",
              "330781198901230022",
              AppointmentRole.EVENT_HANDLER,
              List.of("DEPT-CIVIL")),
          new DemoUser(
              "arealeader1",
              "徐",
              "刚",
              "330781197210080016",
              AppointmentRole.AREA_LEADER,
              List.of("GS-V01", "GS-V02", "GS-V03", "GS-V04")),
          new DemoUser(
              "supervisor1",
              "孙",
              "平",
              "330781197805170010",
              AppointmentRole.SUPERVISOR,
              List.of(TOWNSHIP)),
          new DemoUser(
              "investigator1",
              "马",
              "超",
              "330781198108290038",
              AppointmentRole.INVESTIGATOR,
              List.of(TOWNSHIP)));

  @Override
  public void run(ApplicationArguments args) {
    if (accounts.find("admin").isPresent()) {
      log.info("Demo data already loaded");
      return;
    }
    transaction.executeWithoutResult(status -> load());
    if (sampleEvents) {
      transaction.executeWithoutResult(status -> reportSampleEvents());
    }
    log.info(
        "Demo data loaded: township {}, {} users, password '{}'",
        TOWNSHIP,
        USERS.size() + 1,
        PASSWORD);
  }

  private void load() {
    organisation.createUnitIfAbsent(new Unit(TOWNSHIP, "古山镇", UnitKind.TOWNSHIP, null));
    for (int v = 1; v <= 8; v++) {
      String village = String.format("GS-V%02d", v);
      organisation.createUnitIfAbsent(
          new Unit(village, VILLAGE_NAMES[v - 1], UnitKind.VILLAGE, TOWNSHIP));
      for (int g = 1; g <= 2; g++) {
        String code = village + String.format("-G%02d", g);
        // the last grid is a small one: it shows a G2 size warning
        boolean small = v == 8 && g == 2;
        organisation.createGrid(
            new Grid(
                code,
                VILLAGE_NAMES[v - 1] + "第" + g + "网格",
                village,
                v <= 2 ? GridType.URBAN_COMMUNITY : GridType.RURAL,
                small ? 120 : 380 + 10 * v + g,
                small ? 310 : 950 + 20 * v + g));
      }
    }
    organisation.createUnitIfAbsent(new Unit("DEPT-SAFETY", "应急管理", UnitKind.DEPARTMENT, TOWNSHIP));
    organisation.createUnitIfAbsent(new Unit("DEPT-CIVIL", "民政", UnitKind.DEPARTMENT, TOWNSHIP));
    organisation.createUnitIfAbsent(new Unit("DEPT-LAND", "自然资源", UnitKind.DEPARTMENT, TOWNSHIP));

    accounts.createIfAbsent("admin", "管理员", "系统", "admin@gridcase.invalid", PASSWORD);
    accounts.addToGroup("admin", SystemGroups.ADMINS);
    for (DemoUser user : USERS) {
      accounts.createIfAbsent(
          user.username(),
          user.firstName(),
          user.lastName(),
          user.username() + "@gridcase.invalid",
          PASSWORD);
      PersonDetails person =
          new PersonDetails(
              user.lastName() + user.firstName(),
              user.idCardNumber(),
              "1380000" + String.format("%04d", USERS.indexOf(user)),
              Education.SENIOR_HIGH,
              CurrentPost.NONE,
              Person.Exclusions.none(),
              user.username());
      for (String unit : user.units()) {
        organisation.appoint(new AppointmentRequest(person, unit, user.role(), APPOINTED_ON));
      }
    }
  }

  /**
   * Three events to work on at once: worker1's own report (in handling in the grid), a report by
   * the village station that worker1 has to accept, and a major event at the township center.
   */
  private void reportSampleEvents() {
    OffsetDateTime now = GridCaseTime.now(clock);
    events.report(
        new EventReport(
            EventCategory.HAZARD,
            "GS-V01-G01",
            "楼道电动车充电",
            now.minusHours(2),
            "1号楼2单元楼道",
            "住户张某",
            "私拉电线给电动车充电",
            "网格员巡查发现，已当场劝阻",
            List.of(),
            false),
        "worker1");
    events.report(
        new EventReport(
            EventCategory.DISPUTE,
            "GS-V01-G01",
            "邻里漏水纠纷",
            now.minusDays(1),
            "3号楼502与402",
            "王某、李某",
            "楼上卫生间漏水",
            "双方多次争吵，要求调解",
            List.of(new Party("王某", "13800001001"), new Party("李某", "13800001002")),
            false),
        "station1");
    events.report(
        new EventReport(
            EventCategory.HAZARD,
            "GS-V02-G01",
            "山体滑坡隐患",
            now.minusHours(1),
            "二村后山",
            "山下六户村民",
            "连日降雨",
            "后山出现裂缝，有滑坡危险",
            List.of(),
            true),
        "worker3");
  }
}
