package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.PayLine;
import cn.gridcase.assessment.PayStatement;
import cn.gridcase.assessment.PayStatements;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.springframework.stereotype.Component;

/**
 * A5's tie-break figures from the monthly pay statements as paid with the quarter (A1: an entry
 * still open then counts as not counted): the counted entries of the quarter's three months and the
 * report time of the last counted one. Months in which the user was no grid worker count nothing.
 */
@Component
class PayQuarterEntries implements QuarterEntries {

  private final PayStatements statements;

  PayQuarterEntries(PayStatements statements) {
    this.statements = statements;
  }

  @Override
  public Entries of(String username, int year, int quarter) {
    int counted = 0;
    OffsetDateTime last = null;
    for (int m = 0; m < 3; m++) {
      YearMonth month = YearMonth.of(year, 3 * quarter - 2 + m);
      if (!statements.isGridWorkerIn(username, month)) {
        continue;
      }
      PayStatement statement = statements.paid(username, month);
      counted += statement.countedEntries();
      for (PayLine line : statement.lines()) {
        if (line.counted() && (last == null || line.reportedAt().isAfter(last))) {
          last = line.reportedAt();
        }
      }
    }
    return new Entries(counted, last);
  }
}
