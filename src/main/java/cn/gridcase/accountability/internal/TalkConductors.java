package cn.gridcase.accountability.internal;

import cn.gridcase.organisation.AppointmentRole;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * C5 (S0 第六条(一)): the people who hold a decided talk — the holders today of the roles the DMN table
 * {@code accountability-talk-conductor} names, in the subject's village (grid leader, instructor,
 * work-area leader) or township (the 政法委's supervisors). When nobody holds them — a vacant post, or
 * the city's talk with a work-area leader — the task goes to the case's investigators, who arrange
 * the talk and record it, so a decided case is never stuck.
 */
@Component
public class TalkConductors {

  private final AccountabilityDecisions decisions;
  private final CasePeople people;

  TalkConductors(AccountabilityDecisions decisions, CasePeople people) {
    this.decisions = decisions;
    this.people = people;
  }

  /**
   * The talk's conductors for the case, or its investigators with {@code vacant} when nobody holds
   * the role.
   */
  public CaseRecord.Talk of(CaseRecord c) {
    Optional<AccountabilityDecisions.TalkRule> rule = decisions.talkRule(c.subjectRole());
    Optional<String> unit =
        rule.flatMap(
            r ->
                switch (r.where()) {
                  case VILLAGE -> people.villageOf(c.subjectUnit());
                  case TOWNSHIP -> Optional.of(c.townshipCode());
                  case CITY -> Optional.empty();
                });
    Set<String> holders = new LinkedHashSet<>();
    if (unit.isPresent()) {
      for (AppointmentRole role : rule.get().roles()) {
        people.holders(unit.get(), role).stream()
            .filter(u -> !u.equals(c.subject()))
            .forEach(holders::add);
      }
    }
    if (holders.isEmpty()) {
      return new CaseRecord.Talk(c.investigators(), true, null, null, null);
    }
    return new CaseRecord.Talk(List.copyOf(holders), false, null, null, null);
  }
}
