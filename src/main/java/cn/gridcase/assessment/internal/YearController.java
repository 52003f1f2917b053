package cn.gridcase.assessment.internal;

import cn.gridcase.platform.Text;
import cn.gridcase.platform.TextRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The year's views: the leaders' bonus link (A7) with the township's tied share, and the grid
 * workers' yearly evaluation (A9), JSON and Excel.
 */
@RestController
@RequestMapping("/api/assessment")
@Tag(name = "Grid leaders")
class YearController {

  private final LeaderBonus bonus;
  private final YearEvaluations years;
  private final LeaderAccess access;

  YearController(LeaderBonus bonus, YearEvaluations years, LeaderAccess access) {
    this.bonus = bonus;
    this.years = years;
    this.access = access;
  }

  record ShareRequest(
      Integer tiedPercent, @Text(max = TextRules.NOTE_MAX, multiLine = true) String reason) {}

  @GetMapping("/leader-bonus/{year}")
  @Operation(
      summary =
          "The leaders' year-end bonus link (A7): per grid leader, instructor and work-area leader"
              + " the grids, their grid workers' average score, its band and the tied share",
      description =
          "A grid's average is the mean of its grid workers' final quarterly scores in the quarters"
              + " the person held the post; several grids → the mean of the per-grid averages."
              + " Only finalized quarters count: provisional while fewer than four. The township"
              + " center and supervisors see all, a leader their own row.")
  LeaderBonus.YearLink leaderBonus(
      Principal user,
      @PathVariable String year,
      @RequestParam(required = false) String townshipCode) {
    LeaderController.requireParameters(townshipCode, year);
    return bonus.of(townshipCode, LeaderBonus.year(year), user.getName());
  }

  @GetMapping("/leader-bonus-settings/{townshipCode}")
  @Operation(
      summary = "The township's tied share of the leaders' bonus (A7, default 30%) and its changes")
  LeaderBonus.ShareSetting share(Principal user, @PathVariable String townshipCode) {
    access.township(townshipCode);
    access.requireTownshipStaff(user.getName(), townshipCode);
    return bonus.setting(townshipCode);
  }

  @PutMapping("/leader-bonus-settings/{townshipCode}")
  @Operation(
      summary = "Changes the tied share (30–100%, with the reason; who and when kept, A7)",
      description = "By the township center or supervisors of the township.")
  LeaderBonus.ShareSetting changeShare(
      Principal user, @PathVariable String townshipCode, @RequestBody ShareRequest request) {
    return bonus.change(townshipCode, request.tiedPercent(), request.reason(), user.getName());
  }

  @GetMapping("/years/{year}")
  @Operation(
      summary =
          "The yearly evaluation (A9): per grid worker the four quarters' scores and grades, the"
              + " year's average and band; ?format=xlsx for Excel",
      description =
          "Only finalized quarters count: provisional while fewer than four. The township center"
              + " and supervisors see all, a village's people their village's, a grid worker their"
              + " own.",
      responses =
          @ApiResponse(
              responseCode = "200",
              content = {
                @Content(mediaType = "application/json"),
                @Content(
                    mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
              }))
  ResponseEntity<?> year(
      Principal user,
      @PathVariable String year,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String format) {
    LeaderController.requireParameters(townshipCode, year);
    YearEvaluations.Year result = years.of(townshipCode, LeaderBonus.year(year), user.getName());
    if ("xlsx".equalsIgnoreCase(format)) {
      return YearExport.download(result, access.unitName(result.townshipCode()));
    }
    return ResponseEntity.ok(result);
  }
}
