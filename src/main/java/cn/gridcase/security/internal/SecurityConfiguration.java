package cn.gridcase.security.internal;

import cn.gridcase.security.SystemGroups;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.thymeleaf.ITemplateEngine;

/**
 * Two filter chains. API clients ({@code /api}, {@code /engine-rest}, {@code /actuator}, {@code
 * /v3/api-docs}) use HTTP Basic and get problem+json for 401/403. Browsers log in once with the
 * Chinese login page ({@link LoginPage}), land on the home page and are then known to Tasklist,
 * Cockpit and Admin as the same user with the same groups (see {@link CamundaWebappSingleSignOn}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

  /** Where a login lands unless a page asked for first: the home page by role. */
  static final String HOME = "/";

  static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/{engine}/logout";

  private static final PathPatternRequestMatcher.Builder PATHS =
      PathPatternRequestMatcher.withDefaults();
  private static final EngineRestAccess ENGINE_REST = new EngineRestAccess();

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
    http.securityMatcher(
            new OrRequestMatcher(
                PATHS.matcher("/api/**"),
                PATHS.matcher("/engine-rest/**"),
                PATHS.matcher("/actuator/**"),
                PATHS.matcher("/v3/api-docs/**"),
                PATHS.matcher("/v3/api-docs")))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        PATHS.matcher("/actuator/health"), PATHS.matcher("/actuator/health/**"))
                    .permitAll()
                    .requestMatchers(PATHS.matcher("/actuator/**"))
                    .hasRole(SystemGroups.ADMIN_ROLE)
                    .requestMatchers(PATHS.matcher("/api/admin/**"))
                    .hasRole(SystemGroups.ADMIN_ROLE)
                    .requestMatchers(PATHS.matcher("/engine-rest/**"))
                    .access(ENGINE_REST)
                    .anyRequest()
                    .authenticated())
        .httpBasic(
            basic ->
                basic
                    .realmName(ProblemSecurityHandlers.REALM)
                    .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized(true)))
        // a browser that calls the API with its session cookie needs a CSRF token; a client that
        // sends its own Authorization header (or no credentials at all) cannot be forged cross-site
        .csrf(
            csrf ->
                csrf.requireCsrfProtectionMatcher(
                    request ->
                        !isSafe(request.getMethod())
                            && request.getHeader("Authorization") == null
                            && request.getRequestedSessionId() != null))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(cache -> cache.disable())
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized(true))
                    .accessDeniedHandler(ProblemSecurityHandlers.forbidden()));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain browserChain(
      HttpSecurity http,
      SecurityContextRepository securityContextRepository,
      ITemplateEngine templates)
      throws Exception {
    RequestMatcher camundaApi = PATHS.matcher("/camunda/api/**");
    RequestMatcher camundaEngineApi = PATHS.matcher("/camunda/api/engine/**");
    // the webapps' log-out is exempt from Spring's CSRF check (they send their own token), so it
    // counts only with that token: header equal to the webapps' XSRF cookie, which another site can
    // neither read nor send as a header. Without it Camunda's own CSRF filter refuses the request.
    RequestMatcher camundaLogout =
        new AndRequestMatcher(
            PATHS.matcher(HttpMethod.POST, CAMUNDA_LOGOUT),
            SecurityConfiguration::carriesWebappXsrfToken);
    RequestMatcher logout =
        new OrRequestMatcher(PATHS.matcher(HttpMethod.POST, "/logout"), camundaLogout);
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        PATHS.matcher("/login"),
                        PATHS.matcher("/error"),
                        PATHS.matcher("/favicon.ico"),
                        PATHS.matcher("/css/**"))
                    .permitAll()
                    // Camunda would log out on a request without its token (another site's form
                    // post)
                    .requestMatchers(
                        new AndRequestMatcher(
                            PATHS.matcher(HttpMethod.POST, CAMUNDA_LOGOUT),
                            new NegatedRequestMatcher(
                                SecurityConfiguration::carriesWebappXsrfToken)))
                    .denyAll()
                    // the webapps' door to the engine: the same allow-list as /engine-rest
                    .requestMatchers(camundaEngineApi)
                    .access(ENGINE_REST)
                    // Cockpit and Admin, and their plugin APIs, are for administrators; the
                    // webapps' own
                    // login state (/camunda/api/admin/auth) is everyone's
                    .requestMatchers(PATHS.matcher("/camunda/api/admin/auth/**"))
                    .authenticated()
                    .requestMatchers(
                        PATHS.matcher("/camunda/app/cockpit/**"),
                        PATHS.matcher("/camunda/app/admin/**"),
                        PATHS.matcher("/camunda/api/cockpit/**"),
                        PATHS.matcher("/camunda/api/admin/**"))
                    .hasRole(SystemGroups.ADMIN_ROLE)
                    .anyRequest()
                    .authenticated())
        .securityContext(context -> context.securityContextRepository(securityContextRepository))
        .formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl(HOME, false)
                    .failureUrl(LoginFailureHandler.FAILURE_URL)
                    // on the filter itself: form.failureHandler() would stop the login page showing
                    // its error
                    .withObjectPostProcessor(
                        new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                          @Override
                          public <O extends UsernamePasswordAuthenticationFilter> O postProcess(
                              O filter) {
                            filter.setAuthenticationFailureHandler(
                                new LoginFailureHandler(templates));
                            return filter;
                          }
                        })
                    .permitAll())
        .logout(
            out ->
                out.logoutRequestMatcher(logout)
                    .logoutSuccessHandler(
                        (request, response, authentication) -> {
                          if (camundaApi.matches(request)) {
                            // the webapps' "log out" button (an XHR): the Spring session is gone,
                            // the page
                            // itself is sent to the login form on its next load
                            response.setStatus(HttpServletResponse.SC_OK);
                            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                            response.getWriter().write("{}");
                          } else {
                            response.sendRedirect(request.getContextPath() + "/login?logout");
                          }
                        }))
        // the webapps send their own XSRF token (Camunda's CsrfPreventionFilter)
        .csrf(csrf -> csrf.ignoringRequestMatchers(camundaApi))
        .exceptionHandling(
            errors ->
                errors
                    .defaultAuthenticationEntryPointFor(
                        ProblemSecurityHandlers.unauthorized(false), camundaApi)
                    .defaultAccessDeniedHandlerFor(ProblemSecurityHandlers.forbidden(), camundaApi)
                    // pages (Cockpit and Admin for a non-administrator, a form post without its
                    // CSRF token):
                    // the status only, Spring Boot's /error shows the Chinese page
                    // templates/error/403.html
                    .defaultAccessDeniedHandlerFor(
                        new AccessDeniedHandlerImpl(), new NegatedRequestMatcher(camundaApi)));
    return http.build();
  }

  private static boolean carriesWebappXsrfToken(HttpServletRequest request) {
    String header = request.getHeader("X-XSRF-TOKEN");
    if (header == null || header.isEmpty() || request.getCookies() == null) {
      return false;
    }
    for (Cookie cookie : request.getCookies()) {
      if ("XSRF-TOKEN".equals(cookie.getName())
          && MessageDigest.isEqual(
              cookie.getValue().getBytes(StandardCharsets.UTF_8),
              header.getBytes(StandardCharsets.UTF_8))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSafe(String method) {
    return "GET".equals(method)
        || "HEAD".equals(method)
        || "OPTIONS".equals(method)
        || "TRACE".equals(method);
  }
}
