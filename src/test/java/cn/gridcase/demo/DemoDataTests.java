package cn.gridcase.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridcase.test.GridCaseSpringTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo units and users of the README. */
@GridCaseSpringTest
class DemoDataTests {

  @Autowired JdbcTemplate jdbc;

  @Autowired IdentityService identityService;

  @Autowired DemoData demoData;

  @Test
  @DisplayName(
      "G1 (partial) hierarchy township → village → grid with unique codes: GS, GS-V01..GS-V08, two"
          + " grids each, three departments")
  void units() {
    assertThat(count("select count(*) from org_unit where kind = 'TOWNSHIP' and code = 'GS'"))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForList(
                "select code from org_unit where kind = 'VILLAGE' and parent_code = 'GS' and code"
                    + " like 'GS-V0_' order by code",
                String.class))
        .containsExactly(
            "GS-V01", "GS-V02", "GS-V03", "GS-V04", "GS-V05", "GS-V06", "GS-V07", "GS-V08");
    assertThat(
            jdbc.queryForList(
                "select code from org_unit where kind = 'GRID' and code like 'GS-V0_-G0_' order by"
                    + " code",
                String.class))
        .hasSize(16)
        .contains("GS-V01-G01", "GS-V01-G02", "GS-V08-G02");
    assertThat(
            jdbc.queryForList(
                "select code from org_unit where kind = 'DEPARTMENT' and parent_code = 'GS' order"
                    + " by code",
                String.class))
        .containsExactly("DEPT-CIVIL", "DEPT-LAND", "DEPT-SAFETY");
    assertThat(
            jdbc.queryForObject(
                "select parent_code from org_unit where code = 'GS-V03-G02'", String.class))
        .isEqualTo("GS-V03");
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "insert into org_unit (code, name, kind, created_at)"
                        + " values ('GS-V01-G01', 'duplicate', 'GRID', current_timestamp)"))
        .as("a unit code is unique")
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  @DisplayName(
      "G4 (partial) every demo user of the README exists with the role of their appointment and the"
          + " derived groups")
  void usersAndGroups() {
    for (String user :
        new String[] {
          "admin",
          "worker1",
          "worker2",
          "worker3",
          "leader1",
          "instructor1",
          "station1",
          "center1",
          "head1",
          "safety1",
          "civil1",
          "arealeader1",
          "supervisor1",
          "investigator1"
        }) {
      assertThat(identityService.checkPassword(user, "demo")).as(user).isTrue();
      assertThat(groupsOf(user)).as(user).contains("gridcase-users");
    }
    assertThat(groupsOf("admin")).contains("camunda-admin");
    assertThat(groupsOf("worker1"))
        .containsExactlyInAnyOrder("gridcase-users", "GS-V01-G01", "GS-V01-G01.GRID_WORKER");
    assertThat(groupsOf("station1")).contains("GS-V01", "GS-V01.EVENT_HANDLER");
    assertThat(groupsOf("center1")).contains("GS", "GS.EVENT_HANDLER");
    assertThat(groupsOf("head1")).contains("GS", "GS.SECTION_HEAD");
    assertThat(groupsOf("safety1")).contains("DEPT-SAFETY");
    assertThat(groupsOf("leader1")).contains("GS-V01.GRID_LEADER").doesNotContain("GS-V01");
    assertThat(groupsOf("supervisor1")).contains("GS.SUPERVISOR").doesNotContain("GS");
    assertThat(groupsOf("arealeader1"))
        .contains(
            "GS-V01.AREA_LEADER", "GS-V02.AREA_LEADER", "GS-V03.AREA_LEADER", "GS-V04.AREA_LEADER")
        .doesNotContain("GS-V05.AREA_LEADER");
  }

  @Test
  @DisplayName("loading again (a restart) changes nothing")
  void idempotent() throws Exception {
    long appointments = count("select count(*) from appointment");
    long users = identityService.createUserQuery().count();
    demoData.run(null);
    assertThat(count("select count(*) from appointment")).isEqualTo(appointments);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId())
        .toList();
  }
}
