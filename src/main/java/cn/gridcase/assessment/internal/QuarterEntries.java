package cn.gridcase.assessment.internal;

import java.time.OffsetDateTime;

/**
 * What A5's tie-break reads of a grid worker's quarter: the counted entries (A1) of its three
 * months and when the last of them was reported — from the monthly pay statements, never counted
 * twice.
 */
public interface QuarterEntries {

  record Entries(int counted, OffsetDateTime lastEntryAt) {}

  Entries of(String username, int year, int quarter);
}
