package cn.gridcase.security.internal;

import cn.gridcase.security.SystemGroups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which calls of Camunda's REST API an ordinary user may make, the same for both doors to it:
 * {@code /engine-rest} (API clients) and {@code /camunda/api/engine} (the webapps). Administrators
 * pass everywhere; everyone else only through this allow-list of what Tasklist and the documented
 * clients need — reading and working their own tasks, the shared filters, the models' forms and
 * diagrams, names of users and groups. Everything else (jobs, job definitions, deployments,
 * batches, incidents, external tasks, authorizations, identity writes, metrics, decision
 * evaluation, process-instance modification, messages, signals, variables, history, …) is refused
 * before it reaches the engine, so a refused call changes nothing: the engine's own authorization
 * check would come too late for some of them (a refused manual job execution still costs the timer
 * one of its retries).
 *
 * <p>Deny by default: a path not listed, another method, a trailing slash, another spelling — all
 * refused.
 */
final class EngineRestAccess implements AuthorizationManager<RequestAuthorizationContext> {

  private static final PathPatternParser PARSER = new PathPatternParser();
  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
  private static final String ADMIN_AUTHORITY = "ROLE_" + SystemGroups.ADMIN_ROLE;

  /**
   * The resources of a named engine are below {@code <root>/<engine name>}; the list of engines is
   * the root.
   */
  private static final List<String> NAMED_ENGINE_ROOTS =
      List.of("/engine-rest/engine", "/camunda/api/engine/engine");

  /** {@code /engine-rest} also serves the default engine's resources directly. */
  private static final String DEFAULT_ENGINE_ROOT = "/engine-rest";

  /**
   * Names the engine serves as fixed resources beside ids ({@code /process-definition/statistics}
   * is routed before {@code /process-definition/{id}}): never an {@code {id}} of the list.
   */
  private static final Set<String> FIXED_NAMES =
      Set.of(
          "statistics",
          "count",
          "key",
          "suspended",
          "create",
          "report",
          "delete",
          "history",
          "restart",
          "variables",
          "submit-form",
          "xml",
          "form",
          "startForm",
          "deployed-start-form",
          "form-variables",
          "rendered-form",
          "static",
          "tenant-id",
          "template");

  private static final BiPredicate<HttpServletRequest, String> ANYONE = (request, user) -> true;

  /**
   * The allow-list: method and path below the engine root, with a check of the query where one is
   * needed.
   */
  private static final List<Allowed> ALLOWED =
      List.of(
          // the engines' names (the webapps ask once)
          get("/engine"),
          get("/version"),
          // tasks: the engine's authorization checks show each user only the tasks offered to them
          get("/task"),
          post("/task"),
          get("/task/count"),
          post("/task/count"),
          get("/task/{id}"),
          get("/task/{id}/form"),
          get("/task/{id}/deployed-form"),
          get("/task/{id}/rendered-form"),
          get("/task/{id}/form-variables"),
          get("/task/{id}/variables"),
          get("/task/{id}/identity-links"),
          get("/task/{id}/comment"),
          get("/task/{id}/attachment"),
          post("/task/{id}/claim"),
          post("/task/{id}/complete"),
          post("/task/{id}/submit-form"),
          // the shared task filters of Tasklist (created by IdentityBootstrap, not by users)
          get("/filter"),
          get("/filter/count"),
          get("/filter/{id}"),
          // Tasklist asks which filter actions the user has (create, edit: none for ordinary users)
          options("/filter"),
          options("/filter/{id}"),
          get("/filter/{id}/list"),
          post("/filter/{id}/list"),
          get("/filter/{id}/count"),
          post("/filter/{id}/count"),
          // the models: names, diagrams and forms (READ for every user, IdentityBootstrap)
          get("/process-definition"),
          get("/process-definition/count"),
          get("/process-definition/{id}"),
          get("/process-definition/{id}/xml"),
          get("/process-definition/{id}/startForm"),
          get("/process-definition/{id}/deployed-start-form"),
          get("/process-definition/{id}/form-variables"),
          get("/process-definition/key/{key}"),
          get("/process-definition/key/{key}/xml"),
          // names of users and groups shown beside tasks; a user's memberships only for that user
          get("/user"),
          get("/user/count"),
          get("/user/{id}/profile"),
          get("/group"),
          post("/group"),
          get("/group/count"),
          post("/group/count"),
          get("/group/{id}"),
          new Allowed(
              HttpMethod.GET,
              PARSER.parse("/identity/groups"),
              (request, user) -> user.equals(request.getParameter("userId"))),
          new Allowed(
              HttpMethod.GET,
              PARSER.parse("/authorization/check"),
              (request, user) ->
                  request.getParameter("userId") == null
                      || user.equals(request.getParameter("userId"))));

  @Override
  public AuthorizationDecision check(
      Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Authentication caller = authentication.get();
    if (caller == null || !caller.isAuthenticated() || TRUST.isAnonymous(caller)) {
      return new AuthorizationDecision(false);
    }
    if (isAdmin(caller)) {
      return new AuthorizationDecision(true);
    }
    return new AuthorizationDecision(allows(context.getRequest(), caller.getName()));
  }

  static boolean allows(HttpServletRequest request, String user) {
    String resource = resourcePath(request);
    if (resource == null) {
      return false;
    }
    HttpMethod method = HttpMethod.valueOf(request.getMethod());
    PathContainer path = PathContainer.parsePath(resource);
    for (Allowed allowed : ALLOWED) {
      if (allowed.matches(method, path) && allowed.query().test(request, user)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The path below the engine root ({@code /task/1/claim}), or null when the request is not for an
   * engine.
   */
  static String resourcePath(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    for (String named : NAMED_ENGINE_ROOTS) {
      if (path.equals(named) || path.equals(named + "/")) {
        return "/engine";
      }
      if (path.startsWith(named + "/")) {
        // skip the engine's name
        int end = path.indexOf('/', named.length() + 1);
        return end < 0 ? null : path.substring(end);
      }
    }
    return path.startsWith(DEFAULT_ENGINE_ROOT + "/")
        ? path.substring(DEFAULT_ENGINE_ROOT.length())
        : null;
  }

  private static boolean isAdmin(Authentication caller) {
    for (GrantedAuthority authority : caller.getAuthorities()) {
      if (ADMIN_AUTHORITY.equals(authority.getAuthority())) {
        return true;
      }
    }
    return false;
  }

  private static Allowed get(String path) {
    return new Allowed(HttpMethod.GET, PARSER.parse(path), ANYONE);
  }

  private static Allowed post(String path) {
    return new Allowed(HttpMethod.POST, PARSER.parse(path), ANYONE);
  }

  private static Allowed options(String path) {
    return new Allowed(HttpMethod.OPTIONS, PARSER.parse(path), ANYONE);
  }

  private record Allowed(
      HttpMethod method, PathPattern path, BiPredicate<HttpServletRequest, String> query) {

    boolean matches(HttpMethod requested, PathContainer resource) {
      boolean sameMethod =
          method.equals(requested)
              || (HttpMethod.GET.equals(method) && HttpMethod.HEAD.equals(requested));
      if (!sameMethod) {
        return false;
      }
      PathPattern.PathMatchInfo match = path.matchAndExtract(resource);
      return match != null && !FIXED_NAMES.contains(match.getUriVariables().getOrDefault("id", ""));
    }
  }
}
