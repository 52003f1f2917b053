package cn.gridcase.routine;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.internal.MeetingRepository;
import cn.gridcase.routine.internal.MeetingRepository.PersonAttendance;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What A4 item 7 (training and meetings, 10 points) deducts from, per person and quarter: each late
 * arrival or early leave (−0.5), each absence without leave (−1) and each written work report not
 * handed in on time (−0.5), at the meetings and trainings held in the quarter (Asia/Shanghai), each
 * with the meeting it comes from. The quarterly assessment calls it; the counts are the system's
 * own records (A4: "counts the system records produce their deductions by themselves").
 */
@Service
public class MeetingAttendance {

  private final MeetingRepository repository;

  MeetingAttendance(MeetingRepository repository) {
    this.repository = repository;
  }

  /** One deductible fact: the meeting (id, kind, unit, when) and how the person took part. */
  public record Mark(
      long meetingId,
      MeetingKind kind,
      String unitCode,
      LocalDate heldOn,
      OffsetDateTime heldAt,
      MeetingAttendanceStatus status) {}

  /**
   * A person's quarter: late arrivals and early leaves, absences without leave (an excused absence
   * is none), and the meetings whose written report they did not hand in, oldest first.
   */
  public record Quarter(
      String username,
      String quarter,
      List<Mark> lateOrLeftEarly,
      List<Mark> absentWithoutLeave,
      List<Mark> reportsMissing) {}

  /**
   * The quarter ({@code 2026-Q4}) of one person.
   *
   * @throws IllegalArgumentException for a period that is not a quarter
   */
  public Quarter of(String username, String quarter) {
    return of(List.of(username), quarter).get(username);
  }

  /** The quarter of each of these people (an entry for each, empty lists when nothing counts). */
  public Map<String, Quarter> of(Collection<String> usernames, String quarter) {
    MeetingPeriod period =
        MeetingPeriod.parse(quarter)
            .filter(p -> p.cadence() == MeetingCadence.QUARTERLY)
            .orElseThrow(() -> new IllegalArgumentException("not a quarter: " + quarter));
    OffsetDateTime from = period.start().atStartOfDay(GridCaseTime.ZONE).toOffsetDateTime();
    OffsetDateTime to = period.end().plusDays(1).atStartOfDay(GridCaseTime.ZONE).toOffsetDateTime();
    Map<String, List<Mark>> late = new LinkedHashMap<>();
    Map<String, List<Mark>> absent = new LinkedHashMap<>();
    Map<String, List<Mark>> reports = new LinkedHashMap<>();
    for (String user : usernames) {
      late.put(user, new ArrayList<>());
      absent.put(user, new ArrayList<>());
      reports.put(user, new ArrayList<>());
    }
    for (PersonAttendance row : repository.attendanceOf(usernames, from, to)) {
      Mark mark =
          new Mark(
              row.meetingId(),
              row.kind(),
              row.unitCode(),
              row.heldAt().atZoneSameInstant(GridCaseTime.ZONE).toLocalDate(),
              row.heldAt(),
              row.status());
      switch (row.status()) {
        case LATE, LEFT_EARLY -> late.get(row.username()).add(mark);
        case ABSENT -> absent.get(row.username()).add(mark);
        default -> {}
      }
      if (row.reportMissing()) {
        reports.get(row.username()).add(mark);
      }
    }
    Map<String, Quarter> quarters = new LinkedHashMap<>();
    for (String user : usernames) {
      quarters.put(
          user,
          new Quarter(
              user,
              period.code(),
              List.copyOf(late.get(user)),
              List.copyOf(absent.get(user)),
              List.copyOf(reports.get(user))));
    }
    return quarters;
  }
}
