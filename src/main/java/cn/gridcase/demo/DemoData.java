package cn.gridcase.demo;

import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.security.SystemGroups;
import cn.gridcase.security.UserAccounts;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo township 古山镇 (GS) with its villages, grids, departments and the demo users of API.md,
 * password {@value #PASSWORD}. Loaded only in the demo profile, once: a restart finds the data and
 * leaves it as it is.
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
      "古山村", "新塘村", "石门村", "下洋村", "东坑村", "西溪村", "岭头村", "黄泥村"};

  private final Organisation organisation;
  private final UserAccounts accounts;
  private final TransactionTemplate transaction;

  DemoData(Organisation organisation, UserAccounts accounts, TransactionTemplate transaction) {
    this.organisation = organisation;
    this.accounts = accounts;
    this.transaction = transaction;
  }

  record DemoUser(String username, String lastName, String firstName, AppointmentRole role, List<String> units) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("worker1", "张", "伟", AppointmentRole.GRID_WORKER, List.of("GS-V01-G01")),
      new DemoUser("worker2", "王", "芳", AppointmentRole.GRID_WORKER, List.of("GS-V01-G02")),
      new DemoUser("worker3", "李", "娜", AppointmentRole.GRID_WORKER, List.of("GS-V02-G01")),
      new DemoUser("leader1", "刘", "洋", AppointmentRole.GRID_LEADER, List.of("GS-V01")),
      new DemoUser("instructor1", "陈", "静", AppointmentRole.GRID_INSTRUCTOR, List.of("GS-V01")),
      new DemoUser("station1", "杨", "磊", AppointmentRole.EVENT_HANDLER, List.of("GS-V01")),
      new DemoUser("center1", "赵", "敏", AppointmentRole.EVENT_HANDLER, List.of(TOWNSHIP)),
      new DemoUser("head1", "黄", "强", AppointmentRole.SECTION_HEAD, List.of(TOWNSHIP)),
      new DemoUser("safety1", "周", "军", AppointmentRole.EVENT_HANDLER, List.of("DEPT-SAFETY")),
      new DemoUser("civil1", "吴", "丽", AppointmentRole.EVENT_HANDLER, List.of("DEPT-CIVIL")),
      new DemoUser("arealeader1", "徐", "刚", AppointmentRole.AREA_LEADER,
          List.of("GS-V01", "GS-V02", "GS-V03", "GS-V04")),
      new DemoUser("supervisor1", "孙", "平", AppointmentRole.SUPERVISOR, List.of(TOWNSHIP)),
      new DemoUser("investigator1", "马", "超", AppointmentRole.INVESTIGATOR, List.of(TOWNSHIP)));

  @Override
  public void run(ApplicationArguments args) {
    if (accounts.find("admin").isPresent()) {
      log.info("Demo data already loaded");
      return;
    }
    transaction.executeWithoutResult(status -> load());
    log.info("Demo data loaded: township {}, {} users, password '{}'", TOWNSHIP, USERS.size() + 1, PASSWORD);
  }

  private void load() {
    organisation.createUnitIfAbsent(new Unit(TOWNSHIP, "古山镇", UnitKind.TOWNSHIP, null));
    for (int v = 1; v <= 8; v++) {
      String village = String.format("GS-V%02d", v);
      organisation.createUnitIfAbsent(new Unit(village, VILLAGE_NAMES[v - 1], UnitKind.VILLAGE, TOWNSHIP));
      for (int g = 1; g <= 2; g++) {
        organisation.createUnitIfAbsent(new Unit(village + String.format("-G%02d", g),
            VILLAGE_NAMES[v - 1] + "第" + g + "网格", UnitKind.GRID, village));
      }
    }
    organisation.createUnitIfAbsent(new Unit("DEPT-SAFETY", "应急管理", UnitKind.DEPARTMENT, TOWNSHIP));
    organisation.createUnitIfAbsent(new Unit("DEPT-CIVIL", "民政", UnitKind.DEPARTMENT, TOWNSHIP));
    organisation.createUnitIfAbsent(new Unit("DEPT-LAND", "自然资源", UnitKind.DEPARTMENT, TOWNSHIP));

    accounts.createIfAbsent("admin", "管理员", "系统", "admin@gridcase.invalid", PASSWORD);
    accounts.addToGroup("admin", SystemGroups.ADMINS);
    for (DemoUser user : USERS) {
      accounts.createIfAbsent(user.username(), user.firstName(), user.lastName(),
          user.username() + "@gridcase.invalid", PASSWORD);
      for (String unit : user.units()) {
        organisation.appoint(user.username(), unit, user.role(), APPOINTED_ON);
      }
    }
  }
}
