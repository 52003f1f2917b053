package cn.gridcase.routine.internal;

import cn.gridcase.organisation.Unit;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.internal.MeetingRepository.Obligation;
import cn.gridcase.security.UserAccounts;
import cn.gridcase.worklist.WorkItem;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the user task 召开…例会 of {@code meeting-obligation.bpmn} reads, each by the instance's
 * business key from the obligation's row (never from variables a task's user could send): its name,
 * its candidate groups (the unit's, {@link MeetingPeople#candidateGroups}), its due date (the
 * stored deadline, {@link MeetingDeadlines}) and its description (the 描述 tab).
 */
@Component("meetingTaskFacts")
public class MeetingTaskFacts {

  private final MeetingRepository repository;
  private final MeetingPeople people;
  private final UserAccounts accounts;
  private final MeetingDeadlines deadlines;

  MeetingTaskFacts(
      MeetingRepository repository,
      MeetingPeople people,
      UserAccounts accounts,
      MeetingDeadlines deadlines) {
    this.repository = repository;
    this.people = people;
    this.accounts = accounts;
    this.deadlines = deadlines;
  }

  /** The obligation of an instance's business key {@code meeting-<id>}. */
  public Obligation obligation(String businessKey) {
    Long id = WorkItem.idIn(businessKey, WorkItem.MEETING_KEY);
    if (id == null) {
      throw new IllegalStateException("not a meeting obligation's business key: " + businessKey);
    }
    return repository
        .obligation(id)
        .orElseThrow(() -> new IllegalStateException("no meeting obligation " + id));
  }

  public List<String> candidateGroups(String businessKey) {
    return MeetingPeople.candidateGroups(obligation(businessKey).place());
  }

  public Date dueDate(String businessKey) {
    return deadlines.dueDate(obligation(businessKey));
  }

  /** The task's description: unit, kind and rule, period, deadline, expected attendees. */
  public String summary(String businessKey) {
    Obligation o = obligation(businessKey);
    String unit = people.unit(o.place().unitCode()).map(Unit::name).orElse(o.place().unitCode());
    List<String> expected = people.expectedAttendees(o.place(), o.openedAt().toLocalDate());
    StringBuilder text = new StringBuilder();
    text.append("单位：").append(unit).append("（").append(o.place().unitCode()).append("）\n");
    text.append("例会：").append(o.kind().label()).append("（").append(o.kind().rule()).append("）\n");
    text.append("期间：").append(o.period().label()).append('\n');
    text.append("期限：")
        .append(GridCaseTime.minute(o.dueAt()))
        .append("（本期最后一个工作日")
        .append(o.dueProvisional() ? "，该年节假日安排未载入，暂按周一至周五计算" : "")
        .append("）\n");
    text.append("应到人员：")
        .append(
            String.join(
                "、", expected.stream().map(u -> accounts.nameOf(u) + "（" + u + "）").toList()));
    if (o.kind().needsWrittenReports()) {
      text.append("\n会前每位网格员须向办公室书面汇报本网格工作进展和存在问题；未按时交的，在“未交书面汇报”中登记。");
    }
    return text.toString();
  }
}
