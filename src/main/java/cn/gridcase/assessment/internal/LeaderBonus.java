package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.Grade;
import cn.gridcase.assessment.LeaderAssessments;
import cn.gridcase.assessment.internal.FinalScores.Score;
import cn.gridcase.assessment.internal.LeaderRepository.ShareRow;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.security.UserAccounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leaders' bonus link of a year (年终奖励挂钩, rule A7): for each grid leader, instructor and
 * work-area leader of a township's villages, the grids they were responsible for, each grid's
 * average of its grid workers' final quarterly scores in the quarters the person held the post, the
 * mean of those per-grid averages, its band by A5's thresholds and the township's tied share (at
 * least 30%, default 30%). Only finalized quarters count; a year with fewer than four is
 * provisional.
 */
@Service
public class LeaderBonus {

  /** The default and the least tied share, in percent (A7). */
  public static final int DEFAULT_PERCENT = 30;

  static final Set<AppointmentRole> ROLES =
      EnumSet.of(
          AppointmentRole.GRID_LEADER,
          AppointmentRole.GRID_INSTRUCTOR,
          AppointmentRole.AREA_LEADER);

  private final FinalScores scores;
  private final LeaderRepository repository;
  private final LeaderAccess access;
  private final Organisation organisation;
  private final UserAccounts accounts;
  private final Clock clock;

