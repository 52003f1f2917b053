package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.AssessmentQuarters;
import cn.gridcase.assessment.AssessmentSettings;
import cn.gridcase.assessment.QuarterView;
import cn.gridcase.assessment.Rulebook;
import cn.gridcase.platform.Text;
import cn.gridcase.platform.TextRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The quarterly assessment (A4–A6, C3), {@code /api/assessment/quarters} and the settings. */
@RestController
@RequestMapping("/api/assessment")
@Tag(
    name = "Quarterly assessment",
    description =
        "the quarter's draft per grid worker, satisfaction, findings, objections, finalize,"
            + " corrections (A4, A5, A6, C3)")
class QuarterController {

  private final AssessmentQuarters quarters;
  private final LeaderAccess access;

  QuarterController(AssessmentQuarters quarters, LeaderAccess access) {
    this.quarters = quarters;
    this.access = access;
  }

  record SatisfactionRequest(
      @Text(max = 64) String townshipCode, List<AssessmentQuarters.Score> scores) {}

  record FindingRequest(
      @Text(max = 64) String townshipCode,
      @Text(max = 64) String username,
      Integer item,
      BigDecimal points,
      @Text(max = TextRules.NOTE_MAX, multiLine = true) String reason) {}

  record TownshipRequest(
      @Text(max = 64) String townshipCode,
      @Text(max = TextRules.NOTE_MAX, multiLine = true) String note) {}

  record ObjectionRequest(
      @Text(max = 64) String townshipCode,
      @Text(max = TextRules.NOTE_MAX, multiLine = true) String text) {}

  record AnswerRequest(@Text(max = TextRules.NOTE_MAX, multiLine = true) String answer) {}

  record CorrectionRequest(
      @Text(max = 64) String townshipCode,
      @Text(max = TextRules.NOTE_MAX, multiLine = true) String reason) {}

  record SettingsRequest(
      BigDecimal quarterSubsidy,
      Rulebook rulebook,
      @Text(max = TextRules.NOTE_MAX, multiLine = true) String reason) {}

  @GetMapping("/quarters/{quarter}")
  @Operation(
      summary =
          "A township's quarter (newest version, or ?version=): the grid workers' items with each"
              + " deduction and its evidence, score, grade, rank, subsidy and reward (A4-A6); a"
              + " grid worker sees only their own row, a village's staff their village's")
  QuarterView get(
      Principal user,
      @PathVariable String quarter,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) Integer version) {
    String township = quarters.township(quarter, townshipCode, user.getName());
    return quarters.view(quarter, township, version, user.getName());
  }

  @PutMapping("/quarters/{quarter}/satisfaction")
  @Operation(
      summary =
          "Residents' satisfaction (20%, 0-100) of grid workers, entered by the station of their"
              + " village; a village whose workers all have a score has its task done (A4)")
  QuarterView satisfaction(
      Principal user, @PathVariable String quarter, @RequestBody SatisfactionRequest request) {
    String township = quarters.township(quarter, request.townshipCode(), null);
    return quarters.enterSatisfaction(quarter, township, request.scores(), user.getName());
  }

  @PostMapping("/quarters/{quarter}/findings")
  @Operation(
      summary =
          "A reviewer's deduction from item 1-4 or 7 with its reason, by the township's assessment"
              + " group (the township center's staff) while the quarter is not final (A4)")
  QuarterView finding(
      Principal user, @PathVariable String quarter, @RequestBody FindingRequest request) {
    return quarters.addFinding(
        quarter,
        given(request.townshipCode()),
        request.username(),
        request.item(),
        request.points(),
        request.reason(),
        user.getName());
  }

  @PostMapping("/quarters/{quarter}/review")
  @Operation(
      summary =
          "The assessment group's review is done; once satisfaction is in, the draft is published"
              + " to the grid workers for 3 working days of objections")
  QuarterView review(
      Principal user, @PathVariable String quarter, @RequestBody TownshipRequest request) {
    String township = quarters.township(quarter, request.townshipCode(), null);
    return quarters.review(quarter, township, request.note(), user.getName());
  }

  @PostMapping("/quarters/{quarter}/objections")
  @Operation(
      summary =
          "A grid worker objects to their own draft within 3 working days of its publication; the"
              + " assessment group answers within 2 working days")
  ResponseEntity<QuarterView.Objection> object(
      Principal user, @PathVariable String quarter, @RequestBody ObjectionRequest request) {
    QuarterView.Objection objection =
        quarters.object(quarter, given(request.townshipCode()), request.text(), user.getName());
    return ResponseEntity.created(
            URI.create("/api/assessment/quarters/" + quarter + "/objections/" + objection.id()))
        .body(objection);
  }

  @PostMapping("/quarters/{quarter}/objections/{id}/answer")
  @Operation(summary = "The assessment group's answer to an objection, with its reason")
  QuarterView.Objection answer(
      Principal user,
      @PathVariable String quarter,
      @PathVariable long id,
      @RequestBody AnswerRequest request) {
    return quarters.answer(quarter, id, request.answer(), user.getName(), false);
  }

  @PostMapping("/quarters/{quarter}/finalize")
  @Operation(
      summary =
          "Finalize: grades with the 20% quota (A5), subsidies and the shared reward (A6),"
              + " proposals (C3), the grid workers notified; 409 when final, 422 naming what is"
              + " missing")
  QuarterView finalizeQuarter(
      Principal user, @PathVariable String quarter, @RequestBody TownshipRequest request) {
    String township = quarters.township(quarter, request.townshipCode(), null);
    return quarters.finalizeQuarter(quarter, township, user.getName());
  }

  @PostMapping("/quarters/{quarter}/corrections")
  @Operation(
      summary =
          "A correction of a final quarter: a new version with its reason (the old one stays"
              + " readable), finalized again when corrected")
  ResponseEntity<QuarterView> correct(
      Principal user, @PathVariable String quarter, @RequestBody CorrectionRequest request) {
    String township = quarters.township(quarter, request.townshipCode(), null);
    QuarterView view = quarters.correct(quarter, township, request.reason(), user.getName());
    return ResponseEntity.created(
            URI.create(
                "/api/assessment/quarters/"
                    + quarter
                    + "?townshipCode="
                    + township
                    + "&version="
                    + view.version()))
        .body(view);
  }

  @GetMapping("/settings/{townshipCode}")
  @Operation(
      summary =
          "A township's quarterly subsidy (A6) and rulebook (C3), with every change's who/when/why")
  AssessmentSettings settings(Principal user, @PathVariable String townshipCode) {
    String township = access.township(townshipCode).code();
    if (!access.isOfTownship(user.getName(), township)) {
      throw new AccessDeniedException("只有本乡镇的人员可查看 " + township + " 的考核设置");
    }
    return quarters.settings(township);
  }

  @PutMapping("/settings/{townshipCode}")
  @Operation(
      summary = "Changes the township's subsidy and rulebook, with the reason (assessment group)")
  AssessmentSettings setSettings(
      Principal user, @PathVariable String townshipCode, @RequestBody SettingsRequest request) {
    return quarters.setSettings(
        townshipCode,
        request.quarterSubsidy(),
        request.rulebook(),
        request.reason(),
        user.getName());
  }

  /** An optional township code as the client gave it; blank is none (the caller's township). */
  private static String given(String townshipCode) {
    return townshipCode == null || townshipCode.isBlank() ? null : townshipCode;
  }
}
