package cn.gridcase.routine;

import cn.gridcase.platform.Text;
import cn.gridcase.platform.TextRules;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A meeting to record ({@code POST /api/meetings}, the page's form, or the Tasklist form mapped to
 * it): the unit that held it, its kind, when it was held, the minutes, the attendance of every
 * expected attendee and, for the monthly grid-worker meeting (S1 五(四)), whose written report was
 * missing. {@code obligationId} names the obligation it fulfils; without it the obligation of the
 * unit, kind and period of {@code heldAt} is fulfilled if one is open (else an overdue one of an
 * earlier period, held late), and a training or an extra meeting is recorded without one.
 */
public record MeetingCommand(
    @Text(max = 64) String unitCode,
    MeetingKind kind,
    OffsetDateTime heldAt,
    @Text(max = TextRules.LONG_MAX, multiLine = true) String minutes,
    List<MeetingAttendee> attendance,
    @Text(max = 64) List<String> reportsMissing,
    Long obligationId)
    implements Serializable {

  public MeetingCommand {
    // nulls inside the lists are kept: the rules name them instead of a constructor failing
    attendance =
        attendance == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(attendance));
    reportsMissing =
        reportsMissing == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(reportsMissing));
  }
}
