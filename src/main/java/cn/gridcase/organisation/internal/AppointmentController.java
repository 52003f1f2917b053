package cn.gridcase.organisation.internal;

import static cn.gridcase.platform.TextRules.NOTE_MAX;

import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRequest;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.CurrentPost;
import cn.gridcase.organisation.Education;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Person;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Appointments of people to units (rules G3–G5), managed by administrators. */
@RestController
@RequestMapping("/api/appointments")
@PreAuthorize("hasRole('ADMIN')")
@Tag(
    name = "Appointments",
    description = "Appointments of people to units (rules G3–G5), administrators")
class AppointmentController {

  private final Organisation organisation;

  AppointmentController(Organisation organisation) {
    this.organisation = organisation;
  }

  record PersonBody(
      @Text(max = 50) String realName,
      @Text(max = 32) String idCardNumber,
      @Text(max = 32) String phone,
      Education education,
      CurrentPost currentPost,
      Boolean criminalRecord,
      Boolean underInvestigation,
      Boolean detained,
      Boolean dismissedFromOffice,
      Boolean dishonestPerson,
      @Text(max = 64) String username) {

    /**
     * The exclusions as declared: the five are one checklist, so naming any declares all (absent =
     * no); naming none declares nothing (a new person has none, a person on file keeps theirs, G5).
     */
    Person.Exclusions exclusions() {
      if (criminalRecord == null
          && underInvestigation == null
          && detained == null
          && dismissedFromOffice == null
          && dishonestPerson == null) {
        return null;
      }
      return new Person.Exclusions(
          yes(criminalRecord),
          yes(underInvestigation),
          yes(detained),
          yes(dismissedFromOffice),
          yes(dishonestPerson));
    }

    private static boolean yes(Boolean flag) {
      return Boolean.TRUE.equals(flag);
    }
  }

  record AppointmentBody(
      PersonBody person,
      @Text(max = 64) String gridCode,
      @Text(max = 64) String unitCode,
      AppointmentRole role,
      LocalDate startsOn) {}

  record EndBody(LocalDate endsOn, @Text(max = NOTE_MAX, multiLine = true) String reason) {}

  record AppointmentView(
      long id,
      String unitCode,
      AppointmentRole role,
      String roleLabel,
      Long personId,
      String personName,
      String idCardMasked,
      String username,
      LocalDate startsOn,
      LocalDate endsOn) {}

  @PostMapping
  @Operation(
      summary =
          "Appoint a person (422 listing every G3/G5 reason against it, and every fact declared"
              + " otherwise than on the person's file)")
  ResponseEntity<AppointmentView> appoint(@RequestBody AppointmentBody body) {
    PersonBody p = body.person();
    AppointmentRequest.PersonDetails details =
        p == null
            ? null
            : new AppointmentRequest.PersonDetails(
                p.realName(),
                p.idCardNumber(),
                p.phone(),
                p.education(),
                p.currentPost(),
                p.exclusions(),
                p.username());
    String unit = body.gridCode() != null ? body.gridCode() : body.unitCode();
    Appointment appointment =
        organisation.appoint(new AppointmentRequest(details, unit, body.role(), body.startsOn()));
    return ResponseEntity.created(URI.create("/api/appointments/" + appointment.id()))
        .body(view(appointment));
  }

  @GetMapping
  @Operation(summary = "The appointments of a unit, past and present")
  List<AppointmentView> list(@RequestParam String unitCode) {
    if (organisation.unit(unitCode).isEmpty()) {
      throw new NotFound("No unit " + unitCode);
    }
    return organisation.appointmentsIn(unitCode).stream().map(this::view).toList();
  }

  @GetMapping("/{id}")
  AppointmentView get(@PathVariable long id) {
    return view(
        organisation.appointment(id).orElseThrow(() -> new NotFound("No appointment " + id)));
  }

  @PostMapping("/{id}/end")
  @Operation(summary = "End an appointment (it is kept; 409 if already ended)")
  AppointmentView end(@PathVariable long id, @RequestBody(required = false) EndBody body) {
    return view(
        organisation.endAppointment(
            id, body == null ? null : body.endsOn(), body == null ? null : body.reason()));
  }

  private AppointmentView view(Appointment a) {
    Person person = a.personId() == null ? null : organisation.person(a.personId()).orElse(null);
    return new AppointmentView(
        a.id(),
        a.unitCode(),
        a.role(),
        a.role().label(),
        a.personId(),
        person == null ? null : person.realName(),
        person == null ? null : person.idCardMasked(),
        a.username(),
        a.startsOn(),
        a.endsOn());
  }
}
