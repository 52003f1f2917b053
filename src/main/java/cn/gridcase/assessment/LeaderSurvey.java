package cn.gridcase.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One version of a grid leader's year-end satisfaction survey (年度满意度测评, rule A8): the counts of 满意
 * / 基本满意 / 不满意 answers of the village's party members and villager representatives, the share of
 * 不满意 in percent (two decimals), whether it is more than one third, and whether the survey raised
 * the replacement proposal; who recorded it ({@code recordedBy}, the account, and {@code
 * recordedByName}, the name people read) and when. A correction is a new version with its reason;
 * {@code earlierVersions} holds the versions it replaced (newest first) where a listing shows them.
 */
public record LeaderSurvey(
    long id,
    String leader,
    String leaderName,
    String villageCode,
    String villageName,
    String townshipCode,
    int year,
    int version,
    int satisfied,
    int basicallySatisfied,
    int dissatisfied,
    int total,
    BigDecimal dissatisfiedPercent,
    boolean overOneThird,
    boolean replacementProposed,
    String recordedBy,
    String recordedByName,
    OffsetDateTime recordedAt,
    Long correctsId,
    String correctionReason,
    List<LeaderSurvey> earlierVersions) {}
