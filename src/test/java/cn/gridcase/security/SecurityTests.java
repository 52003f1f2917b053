package cn.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every kind of unauthenticated, wrongly authenticated and wrong-role request, through HTTP. */
class SecurityTests extends ApiTestSupport {

  @Autowired RuntimeService runtimeService;

  @Autowired JdbcTemplate jdbc;

  @Nested
  @DisplayName("API clients (HTTP Basic)")
  class ApiClients {

    @Test
    @DisplayName("no credentials: 401 problem+json with a Basic challenge")
    void anonymousApi() {
      Reply reply = api.get("/api/me");
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.isProblem()).as(reply.toString()).isTrue();
      assertThat(reply.json().get("status").asInt()).isEqualTo(401);
      assertThat(reply.header("WWW-Authenticate")).startsWith("Basic realm=\"GridCase\"");
    }

    @Test
    @DisplayName("a wrong password and an unknown user get the same 401 problem+json")
    void wrongPassword() {
      Reply wrong = api.as("worker1", "not-the-password").get("/api/me");
      Reply unknown = api.as("nobody", "demo").get("/api/me");
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.isProblem()).isTrue();
      assertThat(unknown.status()).isEqualTo(401);
      assertThat(unknown.json().get("detail")).isEqualTo(wrong.json().get("detail"));
      assertThat(wrong.body()).doesNotContain("Exception").doesNotContain("at cn.");
    }

    @Test
    @DisplayName("a demo user gets JSON about themselves")
    void workerGetsJson() {
      Reply reply = api.as("worker1").get("/api/me");
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      JsonNode me = reply.json();
      assertThat(me.get("username").asText()).isEqualTo("worker1");
      assertThat(me.get("admin").asBoolean()).isFalse();
      assertThat(me.get("appointments").get(0).get("unitCode").asText()).isEqualTo("GS-V01-G01");
      assertThat(me.get("appointments").get(0).get("role").asText()).isEqualTo("GRID_WORKER");
    }

    @Test
    @DisplayName("/engine-rest without credentials: 401; with a wrong password: 401")
    void engineRestNeedsCredentials() {
      assertThat(api.get("/engine-rest/task").status()).isEqualTo(401);
      assertThat(api.get("/engine-rest/task").isProblem()).isTrue();
      assertThat(api.as("center1", "wrong").get("/engine-rest/task").status()).isEqualTo(401);
      assertThat(api.as("center1").get("/engine-rest/task").status()).isEqualTo(200);
    }

    @Test
    @DisplayName(
        "a remembered login is for that password only: a wrong one right after a right one is"
            + " refused")
    void rememberedLoginNeedsTheSamePassword() {
      assertThat(api.as("station1").get("/api/me").status()).isEqualTo(200);
      assertThat(api.as("station1", "wrong").get("/api/me").status()).isEqualTo(401);
      assertThat(api.as("station1", "demo ").get("/api/me").status()).isEqualTo(401);
      assertThat(api.as("worker2", "demo").get("/api/me").json().get("username").asText())
          .isEqualTo("worker2");
      assertThat(api.as("station1").get("/api/me").json().get("username").asText())
          .isEqualTo("station1");
    }

    @Test
    @DisplayName("administrator-only endpoints refuse other users with 403 problem+json")
    void wrongRole() {
      Reply clock =
          api.as("worker1").put("/api/admin/clock", "{\"now\": \"2026-10-09T12:00:00+08:00\"}");
      assertThat(clock.status()).isEqualTo(403);
      assertThat(clock.isProblem()).isTrue();
      assertThat(api.as("supervisor1").get("/actuator/prometheus").status()).isEqualTo(403);
      assertThat(api.as("supervisor1").get("/actuator/prometheus").isProblem()).isTrue();
      assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("health is public; Prometheus metrics are for administrators")
    void actuator() {
      Reply health = api.get("/actuator/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().get("status").asText()).isEqualTo("UP");
      Reply metrics = api.as("admin").get("/actuator/prometheus");
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    @DisplayName("the OpenAPI document needs a login and describes /api")
    void openApi() {
      assertThat(api.get("/v3/api-docs").status()).isEqualTo(401);
      Reply docs = api.as("worker1").get("/v3/api-docs");
      assertThat(docs.status()).isEqualTo(200);
      assertThat(docs.json().get("paths").has("/api/me")).isTrue();
      for (String path :
          List.of(
              "/api/events",
              "/api/events/{number}",
              "/api/events/{number}/accept",
              "/api/events/{number}/resolve",
              "/api/events/{number}/escalate",
              "/api/events/{number}/dispatch",
              "/api/events/{number}/refer-county",
              "/api/events/{number}/feedback",
              "/api/events/{number}/urge",
              "/api/tasks",
              "/api/supervision/overdue",
              "/api/supervision/board",
              "/api/notifications",
              "/api/calendar/deadline",
              "/api/grids",
              "/api/appointments",
              "/api/accountability/cases",
              "/api/accountability/cases/{id}/decide",
              "/api/accountability/proposals")) {
        assertThat(docs.json().get("paths").has(path)).as("OpenAPI describes " + path).isTrue();
      }
      assertThat(docs.json().get("components").get("securitySchemes").has("basic")).isTrue();
    }

    @Test
    @DisplayName(
        "Camunda authorization checks are on: tasks only for their candidate group, deployments"
            + " only for admins")
    void camundaAuthorizations() {
      runtimeService.startProcessInstanceByKey("DeploymentProbe", "security-scope-probe");
      JsonNode workerTasks =
          api.as("worker1")
              .get("/engine-rest/task?processInstanceBusinessKey=security-scope-probe")
              .json();
      JsonNode otherGridTasks =
          api.as("worker3")
              .get("/engine-rest/task?processInstanceBusinessKey=security-scope-probe")
              .json();
      assertThat(workerTasks).hasSize(1);
      assertThat(workerTasks.get(0).get("name").asText()).isEqualTo("核对");
      assertThat(otherGridTasks).isEmpty();
      assertThat(api.as("worker1").get("/engine-rest/deployment").status())
          .as("deployments: administrators only")
          .isEqualTo(403);
      assertThat(api.as("admin").get("/engine-rest/deployment").json()).isNotEmpty();
    }

    @Test
    @DisplayName("passwords are stored as salted hashes, never in clear")
    void passwordsHashed() {
      Map<String, Object> row =
          jdbc.queryForMap("select PWD_, SALT_ from ACT_ID_USER where ID_ = 'worker1'");
      assertThat((String) row.get("PWD_")).startsWith("{SHA-512}").doesNotContain("demo");
      assertThat((String) row.get("SALT_")).isNotBlank();
    }
  }

  @Nested
  @DisplayName("browsers (form login, single sign-on into the webapps)")
  class Browsers {

    @Test
    @DisplayName("not logged in: pages redirect to the login form, webapp API calls get 401")
    void anonymousBrowser() {
      ApiClient browser = api.browser();
      Reply tasklist = browser.get("/camunda/app/tasklist/default/");
      assertThat(tasklist.status()).isEqualTo(302);
      assertThat(tasklist.location()).endsWith("/login");
      assertThat(browser.get("/camunda/app/cockpit/default/").status()).isEqualTo(302);
      assertThat(browser.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(401);
      assertThat(browser.get("/swagger-ui/index.html").status()).isEqualTo(302);
    }

    @Test
    @DisplayName("one form login opens Tasklist as that user, with no second login")
    void singleSignOnIntoTasklist() {
      ApiClient browser = login("center1");
      Reply page = browser.get("/camunda/app/tasklist/default/");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).containsIgnoringCase("<html");
      JsonNode camundaUser = browser.get("/camunda/api/admin/auth/user/default").json();
      assertThat(camundaUser.get("userId").asText()).isEqualTo("center1");
      assertThat(camundaUser.get("authorizedApps").toString())
          .contains("tasklist")
          .doesNotContain("cockpit");
      assertThat(browser.get("/camunda/api/engine/engine/default/task").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Cockpit shows the deployments to admin")
    void adminSeesDeploymentsInCockpit() {
      ApiClient browser = login("admin");
      assertThat(browser.get("/camunda/app/cockpit/default/").status()).isEqualTo(200);
      JsonNode camundaUser = browser.get("/camunda/api/admin/auth/user/default").json();
      assertThat(camundaUser.get("authorizedApps").toString())
          .contains("cockpit")
          .contains("admin");
      JsonNode deployments = browser.get("/camunda/api/engine/engine/default/deployment").json();
      assertThat(deployments.toString()).contains("\"name\":\"gridcase\"");
    }

    @Test
    @DisplayName("every webapp sends its own login view to the one GridCase login form")
    void webappsUseTheOneLoginForm() {
      ApiClient browser = login("admin");
      for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
        Reply config = browser.get("/camunda/app/" + app + "/scripts/config.js");
        assertThat(config.status()).as(app).isEqualTo(200);
        assertThat(config.body()).as(app).contains("customScripts: ['../gridcase/single-login'");
      }
      Reply script = browser.get("/camunda/app/gridcase/single-login.js");
      assertThat(script.status()).isEqualTo(200);
      assertThat(script.body()).contains("#/login").contains("/login");
    }

    @Test
    @DisplayName("a wrong password on the login form goes back to the form with an error")
    void wrongPasswordOnForm() {
      ApiClient browser = api.browser();
      Reply login = submitLoginForm(browser, "center1", "wrong");
      assertThat(login.status()).isEqualTo(302);
      assertThat(login.location()).endsWith("/login?error");
      assertThat(browser.get("/camunda/app/tasklist/default/").status()).isEqualTo(302);
    }

    @Test
    @DisplayName("the login form itself requires its CSRF token")
    void loginFormNeedsCsrf() {
      ApiClient browser = api.browser();
      browser.get("/login");
      Reply login = browser.postForm("/login", Map.of("username", "center1", "password", "demo"));
      assertThat(login.status()).isEqualTo(403);
    }

    @Test
    @DisplayName("a browser session calling the API must send a CSRF token")
    void sessionApiCallsNeedCsrf() {
      ApiClient browser = login("admin");
      Reply get = browser.get("/api/me");
      assertThat(get.status()).isEqualTo(200);
      Reply put = browser.put("/api/admin/clock", "{\"now\": \"2026-10-09T12:00:00+08:00\"}");
      assertThat(put.status()).isEqualTo(403);
      assertThat(put.isProblem()).isTrue();
      assertThat(put.json().get("detail").asText()).contains("CSRF");
    }

    @Test
    @DisplayName("the webapps' log-out ends the Spring session too")
    void logoutEndsSession() {
      ApiClient browser = api.webappSession("center1", ApiClient.DEMO_PASSWORD);
      assertThat(browser.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(200);
      Reply logout = browser.postForm("/camunda/api/admin/auth/user/default/logout", Map.of());
      assertThat(logout.status()).isEqualTo(200);
      assertThat(browser.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(401);
      assertThat(
              browser
                  .withHeader("Accept", "text/html")
                  .get("/camunda/app/tasklist/default/")
                  .status())
          .isEqualTo(302);
    }

    @Test
    @DisplayName(
        "a cross-site POST cannot log a user out: the webapps' log-out needs their XSRF token")
    void crossSiteLogoutRefused() {
      ApiClient browser = login("center1");
      // what a form on another site can send: the session cookie (if the browser sends it) and no
      // header
      Reply forged = browser.postForm("/camunda/api/admin/auth/user/default/logout", Map.of());
      assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
      Reply wrongToken =
          browser
              .withHeader("X-XSRF-TOKEN", "guessed")
              .postForm("/camunda/api/admin/auth/user/default/logout", Map.of());
      assertThat(wrongToken.status()).as(wrongToken.toString()).isEqualTo(403);
      assertThat(browser.get("/camunda/api/admin/auth/user/default").status())
          .as("still logged in")
          .isEqualTo(200);
    }

    @Test
    @DisplayName(
        "the session cookie is HttpOnly and SameSite=Lax, so other sites' requests do not carry it")
    void sessionCookieSameSite() {
      ApiClient browser = api.browser();
      Reply form = browser.get("/login");
      String cookie =
          form.raw().headers().allValues("Set-Cookie").stream()
              .filter(c -> c.startsWith("JSESSIONID="))
              .findFirst()
              .orElseThrow();
      assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
    }

    private ApiClient login(String username) {
      ApiClient browser = api.browser();
      Reply login = submitLoginForm(browser, username, ApiClient.DEMO_PASSWORD);
      assertThat(login.status()).as(login.toString()).isEqualTo(302);
      // Issue 11.1: a login lands on the home page by role
      assertThat(login.location()).matches("(http://[^/]+)?/");
      // the browser follows the redirect: the webapp page is where Camunda learns the user
      assertThat(browser.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
      return browser;
    }

    private static Reply submitLoginForm(ApiClient browser, String username, String password) {
      Reply form = browser.get("/login");
      assertThat(form.status()).isEqualTo(200);
      return browser.postForm(
          "/login",
          Map.of("username", username, "password", password, "_csrf", csrfOf(form.body())));
    }

    private static String csrfOf(String loginPage) {
      Matcher matcher =
          Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
      assertThat(matcher.find()).as("CSRF field on the login page").isTrue();
      return matcher.group(1);
    }
  }
}
