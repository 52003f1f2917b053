package cn.gridcase.routine;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.internal.MeetingDeadlines;
import cn.gridcase.routine.internal.MeetingPeople;
import cn.gridcase.routine.internal.MeetingRepository;
import cn.gridcase.routine.internal.MeetingRepository.Place;
import cn.gridcase.routine.internal.MeetingVariables;
import cn.gridcase.security.UserAccounts;
import cn.gridcase.worklist.WorkItem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the meeting obligations of a period (S2, S3): for every township that holds the kind
 * ({@link MeetingSettings}), one obligation per unit of the kind's level that has anyone to attend,
 * each with its own process instance of {@code meeting-obligation} (business key {@code
 * meeting-<id>}, {@link WorkItem#MEETING_KEY}) whose user task asks the unit to hold it. The timer
 * start events of {@code meeting-schedule-*.bpmn} call it; it is idempotent — an obligation that
 * exists is not opened again, and the unique constraint on unit, kind and period stops a second
 * node.
 */
@Service
public class MeetingObligations {

  private static final Logger log = LoggerFactory.getLogger(MeetingObligations.class);

  private final MeetingRepository repository;
  private final MeetingPeople people;
  private final MeetingDeadlines deadlines;
  private final MeetingSettings settings;
  private final Organisation organisation;
  private final UserAccounts accounts;
  private final RuntimeService runtimeService;
  private final Clock clock;

  MeetingObligations(
      MeetingRepository repository,
      MeetingPeople people,
      MeetingDeadlines deadlines,
      MeetingSettings settings,
      Organisation organisation,
      UserAccounts accounts,
      RuntimeService runtimeService,
      Clock clock) {
    this.repository = repository;
    this.people = people;
    this.deadlines = deadlines;
    this.settings = settings;
    this.organisation = organisation;
    this.accounts = accounts;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /**
   * Opens, in every township, the obligations of the cadence for the period containing {@code day}
   * (the timer's moment): the ids opened now (none for those that exist).
   */
  @Transactional
  public List<Long> openPeriod(MeetingCadence cadence, LocalDate day) {
    List<Long> opened = new ArrayList<>();
    for (Unit township : organisation.units(UnitKind.TOWNSHIP)) {
      for (MeetingKind kind : MeetingKind.of(cadence)) {
        if (settings.holds(township.code(), kind)) {
          opened.addAll(open(kind, township.code(), MeetingPeriod.containing(cadence, day)));
        }
      }
    }
    log.info("Meeting obligations of {} ({}): {} opened", cadence, day, opened.size());
    return opened;
  }

  /**
   * Opens the obligations of one kind and period in a township, whatever its setting (the demo data
   * and tests name past periods): none for a period without a working day (a week of a long
   * holiday), none for a unit nobody is expected at (a grid without a grid worker).
   */
  @Transactional
  public List<Long> open(MeetingKind kind, String townshipCode, MeetingPeriod period) {
    if (!kind.isObligation() || kind.cadence() != period.cadence()) {
      throw new IllegalArgumentException(kind + " has no obligation per " + period.cadence());
    }
    Optional<Deadline> due = deadlines.dueOf(period);
    if (due.isEmpty()) {
      return List.of();
    }
    UnitKind level = kind.heldBy().iterator().next();
    List<String> units = people.unitsOfLevel(townshipCode, level);
    Set<String> existing = repository.unitsWithObligation(units, kind, period.code());
    OffsetDateTime now = GridCaseTime.now(clock);
    LocalDate today = now.toLocalDate();
    LocalDate asOf =
        today.isBefore(period.start())
            ? period.start()
            : today.isAfter(period.end()) ? period.end() : today;
    List<Long> opened = new ArrayList<>();
    for (String unit : units) {
      if (existing.contains(unit)) {
        continue;
      }
      Place place = people.placeOf(unit).orElse(null);
      if (place == null) {
        continue;
      }
      List<String> expected = people.expectedAttendees(place, asOf);
      if (expected.isEmpty()) {
        continue;
      }
      long id =
          repository.insertObligation(
              place, kind, period, due.get().deadline(), due.get().provisional(), now);
      ProcessInstance instance =
          runtimeService
              .createProcessInstanceByKey(MeetingVariables.OBLIGATION_PROCESS)
              .businessKey(WorkItem.MEETING_KEY + id)
              .setVariable(MeetingVariables.OBLIGATION_ID, id)
              .setVariable(MeetingVariables.KIND, kind.name())
              .setVariable(MeetingVariables.UNIT_CODE, unit)
              .setVariable(MeetingVariables.PERIOD, period.code())
              .setVariable(
                  MeetingVariables.MEETING_NAME, kind.label() + "（" + period.shortLabel() + "）")
              .setVariable(MeetingVariables.ATTENDANCE, attendanceTemplate(expected))
              .execute();
      repository.setProcessInstance(id, instance.getId());
      deadlines.remember(id, instance.getId(), due.get());
      opened.add(id);
    }
    return opened;
  }

  /**
   * The form's attendance pre-filled: one line per expected attendee, {@code worker1 张伟 出席}; the
   * person who records changes the status word where someone was late, left early, excused or
   * absent.
   */
  private String attendanceTemplate(List<String> expected) {
    List<String> lines = new ArrayList<>();
    for (String person : expected) {
      lines.add(
          person + " " + accounts.nameOf(person) + " " + MeetingAttendanceStatus.PRESENT.label());
    }
    return String.join("\n", lines);
  }
}
