package cn.gridcase.routine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One work record as kept (never changed but for the mark of its correction): {@code date} is the
 * day it counts for, {@code at} its moment (a patrol's start; null for a diary, a screening and a
 * withdrawal), {@code text} what the worker wrote (a note, the diary, the findings, the entry).
 * {@code corrects} / {@code correctionReason} when it replaces an earlier record; {@code
 * correctedBy} the newer version once it was corrected or withdrawn (then it no longer counts).
 * {@code open}: a patrol in progress. {@code track} only on a single record.
 */
public record WorkRecord(
    long id,
    WorkRecordKind kind,
    String kindLabel,
    String username,
    String gridCode,
    LocalDate date,
    OffsetDateTime at,
    OffsetDateTime endedAt,
    Integer minutes,
    BigDecimal latitude,
    BigDecimal longitude,
    String group,
    String groupLabel,
    Long personId,
    String personName,
    String household,
    String infoKind,
    String text,
    Long corrects,
    String correctionReason,
    Long correctedBy,
    boolean corrected,
    boolean open,
    OffsetDateTime recordedAt,
    List<WorkRecordRequest.TrackPoint> track) {

  /** The same record with its track. */
  public WorkRecord withTrack(List<WorkRecordRequest.TrackPoint> points) {
    return new WorkRecord(
        id,
        kind,
        kindLabel,
        username,
        gridCode,
        date,
        at,
        endedAt,
        minutes,
        latitude,
        longitude,
        group,
        groupLabel,
        personId,
        personName,
        household,
        infoKind,
        text,
        corrects,
        correctionReason,
        correctedBy,
        corrected,
        open,
        recordedAt,
        points);
  }
}