  LeaderBonus(
      FinalScores scores,
      LeaderRepository repository,
      LeaderAccess access,
      Organisation organisation,
      UserAccounts accounts,
      Clock clock) {
    this.scores = scores;
    this.repository = repository;
    this.access = access;
    this.organisation = organisation;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** A change of the tied share: who (the account and its name), when and why. */
  public record ShareChange(
      int tiedPercent,
      String changedBy,
      String changedByName,
      OffsetDateTime changedAt,
      String reason) {}

  /** The township's tied share in force and its changes (newest first). */
  public record ShareSetting(String townshipCode, int tiedPercent, List<ShareChange> history) {}

  /** One grid of a leader: its grid workers' scores counted and their average. */
  public record GridAverage(
      String gridCode, String gridName, String villageCode, int scores, BigDecimal average) {}

  /** One person's bonus link (a person with two roles has two rows). */
  public record LeaderLink(
      String username,
      String name,
      AppointmentRole role,
      String roleLabel,
      List<String> villages,
      List<GridAverage> grids,
      BigDecimal average,
      Grade band,
      String bandLabel,
      int tiedPercent) {}

  /** The township's leaders' bonus link of a year. */
  public record YearLink(
      int year,
      String townshipCode,
      List<String> finalQuarters,
      boolean provisional,
      String note,
      int tiedPercent,
      ShareSetting setting,
      List<LeaderLink> leaders) {}

  /**
   * The year's link: the township's staff read every row, a leader, instructor or work-area leader
   * their own (403 for anyone else; 404 unknown township).
   */
  @Transactional(readOnly = true)
  public YearLink of(String townshipCode, int year, String caller) {
    String township = access.township(townshipCode).code();
    boolean all = access.isTownshipStaff(caller, township);
    ShareSetting setting = setting(township);
    List<String> quarters = scores.finalQuarters(township, year);
    Map<String, Map<String, List<Score>>> byGridAndQuarter = new LinkedHashMap<>();
    for (Score s : scores.of(township, year)) {
      byGridAndQuarter
          .computeIfAbsent(s.gridCode(), g -> new LinkedHashMap<>())
          .computeIfAbsent(s.quarter(), q -> new ArrayList<>())
          .add(s);
    }
    Map<String, List<String>> gridsOfVillage = new LinkedHashMap<>();
    Map<String, Unit> gridUnits = new LinkedHashMap<>();
    for (Unit grid : organisation.units(UnitKind.GRID)) {
      gridsOfVillage.computeIfAbsent(grid.parentCode(), v -> new ArrayList<>()).add(grid.code());
      gridUnits.put(grid.code(), grid);
    }
    gridsOfVillage.values().forEach(list -> list.sort(Comparator.naturalOrder()));
    // who held which role over which village in the year: username|role → appointments
    Map<String, List<Appointment>> posts = new LinkedHashMap<>();
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = LocalDate.of(year, 12, 31);
    for (Unit village : access.villagesOf(township)) {
      for (Appointment a : organisation.appointmentsIn(village.code())) {
        if (ROLES.contains(a.role())
            && a.username() != null
            && overlaps(a, from, to)
            && (all || a.username().equals(caller))) {
          posts.computeIfAbsent(a.username() + "|" + a.role(), k -> new ArrayList<>()).add(a);
        }
      }
    }
    if (!all && posts.isEmpty()) {
      throw new AccessDeniedException("只有本乡镇综治中心、督办人员和网格长、指导员、片长本人查看年终奖励挂钩");
    }
    List<LeaderLink> links = new ArrayList<>();
    for (List<Appointment> held : posts.values()) {
      Appointment first = held.get(0);
      Set<String> villages = new LinkedHashSet<>();
      held.stream().map(Appointment::unitCode).sorted().forEach(villages::add);
      Map<String, List<Integer>> scoresByGrid = new LinkedHashMap<>();
      for (String village : villages) {
        List<Appointment> inVillage =
            held.stream().filter(a -> a.unitCode().equals(village)).toList();
        for (String grid : gridsOfVillage.getOrDefault(village, List.of())) {
          List<Integer> counted = new ArrayList<>();
          byGridAndQuarter
              .getOrDefault(grid, Map.of())
              .forEach(
                  (quarter, list) -> {
                    if (inVillage.stream().anyMatch(a -> heldIn(a, quarter))) {
                      list.forEach(s -> counted.add(s.scoreHundredths()));
                    }
                  });
          scoresByGrid.put(grid, counted);
        }
      }
      Map<String, BigDecimal> perGrid = YearAverages.perGrid(scoresByGrid);
      List<GridAverage> grids = new ArrayList<>();
      perGrid.forEach(
          (grid, avg) ->
              grids.add(
                  new GridAverage(
                      grid,
                      gridUnits.get(grid).name(),
                      gridUnits.get(grid).parentCode(),
                      scoresByGrid.get(grid).size(),
                      YearAverages.shown(avg))));
      BigDecimal average = YearAverages.overGrids(scoresByGrid);
      Grade band = YearAverages.band(average);
      links.add(
          new LeaderLink(
              first.username(),
              accounts.nameOf(first.username()),
              first.role(),
              first.role().label(),
              List.copyOf(villages),
              grids,
              YearAverages.shown(average),
              band,
              band == null ? null : band.label(),
              setting.tiedPercent()));
    }
    links.sort(
        Comparator.comparing((LeaderLink l) -> l.role().ordinal())
            .thenComparing(l -> l.villages().get(0))
            .thenComparing(LeaderLink::username));
    boolean provisional = quarters.size() < 4;
    String note =
        provisional
            ? "暂定：" + year + " 年已定档 " + quarters.size() + " 个季度（共4个），其余季度定档后平均分和档次会变化"
            : year + " 年四个季度均已定档";
    return new YearLink(
        year, township, quarters, provisional, note, setting.tiedPercent(), setting, links);
  }

  private static boolean overlaps(Appointment a, LocalDate from, LocalDate to) {
    return !a.startsOn().isAfter(to) && (a.endsOn() == null || !a.endsOn().isBefore(from));
  }

  /** Whether the appointment was in force on some day of the quarter ({@code 2026-Q3}). */
  static boolean heldIn(Appointment a, String quarter) {
    int year = Integer.parseInt(quarter.substring(0, 4));
    int q = quarter.charAt(6) - '0';
    LocalDate from = LocalDate.of(year, 3 * q - 2, 1);
    LocalDate to = from.plusMonths(3).minusDays(1);
    return overlaps(a, from, to);
  }

  // ---- the tied share

  /** The township's tied share (30 when never set) with its history; 404 unknown township. */
  public ShareSetting setting(String townshipCode) {
    String township = access.township(townshipCode).code();
    List<ShareChange> history =
        repository.shares(township).stream()
            .map(
                (ShareRow r) ->
                    new ShareChange(
                        r.tiedPercent(),
                        r.changedBy(),
                        accounts.nameOf(r.changedBy()),
                        r.changedAt(),
                        r.reason()))
            .toList();
    return new ShareSetting(
        township, history.isEmpty() ? DEFAULT_PERCENT : history.get(0).tiedPercent(), history);
  }

  /**
   * Changes the township's tied share (its center's staff or supervisors, or an admin): a whole
   * percentage from 30 to 100 with the reason; the change is kept with who and when.
   */
  @Transactional
  public ShareSetting change(String townshipCode, Integer percent, String reason, String caller) {
    String township = access.township(townshipCode).code();
    access.requireTownshipStaff(caller, township);
    List<ApiError> errors = new ArrayList<>();
    if (percent == null || percent < DEFAULT_PERCENT || percent > 100) {
      errors.add(new ApiError("tiedPercent", "A7.share", "挂钩比例应为30至100之间的整数（百分比），不得低于30%"));
    }
    if (reason == null || reason.isBlank()) {
      errors.add(new ApiError("reason", "A7.share", "请写明调整的理由或依据"));
    }
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("挂钩比例不符合要求", errors);
    }
    repository.insertShare(township, percent, caller, GridCaseTime.now(clock), reason.trim());
    return setting(township);
  }

  /** The year of a path parameter (400 naming it otherwise). */
  static int year(String value) {
    return LeaderAssessments.year(value);
  }
}
