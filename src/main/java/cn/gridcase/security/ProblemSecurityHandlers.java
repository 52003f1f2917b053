package cn.gridcase.security;

import cn.gridcase.platform.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

  /** 401 with a Basic challenge; the detail does not say whether the user exists. */
  static AuthenticationEntryPoint unauthorized(boolean basicChallenge) {
    return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
      if (basicChallenge) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
      }
      String detail = request.getHeader("Authorization") == null
          ? "Authentication required: use HTTP Basic with your GridCase username and password."
          : "The username or password is wrong, or the account is locked after too many failed attempts.";
      ProblemJson.write(response, HttpStatus.UNAUTHORIZED, detail, request.getRequestURI());
    };
  }

  static AccessDeniedHandler forbidden() {
    return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) -> {
      String detail = e instanceof CsrfException
          ? "Missing or invalid CSRF token: a browser session must send the X-XSRF-TOKEN header; "
              + "API clients should use HTTP Basic."
          : "You are not allowed to do this.";
      ProblemJson.write(response, HttpStatus.FORBIDDEN, detail, request.getRequestURI());
    };
  }
}
