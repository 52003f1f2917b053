package cn.gridcase.accountability;

import java.util.List;

/**
 * Opening a case (立案): the subject (a user) and their role (C1), the clause of S0 第四条 cited, the
 * facts, optionally the event it concerns and the investigators (default: the township's).
 */
public record OpenCase(String subject, String subjectRole, String clause, String facts, String eventNumber,
    List<String> investigators) {}
