package cn.gridcase.routine.internal;

import cn.gridcase.routine.WorkRecordKind;
import java.time.LocalDate;

/**
 * A record as the shortfalls count it: the newest version only, a patrol once it has ended. {@code
 * group} is a visit's group (FAMILY or a special group), {@code household} as typed.
 */
public record CountedRecord(
    long id,
    WorkRecordKind kind,
    LocalDate date,
    Integer minutes,
    String group,
    Long personId,
    String household) {}
