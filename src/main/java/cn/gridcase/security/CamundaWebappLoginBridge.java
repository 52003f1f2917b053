package cn.gridcase.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the webapps' own login form (shown after "log out" or an expired session) log the user in
 * to Spring Security too, so that there is still exactly one login. The request then goes on to
 * Camunda's login resource, which answers the webapp as usual. A failed login is left to Camunda's
 * resource, which answers 401.
 */
class CamundaWebappLoginBridge extends OncePerRequestFilter {

  private final RequestMatcher loginRequest;
  private final AuthenticationManager authenticationManager;
  private final SecurityContextRepository contextRepository;

  CamundaWebappLoginBridge(RequestMatcher loginRequest, AuthenticationManager authenticationManager,
      SecurityContextRepository contextRepository) {
    this.loginRequest = loginRequest;
    this.authenticationManager = authenticationManager;
    this.contextRepository = contextRepository;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (loginRequest.matches(request)) {
      String username = request.getParameter("username");
      String password = request.getParameter("password");
      if (username != null && password != null) {
        try {
          Authentication authentication = authenticationManager.authenticate(
              UsernamePasswordAuthenticationToken.unauthenticated(username, password));
          if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation
          }
          SecurityContext context = SecurityContextHolder.createEmptyContext();
          context.setAuthentication(authentication);
          SecurityContextHolder.setContext(context);
          contextRepository.saveContext(context, request, response);
        } catch (AuthenticationException refused) {
          // Camunda's login resource checks the same password again and answers 401
        }
      }
    }
    chain.doFilter(request, response);
  }
}
