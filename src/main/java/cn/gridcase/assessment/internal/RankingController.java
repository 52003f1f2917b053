package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.Ranking;
import cn.gridcase.assessment.RankingScope;
import cn.gridcase.assessment.Rankings;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rankings (rule A9) under the supervision path: {@code /api/supervision/rankings}. */
@RestController
@Tag(name = "Supervision", description = "open and overdue steps in the caller's scope (rule S1)")
class RankingController {

  private final Rankings rankings;
  private final PayAccess access;

  RankingController(Rankings rankings, PayAccess access) {
    this.rankings = rankings;
    this.access = access;
  }

  @GetMapping("/api/supervision/rankings")
  @Operation(
      summary = "Monthly or weekly ranking of a township's grids or grid workers (A9)",
      description =
          "By counted entries, then on-time rate (counted ÷ settled entries: closed, escalated or"
              + " late; open ones within their limits left out), competition ranking (1, 2, 2, 4);"
              + " fewer entries than the township's minimum (default 1): rank null, ranked false,"
              + " last. As of now. Township staff and supervisors of the township (403"
              + " otherwise).")
  Ranking rankings(
      Principal user,
      @RequestParam(required = false)
          @Parameter(example = "2026-10", description = "yyyy-MM or yyyy-Www")
          String period,
      @RequestParam(required = false) @Parameter(example = "GRID_WORKER") String scope,
      @RequestParam(required = false) String townshipCode) {
    List<ApiError> errors = new ArrayList<>();
    RankingScope parsedScope = RankingScope.GRID_WORKER;
    if (scope != null && !scope.isBlank()) {
      try {
        parsedScope = RankingScope.valueOf(scope.trim());
      } catch (IllegalArgumentException e) {
        errors.add(new ApiError("scope", "type", "排名对象为 GRID（网格）或 GRID_WORKER（网格员）"));
      }
    }
    if (townshipCode == null || townshipCode.isBlank()) {
      errors.add(new ApiError("townshipCode", "required", "请指定乡镇（townshipCode）"));
    }
    Rankings.Period parsed = null;
    try {
      parsed = Rankings.period(period);
    } catch (InvalidRequest invalid) {
      errors.addAll(invalid.errors());
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequest("排名的参数有误", errors);
    }
    access.requireTownshipReader(user.getName(), townshipCode);
    return rankings.rank(townshipCode, parsed, parsedScope);
  }
}
