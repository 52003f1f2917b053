package cn.gridcase.assessment.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A quarter process's business key {@code assessment-GS-2026-Q3}: township and quarter. */
record QuarterKey(String township, String quarter) {

  private static final Pattern KEY = Pattern.compile("assessment-(.+)-(\\d{4}-Q[1-4])");

  static QuarterKey of(String businessKey) {
    Matcher m = KEY.matcher(businessKey == null ? "" : businessKey);
    if (!m.matches()) {
      throw new IllegalStateException("not a quarter assessment's business key: " + businessKey);
    }
    return new QuarterKey(m.group(1), m.group(2));
  }
}
