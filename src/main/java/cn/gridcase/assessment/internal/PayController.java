package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.PaySettings;
import cn.gridcase.assessment.PayStatements;
import cn.gridcase.assessment.QuarterPay;
import cn.gridcase.assessment.TownshipPaySettings;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.platform.GridCaseTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pay (rules A1–A3): statements, the township's sheets (JSON or Excel) and the pay settings. */
@RestController
@RequestMapping("/api")
@Tag(
    name = "Assessment and pay",
    description = "monthly pay statements, pay sheets, settings (A1–A3)")
class PayController {

  private final PayStatements pay;
  private final TownshipPaySettings settings;
  private final PayAccess access;
  private final Organisation organisation;
  private final Clock clock;

  PayController(
      PayStatements pay,
      TownshipPaySettings settings,
      PayAccess access,
      Organisation organisation,
      Clock clock) {
    this.pay = pay;
    this.settings = settings;
    this.access = access;
    this.organisation = organisation;
    this.clock = clock;
  }

  @GetMapping("/assessment/pay/{username}/{month}")
  @Operation(
      summary = "A grid worker's monthly pay statement (A1–A3), every entry a line",
      description =
          "Amounts in yuan. provisional while an entry is still open within its limit or the month"
              + " is running. The grid worker reads their own; township staff and supervisors of"
              + " the township everyone's (403 otherwise); 404 when the user was not a grid worker"
              + " in the month; 400 for a month not written yyyy-MM.")
  PayJson.Statement statement(
      Principal user,
      @PathVariable String username,
      @PathVariable @Parameter(description = "yyyy-MM", example = "2026-10") String month) {
    YearMonth parsed = PayAccess.month("month", month);
    access.requireStatementReader(user.getName(), username, parsed);
    return PayJson.Statement.of(pay.statement(username, parsed));
  }

  @GetMapping(
      value = "/assessment/pay",
      produces = {MediaType.APPLICATION_JSON_VALUE, XLSX})
  @Operation(
      summary = "The township's pay sheet of a month, or the quarter's payment (A1, A2)",
      description =
          "month=yyyy-MM: one row per grid worker of the township in that month; quarter=yyyy-Qn:"
              + " the sum of the quarter's three months as paid (an entry still open counts as not"
              + " counted). With Accept: "
              + XLSX
              + " or format=xlsx the same as an Excel file. Township staff and supervisors of the"
              + " township (403 otherwise).",
      responses =
          @ApiResponse(
              responseCode = "200",
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(oneOf = {PayJson.Sheet.class, PayJson.QuarterSheet.class})),
                @Content(mediaType = XLSX)
              }))
  ResponseEntity<?> sheet(
      Principal user,
      @RequestParam(required = false) String townshipCode,
      @RequestParam(required = false) @Parameter(example = "2026-10") String month,
      @RequestParam(required = false) @Parameter(example = "2026-Q4") String quarter,
      @RequestParam(required = false) @Parameter(description = "xlsx for Excel") String format,
      @RequestHeader(value = "Accept", required = false) String accept) {
    PayAccess.checkSheetParameters(townshipCode, month, quarter);
    boolean excel = "xlsx".equalsIgnoreCase(format) || (accept != null && accept.contains(XLSX));
    OffsetDateTime now = GridCaseTime.now(clock);
    if (month != null && !month.isBlank()) {
      YearMonth m = PayAccess.month("month", month);
      access.requireTownshipReader(user.getName(), townshipCode);
      var rows = pay.sheet(townshipCode, m);
      if (excel) {
        return PayExport.month(townshipName(townshipCode), m.toString(), rows, now);
      }
      PaySettings inForce = settings.inForce(townshipCode, m);
      return ResponseEntity.ok(PayJson.Sheet.of(townshipCode, m.toString(), inForce, rows));
    }
    int[] q = PayAccess.quarter("quarter", quarter);
    access.requireTownshipReader(user.getName(), townshipCode);
    List<QuarterPay> rows = pay.quarter(townshipCode, q[0], q[1]);
    String code = q[0] + "-Q" + q[1];
    YearMonth first = YearMonth.of(q[0], (q[1] - 1) * 3 + 1);
    boolean over =
        !now.isBefore(
            first.plusMonths(3).atDay(1).atStartOfDay(GridCaseTime.ZONE).toOffsetDateTime());
    if (excel) {
      List<String> months =
          List.of(first.toString(), first.plusMonths(1).toString(), first.plusMonths(2).toString());
      return PayExport.quarter(townshipName(townshipCode), code, months, over, rows, now);
    }
    return ResponseEntity.ok(PayJson.QuarterSheet.of(townshipCode, code, over, rows));
  }

  @GetMapping("/admin/townships/{code}/pay-settings")
  @Operation(
      summary =
          "A township's pay settings: in force this month, next month, and every change"
              + " (administrators)")
  PayJson.SettingsView paySettings(@PathVariable String code) {
    return settingsView(code);
  }

  @PutMapping("/admin/townships/{code}/pay-settings")
  @Operation(
      summary =
          "Changes a township's pay settings from a month not yet begun (default: next month),"
              + " with the reason; kept for ever (administrators)",
      description =
          "Every value is given (yuan with at most two decimals, percentages and counts as"
              + " integers); 422 naming each problem, and an effective month already begun.")
  PayJson.SettingsView changePaySettings(
      Principal user, @PathVariable String code, @RequestBody PayJson.SettingsChange change) {
    YearMonth from =
        change.effectiveFrom() == null || change.effectiveFrom().isBlank()
            ? null
            : PayAccess.month("effectiveFrom", change.effectiveFrom());
    settings.change(
        code,
        new TownshipPaySettings.Change(
            change.base(),
            change.deductionRate(),
            change.threshold(),
            change.maxDeduction(),
            change.bonusClosed(),
            change.bonusEscalated(),
            change.cap(),
            change.minRankedEntries(),
            from,
            change.reason()),
        user.getName());
    return settingsView(code);
  }

  @GetMapping("/assessment/pay-settings/{townshipCode}")
  @Operation(
      summary =
          "The township's pay settings as its staff and supervisors read them: in force this month,"
              + " next month, and every change (A1)")
  PayJson.SettingsView townshipPaySettings(Principal user, @PathVariable String townshipCode) {
    access.requireTownshipReader(user.getName(), townshipCode);
    return settingsView(townshipCode);
  }

  @PutMapping("/assessment/pay-settings/{townshipCode}")
  @Operation(
      summary =
          "Changes the township's pay settings from a month not yet begun, with the reason (the"
              + " township center — its assessment group — or an administrator; A1)",
      description = "As PUT /api/admin/townships/{code}/pay-settings; 403 for the others.")
  PayJson.SettingsView changeTownshipPaySettings(
      Principal user,
      @PathVariable String townshipCode,
      @RequestBody PayJson.SettingsChange change) {
    access.requireTownshipReader(user.getName(), townshipCode);
    access.requireSettingsChanger(user.getName(), townshipCode);
    return changePaySettings(user, townshipCode, change);
  }

  PayJson.SettingsView settingsView(String code) {
    List<PaySettings> history = settings.history(code);
    YearMonth current = settings.currentMonth();
    return new PayJson.SettingsView(
        code,
        current.toString(),
        PayJson.Settings.of(settings.inForce(code, current)),
        PayJson.Settings.of(settings.inForce(code, current.plusMonths(1))),
        history.stream().map(PayJson.Settings::of).toList());
  }

  private String townshipName(String code) {
    return organisation.unit(code).map(Unit::name).orElse(code);
  }

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
