package cn.gridcase.organisation.internal;

import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.Unit;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Keeps a user's unit groups in Camunda's identity store equal to what their current appointments
 * say (see {@link UnitGroups}), so candidate groups in BPMN, Tasklist and {@code /engine-rest} all
 * follow the appointments. Other groups (system groups) are left alone.
 */
@Component
public class CamundaGroupSync {

  private final IdentityService identityService;
  private final OrganisationRepository repository;
  private final Clock clock;

  CamundaGroupSync(
      IdentityService identityService, OrganisationRepository repository, Clock clock) {
    this.identityService = identityService;
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Appointments that start today or ended yesterday change groups without anyone acting: re-derive
   * those users' groups shortly after midnight (idempotent, safe on every node of a cluster).
   */
  @org.springframework.scheduling.annotation.Scheduled(
      cron = "${gridcase.organisation.group-sync-cron:0 5 0 * * *}",
      zone = "Asia/Shanghai")
  void syncUsersChangingToday() {
    LocalDate today = LocalDate.now(clock.withZone(GridCaseTime.ZONE));
    for (String username : repository.usersChangingOn(today)) {
      syncUser(username, today);
    }
  }

  public void syncUser(String username, LocalDate today) {
    Map<String, String[]> wanted = new LinkedHashMap<>(); // group id -> {name, type}
    for (Appointment appointment : repository.appointmentsOf(username)) {
      if (!appointment.isCurrentOn(today)) {
        continue;
      }
      Unit unit = repository.findUnit(appointment.unitCode()).orElseThrow();
      wanted.put(
          UnitGroups.roleIn(unit.code(), appointment.role()),
          new String[] {unit.name() + "·" + appointment.role().label(), UnitGroups.UNIT_ROLE_TYPE});
      if (appointment.role().worksUnitQueue()) {
        wanted.put(
            UnitGroups.queueOf(unit.code()), new String[] {unit.name(), UnitGroups.UNIT_TYPE});
      }
    }
    List<Group> current = identityService.createGroupQuery().groupMember(username).list();
    Set<String> have = new HashSet<>();
    for (Group group : current) {
      boolean derived =
          UnitGroups.UNIT_TYPE.equals(group.getType())
              || UnitGroups.UNIT_ROLE_TYPE.equals(group.getType());
      if (derived && !wanted.containsKey(group.getId())) {
        identityService.deleteMembership(username, group.getId());
      }
      have.add(group.getId());
    }
    wanted.forEach(
        (groupId, nameAndType) -> {
          if (!have.contains(groupId)) {
            ensureGroup(groupId, nameAndType[0], nameAndType[1]);
            identityService.createMembership(username, groupId);
          }
        });
  }

  private void ensureGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }
}
