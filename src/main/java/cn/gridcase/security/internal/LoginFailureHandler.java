package cn.gridcase.security.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * A failed form login. A wrong password goes back to the login page with its generic error (the
 * same whether the user exists or not). A locked-out account gets the login page itself answered
 * 401 with {@code Retry-After} and, in Chinese, until when (Beijing time): the reason lives only in
 * this request's exception, so the page is rendered here rather than after a redirect.
 */
final class LoginFailureHandler implements AuthenticationFailureHandler {

  static final String FAILURE_URL = "/login?error";

  private final AuthenticationFailureHandler backToForm =
      new SimpleUrlAuthenticationFailureHandler(FAILURE_URL);
  private final ITemplateEngine templates;

  LoginFailureHandler(ITemplateEngine templates) {
    this.templates = templates;
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException, ServletException {
    if (!(exception instanceof AccountLockedException locked)) {
      backToForm.onAuthenticationFailure(request, response, exception);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds()));
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.setCharacterEncoding("UTF-8");
    WebContext context =
        new WebContext(
            JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response),
            Locale.SIMPLIFIED_CHINESE,
            LoginPage.model(
                request,
                request.getParameter("username"),
                LoginPage.lockedMessage(locked.lockedUntil()),
                null));
    templates.process(LoginPage.VIEW, context, response.getWriter());
  }
}
