package cn.gridcase.security.internal;

import cn.gridcase.platform.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** 401 and 403 as problem+json for API clients (never an HTML page or a stack trace). */
final class ProblemSecurityHandlers {

  static final String REALM = "GridCase";

  private ProblemSecurityHandlers() {}

  /**
   * 401 with a Basic challenge; the detail does not say whether the user exists, except for an
   * account that is locked out: then it says until when, with {@code Retry-After}.
   */
  static AuthenticationEntryPoint unauthorized(boolean basicChallenge) {
    return (HttpServletRequest request,
        HttpServletResponse response,
        AuthenticationException e) -> {
      if (basicChallenge) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
      }
      if (e instanceof AccountLockedException locked) {
        response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds()));
        ProblemJson.write(
            response,
            HttpStatus.UNAUTHORIZED,
            "账户已暂时锁定 Account locked",
            locked.getMessage(),
            request.getRequestURI(),
            Map.of(
                "lockedUntil",
                locked.lockedUntil().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        return;
      }
      String detail =
          request.getHeader("Authorization") == null
              ? "请先登录：以 GridCase 账号和密码使用 HTTP Basic 认证。 Authentication required: use HTTP Basic"
                  + " with your GridCase username and password."
              : CamundaIdentityAuthenticationProvider.WRONG_CREDENTIALS;
      ProblemJson.write(
          response,
          HttpStatus.UNAUTHORIZED,
          "未登录 Unauthorized",
          detail,
          request.getRequestURI(),
          Map.of());
    };
  }

  static AccessDeniedHandler forbidden() {
    return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) -> {
      String detail =
          e instanceof CsrfException
              ? "缺少或无效的 CSRF 令牌：浏览器会话须发送 X-XSRF-TOKEN 请求头；接口客户端请使用 HTTP Basic。 Missing or invalid"
                  + " CSRF token: a browser session must send the X-XSRF-TOKEN header; API"
                  + " clients should use HTTP Basic."
              : "您无权执行此操作。 You are not allowed to do this.";
      ProblemJson.write(
          response,
          HttpStatus.FORBIDDEN,
          "无权操作 Forbidden",
          detail,
          request.getRequestURI(),
          Map.of());
    };
  }
}
