package cn.gridcase.demo;

import cn.gridcase.assignment.Approval;
import cn.gridcase.assignment.AssignmentView;
import cn.gridcase.assignment.Assignments;
import cn.gridcase.assignment.MatterRequest;
import cn.gridcase.assignment.MatterStatus;
import cn.gridcase.assignment.Matters;
import cn.gridcase.assignment.NewAssignment;
import java.time.LocalDate;
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
 * The demo township's matter list (事项清单, rule S4) and a few assignments (交办): the matters of the
 * provincial list's kinds (S3 二(二): basic information, residents' opinions, hazards, disputes,
 * publicity of laws, proxy services) admitted, three prohibited ones (征地拆迁, 招商引资, 行政执法), and one
 * admitted and later withdrawn; then one assignment done, one open and one waiting for the
 * supervisors' approval (with the sample events: not in tests). Loaded after {@link DemoData},
 * once: a restart finds the list and leaves it as it is.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "gridcase.demo.data", havingValue = "true")
@Order(20)
class DemoAssignments implements ApplicationRunner {

  static final String TOWNSHIP = DemoData.TOWNSHIP;
  static final String SUPERVISOR = "supervisor1";

  /** A matter of the demo list. */
  record DemoMatter(String code, String name, MatterStatus status) {}

  static final List<DemoMatter> MATTERS =
      List.of(
          new DemoMatter("JC-01", "人口信息采集", MatterStatus.LISTED),
          new DemoMatter("JC-02", "社区民意收集", MatterStatus.LISTED),
          new DemoMatter("JC-03", "安全隐患巡查", MatterStatus.LISTED),
          new DemoMatter("JC-04", "矛盾纠纷排查", MatterStatus.LISTED),
          new DemoMatter("JC-05", "法律法规宣传", MatterStatus.LISTED),
          new DemoMatter("JC-06", "公共服务代办", MatterStatus.LISTED),
          new DemoMatter("JC-07", "疫情防控排查", MatterStatus.WITHDRAWN),
          new DemoMatter("JR-01", "征地拆迁", MatterStatus.PROHIBITED),
          new DemoMatter("JR-02", "招商引资", MatterStatus.PROHIBITED),
          new DemoMatter("JR-03", "行政执法", MatterStatus.PROHIBITED));

  private static final Logger log = LoggerFactory.getLogger(DemoAssignments.class);
  private static final Approval LISTED =
      new Approval("县委政法委", "古政法〔2023〕5号（网格服务管理事项清单）", LocalDate.of(2023, 1, 10));
  private static final Approval PROHIBITED =
      new Approval("县委政法委", "古政法〔2023〕6号（网格事项禁入清单）", LocalDate.of(2023, 1, 10));
  private static final Approval WITHDRAWN =
      new Approval("县委政法委", "古政法〔2023〕18号（调整网格服务管理事项）", LocalDate.of(2023, 3, 1));

  private final Matters matters;
  private final Assignments assignments;
  private final TransactionTemplate transaction;
  private final boolean samples;

  DemoAssignments(
      Matters matters,
      Assignments assignments,
      TransactionTemplate transaction,
      @Value("${gridcase.demo.sample-events:true}") boolean samples) {
    this.matters = matters;
    this.assignments = assignments;
    this.transaction = transaction;
    this.samples = samples;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (matters.find(TOWNSHIP, MATTERS.get(0).code()).isEmpty()) {
      transaction.executeWithoutResult(status -> loadMatters());
      log.info("Demo matter list loaded: {} matters of {}", MATTERS.size(), TOWNSHIP);
    }
    if (samples && assignments.list("admin", null, null).isEmpty()) {
      transaction.executeWithoutResult(status -> loadSamples());
      log.info("Demo assignments loaded: one done, one open, one awaiting approval");
    }
  }

  private void loadMatters() {
    for (DemoMatter m : MATTERS) {
      MatterStatus first = m.status() == MatterStatus.WITHDRAWN ? MatterStatus.LISTED : m.status();
      matters.record(
          SUPERVISOR,
          new MatterRequest(
              TOWNSHIP,
              m.code(),
              m.name(),
              first,
              first == MatterStatus.PROHIBITED ? PROHIBITED : LISTED));
      if (m.status() == MatterStatus.WITHDRAWN) {
        matters.withdraw(SUPERVISOR, TOWNSHIP, m.code(), WITHDRAWN);
      }
    }
  }

  /** One assignment done by both grid workers, one open, one waiting for the supervisors. */
  void loadSamples() {
    AssignmentView census =
        assignments.assign(
            "center1",
            new NewAssignment(
                List.of("GS-V01-G01", "GS-V01-G02"),
                "JC-01",
                "核对常住人口和流动人口信息",
                "逐户核对常住人口、流动人口登记信息，发现变动的当日录入平台。",
                5));
    assignments.done(census.id(), "worker1", null, "核对 126 户，更新流动人口信息 9 条。");
    assignments.done(census.id(), "worker2", null, "核对 98 户，新增登记 4 人。");
    assignments.assign(
        "head1",
        new NewAssignment(
            List.of("GS-V01-G01", "GS-V02-G01"),
            "JC-03",
            "汛期前排查山塘和危房安全隐患",
            "排查辖区山塘、危旧房屋和低洼地带，发现隐患拍照上报并告知住户。",
            3));
    assignments.assign(
        "safety1",
        new NewAssignment(
            List.of("GS-V02-G01"), null, "协助统计辖区企业应急物资储备", "到辖区企业了解应急物资储备情况，填写统计表。", 5));
  }
}
