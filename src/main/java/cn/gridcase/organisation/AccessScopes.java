package cn.gridcase.organisation;

import cn.gridcase.organisation.internal.OrganisationRepository;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Service;

/**
 * Computes a user's {@link AccessScope} from their current appointments (one place for the whole
 * system). Every request asks, so a scope is kept like the organisation's reads ({@link
 * OrganisationRepository#KEPT_FOR}, keyed by user and day): a change of units or appointments on
 * this node is seen at once, one made on another node of a cluster or a change of Camunda admin
 * membership within that time.
 */
@Service
public class AccessScopes {

  private final OrganisationRepository repository;
  private final IdentityService identityService;
  private final Clock clock;

  AccessScopes(OrganisationRepository repository, IdentityService identityService, Clock clock) {
    this.repository = repository;
    this.identityService = identityService;
    this.clock = clock;
  }

  public AccessScope of(String username) {
    LocalDate today = LocalDate.now(clock.withZone(GridCaseTime.ZONE));
    return repository.kept("scope", List.of(username, today), () -> compute(username, today));
  }

  private AccessScope compute(String username, LocalDate today) {
    boolean admin =
        identityService
                .createGroupQuery()
                .groupMember(username)
                .groupId(Groups.CAMUNDA_ADMIN)
                .count()
            > 0;
    Set<String> townships = new HashSet<>();
    Set<String> villages = new HashSet<>();
    Set<String> grids = new HashSet<>();
    Set<String> departments = new HashSet<>();
    for (Appointment appointment : repository.appointmentsOf(username)) {
      if (!appointment.isCurrentOn(today)) {
        continue;
      }
      Unit unit = repository.findUnit(appointment.unitCode()).orElse(null);
      if (unit == null) {
        continue;
      }
      switch (unit.kind()) {
        case GRID -> grids.add(unit.code());
        case VILLAGE -> addVillage(unit.code(), villages, grids);
        case DEPARTMENT -> departments.add(unit.code());
        case TOWNSHIP -> {
          if (appointment.role() != AppointmentRole.INVESTIGATOR) {
            townships.add(unit.code());
            for (Unit child : repository.childrenOf(unit.code())) {
              if (child.kind() == UnitKind.VILLAGE) {
                addVillage(child.code(), villages, grids);
              } else if (child.kind() == UnitKind.DEPARTMENT) {
                departments.add(child.code());
              }
            }
          }
        }
      }
    }
    return new AccessScope(
        username,
        admin,
        Set.copyOf(townships),
        Set.copyOf(villages),
        Set.copyOf(grids),
        Set.copyOf(departments));
  }

  private void addVillage(String village, Set<String> villages, Set<String> grids) {
    villages.add(village);
    repository.childrenOf(village).stream()
        .filter(u -> u.kind() == UnitKind.GRID)
        .forEach(u -> grids.add(u.code()));
  }
}
