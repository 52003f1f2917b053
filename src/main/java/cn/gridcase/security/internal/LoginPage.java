package cn.gridcase.security.internal;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Chinese login page ({@code templates/login.html}). A wrong password comes back here as {@code
 * /login?error} with one generic message, whether or not the account exists; a locked account's
 * page is rendered by {@link LoginFailureHandler} with the same template and a 401.
 */
@Controller
@WebPage
class LoginPage {

  static final String VIEW = "login";
  static final String WRONG_CREDENTIALS = "账号或密码不正确，请重新输入。";
  static final String LOGGED_OUT = "已退出登录。";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss");

  @GetMapping("/login")
  String login(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String logout,
      HttpServletRequest request,
      Model model) {
    model.addAllAttributes(
        model(
            request,
            null,
            error != null ? WRONG_CREDENTIALS : null,
            logout != null ? LOGGED_OUT : null));
    return VIEW;
  }

  /** The template's variables: the CSRF field, the typed account name, an error or a notice. */
  static Map<String, Object> model(
      HttpServletRequest request, String username, String error, String notice) {
    Map<String, Object> model = new HashMap<>();
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    model.put("csrfParameter", csrf.getParameterName());
    model.put("csrfToken", csrf.getToken());
    model.put("username", username);
    model.put("error", error);
    model.put("notice", notice);
    return model;
  }

  /** What a locked account is told: until when, on the clock of Beijing time (Asia/Shanghai). */
  static String lockedMessage(OffsetDateTime lockedUntil) {
    String at = lockedUntil.atZoneSameInstant(GridCaseTime.ZONE).format(SHOWN);
    return "密码连续输错次数过多，账户已暂时锁定，请于 " + at + "（北京时间）之后再试，或请管理员解锁。";
  }
}
