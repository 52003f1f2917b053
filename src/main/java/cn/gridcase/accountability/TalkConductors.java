package cn.gridcase.accountability;

import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * C5 (S0 第六条(一)): the people who hold a decided talk — the holders today of the roles the DMN
 * table {@code accountability-talk-conductor} names, in the subject's village (grid leader,
 * instructor, work-area leader) or township (the 政法委's supervisors). When nobody holds them — a
 * vacant post, or the city's talk with a work-area leader — the task goes to the case's
 * investigators, who arrange the talk and record it, so a decided case is never stuck.
 */
@Component
class TalkConductors {

  private final AccountabilityDecisions decisions;
  private final CasePeople people;
  private final Organisation organisation;
  private final Clock clock;

  TalkConductors(AccountabilityDecisions decisions, CasePeople people, Organisation organisation, Clock clock) {
    this.decisions = decisions;
    this.people = people;
    this.organisation = organisation;
    this.clock = clock;
  }

  /** The talk's conductors for the case, or its investigators with {@code vacant} when nobody holds the role. */
  CaseRecord.Talk of(CaseRecord c) {
    Optional<AccountabilityDecisions.TalkRule> rule = decisions.talkRule(c.subjectRole());
    Optional<String> unit = rule.flatMap(r -> switch (r.where()) {
      case VILLAGE -> people.villageOf(c.subjectUnit());
      case TOWNSHIP -> Optional.of(c.townshipCode());
      case CITY -> Optional.empty();
    });
    LocalDate today = LocalDate.now(clock.withZone(GridCaseTime.ZONE));
    Set<String> holders = new LinkedHashSet<>();
    if (unit.isPresent()) {
      for (AppointmentRole role : rule.get().roles()) {
        organisation.responsibleOn(unit.get(), role, today).stream().map(Appointment::username)
            .filter(u -> u != null && !u.equals(c.subject())).sorted().forEach(holders::add);
      }
    }
    if (holders.isEmpty()) {
      return new CaseRecord.Talk(c.investigators(), true, null, null, null);
    }
    return new CaseRecord.Talk(List.copyOf(holders), false, null, null, null);
  }
}
