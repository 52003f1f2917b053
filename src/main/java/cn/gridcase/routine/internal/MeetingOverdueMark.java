package cn.gridcase.routine.internal;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.internal.MeetingRepository.Obligation;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The service task 标记例会超期 of {@code meeting-obligation.bpmn}, after the non-interrupting deadline
 * timer: the obligation is marked overdue for ever (S3: the period ended without its meeting) and
 * the unit told; its task stays open, so the meeting can still be recorded (held late).
 */
@Component("meetingOverdueMark")
public class MeetingOverdueMark {

  private final MeetingTaskFacts facts;
  private final MeetingRepository repository;
  private final MeetingNotices notices;
  private final Clock clock;

  MeetingOverdueMark(
      MeetingTaskFacts facts, MeetingRepository repository, MeetingNotices notices, Clock clock) {
    this.facts = facts;
    this.repository = repository;
    this.notices = notices;
    this.clock = clock;
  }

  /** {@code ${meetingOverdueMark.mark(execution.processBusinessKey)}}. */
  public void mark(String businessKey) {
    Obligation obligation = facts.obligation(businessKey);
    if (repository.markOverdue(obligation.id(), GridCaseTime.now(clock))) {
      notices.overdue(obligation);
    }
  }
}
