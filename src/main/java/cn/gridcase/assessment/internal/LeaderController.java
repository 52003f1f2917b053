package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.LeaderAssessments;
import cn.gridcase.assessment.LeaderAssessments.ReviewCommand;
import cn.gridcase.assessment.LeaderAssessments.SurveyCommand;
import cn.gridcase.assessment.LeaderReview;
import cn.gridcase.assessment.LeaderSurvey;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The grid leaders' surveys and half-year reviews (A8), {@code /api/assessment/leader-*}. */
@RestController
@RequestMapping("/api/assessment")
@Tag(
    name = "Grid leaders",
    description =
        "grid leaders' year-end satisfaction surveys and half-year reviews (A8), the leaders' bonus"
            + " link (A7), the yearly evaluation (A9)")
class LeaderController {

  private final LeaderAssessments leaders;

  LeaderController(LeaderAssessments leaders) {
    this.leaders = leaders;
  }

  @PostMapping("/leader-surveys")
  @Operation(
      summary = "Records a grid leader's year-end satisfaction survey (counts of 满意/基本满意/不满意, A8)",
      description =
          "By the township center or supervisors of the leader's township. One survey per leader"
              + " and year: a second one is a correction and needs a reason (409 without), the old"
              + " version stays readable. More than 1/3 不满意 raises a replacement proposal (once).")
  ResponseEntity<LeaderSurvey> recordSurvey(Principal user, @RequestBody SurveyCommand command) {
    LeaderSurvey survey = leaders.recordSurvey(command, user.getName());
    return ResponseEntity.created(URI.create("/api/assessment/leader-surveys/" + survey.id()))
        .body(survey);
  }

  @GetMapping("/leader-surveys")
  @Operation(
      summary = "The published survey results of a township's grid leaders for a year (A8)",
      description =
          "Everyone appointed in the township reads them; per leader the newest version with the"
              + " earlier ones.")
  List<LeaderSurvey> surveys(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String year) {
    requireParameters(townshipCode, year);
    return leaders.surveys(townshipCode, LeaderAssessments.year(year), user.getName());
  }

  @GetMapping("/leader-surveys/{id}")
  @Operation(summary = "One version of a survey (A8), also a replaced one")
  LeaderSurvey survey(Principal user, @PathVariable long id) {
    return leaders.survey(id, user.getName());
  }

  @PostMapping("/leader-reviews")
  @Operation(
      summary = "Records a grid leader's half-year performance review (称职/基本称职/不称职, A8)",
      description =
          "By the township center or supervisors of the leader's township, with the reasoning. One"
              + " review per leader and half: a second one is a correction and needs a reason.")
  ResponseEntity<LeaderReview> recordReview(Principal user, @RequestBody ReviewCommand command) {
    LeaderReview review = leaders.recordReview(command, user.getName());
    return ResponseEntity.created(URI.create("/api/assessment/leader-reviews/" + review.id()))
        .body(review);
  }

  @GetMapping("/leader-reviews")
  @Operation(
      summary = "A township's half-year reviews of its grid leaders for a year (A8)",
      description = "The township center and supervisors see all, a grid leader their own.")
  List<LeaderReview> reviews(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) String year) {
    requireParameters(townshipCode, year);
    return leaders.reviews(townshipCode, LeaderAssessments.year(year), user.getName());
  }

  static void requireParameters(String townshipCode, String year) {
    List<ApiError> errors = new ArrayList<>();
    if (townshipCode == null || townshipCode.isBlank()) {
      errors.add(new ApiError("townshipCode", "required", "请指定乡镇（townshipCode）"));
    }
    if (year == null || year.isBlank()) {
      errors.add(new ApiError("year", "required", "请指定年度（year=2026）"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequest("缺少参数", errors);
    }
  }
}
