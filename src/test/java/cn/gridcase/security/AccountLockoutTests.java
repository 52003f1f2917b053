package cn.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import cn.gridcase.test.ControlledClock;
import cn.gridcase.test.ProductionLockout;
import java.net.HttpCookie;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10 item 3: ten wrong passwords lock an account for a while, not for ever. Runs with the
 * production lock-out settings (the test profile switches them off for the other security tests)
 * and an account of its own per test; the engine clock is moved past the delays instead of waiting.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccountLockoutTests extends ApiTestSupport {

  private static final String PASSWORD = "Right-Password-7";
  private static final AtomicInteger ACCOUNTS = new AtomicInteger();
  private static final Duration LOCKOUT = Duration.ofMinutes(15);

  @Autowired IdentityService identityService;

  @Autowired ManagementService managementService;

  @Autowired ProcessEngine processEngine;

  @Autowired UserAccounts accounts;

  @Autowired JdbcTemplate jdbc;

  private ControlledClock clock;
  private ProductionLockout lockout;
  private String username;

  @BeforeEach
  void productionLockoutAndAnAccountOfOurOwn() {
    lockout = new ProductionLockout(processEngine);
    assertThat(lockout.maxAttempts()).isEqualTo(10);
    assertThat(
            ProductionLockout.productionSettings()
                .getProperty("gridcase.security.lockout-duration"))
        .isEqualTo("15m");

    // a fresh name every test: a remembered login of an earlier test cannot help
    username = "lockout-probe-" + ACCOUNTS.incrementAndGet();
    accounts.createIfAbsent(username, "Probe", "Lockout", null, PASSWORD);
    clock = new ControlledClock(managementService);
    clock.set("2026-10-09T09:00");
  }

  @AfterEach
  void restore() {
    identityService.deleteUser(username);
    lockout.close();
  }

  @Test
  @DisplayName(
      "Issue 10.3: 10 wrong passwords lock the account for 15 minutes; the 401 says until when in"
          + " Chinese and English; then the right password works again")
  void lockIsTemporary() {
    Reply unknownUser = api.as("no-such-user-anywhere", "whatever").get("/api/me");
    OffsetDateTime lockedAt = lockOut(unknownUser.json().get("detail").asText());
    OffsetDateTime until = lockedAt.plus(LOCKOUT);
    String untilText = until.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    assertThat(untilText).isEqualTo("2026-10-09T09:24:09+08:00");

    Reply locked = api.as(username, PASSWORD).get("/api/me");
    assertThat(locked.status()).isEqualTo(401);
    assertThat(locked.isProblem()).as(locked.toString()).isTrue();
    assertThat(locked.header("WWW-Authenticate")).startsWith("Basic realm=\"GridCase\"");
    assertThat(locked.header("Retry-After")).isEqualTo("900");
    assertThat(locked.json().get("lockedUntil").asText()).isEqualTo(untilText);
    String detail = locked.json().get("detail").asText();
    assertThat(detail)
        .contains("账户已暂时锁定")
        .contains("请于 " + untilText)
        .contains("locked until " + untilText)
        .contains("try again after");
    // the lock lives in the database (every node of a cluster, and a restart, see it)
    assertThat(
            jdbc.queryForObject(
                "select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class, username))
        .isEqualTo(10);
    assertThat(
            jdbc.queryForObject(
                    "select LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = ?",
                    Timestamp.class,
                    username)
                .toInstant())
        .isEqualTo(until.toInstant());

    clock.set(until.minusSeconds(1));
    Reply stillLocked = api.as(username, PASSWORD).get("/api/me");
    assertThat(stillLocked.status()).isEqualTo(401);
    assertThat(stillLocked.header("Retry-After")).isEqualTo("1");

    clock.set(until);
    Reply afterLock = api.as(username, PASSWORD).get("/api/me");
    assertThat(afterLock.status()).as(afterLock.toString()).isEqualTo(200);
    assertThat(afterLock.json().get("username").asText()).isEqualTo(username);
    // a right password starts the count afresh: one slip now is not a new lock
    clock.moveBy(Duration.ofSeconds(1));
    Reply slip = api.as(username, "a slip").get("/api/me");
    assertThat(slip.json().has("lockedUntil")).as(slip.toString()).isFalse();
  }

  @Test
  @DisplayName(
      "Issue 10.3: parallel wrong passwords are counted one by one: one check reaches the lock,"
          + " every other is told the account is locked")
  void parallelGuessesCountOneByOne(CapturedOutput output) throws Exception {
    // one failure short of the lock, the last back-off long over
    jdbc.update(
        "update ACT_ID_USER set ATTEMPTS_ = 9, LOCK_EXP_TIME_ = ? where ID_ = ?",
        Timestamp.from(OffsetDateTime.parse("2026-10-09T08:00:00+08:00").toInstant()),
        username);
    int guesses = 16;
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(guesses);
    try {
      var answers = new ArrayList<Future<Reply>>();
      for (int i = 0; i < guesses; i++) {
        String guess = "guess-" + i;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.as(username, guess).get("/api/me");
                }));
      }
      start.countDown();
      for (var answer : answers) {
        Reply reply = answer.get(60, TimeUnit.SECONDS);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.json().has("lockedUntil")).as(reply.toString()).isTrue();
      }
      // every guess checked while the account was open reaches the lock and logs it; a check that
      // ran alongside another would have read the same count, its failure going uncounted
      int locks =
          output.getOut().split("Login locked: account " + Pattern.quote(username) + " ", -1).length
              - 1;
      assertThat(locks).as("guesses checked against the password before the lock").isEqualTo(1);
      assertThat(
              jdbc.queryForObject(
                  "select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class, username))
          .isEqualTo(10);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "Issue 10.3: after a lock has run out, the count goes on: the next wrong password locks again"
          + " for 15 minutes")
  void countGoesOnAfterTheLock() {
    OffsetDateTime lockedAt = lockOut(null);
    clock.set(lockedAt.plus(LOCKOUT).plusSeconds(5));
    OffsetDateTime again = clock.now();
    assertThat(api.as(username, "still guessing").get("/api/me").status()).isEqualTo(401);

    Reply locked = api.as(username, PASSWORD).get("/api/me");
    assertThat(locked.status()).isEqualTo(401);
    assertThat(locked.json().get("lockedUntil").asText())
        .isEqualTo(again.plus(LOCKOUT).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  @Test
  @DisplayName(
      "Issue 10.3, 11.1: the login page of a locked account answers 401 with when to try again, in"
          + " Chinese and Beijing time")
  void loginFormShowsTheLock() {
    OffsetDateTime until = lockOut(null).plus(LOCKOUT);
    ApiClient browser = api.browser();
    Reply page = submitLoginForm(browser, username, PASSWORD);
    assertThat(page.status()).isEqualTo(401);
    assertThat(page.contentType()).startsWith("text/html").contains("UTF-8");
    assertThat(page.header("Retry-After")).isEqualTo("900");
    String untilText =
        until
            .atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
            .format(DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss"));
    assertThat(page.body())
        .contains("lang=\"zh-CN\"")
        .contains("账户已暂时锁定")
        .contains("请于 " + untilText + "（北京时间）之后再试")
        .contains("action=\"/login\"")
        .contains("value=\"" + username + "\"");
    assertThat(browser.get("/camunda/app/tasklist/default/").status()).isEqualTo(302);

    // not locked: a wrong password goes back to the form with its generic error, as before
    assertThat(api.as("admin").post("/api/admin/users/" + username + "/unlock", "").status())
        .isEqualTo(204);
    Reply wrong = submitLoginForm(browser, username, "wrong");
    assertThat(wrong.status()).isEqualTo(302);
    assertThat(wrong.location()).endsWith("/login?error");
    assertThat(browser.get("/login?error").body()).contains("账号或密码不正确").doesNotContain("锁定");
  }

  @Test
  @DisplayName(
      "Issue 10.3: an administrator sees the lock and ends it at once with POST"
          + " /api/admin/users/{username}/unlock; others may not")
  void adminUnlocksThroughTheApi() {
    OffsetDateTime until = lockOut(null).plus(LOCKOUT);
    Reply state = api.as("admin").get("/api/admin/users/" + username + "/lock");
    assertThat(state.status()).as(state.toString()).isEqualTo(200);
    assertThat(state.json().get("locked").asBoolean()).isTrue();
    assertThat(state.json().get("failedAttempts").asInt()).isEqualTo(10);
    assertThat(OffsetDateTime.parse(state.json().get("lockedUntil").asText()).toInstant())
        .isEqualTo(until.toInstant());

    // a non-administrator of our own: a demo user's wrong password in an earlier test, made at the
    // real time, leaves Camunda's back-off expiry after this test's clock (2026-10-09)
    String other = username + "-other";
    accounts.createIfAbsent(other, "Other", "Probe", null, PASSWORD);
    try {
      Reply refused = api.as(other, PASSWORD).post("/api/admin/users/" + username + "/unlock", "");
      assertThat(refused.status()).isEqualTo(403);
    } finally {
      identityService.deleteUser(other);
    }
    assertThat(api.as(username, PASSWORD).get("/api/me").status()).isEqualTo(401);
    assertThat(api.as("admin").post("/api/admin/users/no-such-user-anywhere/unlock", "").status())
        .isEqualTo(404);

    Reply unlock = api.as("admin").post("/api/admin/users/" + username + "/unlock", "");
    assertThat(unlock.status()).as(unlock.toString()).isEqualTo(204);
    assertThat(api.as(username, PASSWORD).get("/api/me").status()).isEqualTo(200);
    Reply after = api.as("admin").get("/api/admin/users/" + username + "/lock");
    assertThat(after.json().get("locked").asBoolean()).isFalse();
    assertThat(after.json().get("lockedUntil").isNull()).isTrue();
    assertThat(after.json().get("failedAttempts").asInt()).isZero();
  }

  @Test
  @DisplayName(
      "Issue 10.3: the engine's unlock (POST /engine-rest/user/{id}/unlock) ends the lock at once")
  void adminUnlocksThroughEngineRest() {
    lockOut(null);
    assertThat(api.as(username, PASSWORD).get("/api/me").json().has("lockedUntil")).isTrue();

    Reply unlock = api.as("admin").post("/engine-rest/user/" + username + "/unlock", "");
    assertThat(unlock.status()).as(unlock.toString()).isEqualTo(204);
    assertThat(api.as(username, PASSWORD).get("/api/me").status()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "Issue 10.3: the Admin webapp's unlock (its call to the engine API, as a logged-in"
          + " administrator) ends the lock at once")
  void adminUnlocksThroughTheAdminWebapp() {
    lockOut(null);
    assertThat(api.as(username, PASSWORD).get("/api/me").json().has("lockedUntil")).isTrue();

    ApiClient admin = api.browser();
    assertThat(submitLoginForm(admin, "admin", ApiClient.DEMO_PASSWORD).status()).isEqualTo(302);
    // the webapp's own CSRF protection: the token comes with a page and goes back as a header
    Reply page = admin.get("/camunda/app/admin/default/");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    String token = xsrfTokenOf(page);
    Reply unlock =
        admin
            .withHeader("X-XSRF-TOKEN", token)
            .post("/camunda/api/engine/engine/default/user/" + username + "/unlock", "");
    assertThat(unlock.status()).as(unlock.toString()).isEqualTo(204);
    assertThat(api.as(username, PASSWORD).get("/api/me").status()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "Issue 10.3: each lock is logged as a WARN with the account and the connection's address (not"
          + " a client's X-Forwarded-For)")
  void lockIsLogged(CapturedOutput output) {
    for (int attempt = 1; attempt <= 10; attempt++) {
      Reply reply =
          ApiClient.anonymous(port)
              .as(username, "guess-" + attempt)
              .withHeader("X-Forwarded-For", "203.0.113.77")
              .get("/api/me");
      assertThat(reply.status()).isEqualTo(401);
      clock.moveBy(Duration.ofSeconds(61));
    }
    String line =
        output
            .getOut()
            .lines()
            .filter(l -> l.contains("Login locked: account " + username + " "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no lock-out line for " + username));
    assertThat(line)
        .contains("WARN")
        .contains("after 10 failed logins")
        .containsPattern("from (127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)$")
        .doesNotContain("203.0.113.77")
        .doesNotContain("guess-");
  }

  /**
   * Ten wrong passwords, each after the back-off delay of the one before (the clock is moved, no
   * waiting); the nine before the tenth are answered exactly like an unknown user's when {@code
   * unknownUserDetail} is given. Returns the moment of the tenth.
   */
  private OffsetDateTime lockOut(String unknownUserDetail) {
    OffsetDateTime tenth = null;
    for (int attempt = 1; attempt <= 10; attempt++) {
      tenth = clock.now();
      Reply reply = api.as(username, "guess-" + attempt).get("/api/me");
      assertThat(reply.status()).isEqualTo(401);
      if (attempt < 10 && unknownUserDetail != null) {
        assertThat(reply.json().get("detail").asText())
            .as("attempt %d", attempt)
            .isEqualTo(unknownUserDetail);
        assertThat(reply.header("Retry-After")).isNull();
      }
      if (attempt < 10) {
        // past the engine's delay after this failure (the longest, after the 9th, is 60 s)
        clock.moveBy(Duration.ofSeconds(61));
      }
    }
    return tenth;
  }

  private static Reply submitLoginForm(ApiClient browser, String username, String password) {
    Reply form = browser.get("/login");
    assertThat(form.status()).isEqualTo(200);
    Matcher csrf =
        Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form.body());
    assertThat(csrf.find()).as("CSRF field on the login page").isTrue();
    return browser.postForm(
        "/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
  }

  private static String xsrfTokenOf(Reply page) {
    String header = page.header("X-XSRF-TOKEN");
    if (header != null) {
      return header;
    }
    return page.raw().headers().allValues("Set-Cookie").stream()
        .flatMap(c -> HttpCookie.parse(c).stream())
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError("no XSRF-TOKEN from the webapp: " + page.raw().headers().map()));
  }
}
