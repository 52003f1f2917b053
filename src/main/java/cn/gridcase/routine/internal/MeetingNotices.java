package cn.gridcase.routine.internal;

import cn.gridcase.notification.Notice;
import cn.gridcase.notification.NoticeKind;
import cn.gridcase.notification.Notifications;
import cn.gridcase.organisation.Unit;
import cn.gridcase.routine.internal.MeetingRepository.Obligation;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The notices of a meeting obligation: 例会待召开 when it opens, 例会超期 when its deadline passes. */
@Component
public class MeetingNotices {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final Notifications notifications;
  private final MeetingPeople people;

  MeetingNotices(Notifications notifications, MeetingPeople people) {
    this.notifications = notifications;
    this.people = people;
  }

  /**
   * 例会待召开 to those who hold the unit's meetings; for the monthly grid-worker meeting also to the
   * grid workers, whose written reports are due before it (S1 五(四)).
   */
  public void due(Obligation o) {
    Set<String> to = new LinkedHashSet<>(people.conveners(o.place()));
    String text =
        unit(o)
            + "："
            + o.period().label()
            + "的"
            + o.kind().label()
            + "，请于 "
            + o.dueAt().format(DAY)
            + " 前召开，并记录会议记录和每位应到人员的出勤。";
    if (o.kind().needsWrittenReports()) {
      to.addAll(people.gridWorkers(o.place(), o.openedAt().toLocalDate()));
      text += "会前每位网格员须向办公室书面汇报本网格工作进展情况及存在问题。";
    }
    notifications.send(
        new Notice(NoticeKind.MEETING_DUE, "例会待召开：" + o.kind().label(), text, null), to);
  }

  /** 例会超期 to those who hold the unit's meetings (S3: the unit that should have held it). */
  public void overdue(Obligation o) {
    notifications.send(
        new Notice(
            NoticeKind.MEETING_OVERDUE,
            "例会超期：" + o.kind().label(),
            unit(o)
                + "："
                + o.period().label()
                + "的"
                + o.kind().label()
                + "到期（"
                + o.dueAt().format(DAY)
                + "）仍未记录召开，已记为超期。召开后仍可补记，将记为逾期召开。",
            null),
        people.conveners(o.place()));
  }

  private String unit(Obligation o) {
    return people.unit(o.place().unitCode()).map(Unit::name).orElse(o.place().unitCode());
  }
}
