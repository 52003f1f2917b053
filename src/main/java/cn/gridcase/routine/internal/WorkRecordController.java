package cn.gridcase.routine.internal;

import cn.gridcase.organisation.Organisation;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.InvalidRequest;
import cn.gridcase.platform.NotFound;
import cn.gridcase.routine.ShortfallReport;
import cn.gridcase.routine.Shortfalls;
import cn.gridcase.routine.WorkRecord;
import cn.gridcase.routine.WorkRecordKind;
import cn.gridcase.routine.WorkRecordRequest.CheckIn;
import cn.gridcase.routine.WorkRecordRequest.Diary;
import cn.gridcase.routine.WorkRecordRequest.InfoEntry;
import cn.gridcase.routine.WorkRecordRequest.Patrol;
import cn.gridcase.routine.WorkRecordRequest.PatrolEnd;
import cn.gridcase.routine.WorkRecordRequest.PatrolStart;
import cn.gridcase.routine.WorkRecordRequest.Screening;
import cn.gridcase.routine.WorkRecordRequest.Visit;
import cn.gridcase.routine.WorkRecordRequest.Withdrawal;
import cn.gridcase.routine.WorkRecords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The grid workers' work records and shortfalls (rules S2, A4), {@code /api/work}. */
@RestController
@RequestMapping("/api/work")
@Tag(
    name = "Work records",
    description = "check-ins, patrols, visits, diaries, screenings, information entries (S2, A4)")
class WorkRecordController {

  static final int LIST_DEFAULT = 200;
  static final int LIST_MAX = 1000;
  static final int LIST_DAYS_DEFAULT = 31;
  static final int LIST_DAYS_MAX = 366;

  private final WorkRecords records;
  private final Shortfalls shortfalls;
  private final Organisation organisation;

  WorkRecordController(WorkRecords records, Shortfalls shortfalls, Organisation organisation) {
    this.records = records;
    this.shortfalls = shortfalls;
    this.organisation = organisation;
  }

  record RecordList(List<WorkRecord> items, int total, boolean truncated) {}

  @PostMapping("/check-ins")
  @Operation(summary = "打卡 (S2): the caller's check-in, now or at 'at'")
  ResponseEntity<WorkRecord> checkIn(Principal user, @RequestBody CheckIn request) {
    return created(records.checkIn(request, user.getName()));
  }

  @PostMapping("/patrols")
  @Operation(summary = "巡查 (S2) entered once over: start, end, optional track; answers minutes")
  ResponseEntity<WorkRecord> patrol(Principal user, @RequestBody Patrol request) {
    return created(records.patrol(request, user.getName()));
  }

  @PostMapping("/patrols/start")
  @Operation(summary = "开始巡查 now (one open patrol per worker: 409 while one is open)")
  ResponseEntity<WorkRecord> startPatrol(Principal user, @RequestBody PatrolStart request) {
    return created(records.startPatrol(request, user.getName()));
  }

  @GetMapping("/patrols/open")
  @Operation(summary = "The caller's patrol in progress (404 when none)")
  WorkRecord openPatrol(Principal user) {
    return records.openPatrol(user.getName()).orElseThrow(() -> new NotFound("您没有进行中的巡查"));
  }

  @PostMapping("/patrols/{id}/end")
  @Operation(summary = "结束巡查: the caller's open patrol ends now or at endedAt, with its track")
  WorkRecord endPatrol(Principal user, @PathVariable long id, @RequestBody PatrolEnd request) {
    return records.endPatrol(id, request, user.getName());
  }

  @PostMapping("/visits")
  @Operation(summary = "走访 (A4 item 5): a family or a registered special-group person")
  ResponseEntity<WorkRecord> visit(Principal user, @RequestBody Visit request) {
    return created(records.visit(request, user.getName()));
  }

  @PostMapping("/diaries")
  @Operation(summary = "民情日志 (A4 item 6)")
  ResponseEntity<WorkRecord> diary(Principal user, @RequestBody Diary request) {
    return created(records.diary(request, user.getName()));
  }

  @PostMapping("/screenings")
  @Operation(summary = "隐患排查, the weekly screening of instability (A4 item 3)")
  ResponseEntity<WorkRecord> screening(Principal user, @RequestBody Screening request) {
    return created(records.screening(request, user.getName()));
  }

  @PostMapping("/info-entries")
  @Operation(summary = "信息采集 (A4 item 1)")
  ResponseEntity<WorkRecord> infoEntry(Principal user, @RequestBody InfoEntry request) {
    return created(records.infoEntry(request, user.getName()));
  }

  @PostMapping("/records/{id}/withdrawal")
  @Operation(summary = "撤销 a record made by mistake, with a reason (the record stays, uncounted)")
  ResponseEntity<WorkRecord> withdraw(
      Principal user, @PathVariable long id, @RequestBody Withdrawal request) {
    return created(records.withdraw(id, request.reason(), user.getName()));
  }

  @GetMapping("/records/{id}")
  @Operation(summary = "One record (a patrol with its track): own, or in the caller's scope")
  WorkRecord get(Principal user, @PathVariable long id) {
    return records.get(id, user.getName());
  }

  @GetMapping("/records")
  @Operation(
      summary =
          "Records newest first: own, a grid worker's in the caller's scope (403 otherwise), or"
              + " everyone's in the scope")
  RecordList list(
      Principal user,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) WorkRecordKind kind,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String gridCode,
      @RequestParam(defaultValue = "" + LIST_DEFAULT) int limit) {
    LocalDate last = to != null ? to : organisation.today();
    LocalDate first = from != null ? from : last.minusDays(LIST_DAYS_DEFAULT - 1);
    if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= LIST_DAYS_MAX) {
      throw new InvalidRequest(
          "期间不正确",
          List.of(
              new ApiError(
                  first.isAfter(last) ? "to" : "from",
                  "period",
                  "from 不能晚于 to，一次最多查询 " + LIST_DAYS_MAX + " 天")));
    }
    if (limit < 1 || limit > LIST_MAX) {
      throw new InvalidRequest(
          "条数不正确", List.of(new ApiError("limit", "paging", "limit 为 1 到 " + LIST_MAX)));
    }
    List<WorkRecord> items =
        records.list(
            new WorkRecords.ListQuery(username, kind, first, last, gridCode, limit + 1),
            user.getName());
    boolean truncated = items.size() > limit;
    List<WorkRecord> shown = truncated ? items.subList(0, limit) : items;
    return new RecordList(shown, shown.size(), truncated);
  }

  @GetMapping("/shortfalls/{username}")
  @Operation(
      summary =
          "A grid worker's shortfalls (S2, A4) for an ISO week, month or quarter"
              + " (period=2026-W40|2026-10|2026-Q4): own, or in the caller's scope")
  ShortfallReport shortfalls(
      Principal user, @PathVariable String username, @RequestParam String period) {
    return shortfalls.forCaller(username, period, user.getName());
  }

  private static ResponseEntity<WorkRecord> created(WorkRecord record) {
    return ResponseEntity.created(URI.create("/api/work/records/" + record.id())).body(record);
  }
}
