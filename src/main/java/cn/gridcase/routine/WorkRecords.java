package cn.gridcase.routine;

import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.SpecialPerson;
import cn.gridcase.organisation.SpecialPersons;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.routine.WorkRecordRequest.CheckIn;
import cn.gridcase.routine.WorkRecordRequest.Diary;
import cn.gridcase.routine.WorkRecordRequest.InfoEntry;
import cn.gridcase.routine.WorkRecordRequest.Patrol;
import cn.gridcase.routine.WorkRecordRequest.PatrolEnd;
import cn.gridcase.routine.WorkRecordRequest.PatrolStart;
import cn.gridcase.routine.WorkRecordRequest.Screening;
import cn.gridcase.routine.WorkRecordRequest.TrackPoint;
import cn.gridcase.routine.WorkRecordRequest.Visit;
import cn.gridcase.routine.internal.VisitGroups;
import cn.gridcase.routine.internal.WorkRecordRepository;
import cn.gridcase.routine.internal.WorkRecordRepository.Detail;
import cn.gridcase.routine.internal.WorkRecordRepository.NewRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A grid worker's work records (rules S2, A4): check-ins, patrols (entered once over, or started
 * and ended on the phone), household visits, diaries, screenings and information entries. Each is
 * the caller's own, in the grid they are the full-time grid worker of on the record's day (403 for
 * a user who is no grid worker today: the records are the grid worker's assessment evidence, not
 * the 1+4+X team's), and kept for ever: a correction is a new record that names the one it replaces
 * with a reason, and a mistaken record is withdrawn by one. Every problem of a request is named at
 * once (422); nothing is stored then.
 */
@Service
public class WorkRecords {

  /** A moment up to this far ahead of the server's clock is "now" (a phone's clock runs fast). */
  static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

  /** The longest patrol one record may hold. */
  static final Duration LONGEST_PATROL = Duration.ofHours(12);

  static final int TRACK_MAX = 5000;

  static final int HOUSEHOLD_MAX = 200;

  private static final BigDecimal LATITUDE_MAX = BigDecimal.valueOf(90);
  private static final BigDecimal LONGITUDE_MAX = BigDecimal.valueOf(180);

  private final WorkRecordRepository repository;
  private final Organisation organisation;
  private final AccessScopes scopes;
  private final SpecialPersons specialPersons;
  private final Clock clock;

  WorkRecords(
      WorkRecordRepository repository,
      Organisation organisation,
      AccessScopes scopes,
      SpecialPersons specialPersons,
      Clock clock) {
    this.repository = repository;
    this.organisation = organisation;
    this.scopes = scopes;
    this.specialPersons = specialPersons;
    this.clock = clock;
  }

  // ---- recording ----

  /** 打卡 (S2). */
  @Transactional
  public WorkRecord checkIn(CheckIn request, String caller) {
    requireGridWorker(caller);
    OffsetDateTime now = GridCaseTime.now(clock);
    List<ApiError> problems = new ArrayList<>();
    OffsetDateTime at = request.at() == null ? now : request.at();
    if (isFuture(at, now)) {
      problems.add(new ApiError("at", "S2.checkInAt", "打卡时间不能晚于现在（" + minute(now) + "）"));
      at = now;
    }
    LocalDate day = dayOf(at);
    String grid = grid(caller, request.gridCode(), day, problems);
    position(request.latitude(), request.longitude(), "", problems);
    Correction correction =
        correction(caller, WorkRecordKind.CHECK_IN, request.corrects(), request.correctionReason());
    problems.addAll(correction.problems());
    refuseIf("打卡未记录", problems);
    return store(
        new NewRecord(
            caller,
            WorkRecordKind.CHECK_IN,
            grid,
            day,
            at,
            null,
            null,
            null,
            null,
            null,
            false,
            request.corrects(),
            now),
        new Detail(
            scaled(request.latitude()),
            scaled(request.longitude()),
            null,
            null,
            correction.reason()),
        List.of());
  }

  /** 巡查 entered once it is over, with its track (S2). */
  @Transactional
  public WorkRecord patrol(Patrol request, String caller) {
    requireGridWorker(caller);
    OffsetDateTime now = GridCaseTime.now(clock);
    List<ApiError> problems = new ArrayList<>();
    OffsetDateTime start = request.startedAt();
    OffsetDateTime end = request.endedAt();
    if (start == null) {
      problems.add(new ApiError("startedAt", "S2.patrolStart", "请填写巡查开始时间"));
    } else if (isFuture(start, now)) {
      problems.add(
          new ApiError("startedAt", "S2.patrolStart", "巡查开始时间不能晚于现在（" + minute(now) + "）"));
    }
    if (end == null) {
      problems.add(new ApiError("endedAt", "S2.patrolEnd", "请填写巡查结束时间"));
    } else {
      problems.addAll(endProblems(start, end, now));
    }
    LocalDate day = dayOf(start != null && !isFuture(start, now) ? start : now);
    String grid = grid(caller, request.gridCode(), day, problems);
    List<TrackPoint> track = track(request.track(), start, end, problems);
    Correction correction =
        correction(caller, WorkRecordKind.PATROL, request.corrects(), request.correctionReason());
    problems.addAll(correction.problems());
    if (problems.isEmpty()) {
      overlap(caller, start, end, request.corrects(), problems);
    }
    refuseIf("巡查未记录", problems);
    return store(
        new NewRecord(
            caller,
            WorkRecordKind.PATROL,
            grid,
            day,
            start,
            end,
            minutes(start, end),
            null,
            null,
            null,
            false,
            request.corrects(),
            now),
        new Detail(null, null, null, trimmed(request.note()), correction.reason()),
        track);
  }

  /** 开始巡查 now: one open patrol per worker (409 while another is open). */
  @Transactional
  public WorkRecord startPatrol(PatrolStart request, String caller) {
    requireGridWorker(caller);
    OffsetDateTime now = GridCaseTime.now(clock);
    repository
        .openPatrol(caller)
        .ifPresent(
            open -> {
              throw new StateConflict("您已有进行中的巡查（" + minute(open.at()) + " 开始），请先结束巡查");
            });
    List<ApiError> problems = new ArrayList<>();
    String grid = grid(caller, request.gridCode(), dayOf(now), problems);
    position(request.latitude(), request.longitude(), "", problems);
    if (problems.isEmpty()) {
      overlap(caller, now, now.plusSeconds(1), null, problems);
    }
    refuseIf("巡查未开始", problems);
    try {
      return store(
          new NewRecord(
              caller,
              WorkRecordKind.PATROL,
              grid,
              dayOf(now),
              now,
              null,
              null,
              null,
              null,
              null,
              true,
              null,
              now),
          new Detail(scaled(request.latitude()), scaled(request.longitude()), null, null, null),
          List.of());
    } catch (DuplicateKeyException raced) {
      throw new StateConflict("您已有进行中的巡查，请先结束巡查");
    }
  }

  /** 结束巡查: the caller's open patrol ends (now or at {@code endedAt}), with its track. */
  @Transactional
  public WorkRecord endPatrol(long id, PatrolEnd request, String caller) {
    WorkRecord patrol =
        repository
            .find(id)
            .filter(r -> r.username().equals(caller) && r.kind() == WorkRecordKind.PATROL)
            .orElseThrow(() -> new NotFound("没有您的编号为 " + id + " 的巡查"));
    if (!patrol.open()) {
      throw new StateConflict("巡查 " + id + " 已于 " + minute(patrol.endedAt()) + " 结束");
    }
    OffsetDateTime now = GridCaseTime.now(clock);
    OffsetDateTime end = request.endedAt() == null ? now : request.endedAt();
    List<ApiError> problems = new ArrayList<>(endProblems(patrol.at(), end, now));
    List<TrackPoint> track = track(request.track(), patrol.at(), end, problems);
    if (problems.isEmpty()) {
      overlap(caller, patrol.at(), end, id, problems);
    }
    refuseIf("巡查未结束", problems);
    if (!repository.endPatrol(id, caller, end, minutes(patrol.at(), end))) {
      throw new StateConflict("巡查 " + id + " 刚已结束");
    }
    repository.insertTrack(id, track);
    if (trimmed(request.note()) != null) {
      repository.setNote(id, trimmed(request.note()));
    }
    return get(id, caller);
  }

  /** The caller's patrol in progress, if any. */
  public Optional<WorkRecord> openPatrol(String username) {
    return repository.openPatrol(username);
  }

  /** 走访 of a family or of a registered special-group person (A4 item 5). */
  @Transactional
  public WorkRecord visit(Visit request, String caller) {
    requireGridWorker(caller);
    OffsetDateTime now = GridCaseTime.now(clock);
    List<ApiError> problems = new ArrayList<>();
    OffsetDateTime at = request.visitedAt() == null ? now : request.visitedAt();
    if (isFuture(at, now)) {
      problems.add(new ApiError("visitedAt", "A4.visitedAt", "走访时间不能晚于现在（" + minute(now) + "）"));
      at = now;
    }
    LocalDate day = dayOf(at);
    String grid = grid(caller, request.gridCode(), day, problems);
    Optional<String> group = VisitGroups.of(request.group());
    String household = trimmed(request.household());
    if (group.isEmpty()) {
      problems.add(
          new ApiError(
              "group",
              "A4.group",
              (trimmed(request.group()) == null ? "请选择走访对象类别" : "没有类别“" + request.group() + "”")
                  + "：可选 "
                  + VisitGroups.allowed()));
    } else if (VisitGroups.FAMILY.equals(group.get())) {
      if (request.personId() != null) {
        problems.add(new ApiError("personId", "A4.person", "走访家庭不选特殊人群人员；走访特殊人群请选择其类别"));
      }
    } else if (request.personId() == null) {
      problems.add(new ApiError("personId", "A4.person", "请选择本网格登记的特殊人群人员"));
    } else {
      Optional<SpecialPerson> person = specialPersons.find(request.personId());
      if (person.isEmpty()
          || grid != null && !person.get().gridCode().equals(grid)
          || !person.get().registeredOn(day)) {
        problems.add(
            new ApiError(
                "personId",
                "A4.person",
                "编号 "
                    + request.personId()
                    + " 的人员在 "
                    + day
                    + (grid == null ? " 未登记" : " 不在网格 " + grid + " 的特殊人群登记中")));
      } else {
        if (!person.get().group().name().equals(group.get())) {
          problems.add(
              new ApiError(
                  "group",
                  "A4.personGroup",
                  person.get().name() + " 登记为“" + person.get().group().label() + "”，与所选类别不符"));
        }
        if (household == null) {
          household = person.get().household();
        }
      }
    }
    if (household == null) {
      problems.add(new ApiError("household", "A4.household", "请填写走访的住户（如 3组12号 王某家）"));
    } else if (household.codePointCount(0, household.length()) > HOUSEHOLD_MAX) {
      problems.add(new ApiError("household", "A4.household", "住户最多 " + HOUSEHOLD_MAX + " 个字"));
    }
    Correction correction =
        correction(caller, WorkRecordKind.VISIT, request.corrects(), request.correctionReason());
    problems.addAll(correction.problems());
    refuseIf("走访未记录", problems);
    return store(
        new NewRecord(
            caller,
            WorkRecordKind.VISIT,
            grid,
            day,
            at,
            null,
            null,
            group.get(),
            VisitGroups.FAMILY.equals(group.get()) ? null : request.personId(),
            household,
            false,
            request.corrects(),
            now),
        new Detail(null, null, null, trimmed(request.note()), correction.reason()),
        List.of());
  }

  /** 民情日志 (A4 item 6). */
  @Transactional
  public WorkRecord diary(Diary request, String caller) {
    requireGridWorker(caller);
    OffsetDateTime now = GridCaseTime.now(clock);
    List<ApiError> problems = new ArrayList<>();
    LocalDate day = date(request.date(), now, "date", "A4.diaryDate", "日志日期", problems);
    String grid = grid(caller, request.gridCode(), day, problems);
    if (trimmed(request.text()) == null) {
      problems.add(new ApiError("text", "A4.diaryText", "请填写日志内容"));
    }
    Correction correction =
        correction(caller, WorkRecordKind.DIARY, request.corrects(), request.correctionReason());
    problems.addAll(correction.problems());
    refuseIf("民情日志未记录", problems);
    return store(
        new NewRecord(
            caller,
            WorkRecordKind.DIARY,
            grid,
            day,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            request.corrects(),
            now),
        new Detail(null, null, null, trimmed(request.text()), correction.reason()),
        List.of());
  }

  /** 隐患排查, the weekly screening of instability (A4 item 3). */
  @Transactional
  public WorkRecord screening(Screening request, String caller) {
    requireGridWorker(caller);
    OffsetDateTime now = GridCaseTime.now(clock);
    List<ApiError> problems = new ArrayList<>();
    LocalDate day = date(request.date(), now, "date", "A4.screeningDate", "排查日期", problems);
    String grid = grid(caller, request.gridCode(), day, problems);
    if (trimmed(request.findings()) == null) {
      problems.add(new ApiError("findings", "A4.findings", "请填写排查情况（未发现问题也请写明）"));
    }
    Correction correction =
        correction(
            caller, WorkRecordKind.SCREENING, request.corrects(), request.correctionReason());
    problems.addAll(correction.problems());
    refuseIf("隐患排查未记录", problems);
    return store(
        new NewRecord(
            caller,
            WorkRecordKind.SCREENING,
            grid,
            day,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            request.corrects(),
            now),
        new Detail(null, null, null, trimmed(request.findings()), correction.reason()),
        List.of());
  }

  /** 信息采集 (A4 item 1). */
  @Transactional
  public WorkRecord infoEntry(InfoEntry request, String caller) {
    requireGridWorker(caller);
    OffsetDateTime now = GridCaseTime.now(clock);
    List<ApiError> problems = new ArrayList<>();
    OffsetDateTime at = request.at() == null ? now : request.at();
    if (isFuture(at, now)) {
      problems.add(new ApiError("at", "A4.infoAt", "采集时间不能晚于现在（" + minute(now) + "）"));
      at = now;
    }
    LocalDate day = dayOf(at);
    String grid = grid(caller, request.gridCode(), day, problems);
    if (trimmed(request.kind()) == null) {
      problems.add(new ApiError("kind", "A4.infoKind", "请填写信息类别（如人口、房屋、单位）"));
    } else if (request.kind().trim().codePointCount(0, request.kind().trim().length()) > 100) {
      problems.add(new ApiError("kind", "A4.infoKind", "信息类别最多 100 个字"));
    }
    if (trimmed(request.text()) == null) {
      problems.add(new ApiError("text", "A4.infoText", "请填写采集的信息"));
    }
    Correction correction =
        correction(
            caller, WorkRecordKind.INFO_ENTRY, request.corrects(), request.correctionReason());
    problems.addAll(correction.problems());
    refuseIf("信息采集未记录", problems);
    return store(
        new NewRecord(
            caller,
            WorkRecordKind.INFO_ENTRY,
            grid,
            day,
            at,
            null,
            null,
            null,
            null,
            null,
            false,
            request.corrects(),
            now),
        new Detail(
            null, null, trimmed(request.kind()), trimmed(request.text()), correction.reason()),
        List.of());
  }

  /**
   * 撤销 a record made by mistake: a record of kind WITHDRAWAL that names it with the reason; the
   * withdrawn record stays listed, marked corrected, and no longer counts.
   */
  @Transactional
  public WorkRecord withdraw(long id, String reason, String caller) {
    requireGridWorker(caller);
    WorkRecord old =
        repository
            .find(id)
            .filter(r -> r.username().equals(caller))
            .orElseThrow(() -> new NotFound("没有您的编号为 " + id + " 的记录"));
    List<ApiError> problems = new ArrayList<>();
    if (old.kind() == WorkRecordKind.WITHDRAWAL) {
      problems.add(new ApiError("id", "S2.corrects", "撤销记录本身不能撤销"));
    } else if (old.corrected()) {
      problems.add(
          new ApiError("id", "S2.corrects", "记录 " + id + " 已被记录 " + old.correctedBy() + " 更正或撤销"));
    } else if (old.open()) {
      problems.add(new ApiError("id", "S2.corrects", "巡查 " + id + " 尚未结束，请先结束巡查"));
    }
    if (trimmed(reason) == null) {
      problems.add(new ApiError("reason", "S2.correctionReason", "请填写撤销原因"));
    }
    refuseIf("记录未撤销", problems);
    OffsetDateTime now = GridCaseTime.now(clock);
    return store(
        new NewRecord(
            caller,
            WorkRecordKind.WITHDRAWAL,
            old.gridCode(),
            old.date(),
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            id,
            now),
        new Detail(null, null, null, null, trimmed(reason)),
        List.of());
  }

  // ---- reading ----

  /**
   * One record with its track: the caller's own or one of a grid in their scope (404 otherwise).
   */
  @Transactional(readOnly = true)
  public WorkRecord get(long id, String caller) {
    WorkRecord record = repository.find(id).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的记录"));
    if (!record.username().equals(caller) && !scopes.of(caller).seesGrid(record.gridCode())) {
      throw new NotFound("没有编号为 " + id + " 的记录");
    }
    return record.kind() == WorkRecordKind.PATROL ? record.withTrack(repository.track(id)) : record;
  }

  /** What a list asks for. */
  public record ListQuery(
      String username,
      WorkRecordKind kind,
      LocalDate from,
      LocalDate to,
      String gridCode,
      int limit) {}

  /**
   * Records newest first: of one person (own, or a grid worker of a grid in the caller's scope:
   * their records in those grids; 403 otherwise), or without a person the caller's own when they
   * are a grid worker, else everyone's in the caller's scope (optionally one grid).
   */
  @Transactional(readOnly = true)
  public List<WorkRecord> list(ListQuery query, String caller) {
    AccessScope scope = scopes.of(caller);
    String username = blankToNull(query.username());
    String grid = blankToNull(query.gridCode());
    if (grid != null && !scope.seesGrid(grid)) {
      // a grid the caller held once but no longer sees: their own records there, nobody else's
      if (!heldGrid(caller, grid) || (username != null && !username.equals(caller))) {
        throw new AccessDeniedException("网格 " + grid + " 不在您的查看范围内");
      }
      username = caller;
    }
    if (username == null && grid == null && isGridWorkerEver(caller)) {
      username = caller;
    }
    Set<String> grids;
    if (username == null) {
      // everyone's records in the caller's scope (or the one grid asked for)
      grids = grid != null ? Set.of(grid) : scope.admin() ? null : scope.grids();
      if (grids != null && grids.isEmpty()) {
        return List.of();
      }
    } else if (username.equals(caller)) {
      grids = grid == null ? null : Set.of(grid);
    } else {
      Set<String> inScope = gridsOfWorkerInScope(username, scope);
      grids =
          grid == null
              ? inScope
              : inScope == null || inScope.contains(grid) ? Set.of(grid) : Set.of();
    }
    return repository.list(
        new WorkRecordRepository.Query(
            username, grids, query.kind(), query.from(), query.to(), query.limit()));
  }

  /**
   * The grids of a grid worker's appointments (over time) that the scope sees (null: all, for an
   * administrator): the records of them the caller may read. 403 when there are none — the user is
   * out of the caller's scope (or unknown: no hint either way).
   */
  public Set<String> gridsOfWorkerInScope(String username, AccessScope scope) {
    Set<String> grids =
        organisation.appointmentsOf(username).stream()
            .filter(a -> a.role() == AppointmentRole.GRID_WORKER)
            .map(Appointment::unitCode)
            .filter(scope::seesGrid)
            .collect(Collectors.toSet());
    if (scope.admin()) {
      return null;
    }
    if (grids.isEmpty()) {
      throw new AccessDeniedException(username + " 不在您的查看范围内");
    }
    return grids;
  }

  // ---- rules ----

  /** 403 for a user who is not a full-time grid worker today. */
  private void requireGridWorker(String caller) {
    boolean worker =
        organisation.currentAppointments(caller).stream()
            .anyMatch(a -> a.role() == AppointmentRole.GRID_WORKER);
    if (!worker) {
      throw new AccessDeniedException("只有专职网格员记录日常工作");
    }
  }

  private boolean isGridWorkerEver(String caller) {
    return organisation.appointmentsOf(caller).stream()
        .anyMatch(a -> a.role() == AppointmentRole.GRID_WORKER);
  }

  private boolean heldGrid(String caller, String grid) {
    return organisation.appointmentsOf(caller).stream()
        .anyMatch(a -> a.role() == AppointmentRole.GRID_WORKER && a.unitCode().equals(grid));
  }

  /**
   * The grid of the record: the given one, which the caller must be the grid worker of on that day,
   * or the caller's one grid of that day (S2.grid otherwise).
   */
  private String grid(String caller, String given, LocalDate day, List<ApiError> problems) {
    List<String> held =
        organisation.appointmentsOf(caller).stream()
            .filter(a -> a.role() == AppointmentRole.GRID_WORKER && a.isCurrentOn(day))
            .map(Appointment::unitCode)
            .distinct()
            .toList();
    String code = blankToNull(given);
    if (code != null) {
      if (!held.contains(code)) {
        problems.add(
            new ApiError(
                "gridCode", "S2.grid", "您在 " + day + " 不是网格 " + code + " 的专职网格员，只能记录本人网格的工作"));
        return null;
      }
      return code;
    }
    if (held.isEmpty()) {
      problems.add(new ApiError("gridCode", "S2.grid", "您在 " + day + " 不是任何网格的专职网格员"));
      return null;
    }
    if (held.size() > 1) {
      problems.add(new ApiError("gridCode", "S2.grid", "您在 " + day + " 是多个网格的网格员，请选择网格：" + held));
      return null;
    }
    return held.get(0);
  }

  /** The problems of a patrol's end against its start. */
  private static List<ApiError> endProblems(
      OffsetDateTime start, OffsetDateTime end, OffsetDateTime now) {
    List<ApiError> problems = new ArrayList<>();
    if (isFuture(end, now)) {
      problems.add(new ApiError("endedAt", "S2.patrolEnd", "巡查结束时间不能晚于现在（" + minute(now) + "）"));
    }
    if (start != null && !end.isAfter(start)) {
      problems.add(new ApiError("endedAt", "S2.patrolEnd", "巡查结束时间须晚于开始时间（" + minute(start) + "）"));
    } else if (start != null && Duration.between(start, end).compareTo(LONGEST_PATROL) > 0) {
      problems.add(
          new ApiError(
              "endedAt", "S2.patrolEnd", "一次巡查不超过 " + LONGEST_PATROL.toHours() + " 小时：请填写实际结束时间"));
    }
    return problems;
  }

  /** The track's points, checked (each inside the patrol's time, with a position) and in order. */
  private static List<TrackPoint> track(
      List<TrackPoint> track, OffsetDateTime start, OffsetDateTime end, List<ApiError> problems) {
    if (track == null || track.isEmpty()) {
      return List.of();
    }
    if (track.size() > TRACK_MAX) {
      problems.add(new ApiError("track", "S2.track", "轨迹最多 " + TRACK_MAX + " 个点"));
      return List.of();
    }
    List<TrackPoint> points = new ArrayList<>();
    for (int i = 0; i < track.size(); i++) {
      TrackPoint p = track.get(i);
      String field = "track[" + i + "]";
      if (p == null) {
        problems.add(new ApiError(field, "S2.track", "第 " + (i + 1) + " 个轨迹点是空的"));
        continue;
      }
      boolean ok = true;
      if (p.at() == null) {
        problems.add(new ApiError(field + ".at", "S2.track", "第 " + (i + 1) + " 个轨迹点没有时间"));
        ok = false;
      } else if (start != null
          && end != null
          && end.isAfter(start)
          && (p.at().isBefore(start) || p.at().isAfter(end))) {
        problems.add(
            new ApiError(
                field + ".at",
                "S2.track",
                "第 "
                    + (i + 1)
                    + " 个轨迹点的时间 "
                    + minute(p.at())
                    + " 不在巡查时间（"
                    + minute(start)
                    + " 至 "
                    + minute(end)
                    + "）内"));
        ok = false;
      }
      int before = problems.size();
      if (p.latitude() == null || p.longitude() == null) {
        problems.add(new ApiError(field, "S2.track", "第 " + (i + 1) + " 个轨迹点缺少经纬度"));
      } else {
        position(p.latitude(), p.longitude(), field + ".", problems);
      }
      if (ok && problems.size() == before) {
        points.add(new TrackPoint(p.at(), scaled(p.latitude()), scaled(p.longitude())));
      }
    }
    points.sort(Comparator.comparing(TrackPoint::at));
    return points;
  }

  /** A position: both or neither, within the earth's ranges. */
  private static void position(
      BigDecimal latitude, BigDecimal longitude, String prefix, List<ApiError> problems) {
    if (latitude == null && longitude == null) {
      return;
    }
    if (latitude == null || longitude == null) {
      problems.add(
          new ApiError(
              prefix + (latitude == null ? "latitude" : "longitude"), "S2.position", "经度和纬度须一起填写"));
      return;
    }
    if (latitude.abs().compareTo(LATITUDE_MAX) > 0) {
      problems.add(new ApiError(prefix + "latitude", "S2.position", "纬度在 -90 到 90 之间"));
    }
    if (longitude.abs().compareTo(LONGITUDE_MAX) > 0) {
      problems.add(new ApiError(prefix + "longitude", "S2.position", "经度在 -180 到 180 之间"));
    }
  }

  /** S2.patrolOverlap: a worker patrols once at a time (else the day's sum counts twice). */
  private void overlap(
      String caller,
      OffsetDateTime start,
      OffsetDateTime end,
      Long except,
      List<ApiError> problems) {
    List<Long> overlapping = repository.overlappingPatrols(caller, start, end, except);
    if (!overlapping.isEmpty()) {
      problems.add(
          new ApiError(
              "startedAt", "S2.patrolOverlap", "与已记录的巡查（编号 " + overlapping.get(0) + "）时间重叠"));
    }
  }

  /** A correction's reason and problems (none when the request corrects nothing). */
  private record Correction(String reason, List<ApiError> problems) {}

  private Correction correction(String caller, WorkRecordKind kind, Long corrects, String reason) {
    List<ApiError> problems = new ArrayList<>();
    String why = trimmed(reason);
    if (corrects == null) {
      if (why != null) {
        problems.add(new ApiError("corrects", "S2.corrects", "填写了更正原因，但未指明要更正的记录（corrects）"));
      }
      return new Correction(null, problems);
    }
    Optional<WorkRecord> old = repository.find(corrects).filter(r -> r.username().equals(caller));
    if (old.isEmpty()) {
      problems.add(new ApiError("corrects", "S2.corrects", "没有您的编号为 " + corrects + " 的记录"));
    } else if (old.get().kind() != kind) {
      problems.add(
          new ApiError(
              "corrects",
              "S2.corrects",
              "记录 " + corrects + " 是" + old.get().kind().label() + "记录，不能以" + kind.label() + "更正"));
    } else if (old.get().corrected()) {
      problems.add(
          new ApiError(
              "corrects",
              "S2.corrects",
              "记录 " + corrects + " 已被记录 " + old.get().correctedBy() + " 更正或撤销，请更正最新的记录"));
    } else if (old.get().open()) {
      problems.add(new ApiError("corrects", "S2.corrects", "巡查 " + corrects + " 尚未结束，请先结束巡查"));
    }
    if (why == null) {
      problems.add(new ApiError("correctionReason", "S2.correctionReason", "请填写更正原因"));
    }
    return new Correction(why, problems);
  }

  private WorkRecord store(NewRecord record, Detail detail, List<TrackPoint> track) {
    long id = repository.insert(record, detail);
    if (record.corrects() != null && !repository.markCorrected(record.corrects(), id)) {
      throw new StateConflict("记录 " + record.corrects() + " 刚已被更正，请刷新后更正最新的记录");
    }
    repository.insertTrack(id, track);
    WorkRecord stored = repository.find(id).orElseThrow();
    return record.kind() == WorkRecordKind.PATROL ? stored.withTrack(track) : stored;
  }

  /** A date given (default today), not after today. */
  private LocalDate date(
      LocalDate given,
      OffsetDateTime now,
      String field,
      String code,
      String label,
      List<ApiError> problems) {
    LocalDate today = dayOf(now);
    if (given == null) {
      return today;
    }
    if (given.isAfter(today)) {
      problems.add(new ApiError(field, code, label + "不能晚于今天（" + today + "）"));
      return today;
    }
    return given;
  }

  private static int minutes(OffsetDateTime start, OffsetDateTime end) {
    return (int) Duration.between(start, end).toMinutes();
  }

  private static boolean isFuture(OffsetDateTime moment, OffsetDateTime now) {
    return moment.isAfter(now.plus(FUTURE_TOLERANCE));
  }

  private static LocalDate dayOf(OffsetDateTime moment) {
    return moment.atZoneSameInstant(GridCaseTime.ZONE).toLocalDate();
  }

  private static String minute(OffsetDateTime moment) {
    return GridCaseTime.minute(moment);
  }

  private static BigDecimal scaled(BigDecimal value) {
    return value == null ? null : value.setScale(6, RoundingMode.HALF_UP);
  }

  private static void refuseIf(String detail, List<ApiError> problems) {
    if (!problems.isEmpty()) {
      throw new DomainRuleViolation(detail + "：请更正所列各项", problems);
    }
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String blankToNull(String value) {
    return trimmed(value);
  }
}
