package cn.gridcase.accountability;

import static cn.gridcase.platform.TextRules.LONG_MAX;

import cn.gridcase.platform.Text;
import java.util.List;

/**
 * Opening a case (立案): the subject (a user) and their role (C1), the clause of S0 第四条 cited, the
 * facts, optionally the event it concerns and the investigators (default: the township's).
 */
public record OpenCase(
    @Text(max = 64) String subject,
    @Text(max = 32) String subjectRole,
    @Text(max = 200) String clause,
    @Text(max = LONG_MAX, multiLine = true) String facts,
    @Text(max = 32) String eventNumber,
    @Text(max = 64) List<String> investigators) {}
