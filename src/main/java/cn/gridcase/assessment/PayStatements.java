package cn.gridcase.assessment;

import cn.gridcase.assessment.internal.PayCalculation;
import cn.gridcase.assessment.internal.TownshipWorkers;
import cn.gridcase.event.GridEntries;
import cn.gridcase.event.GridEntry;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 报酬 (A1–A3): a grid worker's monthly pay statement from their entries — E1's three categories,
 * reported in the month by the grid worker in the grid they were grid worker of that day — judged
 * by the facts of the entries' grid-level steps ({@link GridEntries}) and the township's settings
 * in force for the month ({@link TownshipPaySettings}). No scope is applied here: the web layer
 * checks who may read whose statement.
 */
@Service
public class PayStatements {

  private final GridEntries gridEntries;
  private final TownshipWorkers townshipWorkers;
  private final TownshipPaySettings settings;
  private final Clock clock;

  PayStatements(
      GridEntries gridEntries,
      TownshipWorkers townshipWorkers,
      TownshipPaySettings settings,
      Clock clock) {
    this.gridEntries = gridEntries;
    this.townshipWorkers = townshipWorkers;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * The statement as of now: provisional while an entry is open within its limit (or the month is
   * running). 404 when the user was not a grid worker in the month.
   */
  @Transactional(readOnly = true)
  public PayStatement statement(String username, YearMonth month) {
    return of(username, month, false);
  }

  /** The statement as paid with the quarter: an entry still open counts as not counted (A1). */
  @Transactional(readOnly = true)
  public PayStatement paid(String username, YearMonth month) {
    return of(username, month, true);
  }

  /** Whether the user held a grid worker's appointment on some day of the month. */
  public boolean isGridWorkerIn(String username, YearMonth month) {
    return !workerAppointments(username, month).isEmpty();
  }

  /** The township's sheet of a month: every grid worker of the township in that month, by grid. */
  @Transactional(readOnly = true)
  public List<PayStatement> sheet(String townshipCode, YearMonth month) {
    return sheet(townshipCode, month, false);
  }

  /**
   * The quarter's payment per grid worker of the township: the sum of the quarter's three months as
   * paid (A2), by grid; while the quarter runs, of the months begun so far.
   */
  @Transactional(readOnly = true)
  public List<QuarterPay> quarter(String townshipCode, int year, int quarter) {
    settings.requireTownship(townshipCode);
    YearMonth first = YearMonth.of(year, (quarter - 1) * 3 + 1);
    boolean over = !GridCaseTime.now(clock).isBefore(start(first.plusMonths(3)));
    Map<String, List<PayStatement>> byWorker = new LinkedHashMap<>();
    OffsetDateTime now = GridCaseTime.now(clock);
    for (int m = 0; m < 3; m++) {
      if (now.isBefore(start(first.plusMonths(m)))) {
        // a month not begun yet pays nothing so far (its statement would read as a month of no
        // entries at the lowest base)
        break;
      }
      for (PayStatement s : sheet(townshipCode, first.plusMonths(m), true)) {
        byWorker.computeIfAbsent(s.username(), u -> new ArrayList<>()).add(s);
      }
    }
    List<QuarterPay> rows = new ArrayList<>();
    for (List<PayStatement> months : byWorker.values()) {
      PayStatement last = months.get(months.size() - 1);
      rows.add(
          new QuarterPay(
              last.username(),
              last.name(),
              last.gridCode(),
              year + "-Q" + quarter,
              over,
              months.stream().mapToInt(PayStatement::entries).sum(),
              months.stream().mapToInt(PayStatement::countedEntries).sum(),
              months.stream().mapToLong(PayStatement::baseFen).sum(),
              months.stream().mapToLong(PayStatement::deductionFen).sum(),
              months.stream().mapToLong(PayStatement::bonusFen).sum(),
              months.stream().mapToLong(PayStatement::totalFen).sum(),
              List.copyOf(months)));
    }
    rows.sort(
        Comparator.comparing(QuarterPay::gridCode, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(QuarterPay::username));
    return rows;
  }

  private List<PayStatement> sheet(String townshipCode, YearMonth month, boolean paid) {
    settings.requireTownship(townshipCode);
    PaySettings inForce = settings.inForce(townshipCode, month);
    Map<String, List<Appointment>> workers =
        townshipWorkers.workers(
            townshipWorkers.gridsOf(townshipCode), month.atDay(1), month.atEndOfMonth());
    Map<String, List<GridEntry>> byReporter = new HashMap<>();
    for (GridEntry e :
        gridEntries.reportedIn(townshipCode, start(month), start(month.plusMonths(1)))) {
      byReporter.computeIfAbsent(e.reportedBy(), u -> new ArrayList<>()).add(e);
    }
    List<PayStatement> sheet = new ArrayList<>();
    for (Map.Entry<String, List<Appointment>> w : workers.entrySet()) {
      List<Appointment> appointments = w.getValue();
      // served in another township too this month (one after the other, back and forth, or
      // overlapping)? The month is paid once, by the township of the month's last appointment, for
      // all the month's entries (as the worker's own statement)
      List<Appointment> all = workerAppointments(w.getKey(), month);
      if (all.size() != appointments.size()) {
        String last = townshipWorkers.townshipOf(all.get(all.size() - 1).unitCode());
        if (last.equals(townshipCode)) {
          sheet.add(of(w.getKey(), month, paid));
        }
        continue;
      }
      sheet.add(
          calculate(
              w.getKey(),
              month,
              appointments,
              byReporter.getOrDefault(w.getKey(), List.of()),
              inForce,
              paid));
    }
    sheet.sort(
        Comparator.comparing(
                PayStatement::gridCode, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PayStatement::username));
    return sheet;
  }

  private PayStatement of(String username, YearMonth month, boolean paid) {
    List<Appointment> appointments = workerAppointments(username, month);
    if (appointments.isEmpty()) {
      throw new NotFound(username + " 在 " + month + " 不是专职网格员，没有报酬单");
    }
    String township =
        townshipWorkers.townshipOf(appointments.get(appointments.size() - 1).unitCode());
    return calculate(
        username,
        month,
        appointments,
        gridEntries.reportedBy(username, start(month), start(month.plusMonths(1))),
        settings.inForce(township, month),
        paid);
  }

  private PayStatement calculate(
      String username,
      YearMonth month,
      List<Appointment> appointments,
      List<GridEntry> reported,
      PaySettings inForce,
      boolean paid) {
    OffsetDateTime now = GridCaseTime.now(clock);
    List<GridEntry> entries =
        reported.stream().filter(e -> TownshipWorkers.isEntry(e, appointments)).toList();
    PayCalculation.Result r =
        PayCalculation.compute(
            entries, inForce, now, paid, !now.isBefore(start(month.plusMonths(1))));
    Appointment last = appointments.get(appointments.size() - 1);
    return new PayStatement(
        username,
        townshipWorkers.nameOf(username, last),
        last.unitCode(),
        month,
        r.provisional(),
        r.entries(),
        r.countedEntries(),
        r.baseFen(),
        r.deductionFen(),
        r.bonusFen(),
        r.totalFen(),
        r.lines());
  }

  private List<Appointment> workerAppointments(String username, YearMonth month) {
    return townshipWorkers.appointmentsOf(username, month.atDay(1), month.atEndOfMonth());
  }

  private static OffsetDateTime start(YearMonth month) {
    return month.atDay(1).atStartOfDay(GridCaseTime.ZONE).toOffsetDateTime();
  }
}
