package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.Grade;
import cn.gridcase.assessment.internal.FinalScores.Score;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.security.UserAccounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly evaluation of a township's grid workers (年度考评, A9's last clause): per grid worker the
 * four quarters' final scores and grades, the mean of the final ones and its band by A5's
 * thresholds. Only finalized quarters count; while the township has fewer than four the year is
 * provisional. The township's staff read every row, a village's people their village's, a grid
 * worker their own (403 for anyone else).
 */
@Service
public class YearEvaluations {

  private final FinalScores scores;
  private final LeaderAccess access;
  private final UserAccounts accounts;

  YearEvaluations(FinalScores scores, LeaderAccess access, UserAccounts accounts) {
    this.scores = scores;
    this.access = access;
    this.accounts = accounts;
  }

  /** One quarter of a grid worker's year: null score and grade while it is not final. */
  public record QuarterResult(
      String quarter,
      boolean finalized,
      String gridCode,
      BigDecimal score,
      Grade grade,
      String gradeLabel) {}

  /** One grid worker's year: their grid and village by code and by name. */
  public record WorkerYear(
      String username,
      String name,
      String gridCode,
      String gridName,
      String villageCode,
      String villageName,
      List<QuarterResult> quarters,
      int quartersAssessed,
      BigDecimal average,
      Grade band,
      String bandLabel) {}

  /** The township's yearly evaluation. */
  public record Year(
      int year,
      String townshipCode,
      List<String> finalQuarters,
      boolean provisional,
      String note,
      List<WorkerYear> workers) {}

  @Transactional(readOnly = true)
  public Year of(String townshipCode, int year, String caller) {
    String township = access.township(townshipCode).code();
    boolean all = access.isTownshipStaff(caller, township);
    if (!all && !access.isOfTownship(caller, township)) {
      throw new AccessDeniedException("只有本乡镇的人员查看 " + township + " 的年度考评");
    }
    AccessScope scope = access.scope(caller);
    List<String> finals = scores.finalQuarters(township, year);
    Map<String, Map<String, Score>> byWorker = new LinkedHashMap<>();
    for (Score s : scores.of(township, year)) {
      byWorker.computeIfAbsent(s.username(), u -> new LinkedHashMap<>()).put(s.quarter(), s);
    }
    List<WorkerYear> rows = new ArrayList<>();
    Map<String, String> unitNames = new HashMap<>();
    for (Map.Entry<String, Map<String, Score>> e : byWorker.entrySet()) {
      Score last = null;
      List<QuarterResult> quarters = new ArrayList<>();
      List<Integer> counted = new ArrayList<>();
      for (int q = 1; q <= 4; q++) {
        Score s = e.getValue().get(year + "-Q" + q);
        if (s == null) {
          quarters.add(
              new QuarterResult(
                  year + "-Q" + q, finals.contains(year + "-Q" + q), null, null, null, null));
          continue;
        }
        last = s;
        counted.add(s.scoreHundredths());
        Grade grade = s.grade() == null ? null : Grade.valueOf(s.grade());
        quarters.add(
            new QuarterResult(
                s.quarter(),
                true,
                s.gridCode(),
                BigDecimal.valueOf(s.scoreHundredths(), 2),
                grade,
                grade == null ? null : grade.label()));
      }
      String user = e.getKey();
      boolean visible = all || user.equals(caller) || scope.villages().contains(last.villageCode());
      if (!visible) {
        continue;
      }
      BigDecimal average = YearAverages.mean(counted);
      Grade band = YearAverages.band(average);
      rows.add(
          new WorkerYear(
              user,
              accounts.nameOf(user),
              last.gridCode(),
              unitNames.computeIfAbsent(last.gridCode(), access::unitName),
              last.villageCode(),
              unitNames.computeIfAbsent(last.villageCode(), access::unitName),
              quarters,
              counted.size(),
              YearAverages.shown(average),
              band,
              band == null ? null : band.label()));
    }
    rows.sort(
        (a, b) ->
            a.villageCode().equals(b.villageCode())
                ? a.gridCode().equals(b.gridCode())
                    ? a.username().compareTo(b.username())
                    : a.gridCode().compareTo(b.gridCode())
                : a.villageCode().compareTo(b.villageCode()));
    boolean provisional = finals.size() < 4;
    String note =
        provisional
            ? "暂定：" + year + " 年已定档 " + finals.size() + " 个季度（共4个），年度平均分按已定档季度计算"
            : year + " 年四个季度均已定档";
    return new Year(year, township, finals, provisional, note, rows);
  }
}
