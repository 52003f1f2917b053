package cn.gridcase.home;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRequest;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.CurrentPost;
import cn.gridcase.organisation.Education;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Person;
import cn.gridcase.security.SystemGroups;
import cn.gridcase.security.UserAccounts;
import cn.gridcase.test.BrowserTestSupport;
import cn.gridcase.test.ControlledClock;
import cn.gridcase.test.ProductionLockout;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 part 1 in a real browser (Debian's chromium, locale zh-CN): the login page and the home
 * page by role.
 */
class LoginAndHomeBrowserTests extends BrowserTestSupport {

  private static final AtomicInteger ACCOUNTS = new AtomicInteger();
  private static final String PASSWORD = "Browser-Pass-11";

  @Autowired UserAccounts accounts;

  @Autowired IdentityService identityService;

  @Autowired ManagementService managementService;

  @Autowired ProcessEngine processEngine;

  @Autowired Organisation organisation;

  private final List<String> ownAccounts = new ArrayList<>();
  private final List<Appointment> ownAppointments = new ArrayList<>();

  @AfterEach
  void removeOwnAccounts() {
    LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
    ownAppointments.forEach(
        appointment -> organisation.endAppointment(appointment.id(), yesterday, "测试结束"));
    ownAccounts.forEach(identityService::deleteUser);
  }

  @Test
  @DisplayName(
      "Issue 11.1: the login page is in Chinese: the product's name, lang zh-CN, labels 账号 and 密码,"
          + " a 登录 button, a Chinese font")
  void loginPageInChinese() throws Exception {
    open("/");
    assertThat(currentPath()).as("not logged in: sent to the login page").isEqualTo("/login");
    assertThat(find("html").getDomAttribute("lang")).isEqualTo("zh-CN");
    assertThat(browser.getTitle()).contains("GridCase 网格化服务管理").contains("登录");
    assertThat(find(".product").getText()).isEqualTo("GridCase 网格化服务管理");
    assertThat(fieldLabelled("账号").getDomAttribute("type")).isEqualTo("text");
    assertThat(fieldLabelled("密码").getDomAttribute("type")).isEqualTo("password");
    assertThat(button("登录").isDisplayed()).isTrue();
    assertThat(find("input[type=hidden][name=_csrf]").getDomAttribute("value")).isNotBlank();
    assertThat(find("body").getCssValue("font-family")).contains("Noto Sans CJK SC");
    assertThat(findAll("[role=alert]")).as("no error before a try").isEmpty();
    screenshot("login");
  }

  @Test
  @DisplayName(
      "Issue 11.1: a wrong password shows one Chinese error, the same for an unknown account, and"
          + " stays on the login page")
  void wrongPasswordShowsChineseError() throws Exception {
    logIn("worker2", "not-the-password");
    assertThat(currentPath()).isEqualTo("/login");
    String wrongPassword = find("[role=alert]").getText();
    assertThat(wrongPassword).isEqualTo("账号或密码不正确，请重新输入。");
    screenshot("login-wrong-password");

    logIn("nobody-of-that-name", "not-the-password");
    assertThat(find("[role=alert]").getText())
        .as("no hint whether the account exists")
        .isEqualTo(wrongPassword);
  }

  @Test
  @DisplayName(
      "Issue 11.1: an account locked after 10 wrong passwords sees, in Chinese, until when it is"
          + " locked (Beijing time), even with the right password")
  void lockedAccountSeesUntilWhen() throws Exception {
    String username = ownAccount("Suo", "Ding");
    ControlledClock clock = new ControlledClock(managementService);
    clock.set("2026-10-09T09:00");
    try (ProductionLockout lockout = new ProductionLockout(processEngine)) {
      for (int attempt = 1; attempt <= lockout.maxAttempts(); attempt++) {
        assertThat(api.as(username, "guess-" + attempt).get("/api/me").status()).isEqualTo(401);
        clock.moveBy(Duration.ofSeconds(lockout.maxDelaySeconds() + 1));
      }
      String lockedUntil =
          api.as("admin")
              .get("/api/admin/users/" + username + "/lock")
              .json()
              .get("lockedUntil")
              .asText();
      String shown =
          OffsetDateTime.parse(lockedUntil)
              .atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
              .format(DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss"));

      logIn(username, PASSWORD);
      assertThat(currentPath()).isEqualTo("/login");
      assertThat(find("[role=alert]").getText())
          .isEqualTo("密码连续输错次数过多，账户已暂时锁定，请于 " + shown + "（北京时间）之后再试，或请管理员解锁。");
      assertThat(fieldLabelled("账号").getDomProperty("value"))
          .as("the account name is kept")
          .isEqualTo(username);
      screenshot("login-locked");
      open("/");
      assertThat(currentPath()).as("not logged in").isEqualTo("/login");
    }
  }

  @Test
  @DisplayName(
      "Issue 11.1: worker1 logs in and lands on / with their name family name first (张伟) and the"
          + " 网格员 section linking to the grid worker's pages (上报事件, 我的日常工作, 我的事件, 我的任务,"
          + " 例会, 交办任务, 通知)")
  void gridWorkerHome() throws Exception {
    logIn("worker1", "demo");
    assertThat(currentPath()).isEqualTo("/");
    assertThat(find("html").getDomAttribute("lang")).isEqualTo("zh-CN");
    assertThat(find("#user-name").getText()).isEqualTo("张伟");
    assertThat(roles()).containsExactly("GRID_WORKER");
    WebElement section = find("section[data-role=GRID_WORKER]");
    assertThat(section.findElement(By.tagName("h2")).getText()).isEqualTo("网格员");
    assertThat(section.getText()).contains("第1网格");
    screenshot("home-grid-worker");

    assertThat(section.findElements(By.cssSelector("ul.actions a")))
        .extracting(link -> link.getText() + " " + link.getDomAttribute("href"))
        .containsExactly(
            "上报事件 /events/new",
            "我的日常工作 /routine",
            "我的事件 /events/mine",
            "我的任务 /tasks",
            "例会 /meetings",
            "交办任务 /assignments",
            "我的考核 /assessment/mine",
            "通知 /notifications");
    clickAndWaitForPage(section.findElement(By.linkText("我的任务")));
    assertThat(currentPath())
        .as("the worker's task page opens with no second login")
        .isEqualTo("/tasks");
    assertThat(find("h1").getText()).isEqualTo("我的任务");
  }

  @Test
  @DisplayName(
      "Issue 11.1: a user with several roles (event handler, investigator, administrator) sees a"
          + " section for each, with Cockpit and Admin for the administrator")
  void severalRolesSeeEachSection() throws Exception {
    String username = ownAccount("娜", "欧阳");
    AppointmentRequest.PersonDetails person =
        new AppointmentRequest.PersonDetails(
            "欧阳娜",
            idCardNumber(LocalDate.of(1990, 6, 1), 700 + ACCOUNTS.get()),
            null,
            Education.SENIOR_HIGH,
            CurrentPost.NONE,
            Person.Exclusions.none(),
            username);
    ownAppointments.add(
        organisation.appoint(
            new AppointmentRequest(
                person, "GS-V06", AppointmentRole.EVENT_HANDLER, LocalDate.of(2020, 1, 1))));
    ownAppointments.add(
        organisation.appoint(
            new AppointmentRequest(
                person, "GS", AppointmentRole.INVESTIGATOR, LocalDate.of(2020, 1, 1))));
    accounts.addToGroup(username, SystemGroups.ADMINS);

    logIn(username, PASSWORD);
    assertThat(currentPath()).isEqualTo("/");
    assertThat(find("#user-name").getText()).isEqualTo("欧阳娜");
    assertThat(roles()).containsExactly("EVENT_HANDLER", "INVESTIGATOR", "ADMINISTRATOR");
    assertThat(find("section[data-role=EVENT_HANDLER] h2").getText()).isEqualTo("事件经办人");
    assertThat(find("section[data-role=INVESTIGATOR] h2").getText()).isEqualTo("调查人员");
    assertThat(find("section[data-role=ADMINISTRATOR] h2").getText()).isEqualTo("系统管理员");
    screenshot("home-several-roles");

    clickAndWaitForPage(
        find("section[data-role=ADMINISTRATOR] a[href='/camunda/app/cockpit/default/']"));
    assertThat(currentPath())
        .as("an administrator enters Cockpit")
        .isEqualTo("/camunda/app/cockpit/default/");
  }

  @Test
  @DisplayName("Issue 11.1: 退出登录 ends the session and the login page says 已退出登录")
  void logout() throws Exception {
    logIn("arealeader1", "demo");
    assertThat(roles()).containsExactly("AREA_LEADER");
    assertThat(find("section[data-role=AREA_LEADER]").getText())
        .as("each of the area's villages")
        .contains("、");
    clickAndWaitForPage(button("退出登录"));
    assertThat(currentPath()).isEqualTo("/login");
    assertThat(find("[role=status]").getText()).isEqualTo("已退出登录。");
    screenshot("logged-out");
    open("/");
    assertThat(currentPath()).as("the session has ended").isEqualTo("/login");
    assertThat(findAll("[role=status]")).isEmpty();
  }

  private List<String> roles() {
    return findAll("section.role").stream()
        .map(section -> section.getDomAttribute("data-role"))
        .toList();
  }

  private String ownAccount(String firstName, String lastName) {
    String username = "browser-user-" + ACCOUNTS.incrementAndGet();
    accounts.createIfAbsent(username, firstName, lastName, null, PASSWORD);
    ownAccounts.add(username);
    return username;
  }

  /** A made-up id-card number with a valid check character (GB 11643). */
  private static String idCardNumber(LocalDate birthDate, int sequence) {
    String body =
        "330781"
            + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
            + String.format("%03d", sequence % 1000);
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * weights[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }
}
