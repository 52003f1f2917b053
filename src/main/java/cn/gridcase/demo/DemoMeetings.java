package cn.gridcase.demo;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.MeetingAttendanceStatus;
import cn.gridcase.routine.MeetingAttendee;
import cn.gridcase.routine.MeetingCadence;
import cn.gridcase.routine.MeetingCommand;
import cn.gridcase.routine.MeetingKind;
import cn.gridcase.routine.MeetingObligationView;
import cn.gridcase.routine.MeetingObligations;
import cn.gridcase.routine.MeetingPeriod;
import cn.gridcase.routine.Meetings;
import cn.gridcase.worklist.WorkItem;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo month's meetings (rules S2, S3; A4 item 7), after {@link DemoData}: for the calendar
 * month before today, the weeks that began in it and have ended — each grid's weekly meeting held
 * by its grid worker (but GS-V01-G02's last week, missed: overdue, on the supervisor's list), the
 * township center's weekly grid-worker meeting with someone late, someone absent, someone leaving
 * early — the villages' monthly meetings, the monthly grid-worker meeting with a written report
 * missing, and a training; then the current week's, month's and quarter's obligations are opened as
 * the timers would have opened them. Loaded once: a restart that finds any obligation of the
 * township leaves everything as it is.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "gridcase.demo.data", havingValue = "true")
