package cn.gridcase.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.organisation.internal.IdCardNumber;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Each user's scope comes from their current appointments (organisation issue, access scope). */
class AccessScopeTests extends ApiTestSupport {

  @Autowired AccessScopes scopes;

  @Test
  @DisplayName(
      "G4 scopes: a grid worker their grid, village people their village, the area leader their"
          + " villages, the township center all")
  void scopes() {
    assertThat(scopes.of("worker1").grids()).containsExactly("GS-V01-G01");
    assertThat(scopes.of("leader1").grids())
        .contains("GS-V01-G01", "GS-V01-G02")
        .doesNotContain("GS-V02-G01");
    assertThat(scopes.of("station1").villages()).containsExactly("GS-V01");
    assertThat(scopes.of("arealeader1").villages())
        .containsExactlyInAnyOrder("GS-V01", "GS-V02", "GS-V03", "GS-V04");
    assertThat(scopes.of("center1").grids()).contains("GS-V01-G01", "GS-V08-G02");
    assertThat(scopes.of("supervisor1").departments())
        .contains("DEPT-SAFETY", "DEPT-CIVIL", "DEPT-LAND");
    assertThat(scopes.of("safety1").departments()).containsExactly("DEPT-SAFETY");
    assertThat(scopes.of("safety1").grids()).isEmpty();
    AccessScope investigator = scopes.of("investigator1");
    assertThat(investigator.grids()).as("investigators see only their cases").isEmpty();
    assertThat(investigator.townships()).isEmpty();
    assertThat(scopes.of("admin").admin()).isTrue();
  }

  @Autowired Organisation organisation;

  @Autowired PlatformTransactionManager transactions;

  @Autowired Clock clock;

  @Autowired IdentityService identityService;

  @Test
  @DisplayName(
      "G4 a kept scope follows a committed appointment change at once and never keeps what a"
          + " rolled-back change showed")
  void keptScopesFollowChanges() {
    String user = "scopekeeper";
    User account = identityService.newUser(user);
    account.setPassword("demo-scope-1");
    identityService.saveUser(account);
    assertThat(scopes.of(user).villages()).isEmpty();
    Appointment appointment =
        organisation.appoint(
            new AppointmentRequest(
                new AppointmentRequest.PersonDetails(
                    "范围",
                    IdCardNumber.forBirthDate("330781", LocalDate.of(1988, 4, 4), 917),
                    null,
                    Education.SENIOR_HIGH,
                    CurrentPost.NONE,
                    Person.Exclusions.none(),
                    user),
                "GS-V05",
                AppointmentRole.EVENT_HANDLER,
                LocalDate.of(2020, 1, 1)));
    assertThat(scopes.of(user).villages())
        .as("committed: seen at once, not after 30 s")
        .containsExactly("GS-V05");

    LocalDate yesterday = LocalDate.now(clock.withZone(GridCaseTime.ZONE)).minusDays(1);
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              organisation.endAppointment(appointment.id(), yesterday, "撤回的变更");
              assertThat(scopes.of(user).villages())
                  .as("inside the changing transaction")
                  .isEmpty();
              status.setRollbackOnly();
            });
    assertThat(scopes.of(user).villages()).as("after the rollback").containsExactly("GS-V05");
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              organisation.createUnit(new Unit("GS-V97", "范围测试村", UnitKind.VILLAGE, "GS"));
              assertThat(scopes.of(user).villages())
                  .as(
                      "inside another changing transaction: the tables, not what"
                          + " the first one saw")
                  .containsExactly("GS-V05");
              status.setRollbackOnly();
            });

    organisation.endAppointment(appointment.id(), yesterday, "调任");
    assertThat(scopes.of(user).villages()).as("ended and committed").isEmpty();
  }

  @Test
  @DisplayName("G1 GET /api/grids lists only the grids of the caller's scope")
  void gridList() {
    assertThat(codes(api.as("worker1").get("/api/grids").json())).containsExactly("GS-V01-G01");
    assertThat(codes(api.as("leader1").get("/api/grids").json()))
        .containsExactly("GS-V01-G01", "GS-V01-G02");
    assertThat(codes(api.as("center1").get("/api/grids").json()))
        .contains("GS-V01-G01", "GS-V08-G02")
        .hasSizeGreaterThanOrEqualTo(16);
    assertThat(codes(api.as("investigator1").get("/api/grids").json())).isEmpty();
    JsonNode grid = api.as("worker1").get("/api/grids/GS-V01-G01").json();
    assertThat(grid.get("gridWorker").get("username").asText()).isEqualTo("worker1");
    assertThat(grid.get("type").asText()).isEqualTo("URBAN_COMMUNITY");
    assertThat(codes(api.as("center1").get("/api/grids/warnings").json())).contains("GS-V08-G02");
  }

  private static List<String> codes(JsonNode list) {
    return list.get("items").findValuesAsText("code");
  }
}
