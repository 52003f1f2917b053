package cn.gridcase.security.internal;

import cn.gridcase.security.SystemGroups;
import cn.gridcase.security.UserAccounts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure, at every start and idempotently, that the system groups and their Camunda
 * authorizations exist, that every user has Tasklist and the shared task filters, that users'
 * Chinese names are kept whole ({@link ChineseNames}), and — when {@code
 * gridcase.bootstrap-admin.*} is set (production: GRIDCASE_ADMIN_USER/_PASSWORD) — that the first
 * administrator exists.
 */
@Component
@Order(IdentityBootstrap.ORDER)
class IdentityBootstrap implements ApplicationRunner {

  static final int ORDER = 0;
  static final String MY_TASKS_FILTER = "我的任务";
  static final String GROUP_TASKS_FILTER = "待认领任务";
  static final String NAMED_TASKS_FILTER = "点名交办任务";

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final UserAccounts accounts;
  private final String adminUsername;
  private final String adminPassword;

  IdentityBootstrap(
      IdentityService identityService,
      AuthorizationService authorizationService,
      FilterService filterService,
      TaskService taskService,
      UserAccounts accounts,
      @Value("${gridcase.bootstrap-admin.username:}") String adminUsername,
      @Value("${gridcase.bootstrap-admin.password:}") String adminPassword) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.accounts = accounts;
    this.adminUsername = adminUsername;
    this.adminPassword = adminPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensureGroup(SystemGroups.USERS, "GridCase 用户");
    ensureGroup(SystemGroups.ADMINS, "系统管理员");
    for (Resource resource : Resources.values()) {
      ensureGroupGrant(SystemGroups.ADMINS, resource, Authorization.ANY, Permissions.ALL);
    }
    ensureGroupGrant(SystemGroups.USERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // the models themselves are no secret: Tasklist shows their names and forms, and a task
    // completed by a user (Tasklist, /engine-rest) continues into call activities under that user
    ensureGroupGrant(
        SystemGroups.USERS, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
    // the rule tables (DMN) are evaluated while such a task completes, under the same user
    ensureGroupGrant(
        SystemGroups.USERS,
        Resources.DECISION_DEFINITION,
        Authorization.ANY,
        Permissions.READ,
        Permissions.CREATE_INSTANCE);
    ensureFilter(
        MY_TASKS_FILTER,
        "指派给我的任务",
        -10,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    // tasks offered to a user by name, e.g. an accountability case to its investigators
    ensureFilter(
        NAMED_TASKS_FILTER,
        "点名交由我办理、可认领的任务",
        5,
        taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}"));
    ensureFilter(
        GROUP_TASKS_FILTER,
        "我所在单位可认领的任务",
        0,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
    joinChineseNames();
    if (!adminUsername.isBlank()) {
      if (adminPassword.isBlank()) {
        throw new IllegalStateException(
            "gridcase.bootstrap-admin.username is set but the password is empty");
      }
      if (accounts.createIfAbsent(adminUsername, "管理员", "系统", null, adminPassword)) {
        log.info("Created the bootstrap administrator '{}'", adminUsername);
      }
      accounts.addToGroup(adminUsername, SystemGroups.ADMINS);
    }
  }

  /**
   * Users saved before names were kept whole (a Chinese name split into 名 and 姓, which Tasklist
   * shows as "伟 张") are saved once more: the identity provider joins the name ({@link
   * ChineseNames}).
   */
  private void joinChineseNames() {
    for (User user : identityService.createUserQuery().list()) {
      if (ChineseNames.joinFamilyFirst(user)) {
        identityService.saveUser(user);
        log.info("Name of user '{}' kept whole, family name first", user.getId());
      }
    }
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(SystemGroups.SYSTEM_TYPE);
      identityService.saveGroup(group);
    }
  }

  private void ensureGroupGrant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    boolean exists =
        authorizationService
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .count()
            > 0;
    if (!exists) {
      Authorization grant =
          authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
      for (Permission permission : permissions) {
        grant.addPermission(permission);
      }
      authorizationService.saveAuthorization(grant);
    }
  }

  private void ensureFilter(String name, String description, int priority, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
      filterService.saveFilter(filter);
    }
    ensureGroupGrant(SystemGroups.USERS, Resources.FILTER, filter.getId(), Permissions.READ);
  }
}
