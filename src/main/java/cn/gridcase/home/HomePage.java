package cn.gridcase.home;

import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.WebPage;
import cn.gridcase.security.SystemGroups;
import cn.gridcase.security.UserAccounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}, where a login lands: the user's name (family name first) and one section per role they
 * hold today — from their current appointments, and administrator for members of {@code
 * camunda-admin} — each saying what the role does here with links to the pages that serve it.
 */
@Controller
@WebPage
class HomePage {

  private final UserAccounts accounts;
  private final Organisation organisation;

  HomePage(UserAccounts accounts, Organisation organisation) {
    this.accounts = accounts;
    this.organisation = organisation;
  }

  @GetMapping("/")
  String home(Authentication authentication, Model model) {
    String username = authentication.getName();
    model.addAttribute("name", accounts.nameOf(username));
    model.addAttribute(
        "sections", sections(username, accounts.groupsOf(username).contains(SystemGroups.ADMINS)));
    return "home";
  }

  /** The sections in the order of the roles (AppointmentRole's order), administrator last. */
  List<RoleSection> sections(String username, boolean admin) {
    Map<AppointmentRole, List<String>> unitsByRole = new LinkedHashMap<>();
    Set<AppointmentRole> overGrids = EnumSet.noneOf(AppointmentRole.class);
    Set<AppointmentRole> inTownship = EnumSet.noneOf(AppointmentRole.class);
    organisation.currentAppointments(username).stream()
        .sorted(Comparator.comparing(Appointment::role).thenComparing(Appointment::unitCode))
        .forEach(
            appointment -> {
              Optional<Unit> unit = organisation.unit(appointment.unitCode());
              unitsByRole
                  .computeIfAbsent(appointment.role(), role -> new ArrayList<>())
                  .add(unit.map(Unit::name).orElse(appointment.unitCode()));
              if (unit.map(u -> u.kind() == UnitKind.VILLAGE || u.kind() == UnitKind.TOWNSHIP)
                  .orElse(false)) {
                overGrids.add(appointment.role());
              }
              if (unit.map(u -> u.kind() == UnitKind.TOWNSHIP).orElse(false)) {
                inTownship.add(appointment.role());
              }
            });
    List<RoleSection> sections = new ArrayList<>();
    unitsByRole.forEach(
        (role, units) -> {
          RoleSection section = RoleSection.of(role, units);
          if (overGrids.contains(role) && RoleSection.OVER_GRID_WORKERS.contains(role)) {
            section = section.withRoutineWorkers();
          }
          if (inTownship.contains(role) && RoleSection.TOWNSHIP_STAFF.contains(role)) {
            section = section.withPaySheet().withLeaderPages();
          }
          sections.add(section);
        });
    if (admin) {
      sections.add(RoleSection.administrator());
    }
    return sections;
  }
}
