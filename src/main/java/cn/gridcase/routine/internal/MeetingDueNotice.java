package cn.gridcase.routine.internal;

import org.springframework.stereotype.Component;

/** The service task 通知召开例会 of {@code meeting-obligation.bpmn}: the notice 例会待召开. */
@Component("meetingDueNotice")
public class MeetingDueNotice {

  private final MeetingTaskFacts facts;
  private final MeetingNotices notices;

  MeetingDueNotice(MeetingTaskFacts facts, MeetingNotices notices) {
    this.facts = facts;
    this.notices = notices;
  }

  /** {@code ${meetingDueNotice.send(execution.processBusinessKey)}}. */
  public void send(String businessKey) {
    notices.due(facts.obligation(businessKey));
  }
}
