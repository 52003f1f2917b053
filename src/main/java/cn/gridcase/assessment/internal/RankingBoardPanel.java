package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.Ranking;
import cn.gridcase.assessment.RankingItem;
import cn.gridcase.assessment.RankingScope;
import cn.gridcase.assessment.Rankings;
import cn.gridcase.assessment.TownshipPaySettings;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.routine.ShortfallPeriod;
import cn.gridcase.supervision.BoardPanel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * This month's rankings (A9) on the 督办看板: per township the board shows, the first {@value #TOP}
 * places of its grid workers and of its grids by counted entries then on-time rate, with links to
 * the whole lists (and the weekly ones) on 排名.
 */
@Component
class RankingBoardPanel implements BoardPanel {

  static final int TOP = 5;

  /** A supervisor of many townships (or an administrator's board) gets the first few only. */
  private static final int MAX_TOWNSHIPS = 3;

  private final Rankings rankings;
  private final TownshipPaySettings settings;
  private final Organisation organisation;
  private final Clock clock;

  RankingBoardPanel(
      Rankings rankings, TownshipPaySettings settings, Organisation organisation, Clock clock) {
    this.rankings = rankings;
    this.settings = settings;
    this.organisation = organisation;
    this.clock = clock;
  }

  @Override
  public List<Panel> panels(AccessScope scope, List<String> townshipCodes) {
    List<Panel> panels = new ArrayList<>();
    Rankings.Period month = Rankings.period(settings.currentMonth().toString());
    String week = ShortfallPeriod.weekKey(GridCaseTime.now(clock).toLocalDate());
    for (String township : townshipCodes) {
      if (panels.size() >= 2 * MAX_TOWNSHIPS) {
        break;
      }
      Optional<Unit> unit = organisation.unit(township).filter(u -> u.kind() == UnitKind.TOWNSHIP);
      if (unit.isEmpty() || (!scope.admin() && !scope.townships().contains(township))) {
        continue; // not a township (the board's filter may name anything), or not the caller's
      }
      String name = unit.get().name();
      panels.add(
          panel(township, name, rankings.rank(township, month, RankingScope.GRID_WORKER), week));
      panels.add(panel(township, name, rankings.rank(township, month, RankingScope.GRID), week));
    }
    return panels;
  }

  private String unitName(String code) {
    return organisation.unit(code).map(Unit::name).orElse(code);
  }

  private Panel panel(String township, String townshipName, Ranking ranking, String week) {
    boolean workers = ranking.scope() == RankingScope.GRID_WORKER;
    List<List<String>> rows = new ArrayList<>();
    for (RankingItem item : ranking.items()) {
      if (item.rank() == null || rows.size() >= TOP) {
        break; // the unranked come last
      }
      rows.add(
          workers
              ? List.of(
                  String.valueOf(item.rank()),
                  item.name(),
                  unitName(item.code()),
                  String.valueOf(item.countedEntries()),
                  CompetitionRanking.percent(item.onTimeRate()))
              : List.of(
                  String.valueOf(item.rank()),
                  item.name(),
                  String.valueOf(item.countedEntries()),
                  CompetitionRanking.percent(item.onTimeRate())));
    }
    String what = workers ? "网格员" : "网格";
    String base = "/assessment/rankings?townshipCode=" + township + "&scope=" + ranking.scope();
    return new Panel(
        "ranking-" + township + "-" + ranking.scope().name().toLowerCase().replace('_', '-'),
        townshipName + " " + ranking.period() + " " + what + "排名（前" + TOP + "名）",
        "按计件数、再按按期率排序；本月上报不足 " + ranking.minEntries() + " 件的不参与排名。",
        workers ? List.of("名次", "网格员", "网格", "计件数", "按期率") : List.of("名次", "网格", "计件数", "按期率"),
        rows,
        "本月尚无参与排名的" + what + "。",
        List.of(new Link("全部" + what + "排名", base), new Link("本周排名", base + "&period=" + week)));
  }
}
