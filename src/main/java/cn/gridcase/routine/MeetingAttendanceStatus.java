package cn.gridcase.routine;

import java.util.Arrays;
import java.util.Optional;

/**
 * How an expected attendee took part in a meeting (S3: present / late / left early / excused /
 * absent without leave). A4 item 7 deducts for {@link #LATE}, {@link #LEFT_EARLY} and {@link
 * #ABSENT}; {@link #EXCUSED} is an absence with leave.
 */
public enum MeetingAttendanceStatus {
  PRESENT("出席"),
  LATE("迟到"),
  LEFT_EARLY("早退"),
  EXCUSED("请假"),
  ABSENT("缺席");

  private final String label;

  MeetingAttendanceStatus(String label) {
    this.label = label;
  }

  /** The Chinese name (缺席 is an absence without leave). */
  public String label() {
    return label;
  }

  /** By code ({@code LATE}) or Chinese name ({@code 迟到}). */
  public static Optional<MeetingAttendanceStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    return Arrays.stream(values())
        .filter(s -> s.name().equalsIgnoreCase(t) || s.label.equals(t))
        .findFirst();
  }
}
