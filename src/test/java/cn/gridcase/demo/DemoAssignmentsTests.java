package cn.gridcase.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.assignment.AssignmentStatus;
import cn.gridcase.assignment.AssignmentView;
import cn.gridcase.assignment.Assignments;
import cn.gridcase.assignment.Matter;
import cn.gridcase.assignment.MatterStatus;
import cn.gridcase.assignment.Matters;
import cn.gridcase.test.GridCaseSpringTest;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo township's matter list and sample assignments (S4). */
@GridCaseSpringTest
class DemoAssignmentsTests {

  @Autowired DemoAssignments demoAssignments;
  @Autowired Matters matters;
  @Autowired Assignments assignments;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName(
      "S4 the demo list of GS: S3 二(二)'s kinds of matters listed, 征地拆迁/招商引资/行政执法"
          + " prohibited, 疫情防控排查 admitted then withdrawn, each with its approval; a restart"
          + " changes nothing")
  void matterList() throws Exception {
    List<Matter> list = matters.list("worker1", "GS");
    assertThat(list)
        .filteredOn(m -> m.code().startsWith("J"))
        .extracting(Matter::name, Matter::status)
        .contains(
            Tuple.tuple("人口信息采集", MatterStatus.LISTED),
            Tuple.tuple("矛盾纠纷排查", MatterStatus.LISTED),
            Tuple.tuple("安全隐患巡查", MatterStatus.LISTED),
            Tuple.tuple("征地拆迁", MatterStatus.PROHIBITED),
            Tuple.tuple("招商引资", MatterStatus.PROHIBITED),
            Tuple.tuple("行政执法", MatterStatus.PROHIBITED),
            Tuple.tuple("疫情防控排查", MatterStatus.WITHDRAWN));
    Matter withdrawn = matters.matter("GS", "JC-07");
    assertThat(withdrawn.history())
        .extracting(c -> c.action() + " " + c.approval().document())
        .containsExactly("ADMIT 古政法〔2023〕5号（网格服务管理事项清单）", "WITHDRAW 古政法〔2023〕18号（调整网格服务管理事项）");
    long changes = jdbc.queryForObject("select count(*) from matter_change", Long.class);
    demoAssignments.run(null);
    assertThat(jdbc.queryForObject("select count(*) from matter_change", Long.class))
        .isEqualTo(changes);
  }

  @Test
  @DisplayName(
      "S4 the sample assignments: one done by both grid workers, one open in two grids, one waiting"
          + " for the supervisors' approval")
  void sampleAssignments() {
    long before = jdbc.queryForObject("select coalesce(max(id), 0) from assignment", Long.class);
    demoAssignments.loadSamples();
    List<AssignmentView> made =
        assignments.list("admin", null, null).stream().filter(a -> a.id() > before).toList();
    assertThat(made)
        .extracting(AssignmentView::title, AssignmentView::status)
        .containsExactlyInAnyOrder(
            Tuple.tuple("核对常住人口和流动人口信息", AssignmentStatus.DONE),
            Tuple.tuple("汛期前排查山塘和危房安全隐患", AssignmentStatus.ASSIGNED),
            Tuple.tuple("协助统计辖区企业应急物资储备", AssignmentStatus.AWAITING_APPROVAL));
  }
}
