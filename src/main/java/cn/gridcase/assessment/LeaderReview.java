package cn.gridcase.assessment;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One version of a grid leader's half-year performance review (半年考评, rule A8), recorded by the
 * township: the year and half (1 = 上半年, 2 = 下半年), the result (称职 / 基本称职 / 不称职) with its reasoning,
 * who recorded it (the account and its name) and when. A correction is a new version with its
 * reason; {@code earlierVersions} holds the versions it replaced (newest first).
 */
public record LeaderReview(
    long id,
    String leader,
    String leaderName,
    String villageCode,
    String villageName,
    String townshipCode,
    int year,
    int half,
    int version,
    ReviewResult result,
    String resultLabel,
    String reasoning,
    String recordedBy,
    String recordedByName,
    OffsetDateTime recordedAt,
    Long correctsId,
    String correctionReason,
    List<LeaderReview> earlierVersions) {}
