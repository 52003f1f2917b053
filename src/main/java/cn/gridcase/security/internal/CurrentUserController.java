package cn.gridcase.security.internal;

import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.security.SystemGroups;
import cn.gridcase.security.UserAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is: account, Camunda groups and current appointments. */
@RestController
@RequestMapping("/api/me")
@Tag(name = "Me", description = "The logged-in user")
class CurrentUserController {

  private final UserAccounts accounts;
  private final Organisation organisation;

  CurrentUserController(UserAccounts accounts, Organisation organisation) {
    this.accounts = accounts;
    this.organisation = organisation;
  }

  record AppointmentView(
      String unitCode,
      String unitName,
      String unitKind,
      AppointmentRole role,
      String roleLabel,
      LocalDate startsOn,
      LocalDate endsOn) {}

  record MeView(
      String username,
      String name,
      boolean admin,
      List<String> groups,
      List<AppointmentView> appointments) {}

  @GetMapping
  @Operation(summary = "The logged-in user, their groups and current appointments")
  MeView me(Authentication authentication) {
    String username = authentication.getName();
    UserAccounts.Account account = accounts.find(username).orElseThrow();
    List<String> groups = accounts.groupsOf(username);
    List<AppointmentView> appointments =
        organisation.currentAppointments(username).stream().map(this::view).toList();
    return new MeView(
        username,
        account.displayName(),
        groups.contains(SystemGroups.ADMINS),
        groups,
        appointments);
  }

  private AppointmentView view(Appointment appointment) {
    Unit unit = organisation.unit(appointment.unitCode()).orElseThrow();
    return new AppointmentView(
        unit.code(),
        unit.name(),
        unit.kind().name(),
        appointment.role(),
        appointment.role().label(),
        appointment.startsOn(),
        appointment.endsOn());
  }
}
