package cn.gridcase.assessment;

import cn.gridcase.assessment.internal.CompetitionRanking;
import cn.gridcase.assessment.internal.PayCalculation;
import cn.gridcase.assessment.internal.TownshipWorkers;
import cn.gridcase.event.GridEntries;
import cn.gridcase.event.GridEntry;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.Grid;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.InvalidRequest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 排名 (A9): monthly and weekly (ISO week) rankings of a township's grids and grid workers by counted
 * entries, then on-time rate, as of now, with competition ranking and the township's minimum
 * entries (a pay setting, default 1). The entries and their outcomes are pay's (A1, A3): an entry
 * counts when closed or escalated within its limits; the on-time rate is counted ÷ settled (closed,
 * escalated or late; those still open within their limits are left out). No scope is applied here.
 */
@Service
public class Rankings {

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

  private final GridEntries gridEntries;
  private final TownshipWorkers townshipWorkers;
  private final TownshipPaySettings settings;
  private final Clock clock;

  Rankings(
      GridEntries gridEntries,
      TownshipWorkers townshipWorkers,
      TownshipPaySettings settings,
      Clock clock) {
    this.gridEntries = gridEntries;
    this.townshipWorkers = townshipWorkers;
    this.settings = settings;
    this.clock = clock;
  }

  /** A period's first and last day: "2026-10" (a month) or "2026-W40" (an ISO week). */
  public record Period(String code, LocalDate from, LocalDate to) {

    /** The month whose settings apply: the month of the week's Thursday (ISO). */
    YearMonth settingsMonth() {
      return YearMonth.from(from.plusDays(3).isAfter(to) ? from : from.plusDays(3));
    }
  }

  /** Parses a period, or 400 naming {@code period}. */
  public static Period period(String value) {
    String v = value == null ? "" : value.trim();
    Matcher m = MONTH.matcher(v);
    if (m.matches()) {
      int month = Integer.parseInt(m.group(2));
      if (month >= 1 && month <= 12) {
        YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), month);
        return new Period(ym.toString(), ym.atDay(1), ym.atEndOfMonth());
      }
    }
    Matcher w = WEEK.matcher(v);
    if (w.matches()) {
      int year = Integer.parseInt(w.group(1));
      int week = Integer.parseInt(w.group(2));
      LocalDate jan4 = LocalDate.of(year, 1, 4);
      long weeks = jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
      if (week >= 1 && week <= weeks) {
        LocalDate monday =
            jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(v, monday, monday.plusDays(6));
      }
    }
    throw new InvalidRequest(
        "统计周期无效",
        List.of(
            new ApiError(
                "period", "format", "周期为月份（2026-10）或 ISO 周（2026-W40，第1至52/53周）；收到 " + value)));
  }

  /** The ranking of the township's grids or grid workers in the period, as of now. */
  @Transactional(readOnly = true)
  public Ranking rank(String townshipCode, Period period, RankingScope scope) {
    settings.requireTownship(townshipCode);
    int min = settings.inForce(townshipCode, period.settingsMonth()).minRankedEntries();
    OffsetDateTime now = GridCaseTime.now(clock);
    List<Grid> grids = townshipWorkers.gridsOf(townshipCode);
    Map<String, List<Appointment>> workers =
        townshipWorkers.workers(grids, period.from(), period.to());
    List<GridEntry> all =
        gridEntries.reportedIn(townshipCode, start(period.from()), start(period.to().plusDays(1)));
    Map<String, List<GridEntry>> byReporter = new HashMap<>();
    for (GridEntry e : all) {
      byReporter.computeIfAbsent(e.reportedBy(), u -> new ArrayList<>()).add(e);
    }
    // each entry of a grid worker, by grid worker and by grid
    Map<String, int[]> perWorker = new HashMap<>();
    Map<String, int[]> perGrid = new HashMap<>();
    for (Map.Entry<String, List<Appointment>> w : workers.entrySet()) {
      int[] mine = perWorker.computeIfAbsent(w.getKey(), u -> new int[3]);
      for (GridEntry e : byReporter.getOrDefault(w.getKey(), List.of())) {
        if (!TownshipWorkers.isEntry(e, w.getValue())) {
          continue;
        }
        EntryOutcome outcome = PayCalculation.outcome(e, now);
        int[] grid = perGrid.computeIfAbsent(e.gridCode(), g -> new int[3]);
        for (int[] c : List.of(mine, grid)) {
          c[0]++;
          if (outcome == EntryOutcome.CLOSED || outcome == EntryOutcome.ESCALATED) {
            c[1]++;
          }
          if (outcome != EntryOutcome.OPEN) {
            c[2]++;
          }
        }
      }
    }
    List<CompetitionRanking.Candidate> candidates = new ArrayList<>();
    if (scope == RankingScope.GRID_WORKER) {
      for (Map.Entry<String, List<Appointment>> w : workers.entrySet()) {
        Appointment last = w.getValue().get(w.getValue().size() - 1);
        int[] c = perWorker.get(w.getKey());
        candidates.add(
            new CompetitionRanking.Candidate(
                last.unitCode(),
                w.getKey(),
                townshipWorkers.nameOf(w.getKey(), last),
                c[0],
                c[1],
                c[2]));
      }
    } else {
      Map<String, String> workerOfGrid = new HashMap<>();
      for (Map.Entry<String, List<Appointment>> w : workers.entrySet()) {
        for (Appointment a : w.getValue()) {
          // the one in the grid at the period's end (the later appointment wins)
          workerOfGrid.merge(
              a.unitCode(), w.getKey(), (was, now2) -> a.isCurrentOn(period.to()) ? now2 : was);
        }
      }
      for (Grid grid : grids) {
        int[] c = perGrid.getOrDefault(grid.code(), new int[3]);
        candidates.add(
            new CompetitionRanking.Candidate(
                grid.code(), workerOfGrid.get(grid.code()), grid.name(), c[0], c[1], c[2]));
      }
    }
    return new Ranking(
        period.code(),
        scope,
        townshipCode,
        period.from(),
        period.to(),
        min,
        CompetitionRanking.rank(candidates, min));
  }

  private static OffsetDateTime start(LocalDate day) {
    return day.atStartOfDay(GridCaseTime.ZONE).toOffsetDateTime();
  }
}
