package cn.gridcase.routine;

import cn.gridcase.platform.Text;
import java.io.Serializable;

/** One expected attendee's attendance as recorded: who (login) and how they took part. */
public record MeetingAttendee(@Text(max = 64) String username, MeetingAttendanceStatus status)
    implements Serializable {}
