package cn.gridcase.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.util.HtmlUtils;

/**
 * A failed form login. A wrong password goes back to the login form with its generic error (the
 * same whether the user exists or not). A locked-out account gets a 401 page that says until
 * when, in Chinese and English, with {@code Retry-After}: Spring's default login form shows only a
 * fixed "Invalid credentials" and cannot carry that message.
 */
final class LoginFailureHandler implements AuthenticationFailureHandler {

  static final String FAILURE_URL = "/login?error";

  private final AuthenticationFailureHandler backToForm = new SimpleUrlAuthenticationFailureHandler(FAILURE_URL);

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException, ServletException {
    if (!(exception instanceof AccountLockedException locked)) {
      backToForm.onAuthenticationFailure(request, response, exception);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds()));
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.setCharacterEncoding("UTF-8");
    String login = HtmlUtils.htmlEscape(request.getContextPath() + "/login");
    response.getWriter().write("""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>账户已暂时锁定 Account locked</title></head>
        <body>
        <h1>账户已暂时锁定 Account locked</h1>
        <p role="alert">%s</p>
        <p><a href="%s">返回登录 Back to the login</a></p>
        </body>
        </html>
        """.formatted(HtmlUtils.htmlEscape(locked.getMessage(), "UTF-8"), login));
  }
}
