package cn.gridcase.routine;

import static cn.gridcase.platform.TextRules.LONG_MAX;
import static cn.gridcase.platform.TextRules.NOTE_MAX;

import cn.gridcase.platform.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a grid worker records (the bodies of {@code POST /api/work/...}). Every record is the
 * caller's own. {@code corrects} names a record of the caller's that this one replaces, with {@code
 * correctionReason}: the old record stays, marked corrected, and only the newest version counts.
 * {@code gridCode} may be left out when the caller is the worker of one grid on the day.
 */
public final class WorkRecordRequest {

  private WorkRecordRequest() {}

  /** 打卡: {@code at} defaults to now. */
  public record CheckIn(
      OffsetDateTime at,
      BigDecimal latitude,
      BigDecimal longitude,
      @Text(max = 64) String gridCode,
      Long corrects,
      @Text(max = NOTE_MAX, multiLine = true) String correctionReason) {}

  /** A position of a patrol's track, inside the patrol's time. */
  public record TrackPoint(OffsetDateTime at, BigDecimal latitude, BigDecimal longitude) {}

  /** 巡查, entered once it is over: start, end, optional track. */
  public record Patrol(
      @Text(max = 64) String gridCode,
      OffsetDateTime startedAt,
      OffsetDateTime endedAt,
      List<TrackPoint> track,
      @Text(max = NOTE_MAX, multiLine = true) String note,
      Long corrects,
      @Text(max = NOTE_MAX, multiLine = true) String correctionReason) {}

  /** 开始巡查 now (the phone's start button). */
  public record PatrolStart(
      @Text(max = 64) String gridCode, BigDecimal latitude, BigDecimal longitude) {}

  /** 结束巡查: {@code endedAt} defaults to now (give it when the stop was forgotten). */
  public record PatrolEnd(
      OffsetDateTime endedAt,
      List<TrackPoint> track,
      @Text(max = NOTE_MAX, multiLine = true) String note) {}

  /**
   * 走访: {@code group} FAMILY or a special group (then {@code personId}, a person of the grid's
   * register, whose household is taken when none is given).
   */
  public record Visit(
      @Text(max = 64) String gridCode,
      @Text(max = 200) String household,
      @Text(max = 32) String group,
      Long personId,
      OffsetDateTime visitedAt,
      @Text(max = NOTE_MAX, multiLine = true) String note,
      Long corrects,
      @Text(max = NOTE_MAX, multiLine = true) String correctionReason) {}

  /** 民情日志 of a day (default today). */
  public record Diary(
      LocalDate date,
      @Text(max = LONG_MAX, multiLine = true) String text,
      @Text(max = 64) String gridCode,
      Long corrects,
      @Text(max = NOTE_MAX, multiLine = true) String correctionReason) {}

  /** 隐患排查 of a day (default today) with what was found (no finding is written as such). */
  public record Screening(
      @Text(max = 64) String gridCode,
      LocalDate date,
      @Text(max = LONG_MAX, multiLine = true) String findings,
      Long corrects,
      @Text(max = NOTE_MAX, multiLine = true) String correctionReason) {}

  /** 信息采集: what kind of information (人口、房屋、单位…) and the entry; {@code at} defaults to now. */
  public record InfoEntry(
      @Text(max = 64) String gridCode,
      @Text(max = 100) String kind,
      @Text(max = LONG_MAX, multiLine = true) String text,
      OffsetDateTime at,
      Long corrects,
      @Text(max = NOTE_MAX, multiLine = true) String correctionReason) {}

  /** 撤销 a record made by mistake. */
  public record Withdrawal(@Text(max = NOTE_MAX, multiLine = true) String reason) {}
}
