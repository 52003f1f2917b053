package cn.gridcase.accountability;

import java.time.OffsetDateTime;

/** One read of a case (audited). */
public record CaseRead(String reader, OffsetDateTime at) {}