@Order(20)
class DemoMeetings implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoMeetings.class);
  private static final String TOWNSHIP = DemoData.TOWNSHIP;
  private static final String MISSED_GRID = "GS-V01-G02";

  private final Meetings meetings;
  private final MeetingObligations obligations;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final boolean sampleMeetings;

  DemoMeetings(
      Meetings meetings,
      MeetingObligations obligations,
      ManagementService managementService,
      RuntimeService runtimeService,
      TransactionTemplate transaction,
      Clock clock,
      @Value("${gridcase.demo.sample-meetings:true}") boolean sampleMeetings) {
    this.meetings = meetings;
    this.obligations = obligations;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
    this.clock = clock;
    this.sampleMeetings = sampleMeetings;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (sampleMeetings) {
      load();
    }
  }

  /** Loads the demo month's meetings unless the township has obligations already. */
  void load() {
    if (!meetings.obligations("admin", TOWNSHIP, null).isEmpty()
        || !meetings.obligations("admin", null, null).isEmpty()) {
      log.info("Demo meetings already loaded");
      return;
    }
    LocalDate today = GridCaseTime.now(clock).toLocalDate();
    YearMonth month = YearMonth.from(today).minusMonths(1);
    List<MeetingPeriod> weeks = new ArrayList<>();
    for (LocalDate monday = month.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        !monday.isAfter(month.atEndOfMonth());
        monday = monday.plusWeeks(1)) {
      MeetingPeriod week = MeetingPeriod.containing(MeetingCadence.WEEKLY, monday);
      if (week.end().isBefore(today)) {
        weeks.add(week);
      }
    }
    MeetingPeriod monthly = MeetingPeriod.containing(MeetingCadence.MONTHLY, month.atDay(1));
    int recorded = 0;
    for (int w = 0; w < weeks.size(); w++) {
      MeetingPeriod week = weeks.get(w);
      boolean last = w == weeks.size() - 1;
      open(MeetingKind.GRID_WEEKLY, week);
      open(MeetingKind.WORKERS_WEEKLY, week);
      recorded +=
          hold(
              "GS-V01-G01",
              MeetingKind.GRID_WEEKLY,
              week,
              "worker1",
              "排查本网格矛盾纠纷和安全隐患，部署下周走访。",
              Map.of());
      recorded +=
          hold(
              "GS-V02-G01",
              MeetingKind.GRID_WEEKLY,
              week,
              "worker3",
              "梳理本周收集的社情民意，安排特殊人群走访。",
              Map.of());
      if (!last) {
        recorded +=
            hold(
                MISSED_GRID,
                MeetingKind.GRID_WEEKLY,
                week,
                "worker2",
                "汇总本周信息采集情况，部署下周工作。",
                Map.of());
      }
      recorded +=
          hold(
              TOWNSHIP,
              MeetingKind.WORKERS_WEEKLY,
              week,
              "center1",
              "点评各网格本周工作，汇总数据信息，梳理存在问题，安排部署下周工作。",
              weeklyAttendance(w));
    }
    open(MeetingKind.VILLAGE_MONTHLY, monthly);
    open(MeetingKind.WORKERS_MONTHLY, monthly);
    recorded +=
        hold(
            "GS-V01",
            MeetingKind.VILLAGE_MONTHLY,
            monthly,
            "leader1",
            "民情分析会：梳理本月各网格反映的问题，明确下月任务。",
            Map.of("instructor1", MeetingAttendanceStatus.EXCUSED));
    recorded +=
        hold("GS-V02", MeetingKind.VILLAGE_MONTHLY, monthly, "arealeader1", "本月民情分析碰头会。", Map.of());
    recorded +=
        record(
            TOWNSHIP,
            MeetingKind.WORKERS_MONTHLY,
            monthly,
            "head1",
            "听取网格员工作汇报，交流经验，批评教育，安排下月工作。",
            Map.of("worker2", MeetingAttendanceStatus.LATE),
            List.of("worker3"));
    recorded +=
        record(
            TOWNSHIP,
            MeetingKind.TRAINING,
            monthly,
            "center1",
            "网格员业务培训：事件上报要素（时间、地点、人物、起因、经过）和矛盾纠纷调解。",
            Map.of("worker3", MeetingAttendanceStatus.LATE),
            List.of());
    int missed = weeks.isEmpty() ? 0 : markMissed(weeks.get(weeks.size() - 1));
    int opened = 0;
    for (MeetingCadence cadence : MeetingCadence.values()) {
      opened += transaction.execute(status -> obligations.openPeriod(cadence, today)).size();
    }
    log.info(
        "Demo meetings of {}: {} recorded, {} missed, {} of the current periods opened",
        month,
        recorded,
        missed,
        opened);
  }

  /** How the grid workers took part in the township's weekly meeting of the n-th week. */
  private static Map<String, MeetingAttendanceStatus> weeklyAttendance(int week) {
    return switch (week % 4) {
      case 1 -> Map.of("worker2", MeetingAttendanceStatus.LATE);
      case 2 -> Map.of("worker3", MeetingAttendanceStatus.ABSENT);
      case 3 ->
          Map.of(
              "worker1", MeetingAttendanceStatus.EXCUSED,
              "worker2", MeetingAttendanceStatus.LEFT_EARLY);
      default -> Map.of();
    };
  }

  private void open(MeetingKind kind, MeetingPeriod period) {
    transaction.executeWithoutResult(status -> obligations.open(kind, TOWNSHIP, period));
  }

  private int hold(
      String unit,
      MeetingKind kind,
      MeetingPeriod period,
      String recordedBy,
      String minutes,
      Map<String, MeetingAttendanceStatus> notPresent) {
    return record(unit, kind, period, recordedBy, minutes, notPresent, List.of());
  }

  /**
   * Records a meeting of the unit held at 15:00 of the period's last working day (of its last day
   * for a training), everyone present but those named.
   */
  private int record(
      String unit,
      MeetingKind kind,
      MeetingPeriod period,
      String recordedBy,
      String minutes,
      Map<String, MeetingAttendanceStatus> notPresent,
      List<String> reportsMissing) {
    LocalDate day =
        kind.isObligation()
            ? obligation(unit, kind, period).map(o -> o.due().toLocalDate()).orElse(null)
            : period.end();
    if (day == null) {
      return 0;
    }
    OffsetDateTime heldAt = day.atTime(15, 0).atZone(GridCaseTime.ZONE).toOffsetDateTime();
    List<MeetingAttendee> attendance = new ArrayList<>();
    for (String person : meetings.expectedAttendees(unit, day)) {
      attendance.add(
          new MeetingAttendee(
              person, notPresent.getOrDefault(person, MeetingAttendanceStatus.PRESENT)));
    }
    transaction.executeWithoutResult(
        status ->
            meetings.record(
                new MeetingCommand(unit, kind, heldAt, minutes, attendance, reportsMissing, null),
                recordedBy));
    return 1;
  }

  private Optional<MeetingObligationView> obligation(
      String unit, MeetingKind kind, MeetingPeriod period) {
    return meetings.obligations("admin", unit, null).stream()
        .filter(o -> o.kind() == kind && o.period().equals(period.code()))
        .findFirst();
  }

  /**
   * The missed week's deadline has passed: its timer is run now (as the job executor would, a
   * moment after start) so that the obligation is overdue when the demo opens.
   */
  private int markMissed(MeetingPeriod week) {
    MeetingObligationView missed =
        obligation(MISSED_GRID, MeetingKind.GRID_WEEKLY, week).orElse(null);
    if (missed == null) {
      return 0;
    }
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(WorkItem.MEETING_KEY + missed.id())
            .singleResult();
    if (instance == null) {
      return 0;
    }
    for (Job timer :
        managementService.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
      managementService.executeJob(timer.getId());
    }
    return 1;
  }
}
